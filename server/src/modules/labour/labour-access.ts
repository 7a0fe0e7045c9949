import type { Department, Permission } from '@fugong/contract';
import { AppError } from '../../platform/errors';
import { requirePermission, type Actor } from '../../platform/permissions';
import { inPaths } from '../../platform/scope';
import { permissionsOf } from '@fugong/contract';

/**
 * Where an actor may exercise a labour permission. Department grants count only for the departments
 * named (the labour bureau 人社局 runs fairs and reviews postings; commerce may also match shared
 * employees); other roles count by their region; admin everywhere.
 */
export function labourPaths(actor: Actor, perm: Permission, departments?: readonly Department[]): string[] | 'all' {
  const out: string[] = [];
  for (const g of actor.grants) {
    if (!permissionsOf([g.role]).has(perm)) continue;
    if (g.role === 'admin') return 'all';
    if (g.role === 'department' && departments && !(g.department && departments.includes(g.department))) continue;
    if (g.regionPath) out.push(g.regionPath);
  }
  return out;
}

/** The entities an enterprise account acts for under a permission. */
export function ownEntities(actor: Actor, perm: Permission): number[] {
  return actor.grants.filter((g) => g.entityId != null && permissionsOf([g.role]).has(perm)).map((g) => g.entityId!);
}

export const LABOUR_DEPT = ['labour'] as const satisfies readonly Department[];
export const MATCH_DEPTS = ['labour', 'commerce'] as const satisfies readonly Department[];

/** Permission first; then the paths, 403 when the actor holds the permission nowhere that counts. */
export function requireLabourPaths(actor: Actor | null, perm: Permission, departments?: readonly Department[]) {
  const a = requirePermission(actor, perm);
  const paths = labourPaths(a, perm, departments);
  if (paths !== 'all' && paths.length === 0 && ownEntities(a, perm).length === 0) throw new AppError('common.forbidden', 403);
  return { actor: a, paths };
}

/** Staff who see the module's lists: readers, reviewers and fair organisers of the area. */
export function readPaths(actor: Actor): string[] | 'all' {
  const out: string[] = [];
  for (const [perm, depts] of [
    ['labour.read', undefined],
    ['labour.review', LABOUR_DEPT],
    ['labour.fairs', LABOUR_DEPT],
  ] as const) {
    if (!actor.permissions.has(perm)) continue;
    const p = labourPaths(actor, perm, depts);
    if (p === 'all') return 'all';
    out.push(...p);
  }
  return [...new Set(out)];
}

/** 401 without a session, 403 unless the actor holds one of the permissions. */
export function requireAny(actor: Actor | null, perms: readonly Permission[]): Actor {
  if (!actor) throw new AppError('auth.required', 401);
  if (!perms.some((p) => actor.permissions.has(p))) throw new AppError('common.forbidden', 403);
  return actor;
}

export { inPaths };
