import type { Complaint, ComplaintDetail, ComplaintListQuery, ComplaintStats, Page, TimelineItem } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { toXlsx } from '../../platform/excel';
import { toRecordFile } from '../../platform/files';
import { openComplaintStates } from './complaint-states';
import { complaintsRepo, type ComplaintRow } from './complaints.repo';
import type { ComplaintRecords, ComplaintsDeps } from './complaint-records';

/** Reading complaints: one with its timeline and files, the filtered list and its export, the figures, the entity timeline's lines. */
export function complaintLists(deps: ComplaintsDeps, records: ComplaintRecords) {
  const { db, audit, regions, registry } = deps;
  const { now, toComplaints, visible, listWhere } = records;
  const repo = complaintsRepo;

  registry.registerTimelineSource({
    name: 'complaints',
    async load(entityId, ctx) {
      const rows = await repo.ofEntity(db, entityId, 100);
      return rows.map((r): TimelineItem => ({
        at: r.createdAt,
        kind: 'complaints.complaint',
        title: t(ctx.locale, 'complaints.timeline', { no: r.receiptNo, status: t(ctx.locale, `complaints.status.${r.status}`) }),
        detail: r.content.slice(0, 120),
        link: `/complaints/${r.id}`,
      }));
    },
  });

  return {
    async list(ctx: RequestContext, q: ComplaintListQuery): Promise<Page<Complaint>> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const l = repo.list(db, listWhere(actor, q, region?.path ?? null), {
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      });
      const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
      return { items: await toComplaints(rows, actor), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: RequestContext, id: number): Promise<ComplaintDetail> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const row = await visible(db, actor, id);
      const [evs, files] = await Promise.all([repo.events(db, id), repo.attachments(db, id)]);
      return {
        ...(await toComplaints([row], actor))[0]!,
        attachments: files.map(toRecordFile),
        events: evs.map((e) => ({
          id: Number(e.id),
          at: e.at,
          action: e.action,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          actorName: e.actorName,
          note: e.note,
        })),
      };
    },

    /** "N received, N answered" for any period and region. */
    async stats(ctx: RequestContext, q: { from?: string; to?: string; regionCode?: string }): Promise<ComplaintStats> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const base = listWhere(actor, {}, region?.path ?? null);
      const fromIso = q.from ? new Date(`${q.from}T00:00:00+08:00`).toISOString() : null;
      const toIso = q.to ? new Date(`${q.to}T23:59:59.999+08:00`).toISOString() : null;
      const r = await repo.stats(
        db,
        (eb) =>
          eb.and([
            base(eb),
            ...(fromIso ? [eb('complaint.createdAt', '>=', fromIso)] : []),
            ...(toIso ? [eb('complaint.createdAt', '<=', toIso)] : []),
          ]),
        now().toISOString(),
        openComplaintStates,
      );
      return {
        received: Number(r.received ?? 0),
        answered: Number(r.answered ?? 0),
        substantiated: Number(r.substantiated ?? 0),
        unfounded: Number(r.unfounded ?? 0),
        open: Number(r.open ?? 0),
        overdue: Number(r.overdue ?? 0),
        answeredOnTime: Number(r.answeredOnTime ?? 0),
      };
    },

    async exportXlsx(ctx: RequestContext, q: Omit<ComplaintListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const rows = await repo.list(db, listWhere(actor, q, region?.path ?? null), { offset: 0, limit: 50_000 }).rows();
      const L = ctx.locale;
      await audit.record(db, ctx, {
        action: 'complaints.export',
        targetType: 'complaint',
        detail: { filter: q, rows: rows.length },
      });
      return toXlsx<ComplaintRow>(
        t(L, 'complaints.sheet'),
        [
          { header: t(L, 'complaints.col.receiptNo'), width: 20, value: (r) => r.receiptNo },
          { header: t(L, 'complaints.col.content'), width: 50, value: (r) => r.content },
          { header: t(L, 'complaints.col.where'), width: 30, value: (r) => r.entityName ?? r.address },
          { header: t(L, 'complaints.col.status'), value: (r) => t(L, `complaints.status.${r.status}`) },
          { header: t(L, 'complaints.col.createdAt'), width: 22, value: (r) => r.createdAt },
          { header: t(L, 'complaints.col.repliedAt'), width: 22, value: (r) => r.repliedAt },
        ],
        rows,
      );
    },
  };
}
