import { describe, expect, it } from 'vitest';
import { ticketActions, ticketStatuses, type TicketAction, type TicketStatus } from '@fugong/contract';
import { AppError } from '../../platform/errors';
import { nextTicketStatus, statesAllowing, ticketTransition } from './ticket-states';

// Written out independently of the table under test.
const allowed: [TicketStatus, TicketAction, TicketStatus][] = [
  ['collected', 'assign', 'assigned'],
  ['collected', 'merge', 'merged'],
  ['collected', 'close', 'closed'],
  ['assigned', 'reassign', 'assigned'],
  ['assigned', 'accept', 'handling'],
  ['assigned', 'merge', 'merged'],
  ['handling', 'reassign', 'assigned'],
  ['handling', 'handle', 'feedback'],
  ['handling', 'merge', 'merged'],
  ['feedback', 'confirm', 'closed'],
  ['feedback', 'reopen', 'handling'],
  ['feedback', 'close', 'closed'],
];
const expected = new Map(allowed.map(([s, a, to]) => [`${s}:${a}`, to]));

describe('ticket state machine', () => {
  for (const state of ticketStatuses) {
    for (const action of ticketActions) {
      const to = expected.get(`${state}:${action}`);
      if (to) {
        it(`${state} --${action}--> ${to}`, () => {
          expect(ticketTransition(state, action)).toBe(to);
          expect(nextTicketStatus(state, action)).toBe(to);
        });
      } else {
        it(`${state} refuses ${action} with a 409`, () => {
          expect(nextTicketStatus(state, action)).toBeNull();
          try {
            ticketTransition(state, action);
            expect.unreachable();
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
            expect((e as AppError).status).toBe(409);
            expect((e as AppError).params).toEqual({ from: state, action });
          }
        });
      }
    }
  }
  it('lists the states an action starts from', () => {
    expect(statesAllowing('merge')).toEqual(['collected', 'assigned', 'handling']);
    expect(statesAllowing('confirm')).toEqual(['feedback']);
  });
  it('closed and merged are final', () => {
    for (const a of ticketActions) {
      expect(nextTicketStatus('closed', a)).toBeNull();
      expect(nextTicketStatus('merged', a)).toBeNull();
    }
  });
});
