import type { AssessmentFacts, Measure, Outcome, RiskLevel, RiskRule } from '@fugong/contract';

const MEASURE_RANK: Record<Measure, number> = { none: 0, home: 1, centralised: 2 };
const LEVEL_RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

export function ruleMatches(rule: RiskRule, f: AssessmentFacts): boolean {
  const w = rule.when;
  if (w.originRisk && !w.originRisk.includes(f.originRisk)) return false;
  if (w.travelRisk && !f.travelHistory.some((s) => w.travelRisk!.includes(s.risk))) return false;
  if (w.healthCode && !w.healthCode.includes(f.healthCode)) return false;
  if (w.temperatureAtLeast !== undefined && !(f.temperature >= w.temperatureAtLeast)) return false;
  if (w.contact && !w.contact.includes(f.contact)) return false;
  return true;
}

/**
 * The measure for one returning worker: of the rules that match, the most severe measure wins,
 * then the higher risk level, then the longer period; no match means low risk and no measure.
 */
export function assessRisk(rules: readonly RiskRule[], f: AssessmentFacts): Outcome {
  let best: Outcome = { riskLevel: 'low', measure: 'none', days: 0, ruleName: null };
  for (const r of rules) {
    if (!ruleMatches(r, f)) continue;
    const better =
      MEASURE_RANK[r.measure] - MEASURE_RANK[best.measure] ||
      LEVEL_RANK[r.riskLevel] - LEVEL_RANK[best.riskLevel] ||
      r.days - best.days;
    if (best.ruleName === null || better > 0)
      best = { riskLevel: r.riskLevel, measure: r.measure, days: r.days, ruleName: r.name };
  }
  return best;
}
