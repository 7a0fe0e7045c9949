import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidUscc, usccCheckChar } from './uscc';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const symbol = fc.constantFrom(...ALPHABET.split(''));
const digit = fc.constantFrom(...'0123456789'.split(''));
/** 17 characters shaped like a code: authority + kind, 6-digit region, 9-character organisation code. */
const prefix17 = fc
  .tuple(
    fc.array(symbol, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(symbol, { minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, c]) => [...a, ...b, ...c].join(''));

describe('统一社会信用代码 (GB 32100)', () => {
  it('computes the check character of a hand-checked example', () => {
    // 91350100M000100Y4: 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M(21)·20 + 0·29 + 0·25 + 0·13
    //   + 1·8 + 0·24 + 0·10 + Y(30)·30 + 4·28 = 1640; 1640 mod 31 = 28; 31 − 28 = 3
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });

  it('accepts the check character 0 when the weighted sum is a multiple of 31', () => {
    // 1·1 + 1·3 + 0·9 + 1·27 = 31 → (31 − 0) mod 31 = 0
    expect(usccCheckChar('11010000000000000')).toBe('0');
    expect(isValidUscc('110100000000000000')).toBe(true);
  });

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91350100M000100Y4', 'too short'],
    ['91350100M000100Y433', 'too long'],
    ['9135A100M000100Y43', 'letter in the region digits'],
    ['91350100I000100Y43', 'I is not in the alphabet'],
    ['91350100O000100Y43', 'O is not in the alphabet'],
    ['91350100m000100y43', 'lower case'],
    ['', 'empty'],
  ])('refuses %s (%s)', (code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it('has no check character for malformed prefixes', () => {
    expect(usccCheckChar('91350100M000100Y')).toBeNull();
    expect(usccCheckChar('91350100M000100S4')).toBeNull();
  });

  it('validates any well-formed 17-character prefix with its computed check character', () => {
    fc.assert(fc.property(prefix17, (p) => isValidUscc(p + usccCheckChar(p)!)));
  });

  it('is broken by changing any single character to any other symbol', () => {
    fc.assert(
      fc.property(prefix17, fc.nat(17), fc.nat(ALPHABET.length - 2), (p, pos, k) => {
        const code = p + usccCheckChar(p)!;
        const others = ALPHABET.replace(code[pos]!, '');
        const changed = code.slice(0, pos) + others[k]! + code.slice(pos + 1);
        return !isValidUscc(changed);
      }),
    );
  });
});
