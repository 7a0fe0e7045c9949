import { describe, expect, it } from 'vitest';
import type { Role } from '@fugong/contract';
import { can, inRegionScope, makeActor, requireInScope, requirePermission, scopeOf, type ActorGrant } from './permissions';
import { AppError } from './errors';

const grant = (role: Role, regionPath: string | null = null, extra: Partial<ActorGrant> = {}): ActorGrant => ({
  role,
  regionPath,
  department: null,
  entityId: null,
  venueId: null,
  ...extra,
});
const actor = (...grants: ActorGrant[]) => makeActor({ id: 1, username: 'u', displayName: 'U' }, grants);

const D = '/120119/';
const TA = '/120119/120119001000/';
const CA = '/120119/120119001000/120119001001/';
const TB = '/120119/120119002000/';

describe('scopeOf', () => {
  it('gives an admin everything', () => {
    const s = scopeOf(actor(grant('admin')), 'users.read');
    expect(s.all).toBe(true);
    expect(inRegionScope(s, '/350503/')).toBe(true);
    expect(inRegionScope(s, null)).toBe(true);
  });

  it('merges the subtrees of several grants and drops those nested inside another', () => {
    const s = scopeOf(actor(grant('town', TA), grant('grid', CA), grant('town', TB)), 'regions.read');
    expect(s.all).toBe(false);
    expect(s.regionPaths.sort()).toEqual([TA, TB].sort());
  });

  it('keeps the wider path whichever grant comes first', () => {
    expect(scopeOf(actor(grant('grid', CA), grant('commander', D)), 'regions.read').regionPaths).toEqual([D]);
    expect(scopeOf(actor(grant('commander', D), grant('grid', CA)), 'regions.read').regionPaths).toEqual([D]);
  });

  it('counts only the grants whose role carries the permission', () => {
    // town officers manage the registry, grid workers only read it
    const s = scopeOf(
      actor(grant('town', TA), grant('grid', CA), grant('grid', '/120119/120119002000/120119002001/')),
      'registry.manage',
    );
    expect(s.regionPaths).toEqual([TA]);
    expect(scopeOf(actor(grant('bank')), 'regions.read')).toEqual({
      all: false,
      regionPaths: [],
      departments: [],
      entityIds: [],
      venueIds: [],
    });
  });

  it('collects departments, entities and venues', () => {
    const s = scopeOf(
      actor(grant('department', D, { department: 'industry' }), grant('department', D, { department: 'health' })),
      'filings.review',
    );
    expect(s.departments).toEqual(['industry', 'health']);
    expect(s.regionPaths).toEqual([D]);
    expect(
      scopeOf(actor(grant('enterprise', null, { entityId: 7 }), grant('enterprise', null, { entityId: 9 })), 'filings.submit')
        .entityIds,
    ).toEqual([7, 9]);
  });
});

describe('inRegionScope and requireInScope', () => {
  const s = scopeOf(actor(grant('town', TA)), 'regions.read');
  it('admits the subtree only, not a sibling sharing a code prefix', () => {
    expect(inRegionScope(s, TA)).toBe(true);
    expect(inRegionScope(s, CA)).toBe(true);
    expect(inRegionScope(s, TB)).toBe(false);
    expect(inRegionScope(s, D)).toBe(false);
    expect(inRegionScope(s, null)).toBe(false);
    // '/120119/120119001000' without its slash would also prefix '/120119/1201190010001/…'
    expect(inRegionScope(s, '/120119/1201190010001/')).toBe(false);
  });

  it('answers 404 outside the scope, unless the record is one of the actor’s entities', () => {
    expect(() => requireInScope(s, CA)).not.toThrow();
    const err = (() => {
      try {
        requireInScope(s, TB);
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 404, code: 'common.not_found' });
    const ent = scopeOf(actor(grant('enterprise', null, { entityId: 5 })), 'filings.submit');
    expect(() => requireInScope(ent, TB, 5)).not.toThrow();
    expect(() => requireInScope(ent, TB, 6)).toThrow(AppError);
  });
});

describe('requirePermission', () => {
  it('is 401 without an actor and 403 without the permission', () => {
    expect(() => requirePermission(null, 'users.read')).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => requirePermission(actor(grant('town', TA)), 'users.read')).toThrow(expect.objectContaining({ status: 403 }));
    expect(requirePermission(actor(grant('admin')), 'users.read').id).toBe(1);
    expect(can(actor(grant('town', TA)), 'registry.manage')).toBe(true);
    expect(can(null, 'registry.manage')).toBe(false);
  });
});
