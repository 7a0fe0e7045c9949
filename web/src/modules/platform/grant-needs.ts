import { grantInputSchema, type Role } from '@fugong/contract';

export interface GrantNeeds {
  region: boolean;
  department: boolean;
  entity: boolean;
  venue: boolean;
}

const cache = new Map<Role, GrantNeeds>();

/**
 * Which scope fields a grant of this role must carry. Read off the contract's own schema
 * (what a bare `{ role }` grant is missing), so the form never drifts from what the server insists on.
 */
export function grantNeeds(role: Role | undefined): GrantNeeds {
  if (!role) return { region: false, department: false, entity: false, venue: false };
  let needs = cache.get(role);
  if (!needs) {
    const r = grantInputSchema.safeParse({ role });
    const missing = new Set(r.success ? [] : r.error.issues.map((i) => String(i.path[0])));
    needs = {
      region: missing.has('regionCode'),
      department: missing.has('department'),
      entity: missing.has('entityId'),
      venue: missing.has('venueId'),
    };
    cache.set(role, needs);
  }
  return needs;
}
