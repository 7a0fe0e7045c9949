import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, capacityOn, gateRefusal, isOpenOn, isoWeekday, newBookingCode } from './venue-rules';

const rule = (r: Partial<Parameters<typeof capacityOn>[1][number]>) => ({
  version: 1,
  mode: 'ratio',
  ratioPct: 50,
  capacity: null,
  effectiveFrom: '2020-03-28',
  effectiveTo: null,
  ...r,
});

describe('capacityOn', () => {
  it('halves Panshan from 40,000 to 20,000 while the rule is in force, not before', () => {
    const rules = [rule({})];
    expect(capacityOn(40000, rules, '2020-04-04')).toBe(20000);
    expect(capacityOn(40000, rules, '2020-03-27')).toBe(40000);
  });
  it('lets the newest version covering the day win, and honours end dates', () => {
    const rules = [
      rule({}),
      rule({ version: 2, mode: 'absolute', capacity: 15000, effectiveFrom: '2020-04-06', effectiveTo: '2020-04-06' }),
    ];
    expect(capacityOn(40000, rules, '2020-04-06')).toBe(15000);
    expect(capacityOn(40000, rules, '2020-04-07')).toBe(20000);
  });
  it('never exceeds normal capacity under a ratio rule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 100 }),
        (n, pct) => capacityOn(n, [rule({ ratioPct: pct })], '2020-05-01') <= n,
      ),
    );
  });
});

describe('calendar', () => {
  it('knows ISO weekdays and opening days', () => {
    expect(isoWeekday('2020-04-04')).toBe(6);
    expect(isoWeekday('2020-04-05')).toBe(7);
    expect(isOpenOn('12345', '2020-04-04')).toBe(false);
    expect(isOpenOn('1234567', '2020-04-04')).toBe(true);
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
  });
});

describe('gate rule', () => {
  it('refuses red, then yellow, then a temperature at or above 37.3 °C', () => {
    expect(gateRefusal({ healthCode: 'red', temperature: 38 })).toBe('health_code_red');
    expect(gateRefusal({ healthCode: 'yellow', temperature: 36 })).toBe('health_code_yellow');
    expect(gateRefusal({ healthCode: 'green', temperature: 37.3 })).toBe('fever');
    expect(gateRefusal({ healthCode: 'green', temperature: 37.2 })).toBeNull();
  });
});

describe('booking codes', () => {
  it('are 10 unambiguous characters and do not repeat', () => {
    const codes = new Set(Array.from({ length: 5000 }, newBookingCode));
    expect(codes.size).toBe(5000);
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
  });
});
