import type { MissingReport, MissingReportsQuery, Page } from '@fugong/contract';
import type { Clock } from '../../platform/clock';
import { localDate } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { RequestContext } from '../../platform/context';
import type { ModuleDb } from '../../platform/module';
import { t } from '../../platform/i18n/index';
import { requirePermission, scopeOf } from '../../platform/permissions';
import { rootFor } from '../../platform/scope';
import { toXlsx } from '../../platform/excel';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryStatsService } from '../registry/registry.service';
import type { ReportsOwnTables } from './reports.tables';
import { reportsRepo } from './reports.repo';
import type { ReminderChannel } from './reminder-channel';

interface Deps {
  db: ModuleDb<ReportsOwnTables>;
  clock: Clock;
  audit: Audit;
  regions: RegionsService;
  registryStats: RegistryStatsService;
  reminderChannels: ReminderChannel[];
}

/** 未报清单: resumed entities of the caller's scope without the day's report, its export, and reminders to them. */
export function missingReports(deps: Deps) {
  const { db, clock, audit, regions, registryStats } = deps;
  const repo = reportsRepo;
  const today = () => localDate(clock.now());

  async function missingIn(ctx: RequestContext, q: Omit<MissingReportsQuery, 'page' | 'pageSize'>) {
    const { actor, root } = await rootFor((code) => regions.resolve(code), ctx, 'reports.read', q.regionCode);
    const date = q.date ?? today();
    const resumed = await registryStats.resumedIn(scopeOf(actor, 'reports.read'), root.path);
    const reported = await repo.reportedOn(db, root.path, date);
    return { date, missing: resumed.filter((e) => !reported.has(Number(e.id))) };
  }

  async function describeMissing(date: string, rows: Awaited<ReturnType<typeof missingIn>>['missing']): Promise<MissingReport[]> {
    const ids = rows.map((e) => Number(e.id));
    const [names, last, reminded] = await Promise.all([
      regions.namesOf(rows.map((e) => e.regionCode)),
      repo.lastReportDates(db, ids),
      repo.remindersOn(db, ids, date),
    ]);
    return rows.map((e) => ({
      entityId: Number(e.id),
      name: e.name,
      kind: e.kind,
      regionCode: e.regionCode,
      regionName: names.get(e.regionCode) ?? e.regionCode,
      lastReportDate: last.get(Number(e.id)) ?? null,
      remindedAt: reminded.get(Number(e.id)) ?? null,
    }));
  }

  return {
    /** Resumed entities in the caller's scope that have not reported for the day. */
    async missing(ctx: RequestContext, q: MissingReportsQuery): Promise<Page<MissingReport>> {
      const { date, missing } = await missingIn(ctx, q);
      const slice = missing.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
      return { items: await describeMissing(date, slice), total: missing.length, page: q.page, pageSize: q.pageSize };
    },

    async exportMissing(ctx: RequestContext, q: Omit<MissingReportsQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      const { date, missing } = await missingIn(ctx, q);
      const rows = await describeMissing(date, missing);
      const L = (k: string) => t(ctx.locale, `reports.export.${k}`);
      return toXlsx(
        L('sheet'),
        [
          { header: 'ID', value: (r: MissingReport) => r.entityId, width: 10 },
          { header: L('name'), value: (r) => r.name, width: 36 },
          { header: L('region'), value: (r) => r.regionName, width: 24 },
          { header: L('last'), value: (r) => r.lastReportDate ?? '', width: 14 },
          { header: L('reminded'), value: (r) => r.remindedAt ?? '', width: 24 },
        ],
        rows,
      );
    },

    /** Reminds the missing entities (all of the scope, or the ones named) through every reminder channel. */
    async remind(
      ctx: RequestContext,
      body: { date?: string; entityIds?: number[]; regionCode?: string },
    ): Promise<{ entities: number; recipients: number }> {
      requirePermission(ctx.actor, 'reports.remind');
      const { date, missing } = await missingIn(ctx, { date: body.date, regionCode: body.regionCode });
      const wanted = body.entityIds ? new Set(body.entityIds) : null;
      const targets = missing.filter((e) => !wanted || wanted.has(Number(e.id)));
      const ids = targets.map((e) => Number(e.id));
      const at = clock.now().toISOString();
      const recipients = await db.transaction().execute(async (trx) => {
        const users = await repo.entityUsers(trx, ids);
        const title = t('zh-CN', 'reports.notify.reminder', { date });
        const reminders = ids
          .filter((id) => users.has(id))
          .map((id) => ({ userIds: users.get(id)!, title, link: '/reports/mine' }));
        let n = 0;
        for (const ch of deps.reminderChannels) n += await ch.deliver(trx, reminders);
        await repo.insertReminders(
          trx,
          ids.map((entityId) => ({ entityId, reportDate: date, sentBy: ctx.actor?.username ?? null, at })),
        );
        await audit.record(trx, ctx, {
          action: 'reports.remind',
          targetType: 'daily_report',
          detail: { date, entities: ids.length },
        });
        return n;
      });
      return { entities: ids.length, recipients };
    },
  };
}
