import {
  movementBodySchema,
  productionLineBodySchema,
  stockPointBodySchema,
  supplyItemBodySchema,
  supplySettingsSchema,
  type MovementBody,
  type Page,
  type ProductionLine,
  type StockPoint,
  type StockPointKind,
  type SupplyItem,
  type SupplySettings,
} from '@fugong/contract';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/sql-helpers';
import type { RequestContext } from '../../platform/context';
import { AppError, invalid } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { requirePermission, type Actor } from '../../platform/permissions';
import { pageArgs, type SupplyDeps } from './supply-deps';
import { inSupplyPaths, requireSupplyPaths, supplyPaths } from './supply-scope';
import { suppliesRepo as repo, type ItemRow, type StockPointRow } from './supplies.repo';

export const DEFAULT_SHORTAGE_DAYS = 3;
const SUPPLY_PERMS = ['supplies.read', 'supplies.declare', 'supplies.receive', 'supplies.demand', 'supplies.allocate'] as const;

export const toItem = (r: ItemRow): SupplyItem => ({
  id: Number(r.id),
  code: r.code,
  name: r.name,
  unit: r.unit as SupplyItem['unit'],
  packSize: Number(r.packSize),
  normPer100: Number(r.normPer100),
  normKind: r.normKind as SupplyItem['normKind'],
  active: !!r.active,
});

