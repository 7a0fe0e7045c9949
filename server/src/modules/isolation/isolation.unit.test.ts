import { describe, expect, it } from 'vitest';
import { isolationStatuses, type AssessmentFacts, type IsolationStatus, type RiskRule } from '@fugong/contract';
import { AppError } from '../../platform/errors';
import { assessRisk } from './risk-rules';
import {
  isolationActions,
  nextIsolationStatus,
  nextSealedStatus,
  sealedActions,
  sealedStatuses,
  type SealedStatus,
} from './isolation-states';

const base: AssessmentFacts = {
  originRegion: 'x',
  originRisk: 'low',
  travelHistory: [],
  healthCode: 'green',
  temperature: 36.5,
  contact: 'none',
};
const rules: RiskRule[] = [
  { name: 'contact', when: { contact: ['confirmed', 'suspected'] }, riskLevel: 'high', measure: 'centralised', days: 14 },
  { name: 'fever', when: { temperatureAtLeast: 37.3 }, riskLevel: 'high', measure: 'centralised', days: 14 },
  { name: 'origin-high', when: { originRisk: ['high'] }, riskLevel: 'high', measure: 'home', days: 14 },
  { name: 'travel-high', when: { travelRisk: ['high'] }, riskLevel: 'high', measure: 'home', days: 14 },
  { name: 'yellow', when: { healthCode: ['yellow'] }, riskLevel: 'medium', measure: 'home', days: 7 },
  {
    name: 'yellow-and-medium',
    when: { healthCode: ['yellow'], originRisk: ['medium'] },
    riskLevel: 'medium',
    measure: 'home',
    days: 10,
  },
];

describe('risk rules', () => {
  it('no match: low risk, no measure', () =>
    expect(assessRisk(rules, base)).toEqual({ riskLevel: 'low', measure: 'none', days: 0, ruleName: null }));
  it('high-risk origin: 14 days at home', () =>
    expect(assessRisk(rules, { ...base, originRisk: 'high' })).toMatchObject({
      measure: 'home',
      days: 14,
      ruleName: 'origin-high',
    }));
  it('a high-risk stop in the travel history counts like the origin', () =>
    expect(assessRisk(rules, { ...base, travelHistory: [{ place: 'y', risk: 'high' }] })).toMatchObject({
      measure: 'home',
      ruleName: 'travel-high',
    }));
  it('the most severe measure wins over the first match', () =>
    expect(assessRisk(rules, { ...base, originRisk: 'high', contact: 'suspected' })).toMatchObject({
      measure: 'centralised',
      ruleName: 'contact',
    }));
  it('fever at exactly the threshold counts', () =>
    expect(assessRisk(rules, { ...base, temperature: 37.3 })).toMatchObject({ ruleName: 'fever' }));
  it('all conditions of a rule must hold; among equals the longer period wins', () => {
    expect(assessRisk(rules, { ...base, healthCode: 'yellow' })).toMatchObject({ days: 7 });
    expect(assessRisk(rules, { ...base, healthCode: 'yellow', originRisk: 'medium' })).toMatchObject({
      days: 10,
      ruleName: 'yellow-and-medium',
    });
  });
});

describe('isolation and sealed-building state machines', () => {
  const iso: Record<IsolationStatus, Record<string, IsolationStatus | null>> = {
    active: { checkin: 'active', release: 'released' },
    released: { checkin: null, release: null },
  };
  for (const from of isolationStatuses)
    for (const action of isolationActions)
      it(`isolation ${from} × ${action}`, () => {
        const to = iso[from][action];
        if (to) expect(nextIsolationStatus(from, action)).toBe(to);
        else expect(() => nextIsolationStatus(from, action)).toThrow(AppError);
      });
  const sealed: Record<SealedStatus, Record<string, SealedStatus | null>> = {
    sealed: { report: 'sealed', release: 'released' },
    released: { report: null, release: null },
  };
  for (const from of sealedStatuses)
    for (const action of sealedActions)
      it(`sealed ${from} × ${action}`, () => {
        const to = sealed[from][action];
        if (to) expect(nextSealedStatus(from, action)).toBe(to);
        else expect(() => nextSealedStatus(from, action)).toThrow(AppError);
      });
});
