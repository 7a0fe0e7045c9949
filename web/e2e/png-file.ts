import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A small valid PNG (1×1) under a name of its own, for the upload steps of the journeys. */
export function pngFile(name: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fugong-e2e-png-')), name);
  fs.writeFileSync(
    file,
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
  );
  return file;
}
