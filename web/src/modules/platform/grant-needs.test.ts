import { describe, expect, it } from 'vitest';
import { grantInputSchema } from '@fugong/contract';
import { grantNeeds } from './grant-needs';

describe('grant form fields', () => {
  it('asks each role for its own scope and nothing else', () => {
    expect(grantNeeds('town')).toEqual({ region: true, department: false, entity: false, venue: false });
    expect(grantNeeds('department')).toEqual({ region: true, department: true, entity: false, venue: false });
    expect(grantNeeds('enterprise')).toEqual({ region: false, department: false, entity: true, venue: false });
    expect(grantNeeds('venue')).toEqual({ region: false, department: false, entity: false, venue: true });
    expect(grantNeeds('admin')).toEqual({ region: false, department: false, entity: false, venue: false });
    expect(grantNeeds(undefined)).toEqual({ region: false, department: false, entity: false, venue: false });
  });

  it('a grant filled in as the form asks passes the contract', () => {
    const fill = { regionCode: '120119', department: 'industry', entityId: 1, venueId: 1 } as const;
    for (const role of [
      'commander',
      'department',
      'town',
      'grid',
      'liaison',
      'inspector',
      'enterprise',
      'venue',
      'bank',
      'admin',
    ] as const) {
      const n = grantNeeds(role);
      const grant = {
        role,
        regionCode: n.region ? fill.regionCode : null,
        department: n.department ? fill.department : null,
        entityId: n.entity ? fill.entityId : null,
        venueId: n.venue ? fill.venueId : null,
      };
      expect(grantInputSchema.safeParse(grant).success, role).toBe(true);
    }
  });
});
