import type { Permission } from '@fugong/contract';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../schema';
import { pathPrefix } from '../../db/sql-helpers';
import { invalid } from '../../platform/errors';
import { scopeOf, type Actor } from '../../platform/permissions';

/** The region paths an actor holds a permission in, or every region. */
export function pathsOf(actor: Actor, perm: Permission): string[] | 'all' {
  const s = scopeOf(actor, perm);
  return s.all ? 'all' : s.regionPaths;
}
export const inPaths = (paths: string[] | 'all', path: string) => paths === 'all' || paths.some((p) => path.startsWith(p));
/** `col` lies under one of the paths (a raw column name, as Kysely's where callbacks take it). */
export const likeAny = (col: string, paths: string[] | 'all') =>
  paths === 'all'
    ? sql<SqlBool>`1 = 1`
    : paths.length === 0
      ? sql<SqlBool>`1 = 0`
      : sql<SqlBool>`(${sql.join(
          paths.map((p) => sql`${sql.ref(col)} like ${pathPrefix(p)} escape '\\'`),
          sql` or `,
        )})`;

/**
 * A team's make-up, on creation and on every edit: the leader is one of the members, and each member is
 * an active cadre holding the liaison role inside the area of whoever forms the team.
 */
export async function checkTeamMembers(
  db: Kysely<DB>,
  paths: string[] | 'all',
  b: { memberIds: number[]; leaderId: number },
): Promise<number[]> {
  const ids = [...new Set(b.memberIds)];
  if (!ids.includes(b.leaderId)) throw invalid([{ field: 'leaderId', message: 'liaison.leader_member' }]);
  const rows = await db
    .selectFrom('userGrant')
    .innerJoin('appUser', 'appUser.id', 'userGrant.userId')
    .select('userGrant.userId')
    .where('userGrant.userId', 'in', ids)
    .where('userGrant.role', '=', 'liaison')
    .where('appUser.disabled', '=', 0)
    .where(() => likeAny('user_grant.region_path', paths))
    .execute();
  const ok = new Set(rows.map((r) => Number(r.userId)));
  if (ids.some((id) => !ok.has(id))) throw invalid([{ field: 'memberIds', message: 'liaison.not_liaison' }]);
  return ids;
}
