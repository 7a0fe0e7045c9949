import crypto from 'node:crypto';
import type { Department, Ticket, TicketAction, TicketSource, TicketStatus } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { own, type Tx } from '../../platform/module';
import { AppError, invalid } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { requirePermission, type Actor } from '../../platform/permissions';
import { addWorkingTime } from '../../platform/working-time';
import type { TicketsTables } from './tickets.tables';
import { ticketsRepo, type TicketRow, type TicketsDb } from './tickets.repo';
import { ticketTransition, finishedStates } from './ticket-states';
import { canAssign, canConfirm, canHandle, canSee } from './ticket-access';
import type { TicketRecords, TicketsDeps } from './ticket-records';

type Db = TicketsDb;

/** What another module hands over when it finds a problem (a visit, a daily report, an inspection, a complaint). */
export interface NewTicket {
  source: TicketSource;
  /** e.g. "visit:12#0": one ticket per source record, so a retry never files a second */
  sourceRef?: string | null;
  categoryId?: number;
  categoryCode?: string;
  title: string;
  description: string;
  entityId?: number | null;
  regionCode?: string | null;
  address?: string | null;
  major?: boolean;
  /** assign at once to the category's default department (交办 without a separate step) */
  assignNow?: boolean;
}

export type PreparedTicket = NewTicket & {
  category: { id: number; code: string; department: string; slaValue: number; slaUnit: string };
  regionCode: string;
  regionPath: string;
  entityName: string | null;
};

/**
 * A ticket's life: filed (by staff, an enterprise or another module), assigned, accepted, handled,
 * confirmed or reopened, closed or merged, commented on. Each step is one transaction with its timeline
 * line and audit record; live events go out after the commit.
 */
