import { sql, type Insertable, type SqlBool } from 'kysely';
import type { ModuleDb, Queryable } from '../../platform/module';
import { usersWith } from '../../platform/grants';
import { preparedQuery, preparedRows } from '../../db/prepared';
import { pathPrefix } from '../../db/sql-helpers';
import type { DailyReportTable, ReportsOwnTables } from './reports.tables';
import { reportRollupRepo, toSumRow, type ReportSumRow } from './report-rollup.repo';

/** The reports module's database handle or transaction: its own tables only. */
export type ReportsDb = Queryable<ReportsOwnTables>;
type Db = ReportsDb;
const under = (col: string, path: string) => sql<SqlBool>`${sql.ref(col)} like ${pathPrefix(path)} escape '\\'`;

export type NewDailyReport = Omit<Insertable<DailyReportTable>, 'id' | 'version'>;

export type { ReportSumRow } from './report-rollup.repo';

// ---- the three statements of every submission, compiled once ----
type ReportRow = Required<NewDailyReport>;
const REPORT_COLUMNS = [
  'entityId',
  'entityName',
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
  'underObservation',
  'abnormalTemperature',
  'suspectedCases',
  'capacityTenths',
  'supplyDaysLeft',
  'problems',
  'submittedBy',
  'submittedAt',
] as const satisfies readonly (keyof ReportRow)[];
/** Insert, or replace the same entity's report of the same day (version + 1); the unique index decides. */
const upsertReport = preparedQuery('reports.upsertReport', (db: ModuleDb<ReportsOwnTables>, p: ReportRow) => {
  const pick = (keys: readonly (keyof ReportRow)[]) => Object.fromEntries(keys.map((k) => [k, p[k]])) as unknown as ReportRow;
  return db
    .insertInto('dailyReport')
    .values({ ...pick(REPORT_COLUMNS), version: 1 })
    .onConflict((oc) =>
      oc.columns(['entityId', 'reportDate']).doUpdateSet({
        ...pick(REPORT_COLUMNS.filter((k) => k !== 'entityId' && k !== 'reportDate')),
        version: sql<number>`daily_report.version + 1`,
      }),
    )
    .returning(['id', 'version']);
});
const currentReport = preparedQuery(
  'reports.currentReport',
  (db: ModuleDb<ReportsOwnTables>, p: { entityId: number; reportDate: string }) =>
    db
      .selectFrom('dailyReport')
      .select([
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
        'version',
      ])
      .where('entityId', '=', p.entityId)
      .where('reportDate', '=', p.reportDate),
);
export interface NewReportVersion {
  reportId: number;
  version: number;
  data: string;
  submittedBy: string | null;
  submittedAt: string;
}
const VERSION_COLUMNS = [
  'reportId',
  'version',
  'data',
  'submittedBy',
  'submittedAt',
] as const satisfies readonly (keyof NewReportVersion)[];
const insertReportVersions = preparedRows(
  'reports.insertReportVersions',
  (db: ModuleDb<ReportsOwnTables>, rows) => db.insertInto('dailyReportVersion').values(rows as unknown as NewReportVersion[]),
  VERSION_COLUMNS,
);

