import type { Permission } from '@fugong/contract';
import type { EntityStatus, FilingAction, FilingStatus, OnsiteResult } from '@fugong/contract';
import type { AnyDb } from '../../db/schema';
import { own, type ModuleTrx, type Tx } from '../../platform/module';
import type { FilingsTables } from './filings.tables';
import { localDate } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import { systemContext } from '../../platform/context';
import { AppError, badTransition, notFound } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { requirePermission } from '../../platform/permissions';
import type { FilingRow, FilingsRepo } from './filings.repo';
import type { FilingsDeps } from './filings.deps';
import { transition } from './filing-states';
import { canAccess, filingAccess } from './filing-access';

type Trx = ModuleTrx<FilingsTables>;

/** What a transition did, for the caller to publish once its transaction has committed. */
export interface FilingOutcome {
  filingId: number;
  entityId: number;
  regionPath: string;
  status: FilingStatus;
}

/** Where the entity goes when its filing reaches a state; null leaves it where it is. */
function entityTarget(status: FilingStatus): { to: EntityStatus; reason: string } | null {
  if (status === 'approved') return { to: 'resumed', reason: 'filings.reason.approved' };
  if (status === 'rejected') return { to: 'not_resumed', reason: 'filings.reason.rejected' };
  if (status === 'suspended') return { to: 'suspended', reason: '' };
  if (status === 'submitted' || status === 'resubmitted') return { to: 'filing', reason: 'filings.reason.submitted' };
  return null;
}

/** The state machine applied: every move of a filing, its history, its entity's status and its audit record. */
export function createFilingTransitions(deps: FilingsDeps, repo: FilingsRepo) {
  const { db, clock, audit, events, registry } = deps;

  /** Loads inside the transaction and checks the actor may act with `perm` on it (404 otherwise). */
  async function lockedFor(trx: Trx, ctx: RequestContext, id: number, perm: Permission): Promise<FilingRow> {
    const actor = requirePermission(ctx.actor, perm);
    const row = await repo.byId(trx, id);
    if (!row || !canAccess(filingAccess(actor, perm), row)) throw notFound();
    return row;
  }

  async function moveEntity(trx: Trx, ctx: RequestContext, row: FilingRow, status: FilingStatus, reason?: string): Promise<void> {
    const target = entityTarget(status);
    if (!target) return;
    try {
      await registry.changeStatus(trx, ctx, row.entityId, target.to, reason || t(ctx.locale, target.reason), {
        type: 'filing',
        id: row.id,
      });
    } catch (err) {
      // the entity is already there or past it (e.g. it had reopened before it filed): the filing still counts
      if (err instanceof AppError && err.code === 'common.bad_transition') return;
      throw err;
    }
  }

  /**
   * Applies a chain of actions from the state read in this transaction, writes one conditional
   * update (0 rows → someone else moved it first → 409) and one history line per action.
   */
  async function applyActions(
    trx: Trx,
    ctx: RequestContext,
    row: FilingRow,
    actions: FilingAction[],
    opts: { reason?: string | null; set?: Partial<FilingRow>; revision?: number | null } = {},
  ): Promise<FilingOutcome> {
    const from = row.status as FilingStatus;
    const steps: { action: FilingAction; from: FilingStatus; to: FilingStatus }[] = [];
    let cur = from;
    for (const a of actions) {
      const to = transition(cur, a);
      steps.push({ action: a, from: cur, to });
      cur = to;
    }
    const now = clock.now().toISOString();
    const decided = cur === 'approved' || cur === 'rejected';
    const ok = await repo.moveIf(trx, row.id, from, {
      ...opts.set,
      status: cur,
      updatedAt: now,
      ...(decided ? { decidedAt: now } : {}),
    });
    if (!ok) {
      const fresh = await repo.byId(trx, row.id);
      throw badTransition(fresh?.status ?? from, actions[0]!);
    }
    for (const s of steps) {
      await repo.insertEvent(trx, {
        filingId: row.id,
        at: now,
        actorId: ctx.actor?.id ?? null,
        actorName: ctx.actor?.username ?? null,
        action: s.action,
        fromStatus: s.from,
        toStatus: s.to,
        reason: opts.reason || null,
        revision: opts.revision ?? row.revision,
      });
    }
    if (cur !== from) await moveEntity(trx, ctx, row, cur, cur === 'suspended' ? (opts.reason ?? '') : undefined);
    await audit.record(trx, ctx, {
      action: `filings.${actions.join('+')}`,
      targetType: 'filing',
      targetId: row.id,
      regionPath: row.regionPath,
      detail: { from, to: cur, reason: opts.reason ?? null },
    });
    return { filingId: row.id, entityId: row.entityId, regionPath: row.regionPath, status: cur };
  }

  function publish(o: FilingOutcome) {
    events.publish({
      type: 'filings.status_changed',
      regionPath: o.regionPath,
      data: { filingId: o.filingId, entityId: o.entityId, status: o.status },
    });
  }

  /** The route a submission takes after it is filed. */
  function routeActions(row: FilingRow, batchReleased: boolean): FilingAction[] {
    if (row.whitelisted || row.route === 'commitment') return ['auto_approve'];
    if (row.route === 'onsite') return ['await_onsite'];
    if (row.route === 'batch') return batchReleased ? ['await_batch', 'release_batch'] : ['await_batch'];
    return [];
  }

  async function batchReleased(batchNo: number | null): Promise<boolean> {
    if (batchNo == null) return false;
    const b = await repo.batch(db, batchNo);
    return !!b?.releaseDate && b.releaseDate <= localDate(clock.now());
  }

  /** Releases every filing whose batch date has come; run by the job, after a date is set, and on read. */
  async function releaseDueBatches(filter?: { filingId: number }): Promise<number> {
    const due = (await repo.dueBatchNos(db, localDate(clock.now()))).map((b) => b.batchNo);
    let waiting = await repo.awaitingBatch(db, due);
    if (filter) waiting = waiting.filter((w) => w.id === filter.filingId);
    let released = 0;
    const ctx = systemContext();
    for (const w of waiting) {
      try {
        const o = await db.transaction().execute((trx) => applyActions(trx, ctx, w, ['release_batch']));
        publish(o);
        released++;
      } catch (err) {
        // another node released it first
        if (!(err instanceof AppError && err.status === 409)) throw err;
      }
    }
    return released;
  }

  /**
   * The on-site result for an `onsite` filing, inside the caller's transaction (the enforcement
   * module records it as part of an inspection). Pass releases the entity; fail sends it back
   * to the enterprise with the inspector's notes. Like the registry's `changeStatus`, it takes the
   * caller's handle as is; it is meant to be their open transaction.
   */
  async function recordOnsiteResult(
    tx: Tx | AnyDb,
    ctx: RequestContext,
    filingId: number,
    result: OnsiteResult,
  ): Promise<FilingOutcome> {
    const trx = own<FilingsTables>(tx as Tx);
    const row = await lockedFor(trx, ctx, filingId, 'filings.onsite');
    return applyActions(trx, ctx, row, [result.passed ? 'onsite_pass' : 'onsite_fail'], { reason: result.notes || null });
  }

  return { lockedFor, applyActions, publish, routeActions, batchReleased, releaseDueBatches, recordOnsiteResult };
}
export type FilingTransitions = ReturnType<typeof createFilingTransitions>;
