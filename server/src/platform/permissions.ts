import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { permissionsOf, type Role, type Department, type Permission } from '@fugong/contract';
import { AppError } from './errors';
import { pathPrefix } from '../db/sql-helpers';

export interface ActorGrant {
  role: Role;
  regionPath: string | null;
  department: Department | null;
  entityId: number | null;
  venueId: number | null;
}

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  grants: ActorGrant[];
  permissions: ReadonlySet<Permission>;
}

/** Where an actor may exercise one permission: region subtrees, departments, entities, venues. */
export interface Scope {
  all: boolean;
  regionPaths: string[];
  departments: Department[];
  entityIds: number[];
  venueIds: number[];
}

export function makeActor(base: { id: number; username: string; displayName: string }, grants: ActorGrant[]): Actor {
  return { ...base, grants, permissions: permissionsOf(grants.map((g) => g.role)) };
}

export function can(actor: Actor | null, perm: Permission): boolean {
  return !!actor && actor.permissions.has(perm);
}

export function requirePermission(actor: Actor | null, perm: Permission): Actor {
  if (!actor) throw new AppError('auth.required', 401);
  if (!actor.permissions.has(perm)) throw new AppError('common.forbidden', 403);
  return actor;
}

export function scopeOf(actor: Actor, perm: Permission): Scope {
  const scope: Scope = { all: false, regionPaths: [], departments: [], entityIds: [], venueIds: [] };
  for (const g of actor.grants) {
    if (!permissionsOf([g.role]).has(perm)) continue;
    if (g.role === 'admin') scope.all = true;
    if (g.regionPath) scope.regionPaths.push(g.regionPath);
    if (g.department) scope.departments.push(g.department);
    if (g.entityId) scope.entityIds.push(g.entityId);
    if (g.venueId) scope.venueIds.push(g.venueId);
  }
  // a path inside another (or the same path granted twice) adds nothing
  const paths = [...new Set(scope.regionPaths)];
  scope.regionPaths = paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
  return scope;
}

export function inRegionScope(scope: Scope, path: string | null): boolean {
  if (scope.all) return true;
  return !!path && scope.regionPaths.some((p) => path.startsWith(p));
}

/**
 * The WHERE clause every list applies: the row's region path lies in one of the scope's
 * subtrees (or its entity is one of the scope's entities, when an entity column is named).
 */
export function scopeFilter<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: Scope,
  columns: { path: string; entityId?: string; venueId?: string },
): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  const ors: Expression<SqlBool>[] = scope.regionPaths.map(
    (p) => sql<SqlBool>`${sql.ref(columns.path)} like ${pathPrefix(p)} escape '\\'`,
  );
  if (columns.entityId && scope.entityIds.length > 0) {
    ors.push(sql<SqlBool>`${sql.ref(columns.entityId)} in (${sql.join(scope.entityIds)})`);
  }
  if (columns.venueId && scope.venueIds.length > 0) {
    ors.push(sql<SqlBool>`${sql.ref(columns.venueId)} in (${sql.join(scope.venueIds)})`);
  }
  if (ors.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.or(ors);
}

/** For one record: 404 unless in scope — never revealing that it exists elsewhere. */
export function requireInScope(scope: Scope, path: string | null, entityId?: number | null, venueId?: number | null): void {
  if (inRegionScope(scope, path)) return;
  if (entityId != null && scope.entityIds.includes(entityId)) return;
  if (venueId != null && scope.venueIds.includes(venueId)) return;
  throw new AppError('common.not_found', 404);
}
