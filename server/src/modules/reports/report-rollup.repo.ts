import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { pathPrefix } from '../../db/sql-helpers';
import { categoryKeyOf } from '../../db/category-key';
import type { EntityAttrs } from '../registry/registry-stats.service';
import type { DailyReportRollupTable } from './report-rollup.tables';
import type { DailyReportTable } from './reports.tables';

type Db = Kysely<DB> | Transaction<DB>;
type Rollup = DailyReportRollupTable;

const KEY = ['reportDate', 'regionPath', 'kind', 'sector', 'industry', 'aboveScale', 'aboveQuota', 'fourAbove', 'sizeClass'] as const;
const VALUES = ['reporting', 'registeredStaff', 'staffOnDuty', 'fromOtherProvinces', 'capacityWeighted', 'abnormalTemperature', 'suspectedCases', 'abnormalEntities'] as const;
const BATCH = 500;

/** The fields of a daily report the rollup is made of. */
export type RollupSource = Pick<
  DailyReportTable,
  'reportDate' | 'regionPath' | 'kind' | 'sector' | 'industry' | 'aboveScale' | 'aboveQuota' | 'fourAbove' | 'sizeClass' | 'registeredStaff' | 'staffOnDuty' | 'fromOtherProvinces' | 'capacityTenths' | 'abnormalTemperature' | 'suspectedCases'
>;

/** Daily sums of one group of reporting entities (same attributes, same child region). */
export type ReportSumRow = EntityAttrs & Pick<DailyReportRollupTable, (typeof VALUES)[number]> & { child: string | null };

/** One report as a rollup row, added (sign 1) or taken away (sign -1). */
function rowOf(r: RollupSource, sign: 1 | -1): Rollup {
  const n = (v: number) => sign * Number(v);
  return {
    reportDate: r.reportDate,
    ...categoryKeyOf(r),
    reporting: sign,
    registeredStaff: n(r.registeredStaff),
    staffOnDuty: n(r.staffOnDuty),
    fromOtherProvinces: n(r.fromOtherProvinces),
    capacityWeighted: n(Number(r.capacityTenths) * Number(r.registeredStaff)),
    abnormalTemperature: n(r.abnormalTemperature),
    suspectedCases: n(r.suspectedCases),
    abnormalEntities: Number(r.abnormalTemperature) > 0 || Number(r.suspectedCases) > 0 ? sign : 0,
  };
}

const keyOf = (r: Rollup) => KEY.map((k) => r[k]).join('\u0001');

/** Rows summed per key, so a statement never names a key twice (PostgreSQL refuses that in one upsert). */
function merged(rows: Rollup[]): Rollup[] {
  const out = new Map<string, Rollup>();
  for (const r of rows) {
    const k = keyOf(r);
    const prev = out.get(k);
    if (!prev) out.set(k, { ...r });
    else for (const v of VALUES) prev[v] += r[v];
  }
  return [...out.values()].filter((r) => VALUES.some((v) => r[v] !== 0));
}

async function upsert(db: Db, rows: Rollup[]): Promise<void> {
  const set = Object.fromEntries(VALUES.map((v) => [v, sql<number>`${sql.ref(`daily_report_rollup.${snake(v)}`)} + ${sql.ref(`excluded.${snake(v)}`)}`]));
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('dailyReportRollup')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) => oc.columns([...KEY]).doUpdateSet(set))
      .execute();
  }
}
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

const under = (col: string, path: string) => sql<SqlBool>`${sql.ref(col)} like ${pathPrefix(path)} escape '\\'`;

/** A sum row as the database returns it (bigint sums arrive as text on PostgreSQL); '' reads as null. */
export function toSumRow(r: Record<string, unknown>): ReportSumRow {
  const num = (k: string) => Number(r[k] ?? 0);
  return {
    kind: String(r.kind),
    sector: String(r.sector),
    industry: (r.industry as string | null) || null,
    aboveScale: num('aboveScale'),
    aboveQuota: num('aboveQuota'),
    fourAbove: num('fourAbove'),
    sizeClass: (r.sizeClass as string | null) || null,
    child: (r.child as string | null) ?? null,
    reporting: num('reporting'),
    registeredStaff: num('registeredStaff'),
    staffOnDuty: num('staffOnDuty'),
    fromOtherProvinces: num('fromOtherProvinces'),
    capacityWeighted: num('capacityWeighted'),
    abnormalTemperature: num('abnormalTemperature'),
    suspectedCases: num('suspectedCases'),
    abnormalEntities: num('abnormalEntities'),
  };
}

