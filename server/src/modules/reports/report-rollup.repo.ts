import { sql } from 'kysely';
import type { ModuleDb, Queryable } from '../../platform/module';
import { preparedRows } from '../../db/prepared';
import { categoryKeysOf, childLevel, totalsLevel, pathRange } from '../../db/category-key';
import type { EntityAttrs } from '../registry/registry.service';
import type { DailyReportRollupTable } from './report-rollup.tables';
import type { DailyReportTable, ReportsOwnTables } from './reports.tables';

type Db = Queryable<ReportsOwnTables>;
type Rollup = DailyReportRollupTable;

const KEY = [
  'reportDate',
  'level',
  'regionPath',
  'kind',
  'sector',
  'industry',
  'aboveScale',
  'aboveQuota',
  'fourAbove',
  'sizeClass',
] as const;
const VALUES = [
  'reporting',
  'registeredStaff',
  'staffOnDuty',
  'fromOtherProvinces',
  'capacityWeighted',
  'abnormalTemperature',
  'suspectedCases',
  'abnormalEntities',
] as const;

/** The fields of a daily report the rollup is made of. */
export type RollupSource = Pick<
  DailyReportTable,
  | 'reportDate'
  | 'regionPath'
  | 'kind'
  | 'sector'
  | 'industry'
  | 'aboveScale'
  | 'aboveQuota'
  | 'fourAbove'
  | 'sizeClass'
  | 'registeredStaff'
  | 'staffOnDuty'
  | 'fromOtherProvinces'
  | 'capacityTenths'
  | 'abnormalTemperature'
  | 'suspectedCases'
>;

/** Daily sums of one group of reporting entities (same attributes, same child region). */
export type ReportSumRow = EntityAttrs & Pick<DailyReportRollupTable, (typeof VALUES)[number]> & { child: string | null };

/** The rollup rows one report adds (and, for a replacement, takes away). */
export type RollupChange = Rollup[];

/** One report as rollup rows (one per level), added (sign 1) or taken away (sign -1). */
function rowsOf(r: RollupSource, sign: 1 | -1): Rollup[] {
  const n = (v: number) => sign * Number(v);
  const values = {
    reporting: sign,
    registeredStaff: n(r.registeredStaff),
    staffOnDuty: n(r.staffOnDuty),
    fromOtherProvinces: n(r.fromOtherProvinces),
    capacityWeighted: n(Number(r.capacityTenths) * Number(r.registeredStaff)),
    abnormalTemperature: n(r.abnormalTemperature),
    suspectedCases: n(r.suspectedCases),
    abnormalEntities: Number(r.abnormalTemperature) > 0 || Number(r.suspectedCases) > 0 ? sign : 0,
  };
  return categoryKeysOf(r).map((key) => ({ reportDate: r.reportDate, ...key, ...values }));
}

const keyOf = (r: Rollup) =>
  `${r.reportDate}\u0001${r.level}\u0001${r.regionPath}\u0001${r.kind}\u0001${r.sector}\u0001${r.industry}\u0001${r.aboveScale}\u0001${r.aboveQuota}\u0001${r.fourAbove}\u0001${r.sizeClass}`;

/**
 * Rows summed per key, so a statement never names a key twice (PostgreSQL refuses that in one upsert),
 * in key order, so concurrent writers on PostgreSQL lock the rows they share in the same order.
 */
