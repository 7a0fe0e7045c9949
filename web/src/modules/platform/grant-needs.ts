import type { Role } from '@fugong/contract';

/** Which scope fields a grant of this role must carry (mirrors the contract's grantInputSchema refinement). */
export function grantNeeds(role: Role | undefined): { region: boolean; department: boolean; entity: boolean; venue: boolean } {
  return {
    region: role !== undefined && ['commander', 'town', 'grid', 'liaison', 'inspector', 'department'].includes(role),
    department: role === 'department',
    entity: role === 'enterprise',
    venue: role === 'venue',
  };
}

