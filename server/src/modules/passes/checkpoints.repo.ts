import type { Insertable } from 'kysely';
import { scopeFilter, type Scope } from '../../platform/permissions';
import type { Queryable } from '../../platform/module';
import type { CheckpointShiftTable, CheckpointTable, PassesTables } from './passes.tables';

type Db = Queryable<PassesTables>;

export function checkpointsRepo() {
  return {
    list(db: Db, scope: Scope) {
      return db
        .selectFrom('checkpoint')
        .selectAll()
        .where((eb) => scopeFilter(eb, scope, { path: 'checkpoint.region_path' }))
        .orderBy('id')
        .limit(1000)
        .execute();
    },
    byId(db: Db, id: number) {
      return db.selectFrom('checkpoint').selectAll().where('id', '=', id).executeTakeFirst();
    },
    insert(db: Db, row: Insertable<CheckpointTable>) {
      return db.insertInto('checkpoint').values(row).returning('id').executeTakeFirstOrThrow();
    },
    setActive(db: Db, id: number, active: boolean) {
      return db
        .updateTable('checkpoint')
        .set({ active: active ? 1 : 0 })
        .where('id', '=', id)
        .executeTakeFirst();
    },
    shifts(db: Db, checkpointId: number, date: string | undefined) {
      let q = db.selectFrom('checkpointShift').selectAll().where('checkpointId', '=', checkpointId);
      if (date) q = q.where('date', '=', date);
      return q.orderBy('date', 'desc').orderBy('startTime').limit(200).execute();
    },
    insertShift(db: Db, row: Insertable<CheckpointShiftTable>) {
      return db.insertInto('checkpointShift').values(row).returning('id').executeTakeFirstOrThrow();
    },
    shiftById(db: Db, id: number) {
      return db.selectFrom('checkpointShift').selectAll().where('id', '=', id).executeTakeFirst();
    },
    deleteShift(db: Db, id: number) {
      return db.deleteFrom('checkpointShift').where('id', '=', id).executeTakeFirst();
    },
  };
}
