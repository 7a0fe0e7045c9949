import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCardCheckChar, isValidIdCard, isValidMobile, normaliseIdCard, personInputSchema } from '@fugong/contract';
import { maskIdNumber, maskPhone } from '../../platform/pii';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const birth = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
/** Any well-formed 身份证 number: region (not starting 0), birth date, sequence, check character. */
const idCardArb = fc.tuple(fc.integer({ min: 1, max: 9 }), digits(5), birth, digits(3)).map(([a, b, d, s]) => {
  const first17 = `${a}${b}${d}${s}`;
  return first17 + idCardCheckChar(first17)!;
});

describe('身份证 validation (GB 11643)', () => {
  it('accepts every number whose check character is computed, in either case of X', () => {
    fc.assert(fc.property(idCardArb, (id) => isValidIdCard(id) && isValidIdCard(id.toLowerCase())));
  });

  it('refuses every number with one digit changed (MOD 11-2 catches all single substitutions)', () => {
    fc.assert(
      fc.property(idCardArb, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (id, pos, delta) => {
        const changed = id.slice(0, pos) + ((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        return !isValidIdCard(changed);
      }),
    );
  });

  it('refuses a wrong check character, a wrong length, and a birth date after today', () => {
    fc.assert(
      fc.property(idCardArb, (id) => {
        const wrong = id.slice(0, 17) + ('10X98765432'.replace(id[17]!, '')[0] ?? '0');
        return !isValidIdCard(wrong) && !isValidIdCard(id.slice(0, 17)) && !isValidIdCard(id + '1');
      }),
    );
    const future = '12011920990101123';
    expect(isValidIdCard(future + idCardCheckChar(future), '2026-03-01')).toBe(false);
  });

  it('normalises before validating in the contract: spaces and lower-case x are the same number', () => {
    fc.assert(
      fc.property(idCardArb, (id) => {
        const r = personInputSchema.safeParse({
          name: '甲',
          idNumber: `  ${id.toLowerCase()} `,
          regionCode: '120119',
          category: 'resident',
        });
        return r.success && r.data.idNumber === normaliseIdCard(id);
      }),
    );
  });
});

describe('masking', () => {
  it('keeps the length, shows at most the first 4 and last 4 characters of an ID number', () => {
    fc.assert(
      fc.property(idCardArb, (id) => {
        const m = maskIdNumber(id);
        return (
          m.length === id.length &&
          m.startsWith(id.slice(0, 4)) &&
          m.endsWith(id.slice(-4)) &&
          m.slice(4, -4) === '*'.repeat(10) &&
          !m.includes(id.slice(4, 14))
        );
      }),
    );
  });

  it('never reveals the middle of a phone number', () => {
    const phone = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), digits(9)).map(([p, d]) => p + d);
    fc.assert(
      fc.property(phone, (p) => {
        const m = maskPhone(p);
        return (
          isValidMobile(p) &&
          m.length === 11 &&
          m.slice(3, 7) === '****' &&
          m.slice(0, 3) === p.slice(0, 3) &&
          m.slice(-4) === p.slice(-4)
        );
      }),
    );
  });

  it('masks short or odd values entirely rather than leaking them', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8 }),
        (s) => maskIdNumber(s).length === s.length && (s.length <= 1 || maskIdNumber(s).slice(1) === '*'.repeat(s.length - 1)),
      ),
    );
    fc.assert(fc.property(fc.string({ maxLength: 6 }), (s) => maskPhone(s) === '*'.repeat(s.length)));
  });
});
