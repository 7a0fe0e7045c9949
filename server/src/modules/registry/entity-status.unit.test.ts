import { describe, expect, it } from 'vitest';
import { entityStatuses, type EntityStatus } from '@fugong/contract';
import { AppError } from '../../platform/errors';
import { assertStatusChange, canChangeStatus, entityStatusTransitions } from './entity-status';

// The expected table, written out independently of the implementation: [from, to] pairs allowed.
const allowed = new Set<string>([
  'not_resumed>filing',
  'not_resumed>resumed',
  'not_resumed>closed',
  'filing>not_resumed',
  'filing>resumed',
  'filing>closed',
  'resumed>suspended',
  'resumed>closed',
  'suspended>filing',
  'suspended>resumed',
  'suspended>closed',
  'closed>not_resumed',
]);

describe('entity status machine', () => {
  it('has a row for every status and names only known statuses', () => {
    expect(Object.keys(entityStatusTransitions).sort()).toEqual([...entityStatuses].sort());
    for (const targets of Object.values(entityStatusTransitions)) for (const to of targets) expect(entityStatuses).toContain(to);
  });

  for (const from of entityStatuses) {
    for (const to of entityStatuses) {
      const ok = allowed.has(`${from}>${to}`);
      it(`${ok ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(canChangeStatus(from as EntityStatus, to as EntityStatus)).toBe(ok);
        if (ok) expect(() => assertStatusChange(from, to)).not.toThrow();
        else {
          try {
            assertStatusChange(from, to);
            expect.unreachable();
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
            expect(e).toMatchObject({ status: 409, code: 'common.bad_transition', params: { from, action: to } });
          }
        }
      });
    }
  }

  it('never allows staying in the same status', () => {
    for (const s of entityStatuses) expect(canChangeStatus(s, s)).toBe(false);
  });
});