function merged(rows: Rollup[]): Rollup[] {
  const out = new Map<string, Rollup>();
  for (const r of rows) {
    const k = keyOf(r);
    const prev = out.get(k);
    if (!prev) out.set(k, { ...r });
    else for (const v of VALUES) prev[v] += r[v];
  }
  return [...out]
    .filter(([, r]) => VALUES.some((v) => r[v] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
const COLUMNS = [...KEY, ...VALUES];
// compiled once per dialect and row count: every batch of report submissions ends with one of these
const upsertRows = preparedRows(
  'reportRollup.upsertRows',
  (db: ModuleDb<ReportsOwnTables>, rows) =>
    db
      .insertInto('dailyReportRollup')
      .values(rows as unknown as Rollup[])
      .onConflict((oc) =>
        oc
          .columns([...KEY])
          .doUpdateSet(
            Object.fromEntries(
              VALUES.map((v) => [
                v,
                sql<number>`${sql.ref(`daily_report_rollup.${snake(v)}`)} + ${sql.ref(`excluded.${snake(v)}`)}`,
              ]),
            ),
          ),
      ),
  COLUMNS,
);

async function upsert(db: Db, rows: Rollup[]): Promise<void> {
  await upsertRows(
    db,
    rows.map((r) => COLUMNS.map((c) => r[c])),
  );
}

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
  /**
   * What a report written over `before` (undefined: the first of its day) changes in the rollup, as rows
   * to add up; `apply` writes the changes of many reports at once.
   */
  changeOf(before: RollupSource | undefined, after: RollupSource): RollupChange {
    return before ? [...rowsOf(before, -1), ...rowsOf(after, 1)] : rowsOf(after, 1);
  },

  /** Adds the changes of reports to the rollup: one upserted row per distinct key. */
  async apply(db: Db, changes: readonly RollupChange[]): Promise<void> {
    const rows = merged(changes.flat());
    if (rows.length) await upsert(db, rows);
  },

  /** Many new reports at once (demo data, benchmarks). */
  async addReports(db: Db, reports: RollupSource[]): Promise<void> {
    await upsert(db, merged(reports.flatMap((r) => rowsOf(r, 1))));
  },

  /**
   * The day's reports of a subtree summed per category attributes (and child region when
   * `childLen` is given), from the rollup.
   */
  async sums(db: Db, rootPath: string, date: string, childLen: number | null): Promise<ReportSumRow[]> {
    // the rows of the children's level (their own region is the child), or of the region's own level for plain totals
    const byChild = childLen !== null;
    let q = db
      .selectFrom('dailyReportRollup as r')
      .select(['r.kind', 'r.sector', 'r.industry', 'r.aboveScale', 'r.aboveQuota', 'r.fourAbove', 'r.sizeClass'])
      .select(byChild ? sql<string | null>`r.region_path`.as('child') : sql<string | null>`null`.as('child'))
      .select((eb) => VALUES.map((v) => eb.fn.sum<number>(`r.${v}`).as(v)))
      .where('r.reportDate', '=', date)
      .where('r.level', '=', byChild ? childLevel(rootPath) : totalsLevel(rootPath))
      .where(pathRange('r.region_path', rootPath))
      .groupBy(['r.kind', 'r.sector', 'r.industry', 'r.aboveScale', 'r.aboveQuota', 'r.fourAbove', 'r.sizeClass'])
      .having((eb) => eb.fn.sum('r.reporting'), '<>', 0);
    if (byChild) q = q.groupBy('r.regionPath');
    return (await q.execute()).map(toSumRow);
  },

  /** Per day in [from, to]: the sums the capacity and attendance rates need. */
  async dailyTotals(db: Db, rootPath: string, from: string, to: string) {
    const rows = await db
      .selectFrom('dailyReportRollup as r')
      .select('r.reportDate')
      .select((eb) => [
        eb.fn.sum<number>('r.reporting').as('reporting'),
        eb.fn.sum<number>('r.registeredStaff').as('registeredStaff'),
        eb.fn.sum<number>('r.staffOnDuty').as('staffOnDuty'),
        eb.fn.sum<number>('r.capacityWeighted').as('capacityWeighted'),
      ])
      .where('r.reportDate', '>=', from)
      .where('r.reportDate', '<=', to)
      .where('r.level', '=', totalsLevel(rootPath))
      .where(pathRange('r.region_path', rootPath))
      .groupBy('r.reportDate')
      .execute();
    return new Map(
      rows
        .filter((r) => Number(r.reporting) !== 0)
        .map((r) => [
          r.reportDate,
          {
            registeredStaff: Number(r.registeredStaff),
            staffOnDuty: Number(r.staffOnDuty),
            capacityWeighted: Number(r.capacityWeighted),
          },
        ]),
    );
  },

  /** The last day up to `onOrBefore` with reports in the subtree (its totals-level rows are few per day). */
  async latestDate(db: Db, rootPath: string, onOrBefore: string): Promise<string | null> {
    const row = await db
      .selectFrom('dailyReportRollup as r')
      .select((eb) => eb.fn.max('r.reportDate').as('latest'))
      .where('r.reportDate', '<=', onOrBefore)
      .where('r.level', '=', totalsLevel(rootPath))
      .where(pathRange('r.region_path', rootPath))
      .where('r.reporting', '<>', 0)
      .executeTakeFirst();
    return (row?.latest as string | null | undefined) ?? null;
  },

  /** Recomputes the whole rollup from the reports (migration, repair); returns the reports read. */
  async rebuild(db: Db): Promise<number> {
    await db.deleteFrom('dailyReportRollup').execute();
    let n = 0;
    for (let after = 0; ;) {
      const rows = await db
        .selectFrom('dailyReport')
        .select([
          'id',
          'reportDate',
          'regionPath',
          'kind',
          'sector',
          'industry',
          'aboveScale',
          'aboveQuota',
          'fourAbove',
          'sizeClass',
          'registeredStaff',
          'staffOnDuty',
          'fromOtherProvinces',
          'capacityTenths',
          'abnormalTemperature',
          'suspectedCases',
        ])
        .where('id', '>', after)
        .orderBy('id')
        .limit(20_000)
        .execute();
      if (rows.length === 0) return n;
      await upsert(db, merged(rows.flatMap((r) => rowsOf(r, 1))));
      n += rows.length;
      after = Number(rows[rows.length - 1]!.id);
    }
  },
};
