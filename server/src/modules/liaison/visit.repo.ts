import type { Insertable, Selectable } from 'kysely';
import { containsLiteral } from '../../db/sql-helpers';
import type { Queryable } from '../../platform/module';
import { likeAny } from '../../platform/scope';
import type { StoredFileRow } from '../../platform/stored-file';
import type { LiaisonTables, LiaisonVisitTable } from './liaison.tables';

type Db = Queryable<LiaisonTables>;
export type VisitRow = Selectable<LiaisonVisitTable>;
export interface VisitFilter {
  paths: string[] | 'all';
  liaisonUserId?: number;
  entityId?: number;
  regionPath?: string;
  from?: string;
  to?: string;
  mode?: string;
  liaison?: string;
  q?: string;
}

function filtered(db: Db, f: VisitFilter) {
  let base = db.selectFrom('liaisonVisit').where(() => likeAny('liaison_visit.region_path', f.paths));
  if (f.liaisonUserId) base = base.where('liaisonUserId', '=', f.liaisonUserId);
  if (f.entityId) base = base.where('entityId', '=', f.entityId);
  const regionPath = f.regionPath;
  if (regionPath) base = base.where(() => likeAny('liaison_visit.region_path', [regionPath]));
  if (f.from) base = base.where('visitDate', '>=', f.from);
  if (f.to) base = base.where('visitDate', '<=', f.to);
  if (f.mode) base = base.where('mode', '=', f.mode);
  const { liaison, q: needle } = f;
  if (liaison) base = base.where(() => containsLiteral('liaison_visit.liaison_name', liaison));
  if (needle) base = base.where(() => containsLiteral('liaison_visit.entity_name', needle));
  return base;
}

/** The visit log 走访记录 and the photos of each visit. */
export const visitRepo = {
  visit(db: Db, id: number) {
    return db.selectFrom('liaisonVisit').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insert(db: Db, row: Insertable<LiaisonVisitTable>) {
    const { id } = await db.insertInto('liaisonVisit').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  },
  ofEntity(db: Db, entityId: number, limit: number) {
    return db
      .selectFrom('liaisonVisit')
      .selectAll()
      .where('entityId', '=', entityId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },
  async count(db: Db, f: VisitFilter) {
    const { n } = await filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  },
  /** Newest first; all of them without a page. */
  rows(db: Db, f: VisitFilter, page?: { offset: number; limit: number }) {
    const q = filtered(db, f).selectAll().orderBy('visitDate', 'desc').orderBy('id', 'desc');
    return (page ? q.offset(page.offset).limit(page.limit) : q).execute();
  },

  async photoCount(db: Db, visitId: number) {
    const { n } = await db
      .selectFrom('liaisonVisitPhoto')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('visitId', '=', visitId)
      .executeTakeFirstOrThrow();
    return Number(n);
  },
  async insertPhoto(db: Db, visitId: number, file: StoredFileRow) {
    const { id } = await db
      .insertInto('liaisonVisitPhoto')
      .values({ visitId, ...file })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(id);
  },
  photo(db: Db, visitId: number, id: number) {
    return db.selectFrom('liaisonVisitPhoto').selectAll().where('visitId', '=', visitId).where('id', '=', id).executeTakeFirst();
  },
  photos(db: Db, visitId: number) {
    return db.selectFrom('liaisonVisitPhoto').selectAll().where('visitId', '=', visitId).orderBy('id').execute();
  },
};
