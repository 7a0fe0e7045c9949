import { describe, expect, it } from 'vitest';
import { bookingStatuses, checkinStatuses } from '@fugong/contract';
import { AppError } from '../../platform/errors';
import { bookingActions, nextBookingStatus, nextVisitorStatus, visitorActions } from './booking-states';

const allowedBooking: Record<string, string> = { 'booked/cancel': 'cancelled' };
const allowedVisitor: Record<string, string> = {
  'pending/admit': 'admitted',
  'pending/refuse': 'refused',
  'refused/admit': 'admitted',
  'refused/refuse': 'refused',
};

function outcome(fn: () => string): string {
  try {
    return fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(409);
    return 'refused-409';
  }
}

describe('booking state machine', () => {
  for (const from of bookingStatuses)
    for (const action of bookingActions)
      it(`${from} × ${action}`, () =>
        expect(outcome(() => nextBookingStatus(from, action))).toBe(allowedBooking[`${from}/${action}`] ?? 'refused-409'));
});

describe('visitor check-in state machine', () => {
  for (const from of checkinStatuses)
    for (const action of visitorActions)
      it(`${from} × ${action}`, () =>
        expect(outcome(() => nextVisitorStatus(from, action))).toBe(allowedVisitor[`${from}/${action}`] ?? 'refused-409'));
});
