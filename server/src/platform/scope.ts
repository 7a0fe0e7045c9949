import { sql, type SqlBool } from 'kysely';
import type { Permission } from '@fugong/contract';
import { pathPrefix } from '../db/sql-helpers';
import { AppError } from './errors';
import type { RequestContext } from './context';
import { requirePermission, scopeOf, type Actor, type Scope } from './permissions';

/**
 * The one place region scope is computed and turned into SQL; modules keep only the per-record
 * rules that are truly theirs (who may see a ticket, a filing).
 */

/** The region paths an actor holds a permission in, or every region. */
export function pathsOf(actor: Actor, perm: Permission): string[] | 'all' {
  const s = scopeOf(actor, perm);
  return s.all ? 'all' : s.regionPaths;
}

/** The union of the paths of several permissions (e.g. read, handle and intake all see a list). */
export function pathsOfAny(actor: Actor, perms: readonly Permission[]): string[] | 'all' {
  const out: string[] = [];
  for (const p of perms) {
    if (!actor.permissions.has(p)) continue;
    const s = pathsOf(actor, p);
    if (s === 'all') return 'all';
    out.push(...s);
  }
  return [...new Set(out)];
}

export const inPaths = (paths: string[] | 'all', path: string | null | undefined): boolean =>
  paths === 'all' || (!!path && paths.some((p) => path.startsWith(p)));

/** `col` (a raw column reference, e.g. 'ticket.region_path') lies under one of the paths. */
export function likeAny(col: string, paths: string[] | 'all') {
  if (paths === 'all') return sql<SqlBool>`1 = 1`;
  if (paths.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(
    paths.map((p) => sql`${sql.ref(col)} like ${pathPrefix(p)} escape '\\'`),
    sql` or `,
  )})`;
}

/**
 * A scope as one WHERE clause: the row's region under one of the scope's subtrees, or (when the
 * columns are named) its entity, venue or department among the scope's.
 */
export function scopeWhere(scope: Scope, columns: { path: string; entityId?: string; venueId?: string; department?: string }) {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  const ors = scope.regionPaths.map((p) => sql<SqlBool>`${sql.ref(columns.path)} like ${pathPrefix(p)} escape '\\'`);
  if (columns.entityId && scope.entityIds.length > 0)
    ors.push(sql<SqlBool>`${sql.ref(columns.entityId)} in (${sql.join(scope.entityIds)})`);
  if (columns.venueId && scope.venueIds.length > 0)
    ors.push(sql<SqlBool>`${sql.ref(columns.venueId)} in (${sql.join(scope.venueIds)})`);
  if (columns.department && scope.departments.length > 0)
    ors.push(sql<SqlBool>`${sql.ref(columns.department)} in (${sql.join(scope.departments)})`);
  if (ors.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}

export interface RegionRoot {
  code: string;
  name: string;
  path: string;
}

/**
 * The region subtree a list, a report or a dashboard is about: the one asked for when the caller
 * may see it (404 otherwise, never revealing it), else the caller's first region; admin without a
 * region gets the whole tree (path '/').
 */
export async function rootFor(
  resolve: (code: string) => Promise<RegionRoot>,
  ctx: RequestContext,
  perm: Permission,
  regionCode: string | undefined,
): Promise<{ actor: Actor; root: RegionRoot }> {
  const actor = requirePermission(ctx.actor, perm);
  const scope = scopeOf(actor, perm);
  if (regionCode) {
    const r = await resolve(regionCode);
    if (!scope.all && !scope.regionPaths.some((p) => r.path.startsWith(p))) throw new AppError('common.not_found', 404);
    return { actor, root: r };
  }
  if (scope.all) return { actor, root: { code: '', name: '', path: '/' } };
  const first = scope.regionPaths[0];
  if (!first) throw new AppError('common.forbidden', 403);
  const code = first.split('/').filter(Boolean).pop()!;
  return { actor, root: await resolve(code) };
}
