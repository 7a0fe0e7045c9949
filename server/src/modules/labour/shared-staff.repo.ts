import { sql, type Expression, type ExpressionBuilder, type Insertable, type Selectable, type SqlBool } from 'kysely';
import type { Queryable } from '../../platform/module';
import type { LabourTables, SharedStaffPlacementTable, SharedStaffTable } from './labour.tables';

type Db = Queryable<LabourTables>;
export type SharedStaffRow = Selectable<SharedStaffTable>;
export type PlacementRow = Selectable<SharedStaffPlacementTable>;

export const sharedStaffRepo = {
  byId(db: Db, id: number) {
    return db.selectFrom('sharedStaff').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insert(db: Db, row: Insertable<SharedStaffTable>) {
    return db.insertInto('sharedStaff').values(row).returning('id').executeTakeFirstOrThrow();
  },
  /** Takes n of an offer's (or a request's) workers, only while that many are left: concurrent matches cannot exceed it. */
  async take(db: Db, id: number, kind: string, n: number) {
    const r = await db
      .updateTable('sharedStaff')
      .set({ matched: sql`matched + ${n}` })
      .where('id', '=', id)
      .where('kind', '=', kind)
      .where(sql<SqlBool>`matched + ${n} <= headcount`)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  list(
    db: Db,
    where: (eb: ExpressionBuilder<LabourTables, 'sharedStaff'>) => Expression<SqlBool>,
    opts: { offset: number; limit: number },
  ) {
    return {
      count: () =>
        db
          .selectFrom('sharedStaff')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      rows: () =>
        db
          .selectFrom('sharedStaff')
          .selectAll()
          .where(where)
          .orderBy('id', 'desc')
          .offset(opts.offset)
          .limit(opts.limit)
          .execute(),
    };
  },
  insertPlacement(db: Db, row: Insertable<SharedStaffPlacementTable>) {
    return db.insertInto('sharedStaffPlacement').values(row).returning('id').executeTakeFirstOrThrow();
  },
  placement(db: Db, id: number) {
    return db.selectFrom('sharedStaffPlacement').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** One side's confirmation, once. */
  async confirm(db: Db, id: number, side: 'lenderConfirmedAt' | 'borrowerConfirmedAt', at: string) {
    const r = await db
      .updateTable('sharedStaffPlacement')
      .set({ [side]: at })
      .where('id', '=', id)
      .where(side, 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  placements(
    db: Db,
    where: (eb: ExpressionBuilder<LabourTables, 'sharedStaffPlacement'>) => Expression<SqlBool>,
    opts: { offset: number; limit: number },
  ) {
    return {
      count: () =>
        db
          .selectFrom('sharedStaffPlacement')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      rows: () =>
        db
          .selectFrom('sharedStaffPlacement')
          .selectAll()
          .where(where)
          .orderBy('id', 'desc')
          .offset(opts.offset)
          .limit(opts.limit)
          .execute(),
    };
  },
  async names(db: Db, ids: number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await db
      .selectFrom('sharedStaff')
      .select(['id', 'entityName'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((r) => [Number(r.id), r.entityName]));
  },
};
