import type { Insertable, Selectable } from 'kysely';
import { containsLiteral } from '../../db/sql-helpers';
import type { Queryable } from '../../platform/module';
import { likeAny } from '../../platform/scope';
import type { LiaisonTables, LiaisonTeamMemberTable, LiaisonTeamTable } from './liaison.tables';

type Db = Queryable<LiaisonTables>;
export type TeamRow = Selectable<LiaisonTeamTable>;
type NewTeam = Pick<Insertable<LiaisonTeamTable>, 'name' | 'regionCode' | 'regionPath' | 'createdAt'>;

/** Help teams 帮扶工作组 and their members. */
export const teamRepo = {
  team(db: Db, id: number) {
    return db.selectFrom('liaisonTeam').selectAll().where('id', '=', id).executeTakeFirst();
  },
  activeTeam(db: Db, id: number) {
    return db.selectFrom('liaisonTeam').selectAll().where('id', '=', id).where('dissolvedAt', 'is', null).executeTakeFirst();
  },
  async namesOf(db: Db, ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('liaisonTeam').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((x) => [Number(x.id), x.name]));
  },
  async insertTeam(db: Db, row: NewTeam) {
    const { id } = await db.insertInto('liaisonTeam').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  },
  /** Many teams at once, their ids in insertion order (an identity only grows, so sorted). */
  async insertTeams(db: Db, rows: NewTeam[]): Promise<number[]> {
    const inserted = await db.insertInto('liaisonTeam').values(rows).returning('id').execute();
    return inserted.map((r) => Number(r.id)).sort((a, b) => a - b);
  },
  /** Renames the team and raises its version, only if it is still at the version the editor read. */
  async renameIfVersion(db: Db, id: number, name: string, version: number) {
    const r = await db
      .updateTable('liaisonTeam')
      .set((eb) => ({ name, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', version)
      .where('dissolvedAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /** Marks the team dissolved; this takes its row lock, which an assignment to the team takes too. */
  async dissolve(db: Db, id: number, at: string) {
    const r = await db
      .updateTable('liaisonTeam')
      .set((eb) => ({ dissolvedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('dissolvedAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /** Takes the row lock of a team not dissolved (a no-op update), false if it is dissolved or unknown. */
  async holdActive(db: Db, id: number) {
    const r = await db
      .updateTable('liaisonTeam')
      .set((eb) => ({ version: eb.ref('version') }))
      .where('id', '=', id)
      .where('dissolvedAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
  /** Teams not dissolved in the area, by name or with one of the given users as a member. */
  async teams(
    db: Db,
    f: { paths: string[] | 'all'; regionPath?: string; q?: string; memberIds?: number[] },
    page: { offset: number; limit: number },
  ) {
    let base = db
      .selectFrom('liaisonTeam')
      .where('dissolvedAt', 'is', null)
      .where(() => likeAny('liaison_team.region_path', f.paths));
    const regionPath = f.regionPath;
    if (regionPath) base = base.where(() => likeAny('liaison_team.region_path', [regionPath]));
    const needle = f.q;
    if (needle) {
      const memberIds = f.memberIds ?? [];
      base = base.where((eb) =>
        memberIds.length === 0
          ? containsLiteral('liaison_team.name', needle)
          : eb.or([
              containsLiteral('liaison_team.name', needle),
              eb('id', 'in', db.selectFrom('liaisonTeamMember').select('teamId').where('userId', 'in', memberIds)),
            ]),
      );
    }
    const [{ n }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base.selectAll().orderBy('id').offset(page.offset).limit(page.limit).execute(),
    ]);
    return { total: Number(n), rows };
  },

  members(db: Db, teamIds: number[]) {
    return db
      .selectFrom('liaisonTeamMember')
      .selectAll()
      .where('teamId', 'in', teamIds)
      .orderBy('leader', 'desc')
      .orderBy('userId')
      .execute();
  },
  /** Replaces a team's members, returning those it had. */
  async replaceMembers(db: Db, teamId: number, rows: Insertable<LiaisonTeamMemberTable>[]) {
    const before = await db.selectFrom('liaisonTeamMember').select(['userId', 'leader']).where('teamId', '=', teamId).execute();
    await db.deleteFrom('liaisonTeamMember').where('teamId', '=', teamId).execute();
    await db.insertInto('liaisonTeamMember').values(rows).execute();
    return before;
  },
  async insertMembers(db: Db, rows: Insertable<LiaisonTeamMemberTable>[]) {
    await db.insertInto('liaisonTeamMember').values(rows).execute();
  },
};
