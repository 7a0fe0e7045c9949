import jsQR from 'jsqr';

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
declare global {
  interface Window {
    BarcodeDetector?: new (opts: { formats: string[] }) => Detector;
  }
}

/** The browser's own QR reader where there is one (Chrome on Android, macOS), else a JS decoder on the pixels. */
export async function decodeQr(source: HTMLVideoElement | HTMLImageElement, canvas: HTMLCanvasElement): Promise<string | null> {
  if (window.BarcodeDetector) {
    try {
      const found = await new window.BarcodeDetector({ formats: ['qr_code'] }).detect(source);
      if (found[0]) return found[0].rawValue;
    } catch {
      /* unsupported on this platform: fall back to pixels */
    }
  }
  const w0 = source instanceof HTMLVideoElement ? source.videoWidth : source.naturalWidth || 400;
  const h0 = source instanceof HTMLVideoElement ? source.videoHeight : source.naturalHeight || 400;
  if (!w0 || !h0) return null;
  // small pictures (an SVG code at its natural size) are scaled up so every module spans several pixels
  const scale = Math.max(1, 400 / Math.min(w0, h0));
  const w = Math.round(w0 * scale);
  const h = Math.round(h0 * scale);
  canvas.width = w;
  canvas.height = h;
  const g = canvas.getContext('2d', { willReadFrequently: true });
  if (!g) return null;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, w, h);
  g.drawImage(source, 0, 0, w, h);
  return jsQR(g.getImageData(0, 0, w, h).data, w, h)?.data ?? null;
}

/** Reads a QR code from a picture file (a photo or screenshot of the booking). */
export async function decodeQrFile(file: File): Promise<string | null> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return await decodeQr(img, document.createElement('canvas'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
