import { allocateBodySchema, receiveBodySchema, type AllocateBody, type Allocation, type Page } from '@fugong/contract';
import type { z } from 'zod';
import { localDate } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import { AppError, invalid, type FieldError } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { requirePermission } from '../../platform/permissions';
import { pageArgs, type SupplyDeps } from './supply-deps';
import { inSupplyPaths, ownEntities, requireView, sees, supplyPaths, supplyRoot } from './supply-scope';
import { suppliesRepo } from './supplies.repo';
import { demandsRepo as repo, type AllocationRow, type DemandRow } from './demands.repo';
import type { createStockPart } from './stock.service';

/** 调配 and delivery: allocated (stock reserved) → dispatched → received (with the quantity that arrived). */
export function createAllocationPart(d: SupplyDeps, stock: ReturnType<typeof createStockPart>) {
  const { db, clock, audit, events, regions } = d;
  const now = () => clock.now().toISOString();

  async function toAllocations(rows: AllocationRow[]): Promise<Allocation[]> {
    const items = new Map((await suppliesRepo.items(db, false)).map((i) => [Number(i.id), i.name]));
    const demands = new Map<number, { entityName: string; regionCode: string }>();
    for (const id of new Set(rows.map((r) => Number(r.demandId)))) {
      const dm = await repo.demand(db, id);
      if (dm) demands.set(id, dm);
    }
    return rows.map((r) => {
      const dm = demands.get(Number(r.demandId));
      const received = r.receivedQuantity == null ? null : Number(r.receivedQuantity);
      return {
        id: Number(r.id),
        stockPointId: Number(r.stockPointId),
        stockPointName: r.stockPointName,
        demandId: Number(r.demandId),
        entityId: Number(r.entityId),
        entityName: dm?.entityName ?? '',
        regionCode: dm?.regionCode ?? '',
        itemId: Number(r.itemId),
        itemName: items.get(Number(r.itemId)) ?? '',
        quantity: Number(r.quantity),
        status: r.status as Allocation['status'],
        receivedQuantity: received,
        difference: received != null && received !== Number(r.quantity),
        createdAt: r.createdAt,
        dispatchedAt: r.dispatchedAt,
        receivedAt: r.receivedAt,
        receivedByName: r.receivedByName,
      };
    });
  }
  async function one(id: number): Promise<Allocation> {
    return (await toAllocations([(await repo.allocationWithPoint(db, id))!]))[0]!;
  }

  return {
    /**
     * From one stock point to one or many demands, partly or wholly, in one transaction: each line takes
     * its quantity out of the stock by a conditional update (`on_hand >= n`) and adds it to the demand by
     * another (`allocated + n <= need`), so concurrent officers can never overdraw either; the loser gets 409.
     */
    async allocate(ctx: RequestContext, input: AllocateBody): Promise<Allocation[]> {
      const actor = requirePermission(ctx.actor, 'supplies.allocate');
      const b = parseInput(allocateBodySchema, input, ctx);
      const paths = supplyPaths(actor, 'supplies.allocate');
      const point = await stock.pointFor(actor, 'supplies.allocate', b.stockPointId);
      const pointId = Number(point.id);
      // the request's own mistakes are 400s, found before anything is written
      const fields: FieldError[] = [];
      const demands: DemandRow[] = [];
      for (const [i, l] of b.lines.entries()) {
        const dm = await repo.demand(db, l.demandId);
        if (!dm || !inSupplyPaths(paths, dm.regionPath)) {
          fields.push({ field: `lines.${i}.demandId`, message: 'supplies.unknown_demand' });
          continue;
        }
        if (dm.status !== 'open') fields.push({ field: `lines.${i}.demandId`, message: 'supplies.demand_not_open' });
        else if (l.quantity > Number(dm.need) - Number(dm.allocated))
          fields.push({ field: `lines.${i}.quantity`, message: 'supplies.above_demand' });
        demands.push(dm);
      }
      if (fields.length) throw invalid(fields);
      const wanted = new Map<number, number>();
      for (const [i, l] of b.lines.entries()) {
        const item = Number(demands[i]!.itemId);
        wanted.set(item, (wanted.get(item) ?? 0) + l.quantity);
      }
      const at = now();
      const day = localDate(clock.now());
      const ids = await db.transaction().execute(async (trx) => {
        // one conditional take per item, items in a fixed order so two multi-item allocations cannot deadlock
        for (const [item, n] of [...wanted].sort((a, c) => a[0] - c[0])) {
          if (!(await suppliesRepo.take(trx, pointId, item, n, at))) {
            const left = await suppliesRepo.onHand(trx, pointId, item);
            const i = b.lines.findIndex((_, k) => Number(demands[k]!.itemId) === item);
            throw new AppError('supplies.stock_short', 409, { left }, [
              { field: `lines.${i}.quantity`, message: 'supplies.stock_short' },
            ]);
          }
        }
        const out: number[] = [];
        for (const [i, l] of b.lines.entries()) {
          const dm = demands[i]!;
          if (!(await repo.allocate(trx, Number(dm.id), l.quantity, at))) {
            const now2 = (await repo.demand(trx, Number(dm.id)))!;
            const left = now2.status === 'open' ? Number(now2.need) - Number(now2.allocated) : 0;
            throw new AppError('supplies.demand_changed', 409, { left }, [
              { field: `lines.${i}.quantity`, message: 'supplies.demand_changed' },
            ]);
          }
          const { id } = await repo.insertAllocation(trx, {
            stockPointId: pointId,
            demandId: Number(dm.id),
            entityId: Number(dm.entityId),
            regionPath: dm.regionPath,
            itemId: Number(dm.itemId),
            quantity: l.quantity,
            status: 'allocated',
            receivedQuantity: null,
            receiveNote: null,
            createdBy: actor.id,
            createdAt: at,
            dispatchedAt: null,
            receivedAt: null,
            receivedBy: null,
            receivedByName: null,
          });
          await suppliesRepo.insertMovement(trx, {
            stockPointId: pointId,
            itemId: Number(dm.itemId),
            regionPath: point.regionPath,
            kind: 'allocation',
            quantity: -l.quantity,
            onDate: day,
            counterparty: dm.entityName,
            amountFen: null,
            allocationId: Number(id),
            note: null,
            createdBy: actor.id,
            createdByName: actor.displayName,
            createdAt: at,
          });
          await audit.record(trx, ctx, {
            action: 'supplies.allocate',
            targetType: 'supply_allocation',
            targetId: Number(id),
            regionPath: dm.regionPath,
            detail: { stockPointId: pointId, demandId: Number(dm.id), itemId: Number(dm.itemId), quantity: l.quantity },
          });
          out.push(Number(id));
        }
        return out;
      });
      for (const dm of demands)
        events.publish({ type: 'supplies.allocated', regionPath: dm.regionPath, data: { demandId: Number(dm.id) } });
      return Promise.all(ids.map(one));
    },

    async allocations(
      ctx: RequestContext,
      q: { page: number; pageSize: number; status?: string; regionCode?: string; entityId?: number; stockPointId?: number },
    ): Promise<Page<Allocation>> {
      const v = requireView(ctx);
      const under = q.regionCode ? (await supplyRoot(regions.resolve, v.paths, q.regionCode)).path : '/';
      const [count, rows] = await repo.allocationPage(
        db,
        { ...v, under, status: q.status, entityId: q.entityId, stockPointId: q.stockPointId },
        pageArgs(q),
      );
      return { items: await toAllocations(rows), total: Number(count.n), page: q.page, pageSize: q.pageSize };
    },

    async dispatch(ctx: RequestContext, id: number): Promise<Allocation> {
      const actor = requirePermission(ctx.actor, 'supplies.allocate');
      const a = await repo.allocation(db, id);
      if (!a || !inSupplyPaths(supplyPaths(actor, 'supplies.allocate'), a.regionPath))
        throw new AppError('common.not_found', 404);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.moveAllocation(trx, id, 'allocated', { status: 'dispatched', dispatchedAt: now() })))
          throw new AppError('common.bad_transition', 409, { from: a.status, action: 'dispatch' });
        await audit.record(trx, ctx, {
          action: 'supplies.dispatch',
          targetType: 'supply_allocation',
          targetId: id,
          regionPath: a.regionPath,
        });
      });
      events.publish({ type: 'supplies.dispatched', regionPath: a.regionPath, data: { allocationId: id } });
      return one(id);
    },

    /** The enterprise (or a liaison of its area) confirms what arrived; a difference is kept and flagged. */
    async receive(ctx: RequestContext, id: number, input: z.input<typeof receiveBodySchema>): Promise<Allocation> {
      const actor = requirePermission(ctx.actor, 'supplies.receive');
      const b = parseInput(receiveBodySchema, input, ctx);
      const a = await repo.allocation(db, id);
      const mine = { paths: supplyPaths(actor, 'supplies.receive'), entityIds: ownEntities(actor, 'supplies.receive') };
      if (!a || !sees(mine, a.regionPath, Number(a.entityId))) throw new AppError('common.not_found', 404);
      if (b.quantity > Number(a.quantity)) throw invalid([{ field: 'quantity', message: 'supplies.receive_above' }]);
      const at = now();
      await db.transaction().execute(async (trx) => {
        const moved = await repo.moveAllocation(trx, id, 'dispatched', {
          status: 'received',
          receivedQuantity: b.quantity,
          receiveNote: b.note,
          receivedAt: at,
          receivedBy: actor.id,
          receivedByName: actor.displayName,
        });
        if (!moved) throw new AppError('common.bad_transition', 409, { from: a.status, action: 'receive' });
        await repo.receive(trx, Number(a.demandId), b.quantity, Number(a.quantity) - b.quantity, at);
        await audit.record(trx, ctx, {
          action: 'supplies.receive',
          targetType: 'supply_allocation',
          targetId: id,
          regionPath: a.regionPath,
          detail: { quantity: b.quantity, allocated: Number(a.quantity), note: b.note },
        });
      });
      events.publish({ type: 'supplies.received', regionPath: a.regionPath, data: { allocationId: id } });
      return one(id);
    },
  };
}
