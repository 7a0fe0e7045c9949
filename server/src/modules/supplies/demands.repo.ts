import { sql, type Insertable, type Selectable } from 'kysely';
import type { Queryable } from '../../platform/module';
import { likeAny } from '../../platform/scope';
import type {
  SupplyAllocationTable,
  SupplyDeclarationLineTable,
  SupplyDeclarationTable,
  SupplyDemandTable,
  SuppliesTables,
} from './supplies.tables';

type Db = Queryable<SuppliesTables>;
export type DemandRow = Selectable<SupplyDemandTable>;
export type AllocationRow = Selectable<SupplyAllocationTable> & { stockPointName: string };

export interface DemandFilter {
  paths: string[] | 'all';
  entityIds?: number[];
  under: string;
  itemId?: number;
  status?: string;
  maxDaysLeft?: number;
  entityId?: number;
  q?: string;
}
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => '\\' + m);

/** Declarations, the demand list and allocations. */
export const demandsRepo = {
  insertDeclaration(db: Db, row: Insertable<SupplyDeclarationTable>) {
    return db.insertInto('supplyDeclaration').values(row).returning('id').executeTakeFirstOrThrow();
  },
  insertDeclarationLines(db: Db, rows: Insertable<SupplyDeclarationLineTable>[]) {
    return db.insertInto('supplyDeclarationLine').values(rows).execute();
  },
  declarationPage(
    db: Db,
    f: { paths: string[] | 'all'; entityIds: number[]; entityId?: number; under: string },
    page: { offset: number; limit: number },
  ) {
    let q = db
      .selectFrom('supplyDeclaration')
      .where((eb) =>
        eb.or([
          likeAny('supply_declaration.region_path', f.paths),
          ...(f.entityIds.length ? [eb('entityId', 'in', f.entityIds)] : []),
        ]),
      )
      .where(likeAny('supply_declaration.region_path', [f.under]));
    if (f.entityId) q = q.where('entityId', '=', f.entityId);
    return Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      q.selectAll().orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
    ]);
  },
  declarationLines(db: Db, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('supplyDeclarationLine').selectAll().where('declarationId', 'in', ids).orderBy('id').execute();
  },

  demand(db: Db, id: number) {
    return db.selectFrom('supplyDemand').selectAll().where('id', '=', id).executeTakeFirst();
  },
  openDemand(db: Db, entityId: number, itemId: number) {
    return db
      .selectFrom('supplyDemand')
      .selectAll()
      .where('entityId', '=', entityId)
      .where('itemId', '=', itemId)
      .where('status', 'in', ['open', 'allocated'])
      .executeTakeFirst();
  },
  insertDemand(db: Db, row: Insertable<SupplyDemandTable>) {
    return db.insertInto('supplyDemand').values(row).returning('id').executeTakeFirstOrThrow();
  },
  /** A new declaration of an open need: the need never drops below what is already allocated. */
  async refreshDemand(db: Db, id: number, need: number, daysLeft: number | null, at: string) {
    await db
      .updateTable('supplyDemand')
      .set({
        need: sql`case when allocated > ${need} then allocated else ${need} end`,
        daysLeft,
        status: sql`case when allocated >= ${need} then 'allocated' else 'open' end`,
        updatedAt: at,
      })
      .where('id', '=', id)
      .where('status', 'in', ['open', 'allocated'])
      .execute();
  },
  /** Adds `n` to the allocated quantity if the need still has room for it. */
  async allocate(db: Db, id: number, n: number, at: string): Promise<boolean> {
    const r = await db
      .updateTable('supplyDemand')
      .set({
        allocated: sql`allocated + ${n}`,
        status: sql`case when allocated + ${n} >= need then 'allocated' else 'open' end`,
        updatedAt: at,
      })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where(sql<boolean>`allocated + ${n} <= need`)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /** A receipt: what arrived counts as received; what did not goes back to the open need. */
  async receive(db: Db, id: number, received: number, short: number, at: string) {
    await db
      .updateTable('supplyDemand')
      .set({
        received: sql`received + ${received}`,
        allocated: sql`allocated - ${short}`,
        status: sql`case when received + ${received} >= need then 'met' when allocated - ${short} >= need then 'allocated' else 'open' end`,
        closedAt: sql`case when received + ${received} >= need then ${at} else null end`,
        updatedAt: at,
      })
      .where('id', '=', id)
      .execute();
  },
  async cancel(db: Db, id: number, at: string): Promise<boolean> {
    const r = await db
      .updateTable('supplyDemand')
      .set({ status: 'cancelled', closedAt: at, updatedAt: at })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('allocated', '=', 0)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  demandQuery(db: Db, f: DemandFilter) {
    let q = db
      .selectFrom('supplyDemand as d')
      .where((eb) =>
        eb.or([likeAny('d.region_path', f.paths), ...(f.entityIds?.length ? [eb('d.entityId', 'in', f.entityIds)] : [])]),
      )
      .where(likeAny('d.region_path', [f.under]));
    if (f.itemId) q = q.where('d.itemId', '=', f.itemId);
    if (f.status === 'pending') q = q.where('d.status', 'in', ['open', 'allocated']);
    else if (f.status) q = q.where('d.status', '=', f.status);
    if (f.maxDaysLeft != null) q = q.where('d.daysLeft', '<=', f.maxDaysLeft);
    if (f.entityId) q = q.where('d.entityId', '=', f.entityId);
    if (f.q) q = q.where('d.entityName', 'like', `%${escapeLike(f.q)}%`);
    return q;
  },
  async demandPage(db: Db, f: DemandFilter, page: { offset: number; limit: number }) {
    const q = demandsRepo.demandQuery(db, f);
    return Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      // most urgent first: fewest days left, then longest waiting
      q
        .selectAll('d')
        .orderBy(sql`case when d.days_left is null then 1 else 0 end`)
        .orderBy('d.daysLeft')
        .orderBy('d.openedAt')
        .orderBy('d.id')
        .offset(page.offset)
        .limit(page.limit)
        .execute(),
    ]);
  },
  /** Not-yet-met demands under a region, for the shortage figures. */
  pendingUnder(db: Db, under: string) {
    return db
      .selectFrom('supplyDemand')
      .select(['entityId', 'regionPath', 'itemId', 'need', 'allocated'])
      .where('status', 'in', ['open', 'allocated'])
      .where(likeAny('supply_demand.region_path', [under]))
      .execute();
  },

  insertAllocation(db: Db, row: Insertable<SupplyAllocationTable>) {
    return db.insertInto('supplyAllocation').values(row).returning('id').executeTakeFirstOrThrow();
  },
  allocation(db: Db, id: number) {
    return db.selectFrom('supplyAllocation').selectAll().where('id', '=', id).executeTakeFirst();
  },
  allocationWithPoint(db: Db, id: number) {
    return db
      .selectFrom('supplyAllocation as a')
      .innerJoin('stockPoint as p', 'p.id', 'a.stockPointId')
      .selectAll('a')
      .select('p.name as stockPointName')
      .where('a.id', '=', id)
      .executeTakeFirst() as Promise<AllocationRow | undefined>;
  },
  async moveAllocation(db: Db, id: number, from: string, set: Partial<Insertable<SupplyAllocationTable>>): Promise<boolean> {
    const r = await db
      .updateTable('supplyAllocation')
      .set(set)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  allocationPage(
    db: Db,
    f: {
      paths: string[] | 'all';
      entityIds: number[];
      under: string;
      status?: string;
      entityId?: number;
      stockPointId?: number;
      demandId?: number;
    },
    page: { offset: number; limit: number },
  ) {
    let q = db
      .selectFrom('supplyAllocation as a')
      .innerJoin('stockPoint as p', 'p.id', 'a.stockPointId')
      .where((eb) =>
        eb.or([likeAny('a.region_path', f.paths), ...(f.entityIds.length ? [eb('a.entityId', 'in', f.entityIds)] : [])]),
      )
      .where(likeAny('a.region_path', [f.under]));
    if (f.status) q = q.where('a.status', '=', f.status);
    if (f.entityId) q = q.where('a.entityId', '=', f.entityId);
    if (f.stockPointId) q = q.where('a.stockPointId', '=', f.stockPointId);
    if (f.demandId) q = q.where('a.demandId', '=', f.demandId);
    return Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      q
        .selectAll('a')
        .select('p.name as stockPointName')
        .orderBy('a.id', 'desc')
        .offset(page.offset)
        .limit(page.limit)
        .execute() as Promise<AllocationRow[]>,
    ]);
  },
};
