import { supplyDepartments, permissionsOf, type Permission } from '@fugong/contract';
import { AppError } from '../../platform/errors';
import type { RequestContext } from '../../platform/context';
import { requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import type { RegionRoot } from '../../platform/scope';

type SupplyPermission = Extract<Permission, `supplies.${string}`>;

/**
 * The region subtrees where an actor holds a supplies permission. A department officer's grant counts
 * only for the departments that run supplies (emergency, industry); an admin holds every region.
 */
export function supplyPaths(actor: Actor, perm: SupplyPermission): string[] | 'all' {
  const out: string[] = [];
  for (const g of actor.grants) {
    if (!permissionsOf([g.role]).has(perm)) continue;
    if (g.role === 'admin') return 'all';
    if (g.role === 'department' && !(supplyDepartments as readonly string[]).includes(g.department ?? '')) continue;
    if (g.regionPath) out.push(g.regionPath);
  }
  return [...new Set(out)];
}

export const inSupplyPaths = (paths: string[] | 'all', path: string) => paths === 'all' || paths.some((p) => path.startsWith(p));

/** The paths for a staff permission; 403 when the actor holds it nowhere (a commerce officer, say). */
export function requireSupplyPaths(ctx: RequestContext, perm: SupplyPermission): { actor: Actor; paths: string[] | 'all' } {
  const actor = requirePermission(ctx.actor, perm);
  const paths = supplyPaths(actor, perm);
  if (paths !== 'all' && paths.length === 0) throw new AppError('common.forbidden', 403);
  return { actor, paths };
}

/** The entities an enterprise user acts for (declarations, deliveries). */
export function ownEntities(actor: Actor, perm: 'supplies.declare' | 'supplies.receive'): number[] {
  return actor.permissions.has(perm) ? scopeOf(actor, perm).entityIds : [];
}

/** The region a list or summary is about: the one asked for (404 outside the caller's area) or the caller's first. */
export async function supplyRoot(
  resolve: (code: string) => Promise<RegionRoot>,
  paths: string[] | 'all',
  regionCode: string | undefined,
): Promise<RegionRoot> {
  if (regionCode) {
    const r = await resolve(regionCode);
    if (!inSupplyPaths(paths, r.path)) throw new AppError('common.not_found', 404);
    return r;
  }
  if (paths === 'all') return { code: '', name: '', path: '/' };
  const code = paths[0]!.split('/').filter(Boolean).pop()!;
  return resolve(code);
}

/** Where an actor sees demands and deliveries: staff by region (any supplies role), enterprises their own. */
export function viewScope(actor: Actor): { paths: string[] | 'all'; entityIds: number[] } {
  const paths: string[] = [];
  for (const p of ['supplies.read', 'supplies.demand', 'supplies.allocate', 'supplies.receive'] as const) {
    if (!actor.permissions.has(p)) continue;
    const s = supplyPaths(actor, p);
    if (s === 'all') return { paths: 'all', entityIds: [] };
    paths.push(...s);
  }
  const entityIds = [...new Set([...ownEntities(actor, 'supplies.declare'), ...ownEntities(actor, 'supplies.receive')])];
  return { paths: [...new Set(paths)], entityIds };
}

export function requireView(ctx: RequestContext): { actor: Actor; paths: string[] | 'all'; entityIds: number[] } {
  if (!ctx.actor) throw new AppError('auth.required', 401);
  const v = viewScope(ctx.actor);
  if (v.paths !== 'all' && v.paths.length === 0 && v.entityIds.length === 0) throw new AppError('common.forbidden', 403);
  return { actor: ctx.actor, ...v };
}

export const sees = (v: { paths: string[] | 'all'; entityIds: number[] }, path: string, entityId: number) =>
  inSupplyPaths(v.paths, path) || v.entityIds.includes(entityId);
