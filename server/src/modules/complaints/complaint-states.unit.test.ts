import { describe, expect, it } from 'vitest';
import { complaintActions, complaintStatuses, type ComplaintAction, type ComplaintStatus } from '@fugong/contract';
import { AppError } from '../../platform/errors';
import { complaintStatesAllowing, complaintTransition, nextComplaintStatus } from './complaint-states';

const allowed: [ComplaintStatus, ComplaintAction, ComplaintStatus][] = [
  ['received', 'verify', 'verifying'],
  ['verifying', 'substantiate', 'substantiated'],
  ['verifying', 'dismiss', 'unfounded'],
  ['substantiated', 'handle', 'handled'],
  ['unfounded', 'reply', 'replied'],
  ['handled', 'reply', 'replied'],
];
const expected = new Map(allowed.map(([s, a, to]) => [`${s}:${a}`, to]));

describe('complaint state machine', () => {
  for (const state of complaintStatuses) {
    for (const action of complaintActions) {
      const to = expected.get(`${state}:${action}`);
      if (to) {
        it(`${state} --${action}--> ${to}`, () => {
          expect(complaintTransition(state, action)).toBe(to);
        });
      } else {
        it(`${state} refuses ${action} with a 409`, () => {
          expect(nextComplaintStatus(state, action)).toBeNull();
          expect(() => complaintTransition(state, action)).toThrow(AppError);
          try {
            complaintTransition(state, action);
          } catch (e) {
            expect((e as AppError).status).toBe(409);
          }
        });
      }
    }
  }
  it('replies only after a decision', () => expect(complaintStatesAllowing('reply')).toEqual(['unfounded', 'handled']));
});
