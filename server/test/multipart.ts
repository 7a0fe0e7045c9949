import crypto from 'node:crypto';
import type { Client } from './helpers';

/** A multipart/form-data body with text fields and at most one file (field "file"). */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = '----fugong' + crypto.randomBytes(8).toString('hex');
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** POSTs one file (and fields) as multipart. */
export const postFile = (c: Client, url: string, name: string, content: Buffer, fields: Record<string, string> = {}) =>
  c.request({ method: 'POST', url, ...multipart(fields, { name, content }) });

/** Small valid files of each type, and one that is not what its name says. */
export const sampleFiles = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]),
  jpg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)]),
};
