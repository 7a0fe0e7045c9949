import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPii, loadMasterKey, maskIdNumber, maskName, maskPhone } from './pii';

const key = crypto.randomBytes(32);
const pii = createPii(key);

describe('pii encryption', () => {
  it('round-trips any text, Chinese and emoji included', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => pii.decrypt(pii.encrypt(s)) === s));
  });

  it('gives a different ciphertext every time, none containing the clear text', () => {
    const a = pii.encrypt('11010519491231002X');
    const b = pii.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:/);
    expect(a).not.toContain('11010519491231002X');
    expect(Buffer.from(a.slice(3), 'base64').toString('latin1')).not.toContain('1101051949');
  });

  it('detects tampering with any byte of the stored value', () => {
    const stored = pii.encrypt('13800138000');
    const raw = Buffer.from(stored.slice(3), 'base64');
    fc.assert(
      fc.property(fc.nat(raw.length - 1), fc.integer({ min: 1, max: 255 }), (i, x) => {
        const bad = Buffer.from(raw);
        bad[i] = bad[i]! ^ x;
        expect(() => pii.decrypt('v1:' + bad.toString('base64'))).toThrow();
      }),
    );
  });

  it('cannot be read with another master key, and refuses unknown formats', () => {
    const other = createPii(crypto.randomBytes(32));
    expect(() => other.decrypt(pii.encrypt('secret'))).toThrow();
    expect(() => pii.decrypt('v2:abc')).toThrow(/unknown pii format/);
  });

  it('refuses a master key of the wrong length', () => {
    expect(() => createPii(crypto.randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('pii lookup hash', () => {
  it('is stable for one key, differs between values, and is keyed', () => {
    expect(pii.hash('13800138000')).toBe(createPii(Buffer.from(key)).hash('13800138000'));
    expect(pii.hash('13800138000')).toMatch(/^[0-9a-f]{64}$/);
    expect(pii.hash('13800138000')).not.toBe(pii.hash('13800138001'));
    expect(createPii(crypto.randomBytes(32)).hash('13800138000')).not.toBe(pii.hash('13800138000'));
    // not a bare hash of the value either
    expect(pii.hash('13800138000')).not.toBe(crypto.createHash('sha256').update('13800138000').digest('hex'));
  });
});

describe('master key', () => {
  it('uses FUGONG_SECRET_KEY when given, else generates one file once (mode 600) and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fugong-key-'));
    try {
      const hex = crypto.randomBytes(32).toString('hex');
      expect(loadMasterKey(hex, dir).toString('hex')).toBe(hex);
      expect(fs.existsSync(path.join(dir, 'secret.key'))).toBe(false);
      const generated = loadMasterKey(null, path.join(dir, 'data'));
      expect(generated).toHaveLength(32);
      expect(fs.statSync(path.join(dir, 'data', 'secret.key')).mode & 0o777).toBe(0o600);
      expect(loadMasterKey(null, path.join(dir, 'data')).equals(generated)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('masks', () => {
  it('masks the example values', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('李')).toBe('*');
  });

  const idLike = fc.array(fc.constantFrom(...'0123456789X'.split('')), { minLength: 15, maxLength: 18 }).map((a) => a.join(''));
  const phoneLike = fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: 11, maxLength: 11 }).map((a) => a.join(''));

  it('never shows the middle of an ID number (birth date included)', () => {
    fc.assert(
      fc.property(idLike, (id) => {
        const m = maskIdNumber(id);
        return (
          m.length === id.length &&
          /^\*+$/.test(m.slice(4, -4)) &&
          m.slice(0, 4) === id.slice(0, 4) &&
          m.slice(-4) === id.slice(-4)
        );
      }),
    );
  });

  it('never shows the middle four digits of a mobile number', () => {
    fc.assert(fc.property(phoneLike, (p) => maskPhone(p) === `${p.slice(0, 3)}****${p.slice(7)}`));
  });

  it('keeps at most the first and last character of a name', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'王李张刘陈杨赵黄周吴欧阳司马诸葛'.split('')), { minLength: 1, maxLength: 6 }),
        (chars) => {
          const m = Array.from(maskName(chars.join('')));
          const middle = chars.length <= 2 ? m.slice(1) : m.slice(1, -1);
          return middle.every((c) => c === '*') && (chars.length === 1 ? m.join('') === '*' : m[0] === chars[0]);
        },
      ),
    );
  });
});
