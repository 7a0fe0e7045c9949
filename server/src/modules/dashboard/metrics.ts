import type { MetricCategory, MetricRow } from '@fugong/contract';
import { metricCategories } from '@fugong/contract';
import type { EntityAttrs } from '../registry/registry.service';

/** The attributes of an entity (or of a report's snapshot of it) that decide its categories: the registry's own. */
export type CategoryAttrs = EntityAttrs;

const isEnterprise = (a: CategoryAttrs) => a.kind === 'enterprise';
const isBusinessUnit = (a: CategoryAttrs) => a.kind !== 'individual' && a.kind !== 'building';

/**
 * One predicate per category; docs/METRICS.md says the same in words. Buildings are places,
 * never counted (the queries leave them out before this).
 */
export const inCategory: Record<MetricCategory, (a: CategoryAttrs) => boolean> = {
  overall: () => true,
  enterprise: isEnterprise,
  industrial: (a) => isEnterprise(a) && a.sector === 'secondary',
  industrialAboveScale: (a) => isEnterprise(a) && a.sector === 'secondary' && a.aboveScale === 1,
  commerce: (a) => isEnterprise(a) && a.sector === 'tertiary',
  commerceAboveQuota: (a) => a.aboveQuota === 1,
  servicesAboveScale: (a) => isEnterprise(a) && a.sector === 'tertiary' && a.fourAbove === 1 && a.aboveQuota === 0,
  // enterprises and the other business units (farms, sites, hotels …) that are not large; individual businesses count on their own
  smallMicro: (a) => isBusinessUnit(a) && (a.sizeClass === 'medium' || a.sizeClass === 'small' || a.sizeClass === 'micro'),
  individual: (a) => a.kind === 'individual',
  fourAbove: (a) => isBusinessUnit(a) && a.fourAbove === 1,
  fourBelow: (a) => isBusinessUnit(a) && a.fourAbove === 0,
  agriculture: (a) => a.sector === 'primary' && (a.kind === 'enterprise' || a.kind === 'farm'),
  keyProject: (a) => a.kind === 'project',
};

/** A percent rounded to one decimal; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** A row as the queries return it: attributes, and the child region when grouped by one. */
export interface Grouped extends CategoryAttrs {
  child?: string | null;
}

export interface FactIn extends Grouped {
  total: number;
  resumed: number;
}
export interface SumIn extends Grouped {
  reporting: number;
  registeredStaff: number;
  staffOnDuty: number;
  fromOtherProvinces: number;
  /** Σ capacity (tenths of a percent) × registered staff */
  capacityWeighted: number;
}

interface Acc {
  total: number;
  resumed: number;
  reporting: number;
  registeredStaff: number;
  staffOnDuty: number;
  fromOtherProvinces: number;
  capacityWeighted: number;
}
const empty = (): Acc => ({
  total: 0,
  resumed: 0,
  reporting: 0,
  registeredStaff: 0,
  staffOnDuty: 0,
  fromOtherProvinces: 0,
  capacityWeighted: 0,
});

/**
 * The rates of one population:
 * - 复工率 resumptionRate = resumed ÷ entities existing that day;
 * - 复产率 capacityRate = Σ(capacity in use × registered staff) ÷ Σ registered staff, over the day's reports;
 * - 员工到岗率 attendanceRate = Σ staff on duty ÷ Σ registered staff, over the day's reports.
 */
export function toRow(key: string, a: Acc): MetricRow {
  return {
    key,
    total: a.total,
    resumed: a.resumed,
    resumptionRate: percent(a.resumed, a.total),
    reporting: a.reporting,
    capacityRate: a.registeredStaff ? Math.round(a.capacityWeighted / a.registeredStaff) / 10 : null,
    attendanceRate: percent(a.staffOnDuty, a.registeredStaff),
    staffOnDuty: a.staffOnDuty,
    fromOtherProvinces: a.fromOtherProvinces,
  };
}

/** Adds entity facts and report sums into one accumulator per key (a row may feed several keys). */
export function accumulate(facts: FactIn[], sums: SumIn[], keysOf: (a: Grouped) => string[]): Map<string, Acc> {
  const out = new Map<string, Acc>();
  const acc = (k: string) => {
    let a = out.get(k);
    if (!a) out.set(k, (a = empty()));
    return a;
  };
  for (const f of facts) {
    for (const k of keysOf(f)) {
      const a = acc(k);
      a.total += f.total;
      a.resumed += f.resumed;
    }
  }
  for (const s of sums) {
    for (const k of keysOf(s)) {
      const a = acc(k);
      a.reporting += s.reporting;
      a.registeredStaff += s.registeredStaff;
      a.staffOnDuty += s.staffOnDuty;
      a.fromOtherProvinces += s.fromOtherProvinces;
      a.capacityWeighted += s.capacityWeighted;
    }
  }
  return out;
}

export const categoryKeys = (a: CategoryAttrs) => metricCategories.filter((c) => inCategory[c](a));

export function categoryRows(facts: FactIn[], sums: SumIn[]): MetricRow[] {
  const m = accumulate(facts, sums, (a) => categoryKeys(a));
  return metricCategories.map((c) => toRow(c, m.get(c) ?? empty()));
}

export function groupedRows(facts: FactIn[], sums: SumIn[], key: (a: Grouped) => string | null): MetricRow[] {
  const m = accumulate(facts, sums, (a) => {
    const k = key(a);
    return k ? [k] : [];
  });
  return [...m.entries()].map(([k, a]) => toRow(k, a)).sort((x, y) => y.total - x.total);
}
