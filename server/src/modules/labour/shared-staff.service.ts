import { sql } from 'kysely';
import type { Page, Placement, SharedStaff, SharedStaffBody } from '@fugong/contract';
import { AppError, invalid } from '../../platform/errors';
import type { RequestContext } from '../../platform/context';
import { type Actor } from '../../platform/permissions';
import { likeAny } from '../../platform/scope';
import { inPaths, labourPaths, MATCH_DEPTS, ownEntities, readPaths, requireAny, requireLabourPaths } from './labour-access';
import { sharedStaffRepo, type PlacementRow, type SharedStaffRow } from './shared-staff.repo';
import type { LabourDeps } from './labour-deps';

/**
 * 共享员工: an enterprise with idle staff offers N workers for a period, one short of staff requests N;
 * the commerce or labour bureau matches an offer to a request and both enterprises confirm.
 */
export function createSharedStaffService(deps: LabourDeps) {
  const { db, clock, audit, events, registry } = deps;
  const repo = sharedStaffRepo;
  const staffPaths = (actor: Actor) => {
    const r = readPaths(actor);
    const m = labourPaths(actor, 'labour.match', MATCH_DEPTS);
    return r === 'all' || m === 'all' ? 'all' : [...r, ...m];
  };
  const toItem = (r: SharedStaffRow): SharedStaff => ({
    id: Number(r.id),
    kind: r.kind as SharedStaff['kind'],
    entityId: Number(r.entityId),
    entityName: r.entityName,
    regionCode: r.regionCode,
    headcount: Number(r.headcount),
    matched: Number(r.matched),
    fromDate: r.fromDate,
    toDate: r.toDate,
    note: r.note,
  });
  async function toPlacements(rows: PlacementRow[]): Promise<Placement[]> {
    const names = await repo.names(
      db,
      rows.flatMap((r) => [Number(r.offerId), Number(r.requestId)]),
    );
    return rows.map((r) => ({
      id: Number(r.id),
      offerId: Number(r.offerId),
      requestId: Number(r.requestId),
      lenderName: names.get(Number(r.offerId)) ?? '',
      borrowerName: names.get(Number(r.requestId)) ?? '',
      headcount: Number(r.headcount),
      fromDate: r.fromDate,
      toDate: r.toDate,
      lenderConfirmed: !!r.lenderConfirmedAt,
      borrowerConfirmed: !!r.borrowerConfirmedAt,
      status: r.lenderConfirmedAt && r.borrowerConfirmedAt ? 'confirmed' : 'proposed',
    }));
  }

  return {
    async create(ctx: RequestContext, b: SharedStaffBody): Promise<SharedStaff> {
      const { actor } = requireLabourPaths(ctx.actor, 'labour.shared', MATCH_DEPTS);
      const e = await registry.getForService(b.entityId);
      const may =
        !!e &&
        (ownEntities(actor, 'labour.shared').includes(e.id) ||
          inPaths(labourPaths(actor, 'labour.shared', MATCH_DEPTS), e.regionPath));
      if (!e || !may) throw invalid([{ field: 'entityId', message: 'labour.unknown_entity' }]);
      // a closed restaurant may lend its staff; only a working enterprise may take workers on
      if (b.kind === 'request' && e.status !== 'resumed')
        throw invalid([{ field: 'entityId', message: 'labour.entity_not_resumed' }]);
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repo.insert(trx, {
          kind: b.kind,
          entityId: e.id,
          entityName: e.name,
          regionCode: e.regionCode,
          regionPath: e.regionPath,
          headcount: b.headcount,
          matched: 0,
          fromDate: b.fromDate,
          toDate: b.toDate,
          note: b.note ?? null,
          createdBy: actor.id,
          createdAt: clock.now().toISOString(),
        });
        await audit.record(trx, ctx, {
          action: `labour.shared_${b.kind}`,
          targetType: 'shared_staff',
          targetId: id,
          regionPath: e.regionPath,
        });
        return Number(id);
      });
      return toItem((await repo.byId(db, id))!);
    },

    async list(
      ctx: RequestContext,
      q: { page: number; pageSize: number; kind?: 'offer' | 'request'; regionCode?: string; open?: 'true' | 'false' },
    ) {
      const actor = requireAny(ctx.actor, ['labour.read', 'labour.shared', 'labour.match']);
      const paths = staffPaths(actor);
      const own = ownEntities(actor, 'labour.shared');
      const path = q.regionCode ? (await deps.regions.resolve(q.regionCode)).path : null;
      const l = repo.list(
        db,
        (eb) =>
          eb.and([
            eb.or([likeAny('shared_staff.region_path', paths), ...(own.length ? [eb('sharedStaff.entityId', 'in', own)] : [])]),
            ...(path ? [likeAny('shared_staff.region_path', [path])] : []),
            ...(q.kind ? [eb('sharedStaff.kind', '=', q.kind)] : []),
            ...(q.open === 'true' ? [eb('sharedStaff.matched', '<', eb.ref('sharedStaff.headcount'))] : []),
          ]),
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
      return { items: rows.map(toItem), total: Number(n), page: q.page, pageSize: q.pageSize } satisfies Page<SharedStaff>;
    },

    /** The bureau matches: both counters are raised conditionally in one transaction, so neither side is over-matched. */
    async match(ctx: RequestContext, b: { offerId: number; requestId: number; headcount: number }): Promise<Placement> {
      const { actor, paths } = requireLabourPaths(ctx.actor, 'labour.match', MATCH_DEPTS);
      const [offer, request] = await Promise.all([repo.byId(db, b.offerId), repo.byId(db, b.requestId)]);
      if (!offer || offer.kind !== 'offer' || !inPaths(paths, offer.regionPath))
        throw invalid([{ field: 'offerId', message: 'labour.unknown_offer' }]);
      if (!request || request.kind !== 'request' || !inPaths(paths, request.regionPath))
        throw invalid([{ field: 'requestId', message: 'labour.unknown_offer' }]);
      const fromDate = offer.fromDate > request.fromDate ? offer.fromDate : request.fromDate;
      const toDate = offer.toDate < request.toDate ? offer.toDate : request.toDate;
      if (toDate < fromDate) throw invalid([{ field: 'requestId', message: 'labour.periods_disjoint' }]);
      const exceeds = () =>
        new AppError('labour.match_exceeds', 409, {}, [{ field: 'headcount', message: 'labour.match_exceeds' }]);
      const id = await db.transaction().execute(async (trx) => {
        if (!(await repo.take(trx, b.offerId, 'offer', b.headcount))) throw exceeds();
        if (!(await repo.take(trx, b.requestId, 'request', b.headcount))) throw exceeds();
        const { id } = await repo.insertPlacement(trx, {
          offerId: b.offerId,
          requestId: b.requestId,
          lenderId: offer.entityId,
          borrowerId: request.entityId,
          regionPath: request.regionPath,
          headcount: b.headcount,
          fromDate,
          toDate,
          lenderConfirmedAt: null,
          borrowerConfirmedAt: null,
          createdBy: actor.id,
          createdAt: clock.now().toISOString(),
        });
        await audit.record(trx, ctx, {
          action: 'labour.shared_match',
          targetType: 'shared_staff_placement',
          targetId: id,
          regionPath: request.regionPath,
        });
        return Number(id);
      });
      events.publish({ type: 'labour.shared_matched', regionPath: request.regionPath, data: { placementId: id } });
      return (await toPlacements([(await repo.placement(db, id))!]))[0]!;
    },

    /** Each enterprise confirms its side of a placement. */
    async confirm(ctx: RequestContext, id: number): Promise<Placement> {
      const actor = requireAny(ctx.actor, ['labour.shared']);
      const p = await repo.placement(db, id);
      const own = ownEntities(actor, 'labour.shared');
      if (!p || !(own.includes(p.lenderId) || own.includes(p.borrowerId))) throw new AppError('common.not_found', 404);
      const side = own.includes(p.lenderId) && !p.lenderConfirmedAt ? 'lenderConfirmedAt' : 'borrowerConfirmedAt';
      if (side === 'borrowerConfirmedAt' && !own.includes(p.borrowerId)) throw new AppError('labour.already_confirmed', 409);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.confirm(trx, id, side, clock.now().toISOString()))) throw new AppError('labour.already_confirmed', 409);
        await audit.record(trx, ctx, {
          action: 'labour.shared_confirm',
          targetType: 'shared_staff_placement',
          targetId: id,
          regionPath: p.regionPath,
        });
      });
      return (await toPlacements([(await repo.placement(db, id))!]))[0]!;
    },

    async placements(ctx: RequestContext, q: { page: number; pageSize: number }): Promise<Page<Placement>> {
      const actor = requireAny(ctx.actor, ['labour.read', 'labour.shared', 'labour.match']);
      const paths = staffPaths(actor);
      const own = ownEntities(actor, 'labour.shared');
      const l = repo.placements(
        db,
        (eb) =>
          eb.or([
            likeAny('shared_staff_placement.region_path', paths),
            ...(own.length
              ? [eb('sharedStaffPlacement.lenderId', 'in', own), eb('sharedStaffPlacement.borrowerId', 'in', own)]
              : []),
            sql<boolean>`1 = 0`,
          ]),
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
      return { items: await toPlacements(rows), total: Number(n), page: q.page, pageSize: q.pageSize };
    },
  };
}
export type SharedStaffService = ReturnType<typeof createSharedStaffService>;
