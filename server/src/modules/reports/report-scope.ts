import type { Permission } from '@fugong/contract';
import { rootFor as platformRootFor, type RegionRoot } from '../../platform/scope';
import type { RequestContext } from '../../platform/context';
import type { RegionsService } from '../regions/regions.service';

export type Root = RegionRoot;

/** The platform's `rootFor` with the regions service as the resolver. */
export function rootFor(regions: RegionsService, ctx: RequestContext, perm: Permission, regionCode: string | undefined) {
  return platformRootFor((code) => regions.resolve(code), ctx, perm, regionCode);
}