/** Catalogue, settings, stock points with their lines, and the ledger's own movements. */
export function createStockPart(d: SupplyDeps) {
  const { db, clock, audit, events, regions, registry } = d;
  const now = () => clock.now().toISOString();

  async function shortageDays(): Promise<number> {
    const r = await repo.setting(db, 'shortage_days');
    return r ? Number(r.value) : DEFAULT_SHORTAGE_DAYS;
  }

  async function toPoints(rows: StockPointRow[], asOf?: string): Promise<StockPoint[]> {
    const ids = rows.map((r) => Number(r.id));
    const [bal, lines, names] = await Promise.all([
      asOf ? repo.balancesAsOf(db, ids, asOf) : repo.balances(db, ids),
      repo.lines(db, ids),
      regions.namesOf(rows.map((r) => r.regionCode)),
    ]);
    return rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind as StockPointKind,
      name: r.name,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      entityId: r.entityId == null ? null : Number(r.entityId),
      balances: bal
        .filter((b) => Number(b.stockPointId) === Number(r.id))
        .map((b) => ({ itemId: Number(b.itemId), onHand: Number(b.onHand) })),
      lines: lines.filter((l) => Number(l.stockPointId) === Number(r.id)).map(toLine),
    }));
  }
  const toLine = (l: Awaited<ReturnType<typeof repo.lines>>[number]): ProductionLine => ({
    id: Number(l.id),
    stockPointId: Number(l.stockPointId),
    itemId: Number(l.itemId),
    itemName: l.itemName,
    name: l.name,
    dailyCapacity: Number(l.dailyCapacity),
    status: l.status as ProductionLine['status'],
  });

  /** A stock point the actor may work with under `perm` (404 otherwise). */
  async function pointFor(actor: Actor, perm: 'supplies.read' | 'supplies.allocate' | 'supplies.ledger', id: number) {
    const row = await repo.stockPoint(db, id);
    if (!row || !inSupplyPaths(supplyPaths(actor, perm), row.regionPath)) throw new AppError('common.not_found', 404);
    return row;
  }

  async function activeItem(id: number, field: string): Promise<ItemRow> {
    const item = await repo.item(db, id);
    if (!item || !item.active) throw invalid([{ field, message: 'supplies.unknown_item' }]);
    return item;
  }

  return {
    shortageDays,
    activeItem,
    pointFor,

    async listItems(ctx: RequestContext, all: boolean): Promise<SupplyItem[]> {
      if (!ctx.actor) throw new AppError('auth.required', 401);
      if (!SUPPLY_PERMS.some((p) => ctx.actor!.permissions.has(p)) && !ctx.actor.permissions.has('supplies.catalogue'))
        throw new AppError('common.forbidden', 403);
      const showAll = all && ctx.actor.permissions.has('supplies.catalogue');
      return (await repo.items(db, !showAll)).map(toItem);
    },
    async saveItem(ctx: RequestContext, id: number | null, input: z.input<typeof supplyItemBodySchema>): Promise<SupplyItem> {
      requirePermission(ctx.actor, 'supplies.catalogue');
      const b = parseInput(supplyItemBodySchema, input, ctx);
      const at = now();
      const row = {
        code: b.code,
        name: b.name,
        unit: b.unit,
        packSize: b.packSize,
        normPer100: b.normPer100,
        normKind: b.normKind,
        active: b.active ? 1 : 0,
        updatedAt: at,
      };
      const savedId = await db
        .transaction()
        .execute(async (trx) => {
          let itemId = id;
          if (itemId == null) itemId = Number((await repo.insertItem(trx, { ...row, createdAt: at })).id);
          else if (Number((await repo.updateItem(trx, itemId, row)).numUpdatedRows) !== 1)
            throw new AppError('common.not_found', 404);
          await audit.record(trx, ctx, {
            action: id == null ? 'supplies.item_create' : 'supplies.item_update',
            targetType: 'supply_item',
            targetId: itemId,
            detail: b,
          });
          return itemId;
        })
        .catch((e: unknown) => {
          if (isUniqueViolation(e)) throw invalid([{ field: 'code', message: 'supplies.item_code_taken' }]);
          throw e;
        });
      return toItem((await repo.item(db, savedId))!);
    },
    async settings(ctx: RequestContext): Promise<SupplySettings> {
      requirePermission(ctx.actor, 'supplies.read');
      return { shortageDays: await shortageDays() };
    },
    async saveSettings(ctx: RequestContext, input: SupplySettings): Promise<SupplySettings> {
      requirePermission(ctx.actor, 'supplies.catalogue');
      const b = parseInput(supplySettingsSchema, input, ctx);
      await db.transaction().execute(async (trx) => {
        await repo.putSetting(trx, 'shortage_days', String(b.shortageDays), now());
        await audit.record(trx, ctx, { action: 'supplies.settings', detail: b });
      });
      return b;
    },

    async stockPoints(
      ctx: RequestContext,
      q: { page: number; pageSize: number; kind?: StockPointKind; regionCode?: string; q?: string; asOf?: string },
    ): Promise<Page<StockPoint>> {
      const { paths } = requireSupplyPaths(ctx, 'supplies.read');
      const under = q.regionCode ? (await regions.resolve(q.regionCode)).path : undefined;
      const [count, rows] = await repo.stockPointPage(db, { paths, kind: q.kind, q: q.q, under }, pageArgs(q));
      return { items: await toPoints(rows, q.asOf), total: Number(count.n), page: q.page, pageSize: q.pageSize };
    },
    async stockPoint(ctx: RequestContext, id: number, asOf?: string): Promise<StockPoint> {
      const actor = requirePermission(ctx.actor, 'supplies.read');
      return (await toPoints([await pointFor(actor, 'supplies.read', id)], asOf))[0]!;
    },
    async createStockPoint(ctx: RequestContext, input: z.input<typeof stockPointBodySchema>): Promise<StockPoint> {
      const { paths } = requireSupplyPaths(ctx, 'supplies.allocate');
      const b = parseInput(stockPointBodySchema, input, ctx);
      const region = await regions.resolve(b.regionCode);
      if (!inSupplyPaths(paths, region.path)) throw invalid([{ field: 'regionCode', message: 'supplies.out_of_area' }]);
      const reserveLevel = b.kind === 'district_reserve' ? 'district' : b.kind === 'town_reserve' ? 'town' : null;
      if (reserveLevel && region.level !== reserveLevel)
        throw invalid([{ field: 'regionCode', message: `supplies.${b.kind}_level` }]);
      let entityId: number | null = null;
      if (b.kind === 'producer') {
        const e = await registry.getForService(b.entityId!);
        if (!e || !e.regionPath.startsWith(region.path))
          throw invalid([{ field: 'entityId', message: 'supplies.unknown_entity' }]);
        entityId = e.id;
      }
      const id = await db
        .transaction()
        .execute(async (trx) => {
          const { id } = await repo.insertStockPoint(trx, {
            kind: b.kind,
            name: b.name,
            regionCode: region.code,
            regionPath: region.path,
            entityId,
            createdAt: now(),
          });
          await audit.record(trx, ctx, {
            action: 'supplies.stock_point_create',
            targetType: 'stock_point',
            targetId: Number(id),
            regionPath: region.path,
            detail: b,
          });
          return Number(id);
        })
        .catch((e: unknown) => {
          if (isUniqueViolation(e)) throw invalid([{ field: 'entityId', message: 'supplies.producer_taken' }]);
          throw e;
        });
      return (await toPoints([(await repo.stockPoint(db, id))!]))[0]!;
    },
    async saveLine(
      ctx: RequestContext,
      pointId: number | null,
      lineId: number | null,
      input: z.input<typeof productionLineBodySchema>,
    ): Promise<ProductionLine> {
      const actor = requirePermission(ctx.actor, 'supplies.allocate');
      const b = parseInput(productionLineBodySchema, input, ctx);
      const existing = lineId ? await repo.line(db, lineId) : null;
      if (lineId && !existing) throw new AppError('common.not_found', 404);
      const point = await pointFor(actor, 'supplies.allocate', pointId ?? Number(existing!.stockPointId));
      if (point.kind !== 'producer') throw invalid([{ field: 'stockPointId', message: 'supplies.lines_producer_only' }]);
      await activeItem(b.itemId, 'itemId');
      const at = now();
      const id = await db.transaction().execute(async (trx) => {
        const row = { itemId: b.itemId, name: b.name, dailyCapacity: b.dailyCapacity, status: b.status, updatedAt: at };
        const id = lineId ?? Number((await repo.insertLine(trx, { ...row, stockPointId: Number(point.id), createdAt: at })).id);
        if (lineId) await repo.updateLine(trx, lineId, row);
        await audit.record(trx, ctx, {
          action: lineId ? 'supplies.line_update' : 'supplies.line_create',
          targetType: 'production_line',
          targetId: id,
          regionPath: point.regionPath,
          detail: b,
        });
        return id;
      });
      return toLine((await repo.lines(db, [Number(point.id)])).find((l) => Number(l.id) === id)!);
    },

    /** 台账 in: purchase, donation, production receipt, return; out: write-off (never below zero). */
    async recordMovement(ctx: RequestContext, input: MovementBody): Promise<{ id: number; onHand: number }> {
      const actor = requirePermission(ctx.actor, 'supplies.ledger');
      const b = parseInput(movementBodySchema, input, ctx);
      const point = await pointFor(actor, 'supplies.ledger', b.stockPointId);
      await activeItem(b.itemId, 'itemId');
      const at = now();
      const pointId = Number(point.id);
      const out = b.kind === 'write_off';
      const id = await db.transaction().execute(async (trx) => {
        if (out) {
          if (!(await repo.take(trx, pointId, b.itemId, b.quantity, at))) {
            const left = await repo.onHand(trx, pointId, b.itemId);
            throw new AppError('supplies.stock_short', 409, { left }, [{ field: 'quantity', message: 'supplies.stock_short' }]);
          }
        } else await repo.put(trx, pointId, b.itemId, b.quantity, at);
        const { id } = await repo.insertMovement(trx, {
          stockPointId: pointId,
          itemId: b.itemId,
          regionPath: point.regionPath,
          kind: b.kind,
          quantity: out ? -b.quantity : b.quantity,
          onDate: b.onDate,
          counterparty: b.counterparty,
          amountFen: b.kind === 'purchase' ? (b.amountFen ?? 0) : null,
          allocationId: null,
          note: b.note,
          createdBy: actor.id,
          createdByName: actor.displayName,
          createdAt: at,
        });
        await audit.record(trx, ctx, {
          action: `supplies.movement_${b.kind}`,
          targetType: 'supply_movement',
          targetId: Number(id),
          regionPath: point.regionPath,
          detail: b,
        });
        return Number(id);
      });
      events.publish({ type: 'supplies.stock', regionPath: point.regionPath, data: { stockPointId: pointId, itemId: b.itemId } });
      return { id, onHand: await repo.onHand(db, pointId, b.itemId) };
    },
  };
}
