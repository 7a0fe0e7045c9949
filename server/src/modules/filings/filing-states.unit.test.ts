import { describe, expect, it } from 'vitest';
import { filingActions, filingStatuses, type FilingAction, type FilingStatus } from '@fugong/contract';
import { AppError } from '../../platform/errors';
import { nextFilingStatus, statesAllowing, transition } from './filing-states';

// Written out independently of the table under test: every allowed (state, action) and its result.
const allowed: [FilingStatus, FilingAction, FilingStatus][] = [
  ['draft', 'submit', 'submitted'],
  ...(['submitted', 'resubmitted'] as const).flatMap((s): [FilingStatus, FilingAction, FilingStatus][] => [
    [s, 'auto_approve', 'approved'],
    [s, 'await_onsite', 'awaiting_onsite'],
    [s, 'await_batch', 'awaiting_batch'],
    [s, 'start_review', 'under_review'],
    [s, 'approve', 'approved'],
    [s, 'reject', 'rejected'],
    [s, 'request_changes', 'changes_requested'],
  ]),
  ['under_review', 'approve', 'approved'],
  ['under_review', 'reject', 'rejected'],
  ['under_review', 'request_changes', 'changes_requested'],
  ['changes_requested', 'resubmit', 'resubmitted'],
  ['awaiting_onsite', 'onsite_pass', 'approved'],
  ['awaiting_onsite', 'onsite_fail', 'changes_requested'],
  ['awaiting_onsite', 'reject', 'rejected'],
  ['awaiting_batch', 'release_batch', 'approved'],
  ['approved', 'suspend', 'suspended'],
  ['suspended', 'reopen', 'approved'],
];
const expected = new Map(allowed.map(([s, a, to]) => [`${s}:${a}`, to]));

describe('filing state machine', () => {
  for (const state of filingStatuses) {
    for (const action of filingActions) {
      const to = expected.get(`${state}:${action}`);
      if (to) {
        it(`${state} --${action}--> ${to}`, () => {
          expect(transition(state, action)).toBe(to);
          expect(nextFilingStatus(state, action)).toBe(to);
        });
      } else {
        it(`refuses ${action} from ${state} with a 409`, () => {
          expect(nextFilingStatus(state, action)).toBeNull();
          let err: unknown;
          try {
            transition(state, action);
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).status).toBe(409);
          expect((err as AppError).code).toBe('common.bad_transition');
          expect((err as AppError).params).toEqual({ from: state, action });
        });
      }
    }
  }

  it('rejected is final and every other state can be left', () => {
    for (const s of filingStatuses) {
      const exits = filingActions.filter((a) => nextFilingStatus(s, a));
      if (s === 'rejected') expect(exits).toEqual([]);
      else expect(exits.length).toBeGreaterThan(0);
    }
  });

  it('lists the states an action may start from', () => {
    expect(statesAllowing('approve').sort()).toEqual(['resubmitted', 'submitted', 'under_review']);
    expect(statesAllowing('onsite_pass')).toEqual(['awaiting_onsite']);
  });
});
