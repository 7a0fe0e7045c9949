import type { DemandQuery, Movement, MovementKind, MovementQuery, Page, SupplySummary } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { columnsIn, toXlsx } from '../../platform/excel';
import { t } from '../../platform/i18n/index';
import { addDays, localDate } from '../../platform/clock';
import { pageArgs, type SupplyDeps } from './supply-deps';
import { requireSupplyPaths, supplyRoot } from './supply-scope';
import { suppliesRepo as repo, type MovementRow } from './supplies.repo';
import { demandsRepo } from './demands.repo';
import type { createStockPart } from './stock.service';
import type { createDemandPart } from './demand.service';
import { dailyUse, REPORT_FRESH_DAYS } from './demand.service';

const EXPORT_MAX = 20_000;

/** The ledger list, exports and the figures of the supplies dashboard, all summed from records. */
export function createSupplyReportPart(
  d: SupplyDeps,
  stock: ReturnType<typeof createStockPart>,
  demand: ReturnType<typeof createDemandPart>,
) {
  const { db, clock, audit, regions, reportFacts } = d;

  const toMovement = (r: MovementRow): Movement => ({
    id: Number(r.id),
    stockPointId: Number(r.stockPointId),
    stockPointName: r.stockPointName,
    itemId: Number(r.itemId),
    itemName: r.itemName,
    kind: r.kind as MovementKind,
    quantity: Number(r.quantity),
    onDate: r.onDate,
    counterparty: r.counterparty,
    amountFen: r.amountFen == null ? null : Number(r.amountFen),
    allocationId: r.allocationId == null ? null : Number(r.allocationId),
    note: r.note,
    createdByName: r.createdByName,
    createdAt: r.createdAt,
  });

  async function movementFilter(ctx: RequestContext, q: Omit<MovementQuery, 'page' | 'pageSize'>) {
    const { paths } = requireSupplyPaths(ctx, 'supplies.read');
    const under = (await supplyRoot(regions.resolve, paths, q.regionCode)).path;
    return { paths, under, stockPointId: q.stockPointId, itemId: q.itemId, kind: q.kind, from: q.from, to: q.to };
  }

  return {
    async movements(ctx: RequestContext, q: MovementQuery): Promise<Page<Movement>> {
      const [count, rows] = await repo.movementPage(db, await movementFilter(ctx, q), pageArgs(q));
      return { items: rows.map(toMovement), total: Number(count.n), page: q.page, pageSize: q.pageSize };
    },
    async exportMovements(ctx: RequestContext, q: Omit<MovementQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      const f = await movementFilter(ctx, q);
      const [, rows] = await repo.movementPage(db, f, { offset: 0, limit: EXPORT_MAX });
      await audit.record(db, ctx, { action: 'supplies.export_ledger', detail: { ...q, rows: rows.length } });
      const L = ctx.locale;
      return toXlsx(
        t(L, 'supplies.sheet.ledger'),
        columnsIn<Movement>(L, [
          [{ 'zh-CN': '日期', 'zh-TW': '日期', en: 'Date' }, (m) => m.onDate, 12],
          [{ 'zh-CN': '储备点', 'zh-TW': '儲備點', en: 'Stock point' }, (m) => m.stockPointName, 24],
          [{ 'zh-CN': '物资', 'zh-TW': '物資', en: 'Item' }, (m) => m.itemName, 18],
          [{ 'zh-CN': '类型', 'zh-TW': '類型', en: 'Kind' }, (m) => t(L, `supplies.kind.${m.kind}`), 12],
          [{ 'zh-CN': '数量', 'zh-TW': '數量', en: 'Quantity' }, (m) => m.quantity, 12],
          [
            { 'zh-CN': '供应方/捐赠方/去向', 'zh-TW': '供應方/捐贈方/去向', en: 'Supplier / donor / to' },
            (m) => m.counterparty,
            24,
          ],
          [
            { 'zh-CN': '金额（元）', 'zh-TW': '金額（元）', en: 'Amount (yuan)' },
            (m) => (m.amountFen == null ? null : m.amountFen / 100),
            14,
          ],
          [{ 'zh-CN': '备注', 'zh-TW': '備註', en: 'Note' }, (m) => m.note, 24],
          [{ 'zh-CN': '经办人', 'zh-TW': '經辦人', en: 'Recorded by' }, (m) => m.createdByName, 14],
        ]),
        (await Promise.resolve(rows)).map(toMovement),
      );
    },
    async exportDemands(ctx: RequestContext, q: Omit<DemandQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      const f = await demand.demandFilter(ctx, q);
      const [, rows] = await demandsRepo.demandPage(db, f, { offset: 0, limit: EXPORT_MAX });
      const list = await demand.toDemands(rows);
      await audit.record(db, ctx, { action: 'supplies.export_demands', detail: { ...q, rows: list.length } });
      const L = ctx.locale;
      return toXlsx(
        t(L, 'supplies.sheet.demands'),
        columnsIn<(typeof list)[number]>(L, [
          [{ 'zh-CN': '市场主体', 'zh-TW': '市場主體', en: 'Entity' }, (x) => x.entityName, 30],
          [{ 'zh-CN': '区域', 'zh-TW': '區域', en: 'Region' }, (x) => x.regionName, 18],
          [{ 'zh-CN': '物资', 'zh-TW': '物資', en: 'Item' }, (x) => x.itemName, 16],
          [{ 'zh-CN': '需求', 'zh-TW': '需求', en: 'Need' }, (x) => x.need, 10],
          [{ 'zh-CN': '已调配', 'zh-TW': '已調配', en: 'Allocated' }, (x) => x.allocated, 10],
          [{ 'zh-CN': '已收到', 'zh-TW': '已收到', en: 'Received' }, (x) => x.received, 10],
          [{ 'zh-CN': '待调配', 'zh-TW': '待調配', en: 'To allocate' }, (x) => x.remaining, 10],
          [{ 'zh-CN': '库存可用天数', 'zh-TW': '庫存可用天數', en: 'Days of stock left' }, (x) => x.daysLeft, 12],
          [{ 'zh-CN': '已等待（天）', 'zh-TW': '已等待（天）', en: 'Waiting (days)' }, (x) => x.waitingDays, 12],
          [{ 'zh-CN': '状态', 'zh-TW': '狀態', en: 'Status' }, (x) => t(L, `supplies.status.${x.status}`), 10],
        ]),
        list,
      );
    },

    async summary(ctx: RequestContext, q: { regionCode?: string }): Promise<SupplySummary> {
      const { paths } = requireSupplyPaths(ctx, 'supplies.read');
      const root = await supplyRoot(regions.resolve, paths, q.regionCode);
      const [pending, items, reserve, lines, spend, shortageDays] = await Promise.all([
        demandsRepo.pendingUnder(db, root.path),
        repo.items(db, false),
        repo.reserveStock(db, root.path),
        repo.lineOutput(db, root.path),
        repo.spending(db, root.path),
        stock.shortageDays(),
      ]);
      const depth = root.path.split('/').filter(Boolean).length;
      // the towns below a district (or the communities below a town): the next level under the root
      const childOf = (path: string) => path.split('/').filter(Boolean)[depth] ?? path.split('/').filter(Boolean).pop()!;
      const byChild = new Map<string, Set<number>>();
      const byItem = new Map<number, { entities: Set<number>; remaining: number }>();
      for (const p of pending) {
        const c = childOf(p.regionPath);
        if (!byChild.has(c)) byChild.set(c, new Set());
        byChild.get(c)!.add(Number(p.entityId));
        const it = byItem.get(Number(p.itemId)) ?? { entities: new Set<number>(), remaining: 0 };
        it.entities.add(Number(p.entityId));
        it.remaining += Number(p.need) - Number(p.allocated);
        byItem.set(Number(p.itemId), it);
      }
      const names = await regions.namesOf([...byChild.keys()]);
      const itemName = new Map(items.map((i) => [Number(i.id), i.name]));
      // days of cover: the reserves against the daily use of the staff on duty in the area's latest reports
      const staff = await reportFacts.staffOnDutyUnder(root.path, addDays(localDate(clock.now()), -REPORT_FRESH_DAYS));
      return {
        shortageDays,
        shortageEntities: new Set(pending.map((p) => Number(p.entityId))).size,
        openDemands: pending.length,
        byTown: [...byChild]
          .map(([code, set]) => ({ regionCode: code, regionName: names.get(code) ?? code, entities: set.size }))
          .sort((a, b) => b.entities - a.entities),
        byItem: [...byItem]
          .map(([id, v]) => ({ itemId: id, itemName: itemName.get(id) ?? '', entities: v.entities.size, remaining: v.remaining }))
          .sort((a, b) => b.entities - a.entities),
        reserves: items
          .filter((i) => i.active)
          .map((i) => {
            const onHand = Number(reserve.find((r) => Number(r.itemId) === Number(i.id))?.onHand ?? 0);
            const use = dailyUse(i, staff);
            return {
              itemId: Number(i.id),
              itemName: i.name,
              onHand,
              coverDays: use > 0 ? Math.round((onHand / use) * 10) / 10 : null,
            };
          }),
        productionLines: lines.reduce((s, l) => s + Number(l.n), 0),
        runningLines: lines.filter((l) => l.status === 'running').reduce((s, l) => s + Number(l.n), 0),
        dailyOutput: [...new Set(lines.filter((l) => l.status === 'running').map((l) => Number(l.itemId)))].map((id) => ({
          itemId: id,
          itemName: itemName.get(id) ?? '',
          capacity: lines
            .filter((l) => l.status === 'running' && Number(l.itemId) === id)
            .reduce((s, l) => s + Number(l.capacity), 0),
        })),
        ...spend,
      };
    },
  };
}
