import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateSchema, isCalendarDate } from './common';

describe('dateSchema', () => {
  it('accepts every real day and gives back the same text', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const s = d.toISOString().slice(0, 10);
          expect(dateSchema.parse(s)).toBe(s);
        },
      ),
    );
  });

  it('refuses days that do not exist', () => {
    for (const s of [
      '2020-02-30',
      '2021-02-29',
      '2020-13-01',
      '2020-00-10',
      '2020-04-31',
      '0000-00-00',
      '0088-88-96',
      '2026-13-45',
    ])
      expect(dateSchema.safeParse(s).success, s).toBe(false);
    expect(isCalendarDate('2020-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });

  it('refuses any text that is not YYYY-MM-DD with a real month and day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, m, d) => {
          const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = new Date(`${s}T00:00:00Z`);
          const exists = y >= 1900 && y <= 2999 && !Number.isNaN(real.getTime()) && real.toISOString().slice(0, 10) === s;
          expect(dateSchema.safeParse(s).success).toBe(exists);
        },
      ),
    );
  });
});
