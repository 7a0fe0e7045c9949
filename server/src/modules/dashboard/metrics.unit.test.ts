import { describe, expect, it } from 'vitest';
import { metricCategories } from '@fugong/contract';
import { categoryRows, groupedRows, inCategory, percent, toRow, type CategoryAttrs } from './metrics';
import { spread } from './dashboard.demo';
import { childCodeLength, endOfLocalDay } from './dashboard.service';
import { reviewDue } from '../reports/review-due';

const attrs = (over: Partial<CategoryAttrs>): CategoryAttrs => ({
  kind: 'enterprise',
  sector: 'secondary',
  industry: '制造业',
  aboveScale: 0,
  aboveQuota: 0,
  fourAbove: 0,
  sizeClass: 'small',
  ...over,
});

describe('rates', () => {
  it('rounds percents to one decimal and gives null when there is nothing to divide by', () => {
    expect(percent(11_002, 11_830)).toBe(93);
    expect(percent(18_727, 20_400)).toBe(91.8);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBeNull();
  });

  it('weights capacity by registered staff and divides staff on duty by registered staff', () => {
    // 100 staff at 100 % and 300 staff at 80 % → (100·100 + 300·80) / 400 = 85 %
    const row = toRow('x', {
      total: 2,
      resumed: 2,
      reporting: 2,
      registeredStaff: 400,
      staffOnDuty: 368,
      fromOtherProvinces: 9,
      capacityWeighted: 100 * 1000 + 300 * 800,
    });
    expect(row.capacityRate).toBe(85);
    expect(row.attendanceRate).toBe(92);
    expect(row.resumptionRate).toBe(100);
    expect(
      toRow('y', {
        total: 5,
        resumed: 0,
        reporting: 0,
        registeredStaff: 0,
        staffOnDuty: 0,
        fromOtherProvinces: 0,
        capacityWeighted: 0,
      }),
    ).toMatchObject({ resumptionRate: 0, capacityRate: null, attendanceRate: null });
  });
});

describe('categories', () => {
  it('puts each kind of unit where the seeds count it', () => {
    const keys = (a: CategoryAttrs) => metricCategories.filter((c) => inCategory[c](a));
    expect(keys(attrs({ aboveScale: 1, fourAbove: 1, sizeClass: 'large' }))).toEqual([
      'overall',
      'enterprise',
      'industrial',
      'industrialAboveScale',
      'fourAbove',
    ]);
    expect(keys(attrs({ sector: 'tertiary', aboveQuota: 1, fourAbove: 1, sizeClass: 'medium' }))).toEqual([
      'overall',
      'enterprise',
      'commerce',
      'commerceAboveQuota',
      'smallMicro',
      'fourAbove',
    ]);
    expect(keys(attrs({ sector: 'tertiary', fourAbove: 1, sizeClass: 'large' }))).toEqual([
      'overall',
      'enterprise',
      'commerce',
      'servicesAboveScale',
      'fourAbove',
    ]);
    expect(keys(attrs({ kind: 'individual', sector: 'tertiary', sizeClass: 'micro' }))).toEqual(['overall', 'individual']);
    expect(keys(attrs({ kind: 'farm', sector: 'primary' }))).toEqual(['overall', 'smallMicro', 'fourBelow', 'agriculture']);
    expect(keys(attrs({ kind: 'project', fourAbove: 1, sizeClass: 'large' }))).toEqual(['overall', 'fourAbove', 'keyProject']);
  });

  it('sums facts and report sums into every category a row belongs to', () => {
    const facts = [
      { ...attrs({ aboveScale: 1, fourAbove: 1, sizeClass: 'large' }), total: 10, resumed: 10 },
      { ...attrs({}), total: 90, resumed: 45 },
    ];
    const sums = [
      {
        ...attrs({ aboveScale: 1, fourAbove: 1, sizeClass: 'large' }),
        reporting: 10,
        registeredStaff: 1000,
        staffOnDuty: 900,
        fromOtherProvinces: 50,
        capacityWeighted: 1000 * 1000,
      },
    ];
    const rows = categoryRows(facts, sums);
    expect(rows.find((r) => r.key === 'industrial')).toMatchObject({
      total: 100,
      resumed: 55,
      resumptionRate: 55,
      capacityRate: 100,
      attendanceRate: 90,
    });
    expect(rows.find((r) => r.key === 'industrialAboveScale')).toMatchObject({ total: 10, resumptionRate: 100 });
    expect(rows.find((r) => r.key === 'individual')).toMatchObject({ total: 0, resumptionRate: null });
    expect(groupedRows(facts, sums, (a) => a.sector)).toEqual([
      expect.objectContaining({ key: 'secondary', total: 100, staffOnDuty: 900 }),
    ]);
  });
});

describe('dates and regions', () => {
  it('ends a business day at midnight China time', () => {
    expect(endOfLocalDay('2020-04-03')).toBe('2020-04-03T15:59:59.999Z');
  });
  it('knows the code length of the next level down', () => {
    expect(childCodeLength('/')).toBe(6);
    expect(childCodeLength('/120119/')).toBe(12);
    expect(childCodeLength('/120119/120119001000/')).toBe(12);
    expect(childCodeLength('/120119/120119001000/120119001001/')).toBe(15);
    expect(childCodeLength('/120119/120119001000/120119001001/120119001001001/')).toBeNull();
  });
  it('falls a review due five days after the last one, or after resuming', () => {
    expect(reviewDue(null, '2020-03-01', '2020-03-04')).toEqual({ dueOn: '2020-03-06', overdueDays: 0 });
    expect(reviewDue('2020-03-03', '2020-03-01', '2020-03-10')).toEqual({ dueOn: '2020-03-08', overdueDays: 2 });
  });
});

describe('demo spreading', () => {
  it('spreads a total exactly, in proportion and under each cap', () => {
    const out = spread([10, 20, 30], [10, 20, 30], 31);
    expect(out.reduce((a, b) => a + b, 0)).toBe(31);
    out.forEach((v, i) => expect(v).toBeLessThanOrEqual([10, 20, 30][i]!));
    expect(spread([1, 1], [1, 1], 5)).toEqual([1, 1]);
  });
});
