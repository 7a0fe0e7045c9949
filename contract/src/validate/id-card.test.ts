import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idCardBirthDate, idCardCheckChar, isValidIdCard, normaliseIdCard } from './id-card';

const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: n, maxLength: n }).map((a) => a.join(''));
const region = fc.tuple(fc.integer({ min: 1, max: 9 }), digits(5)).map(([a, b]) => `${a}${b}`);
const birth = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const prefix17 = fc.tuple(region, birth, digits(3)).map(([r, b, s]) => r + b.replaceAll('-', '') + s);
const withCheck = (p: string) => p + idCardCheckChar(p)!;

describe('居民身份证号码 (GB 11643)', () => {
  it('computes the check character of hand-checked examples', () => {
    // 11010519491231002: 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10
    //   + 1·5 + 0·8 + 0·4 + 2·2 = 167; 167 mod 11 = 2 → "10X98765432"[2] = X
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdCard('11010519491231002X')).toBe(true);
    // 11010119900307447: sum 214; 214 mod 11 = 5 → 7
    expect(idCardCheckChar('11010119900307447')).toBe('7');
    expect(isValidIdCard('110101199003074477')).toBe(true);
    expect(idCardBirthDate('110101199003074477')).toBe('1990-03-07');
  });

  it('accepts a lower-case x and normalises it to X', () => {
    expect(isValidIdCard('11010519491231002x')).toBe(true);
    expect(normaliseIdCard(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it.each([
    ['110101199003074478', 'wrong check digit'],
    ['11010119900307447X', 'X where 7 belongs'],
    ['11010119900307447', '17 characters'],
    ['1101011990030744777', '19 characters'],
    ['11010119900307447Y', 'Y as check character'],
    ['010101199003074477', 'region starting with 0'],
    ['110101189912314471', 'born before 1900'],
    ['1101011990030744 7', 'a space inside'],
  ])('refuses %s (%s)', (id) => {
    expect(isValidIdCard(id)).toBe(false);
  });

  it.each(['20000230', '19900431', '19001329', '19000229', '20230229', '19900100', '19900001'])(
    'refuses the impossible birth date %s even with a right check digit',
    (date) => {
      const id = withCheck(`110101${date}123`);
      expect(idCardCheckChar(id.slice(0, 17))).toBe(id[17]);
      expect(isValidIdCard(id)).toBe(false);
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(isValidIdCard(withCheck('11010120000229123'))).toBe(true);
    expect(isValidIdCard(withCheck('11010119960229123'))).toBe(true);
  });

  it('refuses a birth date after the given today', () => {
    const id = withCheck('11010120261124123');
    expect(isValidIdCard(id)).toBe(true);
    expect(isValidIdCard(id, '2026-11-23')).toBe(false);
    expect(isValidIdCard(id, '2026-11-24')).toBe(true);
  });

  it('validates any region + real birth date + sequence with its computed check character', () => {
    fc.assert(
      fc.property(prefix17, (p) => {
        const id = withCheck(p);
        return (
          isValidIdCard(id) &&
          isValidIdCard(id.toLowerCase()) &&
          idCardBirthDate(id) === `${p.slice(6, 10)}-${p.slice(10, 12)}-${p.slice(12, 14)}`
        );
      }),
    );
  });

  it('is broken by changing any single character', () => {
    fc.assert(
      fc.property(prefix17, fc.nat(17), fc.nat(9), (p, pos, k) => {
        const id = withCheck(p);
        const others = '0123456789X'.replace(id[pos]!, '');
        const changed = id.slice(0, pos) + others[k]! + id.slice(pos + 1);
        return !isValidIdCard(changed);
      }),
    );
  });
});
