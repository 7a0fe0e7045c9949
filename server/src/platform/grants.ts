import { sql, type Kysely } from 'kysely';
import type { Department, Role } from '@fugong/contract';
import type { AnyQueryable, PlatformTables } from '../db/schema';
import { containsLiteral } from '../db/sql-helpers';
import { likeAny } from './scope';

export interface GrantHolder {
  id: number;
  username: string;
  displayName: string;
  regionCode: string | null;
  regionPath: string | null;
  department: string | null;
  entityId: number | null;
  venueId: number | null;
}

export interface UsersWithQuery {
  role: Role;
  /** Grants whose subtree contains this place (who is responsible for it: a town officer covers its villages). */
  covering?: string;
  /** Grants placed inside one of these subtrees (the cadres of an area), or anywhere. */
  within?: string[] | 'all';
  department?: Department | null;
  /** Grants for this entity, or for any of these (an entity's own users). */
  entityId?: number | readonly number[];
  venueId?: number;
  /** Only these users (e.g. to check that chosen team members hold the role). */
  ids?: readonly number[];
  /** Display name or username containing this text. */
  search?: string;
  limit?: number;
  /** Disabled accounts are left out unless asked for. */
  includeDisabled?: boolean;
}

/**
 * The one query for "users holding role X here": who to notify about a place, which cadres an
 * officer may put in a team, who the bank officers of an institution are. It reads the platform's
 * user and grant tables, which no module may query itself. One row per matching grant, ordered by user.
 */
export async function usersWith(db: AnyQueryable, q: UsersWithQuery): Promise<GrantHolder[]> {
  let query = (db as Kysely<PlatformTables>)
    .selectFrom('userGrant')
    .innerJoin('appUser', 'appUser.id', 'userGrant.userId')
    .select([
      'appUser.id',
      'appUser.username',
      'appUser.displayName',
      'userGrant.regionCode',
      'userGrant.regionPath',
      'userGrant.department',
      'userGrant.entityId',
      'userGrant.venueId',
    ])
    .where('userGrant.role', '=', q.role);
  if (!q.includeDisabled) query = query.where('appUser.disabled', '=', 0);
  if (q.covering !== undefined) {
    const place = q.covering;
    query = query.where((eb) =>
      eb.or([eb('userGrant.regionPath', 'is', null), sql<boolean>`${place} like ${sql.ref('userGrant.regionPath')} || '%'`]),
    );
  }
  if (q.within !== undefined) {
    const within = q.within;
    query = query.where(() => likeAny('user_grant.region_path', within));
  }
  if (q.department) query = query.where('userGrant.department', '=', q.department);
  if (typeof q.entityId === 'number') query = query.where('userGrant.entityId', '=', q.entityId);
  else if (q.entityId) {
    if (q.entityId.length === 0) return [];
    query = query.where('userGrant.entityId', 'in', [...new Set(q.entityId)]);
  }
  if (q.venueId !== undefined) query = query.where('userGrant.venueId', '=', q.venueId);
  if (q.ids) {
    if (q.ids.length === 0) return [];
    query = query.where('appUser.id', 'in', [...new Set(q.ids)]);
  }
  if (q.search) {
    const needle = q.search;
    query = query.where((eb) =>
      eb.or([containsLiteral('app_user.display_name', needle), containsLiteral('app_user.username', needle)]),
    );
  }
  query = query.orderBy('appUser.id');
  if (q.limit) query = query.limit(q.limit);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), entityId: r.entityId == null ? null : Number(r.entityId) }));
}

/** The distinct user ids of `usersWith`. */
export async function userIdsWith(db: AnyQueryable, q: UsersWithQuery): Promise<number[]> {
  return [...new Set((await usersWith(db, q)).map((u) => u.id))];
}
