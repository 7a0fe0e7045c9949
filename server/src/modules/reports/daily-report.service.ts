import type {
  DailyReport,
  DailyReportInput,
  DailyReportVersion,
  MyReports,
  Page,
  ReportAlert,
  ReportListQuery,
} from '@fugong/contract';
import { dailyReportInputSchema } from '@fugong/contract';
import type { Clock } from '../../platform/clock';
import { addDays, localDate } from '../../platform/clock';
import type { Audit, AuditEntry } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { Notifier } from '../../platform/notify';
import type { RequestContext } from '../../platform/context';
import type { ModuleDb } from '../../platform/module';
import { AppError } from '../../platform/errors';
import { createGroupCommit } from '../../platform/group-commit';
import { parseInput } from '../../platform/http';
import { t } from '../../platform/i18n/index';
import { requireInScope, requirePermission, scopeOf } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService, RegistryStatsService } from '../registry/registry.service';
import { reportsRepo, type NewReportVersion } from './reports.repo';
import { reportRollupRepo, type RollupChange } from './report-rollup.repo';
import type { ReminderChannel } from './reminder-channel';
import type { ReportsOwnTables } from './reports.tables';
import { missingReports } from './missing-reports';
import { rootFor } from '../../platform/scope';

interface Deps {
  db: ModuleDb<ReportsOwnTables>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  notifier: Notifier;
  regions: RegionsService;
  registry: RegistryService;
  registryStats: RegistryStatsService;
  reminderChannels: ReminderChannel[];
}

/** How many past days an entity may still report late. */
export const LATE_REPORT_DAYS = 3;

type Row = NonNullable<Awaited<ReturnType<typeof reportsRepo.byId>>>;

/** What a report submission leaves for the end of its group commit batch. */
interface BatchedWrites {
  rollup: RollupChange;
  version: NewReportVersion;
  audit: AuditEntry;
}

/** A concurrent submission replaced the report while this one was being written: the rollup difference would be wrong. */
class ReplacedMeanwhile extends Error {}

/** Runs a report write again (up to three times) when a concurrent submission of the same day got in between. */
async function retryReplaced<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (!(err instanceof ReplacedMeanwhile)) throw err;
      if (attempt === 3) throw new AppError('common.conflict', 409);
    }
  }
}

function toReport(r: Row): DailyReport {
  return {
    id: Number(r.id),
    entityId: Number(r.entityId),
    entityName: r.entityName,
    reportDate: r.reportDate,
    registeredStaff: Number(r.registeredStaff),
    staffOnDuty: Number(r.staffOnDuty),
    fromOtherProvinces: Number(r.fromOtherProvinces),
    underObservation: Number(r.underObservation),
    abnormalTemperature: Number(r.abnormalTemperature),
    suspectedCases: Number(r.suspectedCases),
    capacityRate: Number(r.capacityTenths) / 10,
    supplyDaysLeft: Number(r.supplyDaysLeft),
    problems: r.problems,
    version: Number(r.version),
    submittedAt: r.submittedAt,
    submittedBy: r.submittedBy,
    abnormal: Number(r.abnormalTemperature) > 0 || Number(r.suspectedCases) > 0,
  };
}

