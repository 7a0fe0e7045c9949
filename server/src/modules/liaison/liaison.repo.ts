import { sql, type Insertable, type Selectable, type SqlBool } from 'kysely';
import { containsLiteral } from '../../db/sql-helpers';
import type { Queryable } from '../../platform/module';
import { likeAny } from '../../platform/scope';
import type { LiaisonAssignmentTable, LiaisonTables } from './liaison.tables';

type Db = Queryable<LiaisonTables>;
export type AssignmentRow = Selectable<LiaisonAssignmentTable>;
type Counted = (db: Db, ids: number[]) => Promise<Map<number, number>>;

/** An entity id column (of the registry's list) with or without a current liaison, for its coverage filters. */
export const coveredSql = (col: string) =>
  sql<SqlBool>`${sql.ref(col)} in (select entity_id from liaison_assignment where ended_at is null)`;
export const uncoveredSql = (col: string) =>
  sql<SqlBool>`${sql.ref(col)} not in (select entity_id from liaison_assignment where ended_at is null)`;

const currentPer =
  (col: 'teamId' | 'liaisonUserId'): Counted =>
  async (db, ids) => {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('liaisonAssignment')
      .select([col, (eb) => eb.fn.countAll<number>().as('n')])
      .where(col, 'in', ids)
      .where('endedAt', 'is', null)
      .groupBy(col)
      .execute();
    return new Map(rows.map((c) => [Number(c[col]), Number(c.n)]));
  };

/** Who looks after which entity: the current assignment and the history of ended ones. */
export const assignmentRepo = {
  /** How many entities each team, or each liaison, looks after now. */
  currentPerTeam: currentPer('teamId'),
  currentPerLiaison: currentPer('liaisonUserId'),
  async currentOfTeam(db: Db, teamId: number) {
    const { n } = await db
      .selectFrom('liaisonAssignment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('teamId', '=', teamId)
      .where('endedAt', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(n);
  },
  /** Ends the current assignments of the entities, keeping them in the history with the reason. */
  async end(db: Db, entityIds: number[], at: string, reason: string) {
    await db
      .updateTable('liaisonAssignment')
      .set({ endedAt: at, endedReason: reason })
      .where('entityId', 'in', entityIds)
      .where('endedAt', 'is', null)
      .execute();
  },
  async insert(db: Db, rows: Insertable<LiaisonAssignmentTable>[]) {
    await db.insertInto('liaisonAssignment').values(rows).execute();
  },
  /** In the area (`paths`), or those of one liaison and the teams they belong to (`ownBy`). */
  async list(
    db: Db,
    f: {
      paths: string[] | 'all' | null;
      ownBy: number;
      entityId?: number;
      liaisonUserId?: number;
      teamId?: number;
      q?: string;
      regionPath?: string;
      currentOnly: boolean;
    },
    page: { offset: number; limit: number },
  ) {
    let base = db.selectFrom('liaisonAssignment');
    const paths = f.paths;
    if (paths) base = base.where(() => likeAny('liaison_assignment.region_path', paths));
    else
      base = base.where((eb) =>
        eb.or([
          eb('liaisonUserId', '=', f.ownBy),
          eb('teamId', 'in', db.selectFrom('liaisonTeamMember').select('teamId').where('userId', '=', f.ownBy)),
        ]),
      );
    if (f.entityId) base = base.where('entityId', '=', f.entityId);
    if (f.liaisonUserId) base = base.where('liaisonUserId', '=', f.liaisonUserId);
    if (f.teamId) base = base.where('teamId', '=', f.teamId);
    const needle = f.q;
    if (needle) base = base.where(() => containsLiteral('liaison_assignment.entity_name', needle));
    const regionPath = f.regionPath;
    if (regionPath) base = base.where(() => likeAny('liaison_assignment.region_path', [regionPath]));
    if (f.currentOnly) base = base.where('endedAt', 'is', null);
    const [{ n }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base.selectAll().orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
    ]);
    return { total: Number(n), rows };
  },
};
