import { sql, type Expression, type ExpressionBuilder, type Insertable, type Selectable, type SqlBool } from 'kysely';
import type { Queryable } from '../../platform/module';
import type { LabourTables, TransportBatchTable, TransportPassengerTable } from './labour.tables';

type Db = Queryable<LabourTables>;
export type BatchRow = Selectable<TransportBatchTable>;

export const transportRepo = {
  byId(db: Db, id: number) {
    return db.selectFrom('transportBatch').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insert(db: Db, row: Insertable<TransportBatchTable>) {
    return db.insertInto('transportBatch').values(row).returning('id').executeTakeFirstOrThrow();
  },
  /** One seat, only while seats are left and the vehicle has not left: a batch is never oversold. */
  async takeSeat(db: Db, id: number) {
    const r = await db
      .updateTable('transportBatch')
      .set({ booked: sql`booked + 1` })
      .where('id', '=', id)
      .where('status', '=', 'planned')
      .whereRef('booked', '<', 'seats')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async setStatus(db: Db, id: number, from: string, to: string, arrivedOn: string | null) {
    const r = await db
      .updateTable('transportBatch')
      .set({ status: to, ...(arrivedOn ? { arrivedOn } : {}) })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  insertPassenger(db: Db, row: Insertable<TransportPassengerTable>) {
    return db.insertInto('transportPassenger').values(row).returning('id').executeTakeFirstOrThrow();
  },
  passengers(db: Db, batchId: number) {
    return db
      .selectFrom('transportPassenger')
      .select(['id', 'name', 'idMasked', 'phoneMasked', 'personId'])
      .where('batchId', '=', batchId)
      .orderBy('id')
      .execute();
  },
  list(
    db: Db,
    where: (eb: ExpressionBuilder<LabourTables, 'transportBatch'>) => Expression<SqlBool>,
    opts: { offset: number; limit: number },
  ) {
    return {
      count: () =>
        db
          .selectFrom('transportBatch')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      rows: () =>
        db
          .selectFrom('transportBatch')
          .selectAll()
          .where(where)
          .orderBy('departOn', 'desc')
          .orderBy('id', 'desc')
          .offset(opts.offset)
          .limit(opts.limit)
          .execute(),
    };
  },
};
