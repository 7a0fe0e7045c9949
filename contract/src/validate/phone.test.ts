import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidMobile, normalisePhone } from './phone';

const mobile = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest.join('')}`);

describe('mainland mobile numbers', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['0086-138-0013-8000', '13800138000'],
    ['  199 1234 5678 ', '19912345678'],
  ])('normalises %j to %s and accepts it', (raw, clean) => {
    expect(normalisePhone(raw)).toBe(clean);
    expect(isValidMobile(raw)).toBe(true);
  });

  it.each([
    ['12800138000', 'second digit 2'],
    ['1380013800', '10 digits'],
    ['138001380001', '12 digits'],
    ['23800138000', 'not starting with 1'],
    ['022-12345678', 'a landline'],
    ['+85213800138000', 'a Hong Kong prefix'],
    ['1380013800a', 'a letter'],
    ['', 'empty'],
  ])('refuses %j (%s)', (raw) => {
    expect(isValidMobile(raw)).toBe(false);
  });

  it('accepts any valid number with a +86 prefix and spaces or dashes anywhere, normalising to the bare digits', () => {
    fc.assert(
      fc.property(
        mobile,
        fc.constantFrom('', '+86', '0086', '+86 '),
        fc.array(fc.tuple(fc.nat(10), fc.constantFrom(' ', '-')), { maxLength: 4 }),
        (m, prefix, seps) => {
          let s = m;
          for (const [at, sep] of seps) s = s.slice(0, at) + sep + s.slice(at);
          const raw = prefix + s;
          return normalisePhone(raw) === m && isValidMobile(raw);
        },
      ),
    );
  });
});