export const reportsRepo = {
  /** Insert, or replace the same entity's report of the same day (version + 1); the unique index decides. Returns its id and version. */
  async upsert(db: Db, r: NewDailyReport): Promise<{ id: number; version: number }> {
    // only id and version come back: the rest is what was written. (Absent optional fields are bound as
    // null by the prepared query; no defaults are spread in: on Node 20, spreading an object over
    // another that shares keys costs tens of microseconds.)
    const { id, version } = (await upsertReport(db, r as ReportRow))[0]!;
    return { id: Number(id), version: Number(version) };
  },

  /** The report of an entity and day as it stands before a replacement (what the rollup takes away). */
  async current(db: Db, entityId: number, reportDate: string) {
    return (await currentReport(db, { entityId, reportDate }))[0];
  },

  /** Version rows of many submissions (a group commit batch) in one statement. */
  async insertVersions(db: Db, rows: readonly NewReportVersion[]) {
    if (rows.length)
      await insertReportVersions(
        db,
        rows.map((v) => VERSION_COLUMNS.map((c) => v[c])),
      );
  },

  /** Many reports at once (demo data, benchmarks), added to the rollup too; never replaces. */
  async insertMany(db: Db, rows: NewDailyReport[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('dailyReport')
        .values(rows.slice(i, i + 500).map((r) => ({ ...r, version: 1 })))
        .execute();
    await reportRollupRepo.addReports(
      db,
      rows.map((r) => ({ ...r, industry: r.industry ?? null, sizeClass: r.sizeClass ?? null })),
    );
  },

  byId(db: Db, id: number) {
    return db.selectFrom('dailyReport').selectAll().where('id', '=', id).executeTakeFirst();
  },

  ofEntity(db: Db, entityId: number, limit: number) {
    return db
      .selectFrom('dailyReport')
      .selectAll()
      .where('entityId', '=', entityId)
      .orderBy('reportDate', 'desc')
      .limit(limit)
      .execute();
  },

  versions(db: Db, reportId: number) {
    return db.selectFrom('dailyReportVersion').selectAll().where('reportId', '=', reportId).orderBy('version', 'desc').execute();
  },

  list(db: Db, f: { underPath: string; date: string; abnormalOnly: boolean }, page: { offset: number; limit: number }) {
    let q = db.selectFrom('dailyReport').where('reportDate', '=', f.date).where(under('daily_report.region_path', f.underPath));
    if (f.abnormalOnly) q = q.where((eb) => eb.or([eb('abnormalTemperature', '>', 0), eb('suspectedCases', '>', 0)]));
    return {
      count: async () => Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      rows: () =>
        q.selectAll().orderBy('submittedAt', 'desc').orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
    };
  },

  /** Entity ids that have a report for `date` under a path. */
  async reportedOn(db: Db, underPath: string, date: string): Promise<Set<number>> {
    const rows = await db
      .selectFrom('dailyReport')
      .select('entityId')
      .where('reportDate', '=', date)
      .where(under('daily_report.region_path', underPath))
      .execute();
    return new Set(rows.map((r) => Number(r.entityId)));
  },

  async lastReportDates(db: Db, entityIds: number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (let i = 0; i < entityIds.length; i += 500) {
      const rows = await db
        .selectFrom('dailyReport')
        .select(['entityId', (eb) => eb.fn.max('reportDate').as('last')])
        .where('entityId', 'in', entityIds.slice(i, i + 500))
        .groupBy('entityId')
        .execute();
      for (const r of rows) out.set(Number(r.entityId), String(r.last));
    }
    return out;
  },

  async remindersOn(db: Db, entityIds: number[], date: string): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (let i = 0; i < entityIds.length; i += 500) {
      const rows = await db
        .selectFrom('reportReminder')
        .select(['entityId', (eb) => eb.fn.max('at').as('at')])
        .where('reportDate', '=', date)
        .where('entityId', 'in', entityIds.slice(i, i + 500))
        .groupBy('entityId')
        .execute();
      for (const r of rows) out.set(Number(r.entityId), String(r.at));
    }
    return out;
  },

  async insertReminders(
    db: Db,
    rows: { entityId: number; reportDate: string; sentBy: string | null; at: string }[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('reportReminder')
        .values(rows.slice(i, i + 500))
        .execute();
  },

  /** Users signed in for an entity (enterprise grants): who a reminder goes to. */
  async entityUsers(db: Db, entityIds: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    for (let i = 0; i < entityIds.length; i += 500) {
      const rows = await usersWith(db, { role: 'enterprise', entityId: entityIds.slice(i, i + 500) });
      for (const r of rows) out.set(Number(r.entityId), [...(out.get(Number(r.entityId)) ?? []), r.id]);
    }
    return out;
  },

  insertAlert(
    db: Db,
    a: {
      entityId: number;
      entityName: string;
      regionPath: string;
      reportDate: string;
      abnormalTemperature: number;
      suspectedCases: number;
      at: string;
    },
  ) {
    return db.insertInto('reportAlert').values(a).execute();
  },

  alerts(db: Db, underPath: string, date: string, limit: number) {
    return db
      .selectFrom('reportAlert')
      .selectAll()
      .where('reportDate', '=', date)
      .where(under('report_alert.region_path', underPath))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  /**
   * The day's reports of a subtree summed per category attributes (and child region when
   * `childLen` is given), recomputed from the reports: what the rollup must equal.
   */
  async sumsFromReports(db: Db, rootPath: string, date: string, childLen: number | null): Promise<ReportSumRow[]> {
    const child =
      childLen === null
        ? sql<string | null>`null`
        : sql<string>`substr(daily_report.region_path, 1, ${rootPath.length + childLen + 1})`;
    // the child prefix is computed once in a subquery, so PostgreSQL can group by it (a repeated parameter would not match)
    const day = db
      .selectFrom('dailyReport')
      .select([
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
      .select(child.as('child'))
      .where('reportDate', '=', date)
      .where(under('daily_report.region_path', rootPath))
      .as('r');
    const rows = await db
      .selectFrom(day)
      .select(['r.kind', 'r.sector', 'r.industry', 'r.aboveScale', 'r.aboveQuota', 'r.fourAbove', 'r.sizeClass', 'r.child'])
      .select((eb) => [
        eb.fn.countAll<number>().as('reporting'),
        eb.fn.sum<number>('r.registeredStaff').as('registeredStaff'),
        eb.fn.sum<number>('r.staffOnDuty').as('staffOnDuty'),
        eb.fn.sum<number>('r.fromOtherProvinces').as('fromOtherProvinces'),
        sql<number>`sum(r.capacity_tenths * r.registered_staff)`.as('capacityWeighted'),
        eb.fn.sum<number>('r.abnormalTemperature').as('abnormalTemperature'),
        eb.fn.sum<number>('r.suspectedCases').as('suspectedCases'),
        sql<number>`sum(case when r.abnormal_temperature > 0 or r.suspected_cases > 0 then 1 else 0 end)`.as('abnormalEntities'),
      ])
      .groupBy(['r.kind', 'r.sector', 'r.industry', 'r.aboveScale', 'r.aboveQuota', 'r.fourAbove', 'r.sizeClass', 'r.child'])
      .execute();
    return rows.map(toSumRow);
  },

  insertReview(
    db: Db,
    r: {
      entityId: number;
      entityName: string;
      regionPath: string;
      method: string;
      reviewedOn: string;
      preventionOk: number;
      findings: string;
      reviewerId: number | null;
      reviewerName: string;
      createdAt: string;
    },
  ) {
    return db.insertInto('entityReview').values(r).returning('id').executeTakeFirstOrThrow();
  },

  async lastReviews(db: Db, entityIds: number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (let i = 0; i < entityIds.length; i += 500) {
      const rows = await db
        .selectFrom('entityReview')
        .select(['entityId', (eb) => eb.fn.max('reviewedOn').as('last')])
        .where('entityId', 'in', entityIds.slice(i, i + 500))
        .groupBy('entityId')
        .execute();
      for (const r of rows) out.set(Number(r.entityId), String(r.last));
    }
    return out;
  },

  reviewsOf(db: Db, entityId: number) {
    return db
      .selectFrom('entityReview')
      .selectAll()
      .where('entityId', '=', entityId)
      .orderBy('reviewedOn', 'desc')
      .orderBy('id', 'desc')
      .limit(100)
      .execute();
  },
};
