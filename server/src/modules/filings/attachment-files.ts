import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type AttachmentType = 'pdf' | 'png' | 'jpg' | 'docx';

export const mimeOf: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const extensions: Record<string, AttachmentType> = { pdf: 'pdf', png: 'png', jpg: 'jpg', jpeg: 'jpg', docx: 'docx' };

/** The type the bytes say, whatever the name says: a renamed .exe is not a PDF. */
export function sniffType(buf: Buffer): AttachmentType | null {
  if (buf.length >= 5 && buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpg';
  // a .docx is a zip whose entries include word/… (names are stored uncompressed in the local headers)
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50 && buf.includes('word/', 0, 'latin1') && buf.includes('[Content_Types].xml', 0, 'latin1')) return 'docx';
  return null;
}

export function typeFromName(fileName: string): AttachmentType | null {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  return extensions[ext] ?? null;
}

/** Keeps a file once under files/<sha256>; the same content uploaded twice is stored once. */
export function storeContent(dataDir: string, buf: Buffer): string {
  const sha256 = crypto.createHash('sha256').update(buf).digest('hex');
  const dir = path.join(dataDir, 'files');
  const file = path.join(dir, sha256);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, buf, { mode: 0o640 });
    fs.renameSync(tmp, file);
  }
  return sha256;
}

export function contentPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad content hash');
  return path.join(dataDir, 'files', sha256);
}