export function createDailyReportService(deps: Deps) {
  const { db, clock, audit, events, notifier, regions, registry } = deps;
  const repo = reportsRepo;
  // at the morning peak thousands report within minutes: reports arriving together share one commit, and
  // the batch ends with one statement each for the rollup changes (summed per key: a batch's reports
  // share districts and towns), the version rows and the audit rows of the reports that succeeded
  const reportCommits = createGroupCommit<BatchedWrites>(db, {
    flush: async (trx, items) => {
      await reportRollupRepo.apply(
        trx,
        items.map((w) => w.rollup),
      );
      await repo.insertVersions(
        trx,
        items.map((w) => w.version),
      );
      await audit.recordAll(
        trx,
        items.map((w) => w.audit),
      );
    },
  });
  const today = () => localDate(clock.now());
  const missing = missingReports(deps);

  /** The entity an enterprise user reports for: the one asked for if theirs, else their only one. */
  function ownEntity(ctx: RequestContext, entityId?: number): number {
    const actor = requirePermission(ctx.actor, 'reports.submit');
    const ids = scopeOf(actor, 'reports.submit').entityIds;
    if (entityId !== undefined) {
      if (!ids.includes(entityId)) throw new AppError('common.not_found', 404);
      return entityId;
    }
    if (ids.length === 0) throw new AppError('reports.no_entity', 403);
    return ids[0]!;
  }

  return {
    /** The enterprise's own page: whether it may report today and its recent reports. */
    async mine(ctx: RequestContext, entityId?: number): Promise<MyReports> {
      const id = ownEntity(ctx, entityId);
      const e = await registry.getForService(id);
      if (!e) throw new AppError('common.not_found', 404);
      const rows = await repo.ofEntity(db, id, 60);
      return {
        entityId: id,
        entityName: e.name,
        entityStatus: e.status,
        registeredStaff: e.registeredStaff,
        today: today(),
        canReport: e.status === 'resumed',
        items: rows.map(toReport),
      };
    },

    /**
     * Submits the day's report; a second submission of the same day replaces the first (the
     * earlier one stays in the version history). Fever or a suspected case alerts the town and
     * the district at once.
     */
    async submit(ctx: RequestContext, input: DailyReportInput & { entityId?: number }): Promise<DailyReport> {
      const id = ownEntity(ctx, input.entityId);
      const r = parseInput(dailyReportInputSchema, input, ctx);
      const now = today();
      if (r.reportDate > now)
        throw new AppError('common.validation_failed', 400, { today: now }, [
          { field: 'reportDate', message: 'reports.future_date' },
        ]);
      if (r.reportDate < addDays(now, -LATE_REPORT_DAYS))
        throw new AppError('common.validation_failed', 400, { days: LATE_REPORT_DAYS }, [
          { field: 'reportDate', message: 'reports.too_old' },
        ]);
      const sub = (['fromOtherProvinces', 'underObservation', 'abnormalTemperature', 'suspectedCases'] as const).filter(
        (k) => r[k] > r.staffOnDuty,
      );
      if (sub.length)
        throw new AppError(
          'common.validation_failed',
          400,
          {},
          sub.map((field) => ({ field, message: 'reports.on_duty_exceeds' })),
        );
      const at = clock.now().toISOString();
      const by = ctx.actor?.username ?? null;
      const abnormal = r.abnormalTemperature > 0 || r.suspectedCases > 0;
      const write = () =>
        reportCommits.run(async (trx, defer) => {
          // read in the write's transaction: the status cannot change in between (and on SQLite a read
          // outside one pays for a transaction of its own)
          const e = await registry.getForService(id, trx);
          if (!e) throw new AppError('common.not_found', 404);
          if (e.status !== 'resumed')
            throw new AppError('reports.not_resumed', 409, { status: t(ctx.locale, `registry.status.${e.status}`) });
          const before = await repo.current(trx, id, r.reportDate);
          const fields = {
            entityId: id,
            entityName: e.name,
            reportDate: r.reportDate,
            regionPath: e.regionPath,
            kind: e.kind,
            sector: e.sector,
            industry: e.industry,
            aboveScale: e.aboveScale ? 1 : 0,
            aboveQuota: e.aboveQuota ? 1 : 0,
            fourAbove: e.fourAbove ? 1 : 0,
            sizeClass: e.sizeClass,
            registeredStaff: e.registeredStaff,
            staffOnDuty: r.staffOnDuty,
            fromOtherProvinces: r.fromOtherProvinces,
            underObservation: r.underObservation,
            abnormalTemperature: r.abnormalTemperature,
            suspectedCases: r.suspectedCases,
            capacityTenths: Math.round(r.capacityRate * 10),
            supplyDaysLeft: r.supplyDaysLeft,
            problems: r.problems,
            submittedBy: by,
            submittedAt: at,
          };
          const { id: reportId, version } = await repo.upsert(trx, fields);
          const row: Row = Object.assign(fields, { id: reportId, version });
          // another submission of the same day was committed between the read and the upsert (PostgreSQL): start again
          if (version !== (before ? Number(before.version) : 0) + 1) throw new ReplacedMeanwhile();
          // the rollup change, the version row and the audit row are written with the batch's (see reportCommits)
          defer({
            rollup: reportRollupRepo.changeOf(before, row),
            version: { reportId, version, data: JSON.stringify(r), submittedBy: by, submittedAt: at },
            audit: audit.entry(ctx, {
              action: 'reports.submit',
              targetType: 'daily_report',
              targetId: reportId,
              regionPath: e.regionPath,
              detail: { entityId: id, date: r.reportDate, version },
            }),
          });
          if (abnormal) {
            await repo.insertAlert(trx, {
              entityId: id,
              entityName: e.name,
              regionPath: e.regionPath,
              reportDate: r.reportDate,
              abnormalTemperature: r.abnormalTemperature,
              suspectedCases: r.suspectedCases,
              at,
            });
            const title = t('zh-CN', 'reports.notify.alert', {
              name: e.name,
              date: r.reportDate,
              fever: r.abnormalTemperature,
              suspected: r.suspectedCases,
            });
            const to = [
              ...(await notifier.usersCovering(trx, 'town', e.regionPath)),
              ...(await notifier.usersCovering(trx, 'commander', e.regionPath)),
            ];
            await notifier.send(trx, to, {
              kind: 'reports.alert',
              title,
              link: `/reports/daily?date=${r.reportDate}&abnormalOnly=true`,
            });
          }
          return { row, e };
        });
      const { row: saved, e } = await retryReplaced(write);
      const data = { entityId: id, reportId: Number(saved.id), date: r.reportDate, version: Number(saved.version) };
      events.publish({ type: 'reports.submitted', regionPath: e.regionPath, data });
      if (abnormal)
        events.publish({
          type: 'reports.alert',
          regionPath: e.regionPath,
          data: { ...data, entityName: e.name, abnormalTemperature: r.abnormalTemperature, suspectedCases: r.suspectedCases },
        });
      return toReport(saved);
    },

    /** Every submission of one day's report, newest first; the enterprise sees its own, staff those in scope. */
    async versions(ctx: RequestContext, reportId: number): Promise<DailyReportVersion[]> {
      const actor = requirePermission(ctx.actor, ctx.actor?.permissions.has('reports.read') ? 'reports.read' : 'reports.submit');
      const row = await repo.byId(db, reportId);
      if (!row) throw new AppError('common.not_found', 404);
      const perm = actor.permissions.has('reports.read') ? 'reports.read' : 'reports.submit';
      requireInScope(scopeOf(actor, perm), row.regionPath, Number(row.entityId));
      return (await repo.versions(db, reportId)).map((v) => ({
        ...(JSON.parse(v.data) as DailyReportInput),
        version: Number(v.version),
        submittedAt: v.submittedAt,
        submittedBy: v.submittedBy,
      }));
    },

    async list(ctx: RequestContext, q: ReportListQuery): Promise<Page<DailyReport>> {
      const { root } = await rootFor((code) => regions.resolve(code), ctx, 'reports.read', q.regionCode);
      const l = repo.list(
        db,
        { underPath: root.path, date: q.date ?? today(), abnormalOnly: !!q.abnormalOnly },
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      const [total, rows] = await Promise.all([l.count(), l.rows()]);
      return { items: rows.map(toReport), total, page: q.page, pageSize: q.pageSize };
    },

    ...missing,

    async alerts(ctx: RequestContext, q: { regionCode?: string; date?: string }): Promise<ReportAlert[]> {
      const { root } = await rootFor(
        (code) => regions.resolve(code),
        ctx,
        ctx.actor?.permissions.has('reports.read') ? 'reports.read' : 'dashboard.read',
        q.regionCode,
      );
      return (await repo.alerts(db, root.path, q.date ?? today(), 50)).map((a) => ({
        id: Number(a.id),
        entityId: Number(a.entityId),
        entityName: a.entityName,
        regionPath: a.regionPath,
        reportDate: a.reportDate,
        abnormalTemperature: Number(a.abnormalTemperature),
        suspectedCases: Number(a.suspectedCases),
        at: a.at,
      }));
    },

    /** For the dashboard (which checks its own permission): the day's sums of a subtree, from the rollup. */
    sums: (rootPath: string, date: string, childLen: number | null) => reportRollupRepo.sums(db, rootPath, date, childLen),
    /** The same recomputed from the reports themselves (checks of the rollup). */
    sumsFromReports: (rootPath: string, date: string, childLen: number | null) =>
      repo.sumsFromReports(db, rootPath, date, childLen),
    dailyTotals: (rootPath: string, from: string, to: string) => reportRollupRepo.dailyTotals(db, rootPath, from, to),
    /** The last day up to `onOrBefore` on which anyone in the subtree reported, or null. */
    latestReportDate: (rootPath: string, onOrBefore: string) => reportRollupRepo.latestDate(db, rootPath, onOrBefore),
    /** Recomputes the report rollup from the reports, in one transaction; returns the rollup rows. */
    rebuildRollup: () => db.transaction().execute((trx) => reportRollupRepo.rebuild(trx)),
    /** Bulk insert for the demo loader and benchmarks: no rules, no events. */
    insertMany: (rows: Parameters<typeof repo.insertMany>[1]) => repo.insertMany(db, rows),
  };
}
export type DailyReportService = ReturnType<typeof createDailyReportService>;
