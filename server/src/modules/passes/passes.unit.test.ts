import { describe, expect, it } from 'vitest';
import { passStatuses, type PassStatus } from '@fugong/contract';
import { AppError } from '../../platform/errors';
import { nextPassStatus, passActions, passTransitions } from './pass-states';
import { refusalOf, scopePathOf, tokenFromQr, QR_PREFIX } from './pass-rules';

describe('pass state machine', () => {
  const expected: Record<PassStatus, Record<string, PassStatus | null>> = {
    active: { renew: 'active', revoke: 'revoked', rotate: 'active' },
    revoked: { renew: null, revoke: null, rotate: null },
  };
  for (const from of passStatuses) {
    for (const action of passActions) {
      it(`${from} × ${action} → ${expected[from][action] ?? '409'}`, () => {
        const to = expected[from][action];
        if (to) expect(nextPassStatus(from, action)).toBe(to);
        else {
          expect(() => nextPassStatus(from, action)).toThrow(AppError);
          try {
            nextPassStatus(from, action);
          } catch (e) {
            expect((e as AppError).status).toBe(409);
          }
        }
      });
    }
  }
  it('names every state', () => expect(Object.keys(passTransitions).sort()).toEqual([...passStatuses].sort()));
});

describe('pass decision', () => {
  const pass = {
    status: 'active' as const,
    passClass: 'A' as const,
    validFrom: '2026-03-01',
    validUntil: '2026-03-30',
    scopePath: '/120119/120119001000/',
  };
  const gate = { kind: 'community_gate' as const, regionPath: '/120119/120119001000/120119001001/' };
  const all = ['road', 'community_gate', 'workplace'] as const;
  it('opens inside the scope, on the days, at an allowed kind', () =>
    expect(refusalOf(pass, gate, all, '2026-03-30')).toBeNull());
  it('explains in order: missing, revoked, early, late, place, kind', () => {
    expect(refusalOf(null, gate, all, '2026-03-02')).toBe('not_found');
    expect(refusalOf({ ...pass, status: 'revoked', validUntil: '2026-01-01' }, gate, all, '2026-03-02')).toBe('revoked');
    expect(refusalOf(pass, gate, all, '2026-02-28')).toBe('not_yet_valid');
    expect(refusalOf(pass, gate, all, '2026-03-31')).toBe('expired');
    expect(refusalOf(pass, { ...gate, regionPath: '/120119/120119002000/' }, all, '2026-03-02')).toBe('out_of_scope');
    expect(refusalOf(pass, gate, ['road'], '2026-03-02')).toBe('checkpoint_kind');
  });
  it('cuts the residence at the rule’s level', () => {
    const home = '/120119/120119001000/120119001001/120119001001001/';
    expect(scopePathOf(home, 'district')).toBe('/120119/');
    expect(scopePathOf(home, 'town')).toBe('/120119/120119001000/');
    expect(scopePathOf(home, 'community')).toBe('/120119/120119001000/120119001001/');
    expect(scopePathOf('/120119/', 'community')).toBe('/120119/');
  });
  it('reads a token from the QR text or takes it as typed', () => {
    expect(tokenFromQr(QR_PREFIX + 'abc')).toBe('abc');
    expect(tokenFromQr(' abc ')).toBe('abc');
  });
});
