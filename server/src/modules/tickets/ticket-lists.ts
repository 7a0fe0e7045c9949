import type { Page, Ticket, TicketDetail, TicketListQuery, TicketSource, TimelineItem } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { t } from '../../platform/i18n/index';
import { requirePermission } from '../../platform/permissions';
import { toXlsx } from '../../platform/excel';
import { toRecordFile } from '../../platform/files';
import { ticketsRepo, type TicketRow } from './tickets.repo';
import type { TicketRecords, TicketsDeps } from './ticket-records';

/** Reading tickets: one with its timeline and files, the filtered lists and their export, and the entity timeline's lines. */
export function ticketLists(deps: TicketsDeps, records: TicketRecords) {
  const { db, audit, regions, registry } = deps;
  const { toTickets, visible, listWhere, readActor } = records;
  const repo = ticketsRepo;

  registry.registerTimelineSource({
    name: 'tickets',
    async load(entityId, ctx) {
      const rows = await repo
        .list(db, (eb) => eb('ticket.entityId', '=', entityId), { offset: 0, limit: 200, order: 'created' })
        .rows();
      return rows.map((r): TimelineItem => ({
        at: r.createdAt,
        kind: 'tickets.ticket',
        title: t(ctx.locale, 'tickets.timeline', {
          no: r.no,
          status: t(ctx.locale, `tickets.status.${r.status}`),
          title: r.title,
        }),
        detail: [r.categoryName, r.department ? t(ctx.locale, `department.${r.department}`) : null, r.result]
          .filter(Boolean)
          .join(' · '),
        link: `/tickets/${r.id}`,
      }));
    },
  });

  async function list(ctx: RequestContext, q: TicketListQuery): Promise<Page<Ticket>> {
    const actor = readActor(ctx);
    const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
    const l = repo.list(db, listWhere(actor, q, region?.path ?? null), {
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
      order: q.escalation ? 'escalated' : q.open === 'true' || q.overdue === 'true' ? 'deadline' : 'created',
    });
    const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
    return { items: await toTickets(rows, actor), total: Number(n), page: q.page, pageSize: q.pageSize };
  }

  return {
    /** The tickets another module filed, by its source references (e.g. a visit's problems). */
    async bySourceRefs(
      source: TicketSource,
      refs: string[],
    ): Promise<{ id: number; sourceRef: string | null; title: string; status: string }[]> {
      if (refs.length === 0) return [];
      const rows = await repo.bySourceRefs(db, source, refs);
      return rows.map((r) => ({ id: Number(r.id), sourceRef: r.sourceRef, title: r.title, status: r.status }));
    },

    async get(ctx: RequestContext, id: number): Promise<TicketDetail> {
      const actor = readActor(ctx);
      const row = await visible(db, actor, id);
      const [events, files] = await Promise.all([repo.events(db, id), repo.attachments(db, id)]);
      const [ticket] = await toTickets([row], actor);
      return {
        ...ticket!,
        attachments: files.map(toRecordFile),
        events: events.map((e) => ({
          id: Number(e.id),
          at: e.at,
          action: e.action,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          actorName: e.actorName,
          note: e.note,
          detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null,
        })),
      };
    },

    list,

    /** 区领导报到: the open tickets that reached the district leaders, oldest escalation first. */
    async leadersQueue(ctx: RequestContext, q: { page: number; pageSize: number }): Promise<Page<Ticket>> {
      const actor = requirePermission(ctx.actor, 'tickets.lead');
      return list({ ...ctx, actor }, { ...q, escalation: 'leaders', open: 'true' });
    },

    async exportXlsx(ctx: RequestContext, q: Omit<TicketListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      const actor = readActor(ctx);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const rows = await repo
        .list(db, listWhere(actor, q, region?.path ?? null), { offset: 0, limit: 50_000, order: 'created' })
        .rows();
      const L = ctx.locale;
      await audit.record(db, ctx, { action: 'tickets.export', targetType: 'ticket', detail: { filter: q, rows: rows.length } });
      return toXlsx<TicketRow>(
        t(L, 'tickets.sheet.list'),
        [
          { header: t(L, 'tickets.col.no'), width: 20, value: (r) => r.no },
          { header: t(L, 'tickets.col.title'), width: 36, value: (r) => r.title },
          { header: t(L, 'tickets.col.category'), value: (r) => r.categoryName },
          { header: t(L, 'tickets.col.entity'), width: 28, value: (r) => r.entityName },
          { header: t(L, 'tickets.col.department'), value: (r) => (r.department ? t(L, `department.${r.department}`) : '') },
          { header: t(L, 'tickets.col.status'), value: (r) => t(L, `tickets.status.${r.status}`) },
          { header: t(L, 'tickets.col.deadline'), width: 22, value: (r) => r.deadline },
          {
            header: t(L, 'tickets.col.escalation'),
            value: (r) => (r.escalationLevel ? t(L, `tickets.level.${r.escalationLevel}`) : ''),
          },
          { header: t(L, 'tickets.col.createdAt'), width: 22, value: (r) => r.createdAt },
        ],
        rows,
      );
    },
  };
}
