import { sql, type Insertable, type Selectable, type SqlBool } from 'kysely';
import { containsLiteral } from '../../db/sql-helpers';
import type { Queryable } from '../../platform/module';
import { likeAny } from '../../platform/scope';
import type { EnforcementTables, InspectionRoundTable, InspectionTable, InspectionVisitTable } from './enforcement.tables';

type Db = Queryable<EnforcementTables>;
export type InspectionRow = Selectable<InspectionTable>;
export type RoundRow = Selectable<InspectionRoundTable>;
export type VisitRow = Selectable<InspectionVisitTable>;
type Paths = string[] | 'all';
interface PageOpts {
  offset: number;
  limit: number;
}

/** Rounds of the actor's area and those covering it (a district round is worked by a town's inspectors). */
function roundVisible(ps: Paths) {
  if (ps === 'all') return sql<SqlBool>`1 = 1`;
  if (ps.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${likeAny('inspection_round.region_path', ps)} or ${sql.join(
    ps.map((p) => sql`${p} like ${sql.ref('inspection_round.region_path')} || '%'`),
    sql` or `,
  )})`;
}

/** Checklists, rounds, visits and inspections; notices and closures are in notices.repo.ts, the tally in tally.repo.ts. */
export const enforcementRepo = {
  checklist(db: Db, premisesType: string) {
    return db.selectFrom('inspectionChecklist').selectAll().where('premisesType', '=', premisesType).executeTakeFirst();
  },
  async putChecklist(db: Db, premisesType: string, items: string, updatedAt: string) {
    await db
      .insertInto('inspectionChecklist')
      .values({ premisesType, items, updatedAt })
      .onConflict((oc) => oc.column('premisesType').doUpdateSet({ items, updatedAt }))
      .execute();
  },

  round(db: Db, id: number) {
    return db.selectFrom('inspectionRound').selectAll().where('id', '=', id).executeTakeFirst();
  },
  visibleRound(db: Db, id: number, ps: Paths) {
    return db
      .selectFrom('inspectionRound')
      .selectAll()
      .where('id', '=', id)
      .where(() => roundVisible(ps))
      .executeTakeFirst();
  },
  async insertRound(db: Db, row: Insertable<InspectionRoundTable>) {
    const { id } = await db.insertInto('inspectionRound').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  },
  /** Conditional on the round still being active, so two closes cannot both succeed. */
  async closeRound(db: Db, id: number) {
    const r = await db
      .updateTable('inspectionRound')
      .set({ status: 'closed' })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async rounds(db: Db, f: { paths: Paths; status?: string; q?: string }, page: PageOpts) {
    let base = db.selectFrom('inspectionRound').where(() => roundVisible(f.paths));
    if (f.status) base = base.where('status', '=', f.status);
    const needle = f.q;
    if (needle) base = base.where(() => containsLiteral('inspection_round.name', needle));
    const [{ n }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base.selectAll().orderBy('startsOn', 'desc').orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
    ]);
    return { total: Number(n), rows };
  },

  visit(db: Db, id: number) {
    return db.selectFrom('inspectionVisit').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insertVisit(db: Db, row: Insertable<InspectionVisitTable>) {
    const { id } = await db.insertInto('inspectionVisit').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  },
  /** A user's own visits, newest first. */
  async visitsBy(db: Db, f: { createdById: number; visitedOn?: string; roundId?: number }, page: PageOpts) {
    let base = db.selectFrom('inspectionVisit').where('createdById', '=', f.createdById);
    if (f.visitedOn) base = base.where('visitedOn', '=', f.visitedOn);
    if (f.roundId) base = base.where('roundId', '=', f.roundId);
    const [{ n }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base.selectAll().orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
    ]);
    return { total: Number(n), rows };
  },
  /** How many inspections each visit recorded. */
  async inspectionsPerVisit(db: Db, visitIds: number[]): Promise<Map<number, number>> {
    if (visitIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('inspection')
      .select(['visitId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('visitId', 'in', visitIds)
      .groupBy('visitId')
      .execute();
    return new Map(rows.map((c) => [Number(c.visitId), Number(c.n)]));
  },

  async countInVisit(db: Db, visitId: number) {
    const { n } = await db
      .selectFrom('inspection')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('visitId', '=', visitId)
      .executeTakeFirstOrThrow();
    return Number(n);
  },
  inspection(db: Db, id: number) {
    return db.selectFrom('inspection').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Inserts in one statement; the ids come back by inspection number. */
  async insertInspections(db: Db, rows: Insertable<InspectionTable>[]): Promise<Map<string, number>> {
    const inserted = await db.insertInto('inspection').values(rows).returning(['id', 'no']).execute();
    return new Map(inserted.map((r) => [r.no, Number(r.id)]));
  },
  async insertInspection(db: Db, row: Insertable<InspectionTable>) {
    const { id } = await db.insertInto('inspection').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  },
  async setInspectionLinks(db: Db, id: number, set: { noticeId?: number; closureId?: number }) {
    await db.updateTable('inspection').set(set).where('id', '=', id).execute();
  },
  /** The closure order each (re-)inspection led to. */
  async closureIdsOf(db: Db, inspectionIds: number[]): Promise<Map<number, number | null>> {
    if (inspectionIds.length === 0) return new Map();
    const rows = await db.selectFrom('inspection').select(['id', 'closureId']).where('id', 'in', inspectionIds).execute();
    return new Map(rows.map((c) => [Number(c.id), c.closureId == null ? null : Number(c.closureId)]));
  },
  entityInspections(db: Db, entityId: number, limit: number) {
    return db.selectFrom('inspection').selectAll().where('entityId', '=', entityId).orderBy('id', 'desc').limit(limit).execute();
  },
  async inspections(
    db: Db,
    f: {
      paths: Paths;
      regionPath?: string;
      entityId?: number;
      outcome?: string;
      roundId?: number;
      visitId?: number;
      from?: string;
      to?: string;
    },
    page: PageOpts,
  ) {
    let base = db.selectFrom('inspection').where(() => likeAny('inspection.region_path', f.paths));
    const regionPath = f.regionPath;
    if (regionPath) base = base.where(() => likeAny('inspection.region_path', [regionPath]));
    if (f.entityId) base = base.where('entityId', '=', f.entityId);
    if (f.outcome) base = base.where('outcome', '=', f.outcome);
    if (f.roundId) base = base.where('roundId', '=', f.roundId);
    if (f.visitId) base = base.where('visitId', '=', f.visitId);
    if (f.from) base = base.where('inspectedOn', '>=', f.from);
    if (f.to) base = base.where('inspectedOn', '<=', f.to);
    const [{ n }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base.selectAll().orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
    ]);
    return { total: Number(n), rows };
  },
};
