import type { Insertable, Selectable } from 'kysely';
import { containsLiteral } from '../../db/sql-helpers';
import type { Queryable } from '../../platform/module';
import { likeAny } from '../../platform/scope';
import type { ClosureOrderTable, EnforcementTables, RectificationNoticeTable } from './enforcement.tables';

type Db = Queryable<EnforcementTables>;
export type NoticeRow = Selectable<RectificationNoticeTable>;
export type ClosureRow = Selectable<ClosureOrderTable>;
type Paths = string[] | 'all';
interface PageOpts {
  offset: number;
  limit: number;
}

/** Rectification notices and closure orders. */
export const noticesRepo = {
  notices(db: Db, ids: number[]) {
    return db.selectFrom('rectificationNotice').selectAll().where('id', 'in', ids).execute();
  },
  notice(db: Db, id: number) {
    return db.selectFrom('rectificationNotice').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insertNotice(db: Db, row: Insertable<RectificationNoticeTable>) {
    const { id } = await db.insertInto('rectificationNotice').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  },
  async setNoticeNo(db: Db, id: number, no: string) {
    await db.updateTable('rectificationNotice').set({ no }).where('id', '=', id).execute();
  },
  /** Only a notice still issued moves, so two re-inspections cannot both settle it. */
  async settleNotice(db: Db, id: number, status: 'rectified' | 'escalated', reinspectionId: number) {
    const r = await db
      .updateTable('rectificationNotice')
      .set({ status, reinspectionId })
      .where('id', '=', id)
      .where('status', '=', 'issued')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async listNotices(db: Db, f: { paths: Paths; regionPath?: string; status?: string; q?: string }, page: PageOpts) {
    let base = db.selectFrom('rectificationNotice').where(() => likeAny('rectification_notice.region_path', f.paths));
    const regionPath = f.regionPath;
    if (regionPath) base = base.where(() => likeAny('rectification_notice.region_path', [regionPath]));
    if (f.status) base = base.where('status', '=', f.status);
    const needle = f.q;
    if (needle)
      base = base.where((eb) =>
        eb.or([containsLiteral('rectification_notice.entity_name', needle), containsLiteral('rectification_notice.no', needle)]),
      );
    const [{ n }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base.selectAll().orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
    ]);
    return { total: Number(n), rows };
  },

  closure(db: Db, id: number) {
    return db.selectFrom('closureOrder').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insertClosure(db: Db, row: Insertable<ClosureOrderTable>) {
    const { id } = await db.insertInto('closureOrder').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  },
  /** Only an order still in force is lifted, so two lifts cannot both succeed. */
  async liftClosure(db: Db, id: number, liftedAt: string, liftedReason: string) {
    const r = await db
      .updateTable('closureOrder')
      .set({ liftedAt, liftedReason })
      .where('id', '=', id)
      .where('liftedAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async hasClosureInForce(db: Db, entityId: number) {
    const r = await db
      .selectFrom('closureOrder')
      .select('id')
      .where('entityId', '=', entityId)
      .where('liftedAt', 'is', null)
      .executeTakeFirst();
    return !!r;
  },
  async listClosures(db: Db, f: { paths: Paths; regionPath?: string; active?: 'true' | 'false'; q?: string }, page: PageOpts) {
    let base = db.selectFrom('closureOrder').where(() => likeAny('closure_order.region_path', f.paths));
    const regionPath = f.regionPath;
    if (regionPath) base = base.where(() => likeAny('closure_order.region_path', [regionPath]));
    if (f.active === 'true') base = base.where('liftedAt', 'is', null);
    if (f.active === 'false') base = base.where('liftedAt', 'is not', null);
    const needle = f.q;
    if (needle) base = base.where(() => containsLiteral('closure_order.entity_name', needle));
    const [{ n }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base.selectAll().orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
    ]);
    return { total: Number(n), rows };
  },
};
