import { escalationLevels, type EscalationLevel, type Ticket } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError, badTransition, invalid } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { dueEscalation, supervisionDeadline } from '../../platform/escalation';
import { ticketsRepo, type TicketsDb } from './tickets.repo';
import { finishedStates, runningStates } from './ticket-states';
import { canLead, canWhistle } from './ticket-access';
import type { TicketRecords, TicketsDeps } from './ticket-records';

type Db = TicketsDb;

const levelRank = (l: string | null) => (l ? escalationLevels.indexOf(l as EscalationLevel) + 1 : 0);

/** The escalation ladder (提示 → 督办 → 区领导报到): by the clock, by a whistle, and the leaders taking a ticket up. */
export function ticketEscalation(deps: TicketsDeps, records: TicketRecords) {
  const { db, audit, notifier } = deps;
  const { now, place, toTickets, visible, event, notifyDepartment, announce, readActor } = records;
  const repo = ticketsRepo;

  /** Escalates one ticket to `level` (conditional on its current level); returns false if someone else moved it first. */
  async function raise(
    trx: Db,
    ctx: RequestContext,
    row: { id: number; no: string; title: string; regionPath: string; department: string | null; escalationLevel: string | null },
    level: EscalationLevel,
    how: 'auto' | 'whistle',
    note: string | null,
  ) {
    const at = now();
    const set: Record<string, unknown> = { escalationLevel: level, escalatedAt: at.toISOString(), updatedAt: at.toISOString() };
    // 督办单: the supervision order comes with a new, short deadline
    if (level === 'supervision') set.deadline = supervisionDeadline(at);
    if (!(await repo.update(trx, Number(row.id), set, { escalationLevel: row.escalationLevel }))) return false;
    await event(trx, ctx, Number(row.id), {
      action: how === 'auto' ? 'escalate' : 'whistle',
      note,
      detail: { from: row.escalationLevel, level, deadline: set.deadline ?? null },
    });
    await audit.record(trx, ctx, {
      action: `tickets.${how === 'auto' ? 'escalate' : 'whistle'}`,
      targetType: 'ticket',
      targetId: Number(row.id),
      regionPath: row.regionPath,
      detail: { from: row.escalationLevel, level },
    });
    const title = t('zh-CN', how === 'auto' ? 'tickets.notify.escalated' : 'tickets.notify.whistle', {
      level: t('zh-CN', `tickets.level.${level}`),
      no: row.no,
      title: row.title,
    });
    const link = `/tickets/${row.id}`;
    await notifyDepartment(trx, row, title, link);
    if (level !== 'reminder')
      await notifier.send(trx, await notifier.usersCovering(trx, 'commander', row.regionPath), {
        kind: `tickets.${level}`,
        title,
        link,
      });
    return true;
  }

  return {
    /** 吹哨: anyone allowed raises an open ticket, by default one level, a liaison straight to the leaders if they choose. */
    async whistle(ctx: RequestContext, id: number, body: { level?: EscalationLevel | null; note: string }): Promise<Ticket> {
      const actor = readActor(ctx);
      const row = await db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        if (!canWhistle(actor, place(row))) throw new AppError('common.forbidden', 403);
        if ((finishedStates as readonly string[]).includes(row.status)) throw badTransition(row.status, 'whistle');
        const current = levelRank(row.escalationLevel);
        if (current >= escalationLevels.length) throw new AppError('tickets.already_top', 409);
        const level = body.level ?? escalationLevels[current]!;
        if (levelRank(level) <= current) throw invalid([{ field: 'level', message: 'tickets.level_not_higher' }]);
        if (!(await raise(trx, ctx, { ...row, id: Number(row.id) }, level, 'whistle', body.note)))
          throw new AppError('common.conflict', 409);
        return (await repo.byId(trx, id))!;
      });
      announce('tickets.escalated', row.regionPath, { ticketId: id, level: row.escalationLevel });
      return (await toTickets([row], actor))[0]!;
    },

    /** 区领导报到: a leader takes the ticket up; the department sees who and when. */
    async acknowledge(ctx: RequestContext, id: number, note: string | null): Promise<Ticket> {
      const actor = readActor(ctx);
      const row = await db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        if (!canLead(actor, place(row))) throw new AppError('common.forbidden', 403);
        if (row.escalationLevel !== 'leaders') throw new AppError('tickets.not_at_leaders', 409);
        await repo.update(trx, id, {
          leaderAckAt: now().toISOString(),
          leaderAckBy: actor.displayName,
          updatedAt: now().toISOString(),
        });
        await event(trx, ctx, id, { action: 'leader_ack', note });
        await audit.record(trx, ctx, {
          action: 'tickets.leader_ack',
          targetType: 'ticket',
          targetId: id,
          regionPath: row.regionPath,
        });
        await notifyDepartment(
          trx,
          row,
          t('zh-CN', 'tickets.notify.whistle', { level: t('zh-CN', 'tickets.level.leaders'), no: row.no, title: row.title }),
          `/tickets/${id}`,
        );
        return (await repo.byId(trx, id))!;
      });
      return (await toTickets([row], actor))[0]!;
    },

    /**
     * The escalation ladder, run by the job scheduler: an overdue ticket gets a reminder (提示);
     * a reminder unanswered for a working day becomes a supervision order (督办) with a new
     * deadline; a supervision order overdue goes to the district leaders (区领导报到).
     */
    async escalateDue(): Promise<{ reminder: number; supervision: number; leaders: number }> {
      const at = now();
      const counts = { reminder: 0, supervision: 0, leaders: 0 };
      const ctx: RequestContext = { actor: null, ip: null, requestId: null, locale: 'zh-CN' };
      const rows = await repo.escalationCandidates(db, at.toISOString(), runningStates, 500);
      for (const r of rows) {
        const level = dueEscalation(r.escalationLevel, r.escalatedAt, at);
        if (!level) continue;
        const done = await db.transaction().execute((trx) => raise(trx, ctx, { ...r, id: Number(r.id) }, level, 'auto', null));
        if (done) {
          counts[level] += 1;
          announce('tickets.escalated', r.regionPath, { ticketId: Number(r.id), level });
        }
      }
      return counts;
    },
  };
}
