import type { Complaint, ComplaintAction, ComplaintStatus } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { own, type ModuleTrx, type Tx } from '../../platform/module';
import { AppError } from '../../platform/errors';
import { requirePermission } from '../../platform/permissions';
import type { PreparedTicket } from '../tickets/tickets.service';
import { complaintTransition } from './complaint-states';
import type { ComplaintsTables } from './complaints.tables';
import { complaintsRepo, type ComplaintRow } from './complaints.repo';
import type { ComplaintRecords, ComplaintsDeps } from './complaint-records';

/** A complaint handled: verified, substantiated or dismissed, handled (optionally as a ticket), answered. */
export function complaintHandling(deps: ComplaintsDeps, records: ComplaintRecords) {
  const { db, audit, events, tickets } = deps;
  const { now, canHandle, toComplaints, event, visible } = records;
  const repo = complaintsRepo;

  async function act(
    ctx: RequestContext,
    id: number,
    action: ComplaintAction,
    change: (
      row: ComplaintRow,
      at: Date,
      trx: ModuleTrx<ComplaintsTables>,
    ) => Promise<{ set: Record<string, unknown>; note: string | null }>,
    before?: (row: ComplaintRow) => Promise<void>,
  ): Promise<Complaint> {
    const actor = requirePermission(ctx.actor, 'complaints.handle');
    const pre = await visible(db, actor, id);
    if (!canHandle(actor, pre.regionPath)) throw new AppError('common.forbidden', 403);
    complaintTransition(pre.status as ComplaintStatus, action);
    // reads through other services happen before the transaction (SQLite has one connection)
    if (before) await before(pre);
    const row = await db.transaction().execute(async (trx) => {
      const row = await visible(trx, actor, id);
      const from = row.status as ComplaintStatus;
      const to = complaintTransition(from, action);
      const at = now();
      const c = await change(row, at, trx);
      if (!(await repo.update(trx, id, { ...c.set, status: to, updatedAt: at.toISOString() }, from)))
        throw new AppError('common.conflict', 409);
      await event(trx, ctx, id, { action, from, to, note: c.note });
      await audit.record(trx, ctx, {
        action: `complaints.${action}`,
        targetType: 'complaint',
        targetId: id,
        regionPath: row.regionPath,
        detail: { from, to },
      });
      return (await repo.byId(trx, id))!;
    });
    events.publish({ type: `complaints.${action}`, regionPath: row.regionPath, data: { complaintId: id, status: row.status } });
    return (await toComplaints([row], actor))[0]!;
  }

  return {
    verify: (ctx: RequestContext, id: number, note: string) => act(ctx, id, 'verify', async () => ({ set: {}, note })),
    substantiate: (ctx: RequestContext, id: number, note: string) =>
      act(ctx, id, 'substantiate', async () => ({ set: { verdict: 'substantiated', verifyNote: note }, note })),
    dismiss: (ctx: RequestContext, id: number, note: string) =>
      act(ctx, id, 'dismiss', async () => ({ set: { verdict: 'unfounded', verifyNote: note }, note })),

    /** Handles a substantiated complaint; optionally hands the problem to a department as a ticket. */
    async handle(ctx: RequestContext, id: number, body: { note: string; ticketCategoryId?: number | null }): Promise<Complaint> {
      const ticket: { prepared?: PreparedTicket; created?: { id: number; regionPath: string } } = {};
      const result = await act(
        ctx,
        id,
        'handle',
        async (_row, _at, trx) => {
          if (ticket.prepared) ticket.created = await tickets.createTicket(trx, ctx, ticket.prepared);
          return {
            set: { handlingNote: body.note, ...(ticket.created ? { ticketId: ticket.created.id } : {}) },
            note: body.note,
          };
        },
        async (row) => {
          if (!body.ticketCategoryId) return;
          ticket.prepared = await tickets.prepareTicket({
            source: 'complaint',
            sourceRef: `complaint:${row.id}`,
            categoryId: body.ticketCategoryId,
            title: row.content.slice(0, 60),
            description: `${row.content}\n\n${body.note}`,
            entityId: row.entityId == null ? null : Number(row.entityId),
            regionCode: row.regionCode,
            address: row.address,
            assignNow: true,
          });
        },
      );
      if (ticket.created) tickets.announceCreated(ticket.created);
      return result;
    },

    reply: (ctx: RequestContext, id: number, reply: string) =>
      act(ctx, id, 'reply', async (_row, at) => ({ set: { reply, repliedAt: at.toISOString() }, note: reply })),

    /** Links an inspection made because of the complaint (enforcement calls this). */
    async linkInspection(trx: Tx, complaintId: number, inspectionId: number): Promise<void> {
      await repo.setInspection(own<ComplaintsTables>(trx), complaintId, inspectionId);
    },
  };
}
