import { AppError } from '../../platform/errors';
import { requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import type { RequestContext } from '../../platform/context';
import type { RegionsService } from '../regions/regions.service';

export interface Root {
  code: string;
  name: string;
  path: string;
}

/**
 * The region subtree a list or a dashboard is about: the one asked for when the caller may see
 * it (404 otherwise, never revealing it), else the caller's first region.
 */
export async function rootFor(
  regions: RegionsService,
  ctx: RequestContext,
  perm: string,
  regionCode: string | undefined,
): Promise<{ actor: Actor; root: Root }> {
  const actor = requirePermission(ctx.actor, perm);
  const scope = scopeOf(actor, perm);
  if (regionCode) {
    const r = await regions.resolve(regionCode);
    if (!scope.all && !scope.regionPaths.some((p) => r.path.startsWith(p))) throw new AppError('common.not_found', 404);
    return { actor, root: r };
  }
  if (scope.all) return { actor, root: { code: '', name: '', path: '/' } };
  const first = scope.regionPaths[0];
  if (!first) throw new AppError('common.forbidden', 403);
  const code = first.split('/').filter(Boolean).pop()!;
  const r = await regions.resolve(code);
  return { actor, root: r };
}
