import type { Insertable } from 'kysely';
import { scopeFilter, type Scope } from '../../platform/permissions';
import type { Queryable } from '../../platform/module';
import type { IsolationTables, SealedBuildingTable } from './isolation.tables';

type Db = Queryable<IsolationTables>;

export function sealedBuildingsRepo() {
  const lastStatus = (db: Db) =>
    db
      .selectFrom('sealedBuildingStatus as s')
      .select(['s.buildingId', 's.date', 's.note'])
      .where('s.id', 'in', (sub) =>
        sub
          .selectFrom('sealedBuildingStatus')
          .select((eb) => eb.fn.max('id').as('id'))
          .groupBy('buildingId'),
      );
  return {
    async page(db: Db, scope: Scope, f: { status?: string; underPath?: string }, offset: number, limit: number) {
      let q = db.selectFrom('sealedBuilding').where((eb) => scopeFilter(eb, scope, { path: 'sealed_building.region_path' }));
      if (f.status) q = q.where('status', '=', f.status);
      if (f.underPath) q = q.where('regionPath', 'like', f.underPath + '%');
      const [{ n }, rows] = await Promise.all([
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        q.selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute(),
      ]);
      return { total: Number(n), rows };
    },
    async lastStatusOf(db: Db, ids: number[]) {
      if (ids.length === 0) return [];
      return lastStatus(db).where('s.buildingId', 'in', ids).execute();
    },
    byId(db: Db, id: number) {
      return db.selectFrom('sealedBuilding').selectAll().where('id', '=', id).executeTakeFirst();
    },
    insert(db: Db, row: Insertable<SealedBuildingTable>) {
      return db.insertInto('sealedBuilding').values(row).returning('id').executeTakeFirstOrThrow();
    },
    insertStatus(db: Db, row: { buildingId: number; date: string; note: string; at: string; by: number | null }) {
      return db.insertInto('sealedBuildingStatus').values(row).execute();
    },
    statuses(db: Db, id: number) {
      return db
        .selectFrom('sealedBuildingStatus')
        .selectAll()
        .where('buildingId', '=', id)
        .orderBy('id', 'desc')
        .limit(200)
        .execute();
    },
    releaseIf(db: Db, id: number, on: string) {
      return db
        .updateTable('sealedBuilding')
        .set({ status: 'released', releasedOn: on })
        .where('id', '=', id)
        .where('status', '=', 'sealed')
        .executeTakeFirst();
    },
    /** Buildings and residents per path, for the report; grouped in SQL by the exact placement. */
    totalsByPath(db: Db, scope: Scope, underPath: string) {
      return db
        .selectFrom('sealedBuilding')
        .select((eb) => [
          'regionPath',
          eb.fn.countAll<number>().as('buildings'),
          eb.fn.sum<number>('residents').as('people'),
          eb.fn.sum<number>(eb.case().when('status', '=', 'sealed').then(1).else(0).end()).as('sealedNow'),
          eb.fn
            .sum<number>(eb.case().when('status', '=', 'sealed').then(eb.ref('residents')).else(0).end())
            .as('peopleSealedNow'),
        ])
        .where((eb) => scopeFilter(eb, scope, { path: 'sealed_building.region_path' }))
        .where('regionPath', 'like', underPath + '%')
        .groupBy('regionPath')
        .execute();
    },
  };
}
