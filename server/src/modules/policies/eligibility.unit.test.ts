import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { entityKinds, entityStatuses, sectors, sizeClasses, smallVenueTypes, type EligibilityRule } from '@fugong/contract';
import { describeConditions, isEligible, registryFilterOf, unmetConditions, type EligibilityFacts } from './eligibility';
import './policies.messages';

const facts: fc.Arbitrary<EligibilityFacts> = fc.record({
  kind: fc.constantFrom(...entityKinds),
  sector: fc.constantFrom(...sectors),
  sizeClass: fc.option(fc.constantFrom(...sizeClasses), { nil: null }),
  smallVenueType: fc.option(fc.constantFrom(...smallVenueTypes), { nil: null }),
  industry: fc.option(fc.constantFrom('制造业', '餐饮业', '批发业'), { nil: null }),
  status: fc.constantFrom(...entityStatuses),
  aboveScale: fc.boolean(),
  aboveQuota: fc.boolean(),
  fourAbove: fc.boolean(),
  registeredStaff: fc.integer({ min: 0, max: 2000 }),
});
const some = <T>(xs: readonly T[]) => fc.option(fc.uniqueArray(fc.constantFrom(...xs), { minLength: 1 }), { nil: undefined });
const rules: fc.Arbitrary<EligibilityRule> = fc
  .record(
    {
      kinds: some(entityKinds),
      sectors: some(sectors),
      sizeClasses: some(sizeClasses),
      statuses: some(entityStatuses),
      industries: some(['制造业', '餐饮业', '批发业']),
      aboveScale: fc.option(fc.boolean(), { nil: undefined }),
      fourAbove: fc.option(fc.boolean(), { nil: undefined }),
      minStaff: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    },
    { requiredKeys: [] },
  )
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as EligibilityRule);

describe('eligibility rules', () => {
  it('admit every entity when empty', () => {
    fc.assert(fc.property(facts, (e) => isEligible({}, e)));
  });

  it('admit exactly the entities that meet every condition, naming each unmet one', () => {
    fc.assert(
      fc.property(rules, facts, (rule, e) => {
        const unmet = unmetConditions(rule, e);
        expect(isEligible(rule, e)).toBe(unmet.length === 0);
        for (const name of unmet) expect(Object.keys(rule)).toContain(name);
        // dropping the unmet conditions always admits the entity
        const relaxed = Object.fromEntries(Object.entries(rule).filter(([k]) => !unmet.includes(k as keyof EligibilityRule)));
        expect(isEligible(relaxed, e)).toBe(true);
      }),
    );
  });

  it('never narrow the registry query beyond the rule: an eligible entity matches the implied filter', () => {
    fc.assert(
      fc.property(rules, facts, (rule, e) => {
        if (!isEligible(rule, e)) return;
        for (const [k, v] of Object.entries(registryFilterOf(rule))) expect(String(e[k as keyof EligibilityFacts])).toBe(v);
      }),
    );
  });

  it('describe each condition in one line per language', () => {
    const rule: EligibilityRule = { kinds: ['enterprise'], sizeClasses: ['small', 'micro'], minStaff: 10, aboveScale: true };
    expect(describeConditions(rule, 'zh-CN')).toEqual([
      '主体类型：企业',
      '企业规模：小型或微型',
      '规模以上工业企业',
      '在册职工不少于 10 人',
    ]);
    expect(describeConditions(rule, 'en', ['minStaff'])).toEqual(['At least 10 registered staff']);
  });
});
