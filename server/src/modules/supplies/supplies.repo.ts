import { sql, type Insertable, type Selectable } from 'kysely';
import type { Queryable } from '../../platform/module';
import { likeAny } from '../../platform/scope';
import type {
  ProductionLineTable,
  StockPointTable,
  SupplyItemTable,
  SupplyMovementTable,
  SuppliesTables,
} from './supplies.tables';

type Db = Queryable<SuppliesTables>;
export type ItemRow = Selectable<SupplyItemTable>;
export type StockPointRow = Selectable<StockPointTable>;
export type MovementRow = Selectable<SupplyMovementTable> & { stockPointName: string; itemName: string };

export interface MovementFilter {
  paths: string[] | 'all';
  under: string;
  stockPointId?: number;
  itemId?: number;
  kind?: string;
  from?: string;
  to?: string;
}

/** Catalogue, stock points, stock and the ledger. */
export const suppliesRepo = {
  items(db: Db, activeOnly: boolean) {
    let q = db.selectFrom('supplyItem').selectAll().orderBy('id');
    if (activeOnly) q = q.where('active', '=', 1);
    return q.execute();
  },
  item(db: Db, id: number) {
    return db.selectFrom('supplyItem').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insertItem(db: Db, row: Insertable<SupplyItemTable>) {
    return db.insertInto('supplyItem').values(row).returning('id').executeTakeFirstOrThrow();
  },
  updateItem(db: Db, id: number, row: Partial<Insertable<SupplyItemTable>>) {
    return db.updateTable('supplyItem').set(row).where('id', '=', id).executeTakeFirst();
  },
  setting(db: Db, key: string) {
    return db.selectFrom('supplySetting').select('value').where('key', '=', key).executeTakeFirst();
  },
  putSetting(db: Db, key: string, value: string, at: string) {
    return db
      .insertInto('supplySetting')
      .values({ key, value, updatedAt: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: at }))
      .execute();
  },

  stockPoint(db: Db, id: number) {
    return db.selectFrom('stockPoint').selectAll().where('id', '=', id).executeTakeFirst();
  },
  stockPointOfEntity(db: Db, entityId: number) {
    return db.selectFrom('stockPoint').selectAll().where('entityId', '=', entityId).executeTakeFirst();
  },
  insertStockPoint(db: Db, row: Insertable<StockPointTable>) {
    return db.insertInto('stockPoint').values(row).returning('id').executeTakeFirstOrThrow();
  },
  stockPointPage(
    db: Db,
    f: { paths: string[] | 'all'; kind?: string; q?: string; under?: string },
    page: { offset: number; limit: number },
  ) {
    let q = db.selectFrom('stockPoint').where(likeAny('stock_point.region_path', f.paths));
    if (f.under) q = q.where(likeAny('stock_point.region_path', [f.under]));
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.q) q = q.where('name', 'like', `%${f.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`);
    return Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      q.selectAll().orderBy('regionPath').orderBy('id').offset(page.offset).limit(page.limit).execute(),
    ]);
  },

  balances(db: Db, pointIds: number[]) {
    if (pointIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('stock').selectAll().where('stockPointId', 'in', pointIds).orderBy('itemId').execute();
  },
  /** Balances at the end of a day, summed from the ledger. */
  balancesAsOf(db: Db, pointIds: number[], day: string) {
    if (pointIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('supplyMovement')
      .select(['stockPointId', 'itemId', (eb) => eb.fn.sum<number>('quantity').as('onHand')])
      .where('stockPointId', 'in', pointIds)
      .where('onDate', '<=', day)
      .groupBy(['stockPointId', 'itemId'])
      .orderBy('itemId')
      .execute();
  },
  /** Takes `n` out if it is there: the condition in the UPDATE is what settles two officers racing for the last boxes. */
  async take(db: Db, pointId: number, itemId: number, n: number, at: string): Promise<boolean> {
    const r = await db
      .updateTable('stock')
      .set({ onHand: sql`on_hand - ${n}`, updatedAt: at })
      .where('stockPointId', '=', pointId)
      .where('itemId', '=', itemId)
      .where('onHand', '>=', n)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  put(db: Db, pointId: number, itemId: number, n: number, at: string) {
    return db
      .insertInto('stock')
      .values({ stockPointId: pointId, itemId, onHand: n, updatedAt: at })
      .onConflict((oc) =>
        oc.columns(['stockPointId', 'itemId']).doUpdateSet({ onHand: sql`stock.on_hand + ${n}`, updatedAt: at }),
      )
      .execute();
  },
  async onHand(db: Db, pointId: number, itemId: number): Promise<number> {
    const r = await db
      .selectFrom('stock')
      .select('onHand')
      .where('stockPointId', '=', pointId)
      .where('itemId', '=', itemId)
      .executeTakeFirst();
    return Number(r?.onHand ?? 0);
  },

  insertMovement(db: Db, row: Insertable<SupplyMovementTable>) {
    return db.insertInto('supplyMovement').values(row).returning('id').executeTakeFirstOrThrow();
  },
  movementPage(db: Db, f: MovementFilter, page: { offset: number; limit: number }) {
    let q = db
      .selectFrom('supplyMovement as m')
      .innerJoin('stockPoint as p', 'p.id', 'm.stockPointId')
      .innerJoin('supplyItem as i', 'i.id', 'm.itemId')
      .where(likeAny('m.region_path', f.paths))
      .where(likeAny('m.region_path', [f.under]));
    if (f.stockPointId) q = q.where('m.stockPointId', '=', f.stockPointId);
    if (f.itemId) q = q.where('m.itemId', '=', f.itemId);
    if (f.kind) q = q.where('m.kind', '=', f.kind);
    if (f.from) q = q.where('m.onDate', '>=', f.from);
    if (f.to) q = q.where('m.onDate', '<=', f.to);
    return Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      q
        .selectAll('m')
        .select(['p.name as stockPointName', 'i.name as itemName'])
        .orderBy('m.onDate', 'desc')
        .orderBy('m.id', 'desc')
        .offset(page.offset)
        .limit(page.limit)
        .execute() as Promise<MovementRow[]>,
    ]);
  },
  /** Purchases (amount and count) and donations under a region: the spending figure comes from here. */
  async spending(db: Db, under: string) {
    const rows = await db
      .selectFrom('supplyMovement')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('amountFen').as('fen')])
      .where(likeAny('supply_movement.region_path', [under]))
      .where('kind', 'in', ['purchase', 'donation'])
      .groupBy('kind')
      .execute();
    const of = (k: string) => rows.find((r) => r.kind === k);
    return {
      purchasesFen: Number(of('purchase')?.fen ?? 0),
      purchases: Number(of('purchase')?.n ?? 0),
      donations: Number(of('donation')?.n ?? 0),
    };
  },
  /** Reserve stock per item under a region. */
  reserveStock(db: Db, under: string) {
    return db
      .selectFrom('stock')
      .innerJoin('stockPoint as p', 'p.id', 'stock.stockPointId')
      .select(['stock.itemId', (eb) => eb.fn.sum<number>('stock.onHand').as('onHand')])
      .where('p.kind', 'in', ['district_reserve', 'town_reserve'])
      .where(likeAny('p.region_path', [under]))
      .groupBy('stock.itemId')
      .execute();
  },

  lines(db: Db, pointIds: number[]) {
    if (pointIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('productionLine as l')
      .innerJoin('supplyItem as i', 'i.id', 'l.itemId')
      .selectAll('l')
      .select('i.name as itemName')
      .where('l.stockPointId', 'in', pointIds)
      .orderBy('l.id')
      .execute();
  },
  line(db: Db, id: number) {
    return db.selectFrom('productionLine').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insertLine(db: Db, row: Insertable<ProductionLineTable>) {
    return db.insertInto('productionLine').values(row).returning('id').executeTakeFirstOrThrow();
  },
  updateLine(db: Db, id: number, row: Partial<Insertable<ProductionLineTable>>) {
    return db.updateTable('productionLine').set(row).where('id', '=', id).executeTakeFirst();
  },
  /** Lines under a region: how many, how many running, and the running lines' daily output per item. */
  lineOutput(db: Db, under: string) {
    return db
      .selectFrom('productionLine as l')
      .innerJoin('stockPoint as p', 'p.id', 'l.stockPointId')
      .select([
        'l.itemId',
        'l.status',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('l.dailyCapacity').as('capacity'),
      ])
      .where(likeAny('p.region_path', [under]))
      .groupBy(['l.itemId', 'l.status'])
      .execute();
  },
};