export const reportRollupRepo = {
  /** A report written over `before` (undefined: the first of its day): one upsert of the difference. */
  async applyReport(db: Db, before: RollupSource | undefined, after: RollupSource): Promise<void> {
    const rows = merged(before ? [rowOf(before, -1), rowOf(after, 1)] : [rowOf(after, 1)]);
    if (rows.length) await upsert(db, rows);
  },

  /** Many new reports at once (demo data, benchmarks). */
  async addReports(db: Db, reports: RollupSource[]): Promise<void> {
    await upsert(db, merged(reports.map((r) => rowOf(r, 1))));
  },

  /**
   * The day's reports of a subtree summed per category attributes (and child region when
   * `childLen` is given), from the rollup.
   */
  async sums(db: Db, rootPath: string, date: string, childLen: number | null): Promise<ReportSumRow[]> {
    const child = childLen === null ? sql<string | null>`null` : sql<string>`substr(r.region_path, 1, ${rootPath.length + childLen + 1})`;
    // the child prefix is computed once in a subquery, so PostgreSQL can group by it (a repeated parameter would not match)
    const day = db
      .selectFrom('dailyReportRollup as r')
      .select(['r.kind', 'r.sector', 'r.industry', 'r.aboveScale', 'r.aboveQuota', 'r.fourAbove', 'r.sizeClass', ...VALUES.map((v) => `r.${v}` as const)])
      .select(child.as('child'))
      .where('r.reportDate', '=', date)
      .where(under('r.region_path', rootPath))
      .as('x');
    const rows = await db
      .selectFrom(day)
      .select(['x.kind', 'x.sector', 'x.industry', 'x.aboveScale', 'x.aboveQuota', 'x.fourAbove', 'x.sizeClass', 'x.child'])
      .select((eb) => VALUES.map((v) => eb.fn.sum<number>(`x.${v}`).as(v)))
      .groupBy(['x.kind', 'x.sector', 'x.industry', 'x.aboveScale', 'x.aboveQuota', 'x.fourAbove', 'x.sizeClass', 'x.child'])
      .having((eb) => eb.fn.sum('x.reporting'), '<>', 0)
      .execute();
    return rows.map(toSumRow);
  },

  /** Per day in [from, to]: the sums the capacity and attendance rates need. */
  async dailyTotals(db: Db, rootPath: string, from: string, to: string) {
    const rows = await db
      .selectFrom('dailyReportRollup as r')
      .select('r.reportDate')
      .select((eb) => [eb.fn.sum<number>('r.reporting').as('reporting'), eb.fn.sum<number>('r.registeredStaff').as('registeredStaff'), eb.fn.sum<number>('r.staffOnDuty').as('staffOnDuty'), eb.fn.sum<number>('r.capacityWeighted').as('capacityWeighted')])
      .where('r.reportDate', '>=', from)
      .where('r.reportDate', '<=', to)
      .where(under('r.region_path', rootPath))
      .groupBy('r.reportDate')
      .execute();
    return new Map(
      rows
        .filter((r) => Number(r.reporting) !== 0)
        .map((r) => [r.reportDate, { registeredStaff: Number(r.registeredStaff), staffOnDuty: Number(r.staffOnDuty), capacityWeighted: Number(r.capacityWeighted) }]),
    );
  },

  /** Recomputes the whole rollup from the reports (migration, repair); returns the rows written. */
  async rebuild(db: Db): Promise<number> {
    await db.deleteFrom('dailyReportRollup').execute();
    const r = await db
      .insertInto('dailyReportRollup')
      .columns([...KEY, ...VALUES])
      .expression(
        db
          .selectFrom('dailyReport as d')
          .select((eb) => [
            'd.reportDate',
            'd.regionPath',
            'd.kind',
            'd.sector',
            sql<string>`coalesce(d.industry, '')`.as('industry'),
            'd.aboveScale',
            'd.aboveQuota',
            'd.fourAbove',
            sql<string>`coalesce(d.size_class, '')`.as('sizeClass'),
            eb.fn.countAll<number>().as('reporting'),
            eb.fn.sum<number>('d.registeredStaff').as('registeredStaff'),
            eb.fn.sum<number>('d.staffOnDuty').as('staffOnDuty'),
            eb.fn.sum<number>('d.fromOtherProvinces').as('fromOtherProvinces'),
            sql<number>`sum(d.capacity_tenths * d.registered_staff)`.as('capacityWeighted'),
            eb.fn.sum<number>('d.abnormalTemperature').as('abnormalTemperature'),
            eb.fn.sum<number>('d.suspectedCases').as('suspectedCases'),
            sql<number>`sum(case when d.abnormal_temperature > 0 or d.suspected_cases > 0 then 1 else 0 end)`.as('abnormalEntities'),
          ])
          .groupBy(['d.reportDate', 'd.regionPath', 'd.kind', 'd.sector', sql`coalesce(d.industry, '')`, 'd.aboveScale', 'd.aboveQuota', 'd.fourAbove', sql`coalesce(d.size_class, '')`]),
      )
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  },
};