export function ticketLifecycle(deps: TicketsDeps, records: TicketRecords) {
  const { db, audit, notifier, regions, registry } = deps;
  const { now, place, toTickets, visible, event, deadlineFor, notifyDepartment, announce, readActor } = records;
  const repo = ticketsRepo;

  /**
   * Resolves what a new ticket names (category, entity, region) — outside any transaction, since
   * on SQLite a read through another service inside one would wait for the connection it holds.
   */
  async function prepareTicket(input: NewTicket): Promise<PreparedTicket> {
    const category = input.categoryId
      ? await repo.category(db, input.categoryId)
      : input.categoryCode
        ? await repo.categoryByCode(db, input.categoryCode)
        : undefined;
    if (!category || !category.active) throw invalid([{ field: 'categoryId', message: 'tickets.unknown_category' }]);
    if (input.entityId) {
      const e = await registry.getForService(input.entityId);
      if (!e) throw invalid([{ field: 'entityId', message: 'tickets.unknown_entity' }]);
      return { ...input, category, regionCode: e.regionCode, regionPath: e.regionPath, entityName: e.name };
    }
    if (!input.regionCode) throw invalid([{ field: 'entityId', message: 'tickets.where_required' }]);
    const r = await regions.resolve(input.regionCode);
    return { ...input, category, regionCode: r.code, regionPath: r.path, entityName: null };
  }

  /**
   * Files a prepared ticket inside the caller's transaction. For other modules (liaison visits,
   * daily reports, inspections, complaints): the caller has checked its own permission.

   */
  async function createTicket(
    tx: Tx,
    ctx: RequestContext,
    input: PreparedTicket,
  ): Promise<{ id: number; no: string; regionPath: string }> {
    const trx = own<TicketsTables>(tx);
    const { category, regionCode, regionPath, entityName } = input;
    const at = now();
    const deadline = addWorkingTime(at, category.slaValue, category.slaUnit as 'hours' | 'days').toISOString();
    const assign = !!input.assignNow;
    const { id } = await repo.insert(trx, {
      // a placeholder that is unique until the id-based number replaces it below
      no: `tmp-${crypto.randomBytes(12).toString('hex')}`,
      source: input.source,
      sourceRef: input.sourceRef ?? null,
      categoryId: Number(category.id),
      title: input.title,
      description: input.description,
      entityId: input.entityId ?? null,
      entityName,
      regionCode,
      regionPath,
      address: input.address ?? null,
      department: assign ? category.department : null,
      status: assign ? 'assigned' : 'collected',
      major: input.major ? 1 : 0,
      deadline,
      originalDeadline: deadline,
      escalationLevel: null,
      escalatedAt: null,
      leaderAckAt: null,
      leaderAckBy: null,
      result: null,
      satisfaction: null,
      reopenCount: 0,
      onTime: null,
      handlingMinutes: null,
      mergedInto: null,
      reporterId: ctx.actor?.id ?? null,
      reporterName: ctx.actor?.displayName ?? null,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      assignedAt: assign ? at.toISOString() : null,
      handledAt: null,
      closedAt: null,
    });
    const ticketId = Number(id);
    const no = `WT${at.toISOString().slice(0, 10).replace(/-/g, '')}${String(ticketId).padStart(6, '0')}`;
    await repo.update(trx, ticketId, { no });
    await event(trx, ctx, ticketId, {
      action: 'collect',
      to: 'collected',
      detail: { source: input.source, sourceRef: input.sourceRef ?? null },
    });
    if (assign) {
      await event(trx, ctx, ticketId, {
        action: 'assign',
        from: 'collected',
        to: 'assigned',
        detail: { department: category.department, deadline },
      });
    }
    await notifyDepartment(
      trx,
      { department: assign ? category.department : null, regionPath },
      t('zh-CN', 'tickets.notify.assigned', { no, title: input.title }),
      `/tickets/${ticketId}`,
    );
    await audit.record(trx, ctx, {
      action: 'tickets.create',
      targetType: 'ticket',
      targetId: ticketId,
      regionPath,
      detail: { source: input.source, category: category.code, entityId: input.entityId ?? null },
    });
    return { id: ticketId, no, regionPath };
  }

  /** One transition: permission, state machine, a conditional update, a timeline line, audit. */
  async function act(
    ctx: RequestContext,
    id: number,
    action: TicketAction,
    allowed: (actor: Actor, row: TicketRow) => boolean,
    change: (
      row: TicketRow,
      at: Date,
      trx: Db,
    ) => Promise<{
      set: Record<string, unknown>;
      note?: string | null;
      detail?: Record<string, unknown>;
      notify?: (row: TicketRow, trx: Db) => Promise<void>;
    }>,
  ): Promise<Ticket> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.required', 401);
    const result = await db.transaction().execute(async (trx) => {
      const row = await visible(trx, actor, id);
      if (!allowed(actor, row)) throw new AppError('common.forbidden', 403);
      const from = row.status as TicketStatus;
      const to = ticketTransition(from, action);
      const at = now();
      const c = await change(row, at, trx);
      if (!(await repo.update(trx, id, { ...c.set, status: to, updatedAt: at.toISOString() }, { status: from })))
        throw new AppError('common.conflict', 409);
      await event(trx, ctx, id, { action, from, to, note: c.note, detail: c.detail });
      await audit.record(trx, ctx, {
        action: `tickets.${action}`,
        targetType: 'ticket',
        targetId: id,
        regionPath: row.regionPath,
        detail: { from, to, ...c.detail },
      });
      const updated = (await repo.byId(trx, id))!;
      await c.notify?.(updated, trx);
      return updated;
    });
    announce(`tickets.${action}`, result.regionPath, { ticketId: id, status: result.status });
    return (await toTickets([result], actor))[0]!;
  }

  async function checkDeadline(deadline: string | null | undefined, fallback: () => Promise<string>): Promise<string> {
    if (!deadline) return fallback();
    if (deadline <= now().toISOString()) throw invalid([{ field: 'deadline', message: 'tickets.deadline_past' }]);
    return new Date(deadline).toISOString();
  }

  function assignChange(body: { department: Department; deadline?: string | null; note?: string | null }) {
    return async (row: TicketRow, at: Date, trx: Db) => {
      const deadline = await checkDeadline(body.deadline, () => deadlineFor(trx, Number(row.categoryId), at));
      return {
        set: { department: body.department, deadline, assignedAt: at.toISOString() },
        note: body.note,
        detail: { department: body.department, from: row.department, deadline },
        notify: (r: TicketRow, tx: Db) =>
          notifyDepartment(tx, r, t('zh-CN', 'tickets.notify.assigned', { no: r.no, title: r.title }), `/tickets/${r.id}`),
      };
    };
  }

  return {
    prepareTicket,
    createTicket,
    announceCreated: (c: { id: number; regionPath: string }) => announce('tickets.created', c.regionPath, { ticketId: c.id }),

    async create(ctx: RequestContext, body: NewTicket): Promise<Ticket> {
      const actor = requirePermission(ctx.actor, 'tickets.report');
      // an enterprise reports for its own entity; staff for entities and places in their area
      if (body.entityId) {
        const e = await registry.getForService(body.entityId);
        const own = actor.grants.some((g) => g.entityId === body.entityId);
        if (
          !e ||
          !(own || actor.grants.some((g) => g.role === 'admin' || (g.regionPath && e.regionPath.startsWith(g.regionPath))))
        ) {
          throw invalid([{ field: 'entityId', message: 'tickets.out_of_scope' }]);
        }
      } else if (body.regionCode) {
        const r = await regions.resolve(body.regionCode);
        if (!actor.grants.some((g) => g.role === 'admin' || (g.regionPath && r.path.startsWith(g.regionPath))))
          throw invalid([{ field: 'regionCode', message: 'tickets.out_of_scope' }]);
      }
      const source: TicketSource =
        actor.grants.some((g) => g.role === 'enterprise') && body.source === 'staff' ? 'self_report' : body.source;
      const prepared = await prepareTicket({ ...body, source, sourceRef: null });
      const created = await db.transaction().execute((trx) => createTicket(trx, ctx, prepared));
      announce('tickets.created', created.regionPath, { ticketId: created.id });
      const row = (await repo.byId(db, created.id))!;
      return (await toTickets([row], actor))[0]!;
    },

    assign: (ctx: RequestContext, id: number, body: { department: Department; deadline?: string | null; note?: string | null }) =>
      act(ctx, id, 'assign', canAssign, assignChange(body)),
    reassign: (
      ctx: RequestContext,
      id: number,
      body: { department: Department; deadline?: string | null; note?: string | null },
    ) => act(ctx, id, 'reassign', (a, r) => canAssign(a, place(r)) || canHandle(a, place(r)), assignChange(body)),
    accept: (ctx: RequestContext, id: number, note: string | null) =>
      act(
        ctx,
        id,
        'accept',
        (a, r) => canHandle(a, place(r)),
        async () => ({ set: {}, note }),
      ),
    handle: (ctx: RequestContext, id: number, result: string) =>
      act(
        ctx,
        id,
        'handle',
        (a, r) => canHandle(a, place(r)),
        async (row, at) => {
          const first = row.onTime == null;
          return {
            set: {
              result,
              handledAt: at.toISOString(),
              // measured once: a reopened ticket keeps its first hand-back's timing
              ...(first
                ? {
                    onTime: row.deadline && at.toISOString() > row.deadline ? 0 : 1,
                    handlingMinutes: Math.round((at.getTime() - new Date(row.createdAt).getTime()) / 60_000),
                  }
                : {}),
            },
            note: result,
            notify: async (r, tx) => {
              const to = [...(r.reporterId ? [Number(r.reporterId)] : [])];
              await notifier.send(tx, to, {
                kind: 'tickets.feedback',
                title: t('zh-CN', 'tickets.notify.feedback', { no: r.no, title: r.title }),
                link: `/tickets/${r.id}`,
              });
            },
          };
        },
      ),
    confirm: (ctx: RequestContext, id: number, body: { satisfaction: number; note?: string | null }) =>
      act(
        ctx,
        id,
        'confirm',
        (a, r) => canConfirm(a, place(r)),
        async (_row, at) => ({
          set: { satisfaction: body.satisfaction, closedAt: at.toISOString() },
          note: body.note,
          detail: { satisfaction: body.satisfaction },
        }),
      ),
    reopen: (ctx: RequestContext, id: number, note: string) =>
      act(
        ctx,
        id,
        'reopen',
        (a, r) => canConfirm(a, place(r)),
        async (row) => ({
          set: { reopenCount: Number(row.reopenCount) + 1, result: null },
          note,
          notify: (r, tx) =>
            notifyDepartment(tx, r, t('zh-CN', 'tickets.notify.reopened', { no: r.no, title: r.title }), `/tickets/${r.id}`),
        }),
      ),
    close: (ctx: RequestContext, id: number, note: string) =>
      act(ctx, id, 'close', canAssign, async (_row, at) => ({ set: { closedAt: at.toISOString() }, note })),
    merge: (ctx: RequestContext, id: number, body: { intoId: number; note?: string | null }) =>
      act(ctx, id, 'merge', canAssign, async (row, at, trx) => {
        const actor = ctx.actor!;
        const into = body.intoId === id ? null : await repo.byId(trx, body.intoId);
        if (!into || !canSee(actor, place(into)) || (finishedStates as readonly string[]).includes(into.status))
          throw invalid([{ field: 'intoId', message: 'tickets.merge_self' }]);
        await event(trx, ctx, Number(into.id), { action: 'merged_in', note: body.note, detail: { ticketId: id, no: row.no } });
        return {
          set: { mergedInto: Number(into.id), closedAt: at.toISOString() },
          note: body.note,
          detail: { intoId: Number(into.id), intoNo: into.no },
        };
      }),

    async comment(ctx: RequestContext, id: number, note: string): Promise<void> {
      const actor = readActor(ctx);
      await db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        await event(trx, ctx, id, { action: 'comment', note });
        await audit.record(trx, ctx, {
          action: 'tickets.comment',
          targetType: 'ticket',
          targetId: id,
          regionPath: row.regionPath,
        });
      });
    },
  };
}
