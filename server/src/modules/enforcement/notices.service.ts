import type { z } from 'zod';
import type { ClosureOrder, Page, RectificationNotice, reinspectBodySchema } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError, invalid } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { own, type Tx } from '../../platform/module';
import { requirePermission } from '../../platform/permissions';
import { inPaths } from '../../platform/scope';
import type { EnforcementTables } from './enforcement.tables';
import { enforcementRepo } from './enforcement.repo';
import { noticesRepo as repo, type NoticeRow } from './notices.repo';
import { enforcementPaths as paths, num, pageOf, type EnforcementDeps } from './enforcement-access';

type Placed = { id: number; name: string; regionPath: string };
const mine = (tx: Tx) => own<EnforcementTables>(tx);

/**
 * Rectification notices 整改通知书 with their re-inspection, and closure orders 关停 (the entity is
 * suspended through the registry's state machine) with their lifting.
 */
export function createNoticesPart({ db, clock, audit, events, regions, registry }: EnforcementDeps) {
  /** An entity that is not operating (not resumed, already suspended) keeps its status; the order still stands. */
  async function changeStatusIfAllowed(
    trx: Tx,
    ctx: RequestContext,
    entityId: number,
    to: 'suspended' | 'resumed',
    reason: string,
    closureId: number,
  ) {
    try {
      await registry.changeStatus(trx, ctx, entityId, to, reason, { type: 'closure_order', id: closureId });
    } catch (err) {
      if (err instanceof AppError && err.code === 'common.bad_transition') return;
      throw err;
    }
  }

  /** 关停: a closure order, and the entity suspended through the registry. */
  async function close(trx: Tx, ctx: RequestContext, inspectionId: number, entity: Placed, reason: string, on: string) {
    const id = await repo.insertClosure(mine(trx), {
      entityId: entity.id,
      entityName: entity.name,
      regionPath: entity.regionPath,
      inspectionId,
      reason,
      orderedOn: on,
      liftedAt: null,
      liftedReason: null,
    });
    await changeStatusIfAllowed(trx, ctx, entity.id, 'suspended', t('zh-CN', 'enforcement.reason.closure', { reason }), id);
    await enforcementRepo.setInspectionLinks(mine(trx), inspectionId, { closureId: id });
    return id;
  }

  async function issueNotice(trx: Tx, inspectionId: number, e: Placed, items: string, on: string, deadline: string) {
    const id = await repo.insertNotice(mine(trx), {
      no: `tmp-${inspectionId}`,
      inspectionId,
      entityId: e.id,
      entityName: e.name,
      regionPath: e.regionPath,
      items,
      issuedOn: on,
      deadline,
      status: 'issued',
      reinspectionId: null,
    });
    await repo.setNoticeNo(
      mine(trx),
      id,
      t('zh-CN', 'enforcement.notice.no', { year: on.slice(0, 4), n: String(id).padStart(4, '0') }),
    );
    await enforcementRepo.setInspectionLinks(mine(trx), inspectionId, { noticeId: id });
  }

  async function noticeDtos(rows: NoticeRow[]): Promise<RectificationNotice[]> {
    const reins = rows
      .map((n) => n.reinspectionId)
      .filter((x): x is number => x != null)
      .map(Number);
    const closureOf = await enforcementRepo.closureIdsOf(db, reins);
    // every inspection is of a registered entity, so the notice carries the entity's registered address
    const addresses = rows.length
      ? await registry.addressesForService(rows.map((n) => Number(n.entityId)))
      : new Map<number, string | null>();
    return rows.map((n) => ({
      id: Number(n.id),
      no: n.no,
      inspectionId: Number(n.inspectionId),
      entityId: Number(n.entityId),
      entityName: n.entityName,
      address: addresses.get(Number(n.entityId)) ?? null,
      items: n.items,
      issuedOn: n.issuedOn,
      deadline: n.deadline,
      status: n.status as RectificationNotice['status'],
      reinspectionId: num(n.reinspectionId),
      closureId: n.reinspectionId == null ? null : (closureOf.get(Number(n.reinspectionId)) ?? null),
    }));
  }
  async function noticeDto(id: number): Promise<RectificationNotice> {
    const [n] = await noticeDtos(await repo.notices(db, [id]));
    if (!n) throw new AppError('common.not_found', 404);
    return n;
  }

  const api = {
    /** Re-inspection after the notice's deadline: rectified closes the notice, otherwise 关停. */
    async reinspect(
      ctx: RequestContext,
      noticeId: number,
      b: z.output<typeof reinspectBodySchema>,
    ): Promise<RectificationNotice> {
      const actor = requirePermission(ctx.actor, 'enforcement.inspect');
      const n = await repo.notice(db, noticeId);
      if (!n || !inPaths(paths(actor), n.regionPath)) throw new AppError('common.not_found', 404);
      if (n.status !== 'issued') throw new AppError('common.bad_transition', 409, { from: n.status, action: 'reinspect' });
      if (b.inspectedOn < n.issuedOn) throw invalid([{ field: 'inspectedOn', message: 'enforcement.reinspect_before_notice' }]);
      const prev = await enforcementRepo.inspection(db, Number(n.inspectionId));
      if (!prev) throw new AppError('common.not_found', 404);
      const entity = { id: Number(n.entityId), name: n.entityName, regionPath: n.regionPath };
      await db.transaction().execute(async (trx) => {
        const vid = await enforcementRepo.insertVisit(trx, {
          roundId: num(prev.roundId),
          visitedOn: b.inspectedOn,
          regionPath: n.regionPath,
          inspectorCount: b.inspectorCount,
          inspectors: '[]',
          createdById: actor.id,
          createdBy: actor.displayName,
          createdAt: clock.now().toISOString(),
        });
        const iid = await enforcementRepo.insertInspection(trx, {
          no: `JC${b.inspectedOn.replace(/-/g, '')}${String(vid).padStart(6, '0')}01`,
          kind: 'reinspection',
          entityId: entity.id,
          entityName: entity.name,
          premisesType: prev.premisesType,
          regionPath: entity.regionPath,
          inspectedOn: b.inspectedOn,
          inspectorCount: b.inspectorCount,
          inspectorId: actor.id,
          inspectorName: actor.displayName,
          results: '{}',
          problemsFound: 0,
          fixedOnSpot: 0,
          outcome: b.passed ? 'pass' : 'closure',
          notes: b.notes ?? null,
          filingId: null,
          complaintId: null,
          noticeId: null,
          closureId: null,
          createdAt: clock.now().toISOString(),
          visitId: vid,
          roundId: num(prev.roundId),
        });
        if (!(await repo.settleNotice(trx, noticeId, b.passed ? 'rectified' : 'escalated', iid)))
          throw new AppError('common.conflict', 409);
        if (!b.passed)
          await close(
            trx,
            ctx,
            iid,
            entity,
            b.notes || t('zh-CN', 'enforcement.reason.notRectified', { no: n.no }),
            b.inspectedOn,
          );
        await audit.record(trx, ctx, {
          action: 'enforcement.reinspect',
          targetType: 'rectification_notice',
          targetId: noticeId,
          regionPath: n.regionPath,
          detail: { passed: b.passed },
        });
      });
      events.publish({
        type: 'enforcement.inspected',
        regionPath: n.regionPath,
        data: { noticeId, outcome: b.passed ? 'pass' : 'closure' },
      });
      return noticeDto(noticeId);
    },

    /** Lifting a closure order reopens the entity (suspended → resumed). */
    async liftClosure(ctx: RequestContext, closureId: number, reason: string): Promise<void> {
      const actor = requirePermission(ctx.actor, 'enforcement.inspect');
      const c = await repo.closure(db, closureId);
      if (!c || !inPaths(paths(actor), c.regionPath)) throw new AppError('common.not_found', 404);
      if (c.liftedAt) throw new AppError('common.bad_transition', 409, { from: 'lifted', action: 'lift' });
      await db.transaction().execute(async (trx) => {
        if (!(await repo.liftClosure(trx, closureId, clock.now().toISOString(), reason)))
          throw new AppError('common.conflict', 409);
        // another closure order still in force keeps the entity suspended
        if (!(await repo.hasClosureInForce(trx, Number(c.entityId))))
          await changeStatusIfAllowed(
            trx,
            ctx,
            Number(c.entityId),
            'resumed',
            t('zh-CN', 'enforcement.reason.lifted', { reason }),
            closureId,
          );
        await audit.record(trx, ctx, {
          action: 'enforcement.lift',
          targetType: 'closure_order',
          targetId: closureId,
          regionPath: c.regionPath,
          detail: { reason },
        });
      });
      events.publish({ type: 'enforcement.lifted', regionPath: c.regionPath, data: { closureId } });
    },

    async notice(ctx: RequestContext, id: number): Promise<RectificationNotice> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const n = await repo.notice(db, id);
      if (!n || !inPaths(paths(actor), n.regionPath)) throw new AppError('common.not_found', 404);
      return noticeDto(id);
    },
    async notices(
      ctx: RequestContext,
      q: { page: number; pageSize: number; status?: string; regionCode?: string; q?: string },
    ): Promise<Page<RectificationNotice>> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const ps = paths(actor);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const { total, rows } = await repo.listNotices(
        db,
        { paths: ps, regionPath: region?.path, status: q.status, q: q.q },
        pageOf(q),
      );
      return { items: await noticeDtos(rows), total, page: q.page, pageSize: q.pageSize };
    },
    async closures(
      ctx: RequestContext,
      q: { page: number; pageSize: number; active?: 'true' | 'false'; regionCode?: string; q?: string },
    ): Promise<Page<ClosureOrder>> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const ps = paths(actor);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const { total, rows } = await repo.listClosures(
        db,
        { paths: ps, regionPath: region?.path, active: q.active, q: q.q },
        pageOf(q),
      );
      return {
        items: rows.map((r) => ({
          id: Number(r.id),
          entityId: Number(r.entityId),
          entityName: r.entityName,
          inspectionId: Number(r.inspectionId),
          reason: r.reason,
          orderedOn: r.orderedOn,
          liftedAt: r.liftedAt,
          liftedReason: r.liftedReason,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
  return { close, issueNotice, api };
}
