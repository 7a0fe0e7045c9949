import {
  declarationBodySchema,
  demandBodySchema,
  type Declaration,
  type DeclarationBody,
  type DeclarationProposal,
  type Demand,
  type DemandQuery,
  type Page,
} from '@fugong/contract';
import type { z } from 'zod';
import { sql } from 'kysely';
import { addDays, localDate } from '../../platform/clock';
import { systemContext, type RequestContext } from '../../platform/context';
import { AppError, invalid } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { requirePermission, type Actor } from '../../platform/permissions';
import type { ModuleTrx } from '../../platform/module';
import { pageArgs, type SupplyDeps } from './supply-deps';
import { inSupplyPaths, ownEntities, requireView, sees, supplyPaths, supplyRoot } from './supply-scope';
import { suppliesRepo, type ItemRow } from './supplies.repo';
import { demandsRepo as repo, type DemandRow } from './demands.repo';
import type { SuppliesTables } from './supplies.tables';
import type { createStockPart } from './stock.service';

/** How many days of need a demand raised from a daily report asks for. */
export const REPORT_COVER_DAYS = 7;
/** How far back a daily report still counts as the entity's latest. */
export const REPORT_FRESH_DAYS = 7;

export const dailyUse = (item: ItemRow, staff: number) =>
  item.normKind === 'daily' ? (staff * Number(item.normPer100)) / 100 : 0;
export const proposedNeed = (item: ItemRow, staff: number | null, days: number): number | null =>
  staff == null || Number(item.normPer100) === 0
    ? null
    : Math.ceil((staff * Number(item.normPer100) * (item.normKind === 'daily' ? days : 1)) / 100);

/** Days the declared stock lasts: by the enterprise's own need for its period, for consumables. */
export function stockDaysLeft(item: ItemRow, stock: number, need: number, days: number): number | null {
  if (need <= 0) return null;
  if (item.normKind !== 'daily') return stock >= need ? null : 0;
  return Math.floor((stock * days) / need);
}

