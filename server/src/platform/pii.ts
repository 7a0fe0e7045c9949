import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from './random';

/**
 * Personal data at rest: AES-256-GCM for the value, a keyed HMAC for exact lookup,
 * masks for display. Two sub-keys are derived from one master key so neither leaks the other.
 */
export interface Pii {
  encrypt(clear: string): string;
  decrypt(stored: string): string;
  hash(clear: string): string;
}

export function createPii(masterKey: Buffer): Pii {
  if (masterKey.length !== 32) throw new Error('pii master key must be 32 bytes');
  const encKey = Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'fugong-pii-enc', 32));
  const macKey = Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'fugong-pii-mac', 32));
  return {
    encrypt(clear) {
      const iv = randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
      return 'v1:' + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
    },
    decrypt(stored) {
      if (!stored.startsWith('v1:')) throw new Error('unknown pii format');
      const raw = Buffer.from(stored.slice(3), 'base64');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    hash(clear) {
      return crypto.createHmac('sha256', macKey).update(clear).digest('hex');
    },
  };
}

/** FUGONG_SECRET_KEY wins; otherwise a key generated once into the data dir (mode 600). */
export function loadMasterKey(secretKeyHex: string | null, dataDir: string): Buffer {
  if (secretKeyHex) return Buffer.from(secretKeyHex, 'hex');
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

export function maskIdNumber(id: string): string {
  if (id.length <= 8) return id.slice(0, 1) + '*'.repeat(Math.max(0, id.length - 1));
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return chars[0] + '*';
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
