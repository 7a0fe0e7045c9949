import type { EligibilityRule, EntitySummary, Locale } from '@fugong/contract';
import { t } from '../../platform/i18n/index';

/** The entity facts a rule may look at: the registry's category attributes. */
export type EligibilityFacts = Pick<
  EntitySummary,
  | 'kind'
  | 'sector'
  | 'sizeClass'
  | 'smallVenueType'
  | 'industry'
  | 'status'
  | 'aboveScale'
  | 'aboveQuota'
  | 'fourAbove'
  | 'registeredStaff'
>;

/** One condition of a rule, by name, with whether the entity meets it. */
interface Check {
  name: keyof EligibilityRule;
  holds(e: EligibilityFacts): boolean;
}

function checksOf(rule: EligibilityRule): Check[] {
  const out: Check[] = [];
  const oneOf = <K extends keyof EligibilityFacts>(
    name: keyof EligibilityRule,
    values: readonly unknown[] | undefined,
    key: K,
  ) => {
    if (values) out.push({ name, holds: (e) => values.includes(e[key]) });
  };
  oneOf('kinds', rule.kinds, 'kind');
  oneOf('sectors', rule.sectors, 'sector');
  oneOf('sizeClasses', rule.sizeClasses, 'sizeClass');
  oneOf('smallVenueTypes', rule.smallVenueTypes, 'smallVenueType');
  oneOf('industries', rule.industries, 'industry');
  oneOf('statuses', rule.statuses, 'status');
  for (const flag of ['aboveScale', 'aboveQuota', 'fourAbove'] as const) {
    const want = rule[flag];
    if (want !== undefined) out.push({ name: flag, holds: (e) => e[flag] === want });
  }
  if (rule.minStaff !== undefined) out.push({ name: 'minStaff', holds: (e) => e.registeredStaff >= rule.minStaff! });
  if (rule.maxStaff !== undefined) out.push({ name: 'maxStaff', holds: (e) => e.registeredStaff <= rule.maxStaff! });
  return out;
}

/** The names of the rule's conditions the entity does not meet; empty when it qualifies. */
export function unmetConditions(rule: EligibilityRule, e: EligibilityFacts): (keyof EligibilityRule)[] {
  return checksOf(rule)
    .filter((c) => !c.holds(e))
    .map((c) => c.name);
}

export const isEligible = (rule: EligibilityRule, e: EligibilityFacts): boolean => unmetConditions(rule, e).length === 0;

/** Each condition as one line in the reader's language (the public page and the reasons shown to an enterprise). */
export function describeConditions(rule: EligibilityRule, locale: Locale, only?: readonly (keyof EligibilityRule)[]): string[] {
  const label = (group: string, v: unknown) => t(locale, `policies.value.${group}.${String(v)}`);
  const list = (group: string, vs: readonly unknown[]) => vs.map((v) => label(group, v)).join(t(locale, 'policies.cond.or'));
  const lines: [keyof EligibilityRule, string][] = [];
  if (rule.kinds) lines.push(['kinds', t(locale, 'policies.cond.kinds', { v: list('kind', rule.kinds) })]);
  if (rule.sectors) lines.push(['sectors', t(locale, 'policies.cond.sectors', { v: list('sector', rule.sectors) })]);
  if (rule.sizeClasses)
    lines.push(['sizeClasses', t(locale, 'policies.cond.sizeClasses', { v: list('size', rule.sizeClasses) })]);
  if (rule.smallVenueTypes)
    lines.push(['smallVenueTypes', t(locale, 'policies.cond.smallVenueTypes', { v: String(rule.smallVenueTypes.length) })]);
  if (rule.industries) lines.push(['industries', t(locale, 'policies.cond.industries', { v: rule.industries.join('、') })]);
  if (rule.statuses) lines.push(['statuses', t(locale, 'policies.cond.statuses', { v: list('status', rule.statuses) })]);
  for (const flag of ['aboveScale', 'aboveQuota', 'fourAbove'] as const)
    if (rule[flag] !== undefined) lines.push([flag, t(locale, `policies.cond.${flag}.${rule[flag] ? 'yes' : 'no'}`)]);
  if (rule.minStaff !== undefined) lines.push(['minStaff', t(locale, 'policies.cond.minStaff', { v: rule.minStaff })]);
  if (rule.maxStaff !== undefined) lines.push(['maxStaff', t(locale, 'policies.cond.maxStaff', { v: rule.maxStaff })]);
  return lines.filter(([name]) => !only || only.includes(name)).map(([, line]) => line);
}

/**
 * The registry list filters a rule implies exactly (one value per attribute), so the candidates are
 * narrowed in SQL before the whole rule is checked here.
 */
export function registryFilterOf(rule: EligibilityRule): Record<string, string> {
  const f: Record<string, string> = {};
  if (rule.kinds?.length === 1) f.kind = rule.kinds[0]!;
  if (rule.sectors?.length === 1) f.sector = rule.sectors[0]!;
  if (rule.sizeClasses?.length === 1) f.sizeClass = rule.sizeClasses[0]!;
  if (rule.smallVenueTypes?.length === 1) f.smallVenueType = rule.smallVenueTypes[0]!;
  if (rule.statuses?.length === 1) f.status = rule.statuses[0]!;
  for (const flag of ['aboveScale', 'aboveQuota', 'fourAbove'] as const)
    if (rule[flag] !== undefined) f[flag] = String(rule[flag]);
  return f;
}
