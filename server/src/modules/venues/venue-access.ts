import type { VenuePolicy } from '@fugong/contract';
import type { Permission } from '@fugong/contract';
import type { Dialect } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { Pii } from '../../platform/pii';
import type { RequestContext } from '../../platform/context';
import type { Notifier } from '../../platform/notify';
import { notFound } from '../../platform/errors';
import { requirePermission, requireInScope, scopeOf } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import type { VenuesRepo } from './venues.repo';
import type { ModuleDb } from '../../platform/module';
import type { VenuesTables, VenueTable } from './venues.tables';
import { capacityOn, type CapacityRule } from './venue-rules';

// What venues.service.ts and the booking, gate, guest, partner and export services it builds all use; in its
// own file so that those services need not import venues.service.ts, which imports them.

export interface VenuesDeps {
  db: ModuleDb<VenuesTables>;
  dialect: Dialect;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  pii: Pii;
  regions: RegionsService;
  notifier: Notifier;
}

export type VenueRow = Omit<VenueTable, 'id'> & { id: number };
type PolicyRow = Awaited<ReturnType<VenuesRepo['policiesOf']>>[number];

export function toPolicy(p: PolicyRow): VenuePolicy {
  return {
    id: p.id,
    name: p.name,
    eligibility: p.eligibility as VenuePolicy['eligibility'],
    proofTypes: JSON.parse(p.proofTypes) as VenuePolicy['proofTypes'],
    validFrom: p.validFrom,
    validTo: p.validTo,
    active: !!p.active,
  };
}

/** What booking, gate and guest services share: the venue as the caller may see it, and its capacity. */
export function createVenueAccess(deps: VenuesDeps, repo: VenuesRepo) {
  const { db } = deps;
  return {
    /** The venue if the actor holds `perm` over it; 404 otherwise, never revealing it exists. */
    async require(ctx: RequestContext, perm: Permission, venueId: number): Promise<VenueRow> {
      const actor = requirePermission(ctx.actor, perm);
      const v = await repo.venueById(db, venueId);
      if (!v) throw notFound('venue');
      requireInScope(scopeOf(actor, perm), v.regionPath, null, v.id);
      return v;
    },
    async capacityFor(venue: VenueRow, day: string): Promise<number> {
      const rules = (await repo.rulesOf(db, [venue.id])) as CapacityRule[];
      return capacityOn(venue.normalCapacity, rules, day);
    },
  };
}
export type VenueAccess = ReturnType<typeof createVenueAccess>;