export function createDemandPart(d: SupplyDeps, stock: ReturnType<typeof createStockPart>) {
  const { db, clock, audit, events, regions, registry, reportFacts } = d;
  const now = () => clock.now().toISOString();
  const today = () => localDate(clock.now());

  async function toDemands(rows: DemandRow[]): Promise<Demand[]> {
    const items = new Map((await suppliesRepo.items(db, false)).map((i) => [Number(i.id), i]));
    const names = await regions.namesOf(rows.map((r) => r.regionCode));
    const t = clock.now().getTime();
    return rows.map((r) => {
      const item = items.get(Number(r.itemId))!;
      const need = Number(r.need);
      const allocated = Number(r.allocated);
      return {
        id: Number(r.id),
        entityId: Number(r.entityId),
        entityName: r.entityName,
        regionCode: r.regionCode,
        regionName: names.get(r.regionCode) ?? null,
        itemId: Number(r.itemId),
        itemName: item.name,
        unit: item.unit as Demand['unit'],
        need,
        allocated,
        received: Number(r.received),
        remaining: r.status === 'open' ? need - allocated : 0,
        daysLeft: r.daysLeft == null ? null : Number(r.daysLeft),
        status: r.status as Demand['status'],
        source: r.source as Demand['source'],
        sourceRef: r.sourceRef,
        openedAt: r.openedAt,
        waitingDays: Math.max(0, Math.floor((t - Date.parse(r.openedAt)) / 86_400_000)),
      };
    });
  }

  /** The entity a declaration or a demand is for: the enterprise's own, or one in the officer's area. */
  async function entityFor(actor: Actor, entityId: number | undefined) {
    const own = ownEntities(actor, 'supplies.declare');
    const id = entityId ?? own[0];
    if (!id) throw invalid([{ field: 'entityId', message: 'validation.required' }]);
    const e = await registry.getForService(id);
    const staffOk = e && inSupplyPaths(supplyPaths(actor, 'supplies.demand'), e.regionPath);
    if (!e || (!own.includes(id) && !staffOk)) throw new AppError('common.not_found', 404);
    return e;
  }

  /** Opens the need, or brings the open one up to date (one per entity and item, settled by the partial unique index). */
  async function upsertDemand(
    trx: ModuleTrx<SuppliesTables>,
    e: { id: number; name: string; regionCode: string; regionPath: string },
    itemId: number,
    need: number,
    daysLeft: number | null,
    source: string,
    sourceRef: string | null,
  ): Promise<{ id: number; created: boolean }> {
    const at = now();
    const inserted = await trx
      .insertInto('supplyDemand')
      .values({
        entityId: e.id,
        entityName: e.name,
        regionCode: e.regionCode,
        regionPath: e.regionPath,
        itemId,
        need,
        allocated: 0,
        received: 0,
        daysLeft,
        status: 'open',
        source,
        sourceRef,
        openedAt: at,
        updatedAt: at,
      })
      .onConflict((oc) =>
        oc
          .columns(['entityId', 'itemId'])
          .where(sql<boolean>`status in ('open', 'allocated')`)
          .doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: Number(inserted.id), created: true };
    const open = (await repo.openDemand(trx, e.id, itemId))!;
    await repo.refreshDemand(trx, Number(open.id), need, daysLeft, at);
    return { id: Number(open.id), created: false };
  }

  return {
    async proposal(ctx: RequestContext, q: { entityId?: number; days: number }): Promise<DeclarationProposal> {
      const actor = requirePermission(
        ctx.actor,
        ctx.actor?.permissions.has('supplies.declare') ? 'supplies.declare' : 'supplies.demand',
      );
      const e = await entityFor(actor, q.entityId);
      const fact = (await reportFacts.latestFor([e.id], addDays(today(), -REPORT_FRESH_DAYS))).get(e.id) ?? null;
      const items = await suppliesRepo.items(db, true);
      return {
        entityId: e.id,
        entityName: e.name,
        staffOnDuty: fact?.staffOnDuty ?? null,
        reportDate: fact?.reportDate ?? null,
        supplyDaysLeft: fact?.supplyDaysLeft ?? null,
        days: q.days,
        items: items.map((i) => ({ itemId: Number(i.id), proposed: proposedNeed(i, fact?.staffOnDuty ?? null, q.days) })),
      };
    },

    /** An enterprise's stock and need per item; a stock lasting fewer days than the setting opens a demand. */
    async declare(ctx: RequestContext, input: DeclarationBody): Promise<Declaration> {
      const actor = requirePermission(
        ctx.actor,
        ctx.actor?.permissions.has('supplies.declare') ? 'supplies.declare' : 'supplies.demand',
      );
      const b = parseInput(declarationBodySchema, input, ctx);
      const e = await entityFor(actor, b.entityId);
      const seen = new Set<number>();
      const items: ItemRow[] = [];
      for (const [i, l] of b.lines.entries()) {
        if (seen.has(l.itemId)) throw invalid([{ field: `lines.${i}.itemId`, message: 'supplies.item_twice' }]);
        seen.add(l.itemId);
        items.push(await stock.activeItem(l.itemId, `lines.${i}.itemId`));
      }
      const fact = (await reportFacts.latestFor([e.id], addDays(today(), -REPORT_FRESH_DAYS))).get(e.id) ?? null;
      const threshold = await stock.shortageDays();
      const at = now();
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repo.insertDeclaration(trx, {
          entityId: e.id,
          entityName: e.name,
          regionCode: e.regionCode,
          regionPath: e.regionPath,
          days: b.days,
          staffOnDuty: fact?.staffOnDuty ?? null,
          reportDate: fact?.reportDate ?? null,
          declaredBy: actor.id,
          createdAt: at,
        });
        const lines = [];
        for (const [i, l] of b.lines.entries()) {
          const item = items[i]!;
          const daysLeft = stockDaysLeft(item, l.stock, l.need, b.days);
          const short = l.need - l.stock;
          const demand =
            short > 0 && (daysLeft == null || daysLeft < threshold)
              ? await upsertDemand(trx, e, l.itemId, short, daysLeft, 'declaration', `declaration:${id}`)
              : null;
          lines.push({
            declarationId: Number(id),
            itemId: l.itemId,
            stock: l.stock,
            need: l.need,
            proposed: proposedNeed(item, fact?.staffOnDuty ?? null, b.days),
            daysLeft,
            demandId: demand?.id ?? null,
          });
        }
        await repo.insertDeclarationLines(trx, lines);
        await audit.record(trx, ctx, {
          action: 'supplies.declare',
          targetType: 'supply_declaration',
          targetId: Number(id),
          regionPath: e.regionPath,
          detail: b,
        });
        return Number(id);
      });
      events.publish({ type: 'supplies.demand', regionPath: e.regionPath, data: { entityId: e.id } });
      return (await this.declarations(ctx, { page: 1, pageSize: 1, entityId: e.id })).items.find((x) => x.id === id)!;
    },

    async declarations(
      ctx: RequestContext,
      q: { page: number; pageSize: number; entityId?: number; regionCode?: string },
    ): Promise<Page<Declaration>> {
      const v = requireView(ctx);
      const under = q.regionCode ? (await supplyRoot(regions.resolve, v.paths, q.regionCode)).path : '/';
      const [count, rows] = await repo.declarationPage(db, { ...v, entityId: q.entityId, under }, pageArgs(q));
      const lines = await repo.declarationLines(
        db,
        rows.map((r) => Number(r.id)),
      );
      const items = new Map((await suppliesRepo.items(db, false)).map((i) => [Number(i.id), i.name]));
      return {
        items: rows.map((r) => ({
          id: Number(r.id),
          entityId: Number(r.entityId),
          entityName: r.entityName,
          regionCode: r.regionCode,
          days: Number(r.days),
          staffOnDuty: r.staffOnDuty == null ? null : Number(r.staffOnDuty),
          createdAt: r.createdAt,
          lines: lines
            .filter((l) => Number(l.declarationId) === Number(r.id))
            .map((l) => ({
              itemId: Number(l.itemId),
              itemName: items.get(Number(l.itemId)) ?? '',
              stock: Number(l.stock),
              need: Number(l.need),
              proposed: l.proposed == null ? null : Number(l.proposed),
              daysLeft: l.daysLeft == null ? null : Number(l.daysLeft),
              demandId: l.demandId == null ? null : Number(l.demandId),
            })),
        })),
        total: Number(count.n),
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    toDemands,
    async demandFilter(ctx: RequestContext, q: Omit<DemandQuery, 'page' | 'pageSize'>) {
      const v = requireView(ctx);
      const under = q.regionCode ? (await supplyRoot(regions.resolve, v.paths, q.regionCode)).path : '/';
      return { ...v, under, itemId: q.itemId, status: q.status, maxDaysLeft: q.maxDaysLeft, entityId: q.entityId, q: q.q };
    },
    async demands(ctx: RequestContext, q: DemandQuery): Promise<Page<Demand>> {
      const f = await this.demandFilter(ctx, q);
      const [count, rows] = await repo.demandPage(db, f, pageArgs(q));
      return { items: await toDemands(rows), total: Number(count.n), page: q.page, pageSize: q.pageSize };
    },
    async demand(ctx: RequestContext, id: number): Promise<Demand> {
      const v = requireView(ctx);
      const row = await repo.demand(db, id);
      if (!row || !sees(v, row.regionPath, Number(row.entityId))) throw new AppError('common.not_found', 404);
      return (await toDemands([row]))[0]!;
    },

    /** One step from a ticket or a liaison visit: a need for one item of an entity in the caller's area. */
    async openDemand(ctx: RequestContext, input: z.input<typeof demandBodySchema>): Promise<Demand> {
      const actor = requirePermission(ctx.actor, 'supplies.demand');
      const b = parseInput(demandBodySchema, input, ctx);
      const e = await registry.getForService(b.entityId);
      if (!e || !inSupplyPaths(supplyPaths(actor, 'supplies.demand'), e.regionPath))
        throw invalid([{ field: 'entityId', message: 'supplies.unknown_entity' }]);
      await stock.activeItem(b.itemId, 'itemId');
      const id = await db.transaction().execute(async (trx) => {
        const r = await upsertDemand(trx, e, b.itemId, b.quantity, null, b.source, b.sourceRef);
        await audit.record(trx, ctx, {
          action: 'supplies.demand_open',
          targetType: 'supply_demand',
          targetId: r.id,
          regionPath: e.regionPath,
          detail: b,
        });
        return r.id;
      });
      events.publish({ type: 'supplies.demand', regionPath: e.regionPath, data: { entityId: e.id } });
      return (await toDemands([(await repo.demand(db, id))!]))[0]!;
    },
    async cancelDemand(ctx: RequestContext, id: number): Promise<Demand> {
      const actor = requirePermission(ctx.actor, 'supplies.allocate');
      const row = await repo.demand(db, id);
      if (!row || !inSupplyPaths(supplyPaths(actor, 'supplies.allocate'), row.regionPath))
        throw new AppError('common.not_found', 404);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.cancel(trx, id, now()))) throw new AppError('supplies.demand_not_cancellable', 409);
        await audit.record(trx, ctx, {
          action: 'supplies.demand_cancel',
          targetType: 'supply_demand',
          targetId: id,
          regionPath: row.regionPath,
        });
      });
      return (await toDemands([(await repo.demand(db, id))!]))[0]!;
    },

    /** Job: entities whose latest daily report has fewer supply days left than the setting get a demand per consumable. */
    async flagFromReports(): Promise<number> {
      const threshold = await stock.shortageDays();
      const facts = await reportFacts.lowSupply('/', addDays(today(), -1), threshold);
      if (facts.length === 0) return 0;
      const entities = await registry.getManyForService(facts.map((f) => f.entityId));
      const items = (await suppliesRepo.items(db, true)).filter((i) => i.normKind === 'daily' && Number(i.normPer100) > 0);
      let opened = 0;
      for (const f of facts) {
        const e = entities.get(f.entityId);
        if (!e) continue;
        await db.transaction().execute(async (trx) => {
          for (const item of items) {
            if (await repo.openDemand(trx, e.id, Number(item.id))) continue;
            const need = Math.ceil(dailyUse(item, f.staffOnDuty) * (REPORT_COVER_DAYS - f.supplyDaysLeft));
            if (need <= 0) continue;
            const r = await upsertDemand(
              trx,
              e,
              Number(item.id),
              need,
              f.supplyDaysLeft,
              'daily_report',
              `report:${f.reportDate}`,
            );
            if (!r.created) continue;
            opened++;
            await audit.record(trx, systemContext(), {
              action: 'supplies.demand_open',
              targetType: 'supply_demand',
              targetId: r.id,
              regionPath: e.regionPath,
              detail: { source: 'daily_report', reportDate: f.reportDate, supplyDaysLeft: f.supplyDaysLeft, need },
            });
          }
        });
      }
      return opened;
    },
  };
}
