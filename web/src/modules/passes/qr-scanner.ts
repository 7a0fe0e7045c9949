import jsQR from 'jsqr';

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
declare global {
  interface Window {
    BarcodeDetector?: new (opts: { formats: string[] }) => Detector;
  }
}

/**
 * Reads QR codes from a playing video: the browser's BarcodeDetector where it exists, otherwise
 * jsQR on a canvas frame. Calls `onCode` once per new text; returns a function that stops.
 */
export function scanVideo(video: HTMLVideoElement, onCode: (text: string) => void): () => void {
  let stopped = false;
  let last = '';
  let lastAt = 0;
  const detector = window.BarcodeDetector ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const emit = (text: string) => {
    const now = Date.now();
    // the same code held in front of the camera counts once every few seconds
    if (text === last && now - lastAt < 3000) return;
    last = text;
    lastAt = now;
    onCode(text);
  };
  const tick = async () => {
    if (stopped) return;
    if (video.readyState >= 2 && video.videoWidth > 0) {
      try {
        if (detector) {
          const found = await detector.detect(video);
          if (found[0]) emit(found[0].rawValue);
        } else if (ctx) {
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          ctx.drawImage(video, 0, 0);
          const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
          const code = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
          if (code?.data) emit(code.data);
        }
      } catch {
        /* a frame that cannot be read is skipped */
      }
    }
    setTimeout(() => void tick(), 200);
  };
  void tick();
  return () => {
    stopped = true;
  };
}

export const QR_PREFIX = 'fugong:pass:';
export const tokenFromQr = (text: string) =>
  text.trim().startsWith(QR_PREFIX) ? text.trim().slice(QR_PREFIX.length) : text.trim();
