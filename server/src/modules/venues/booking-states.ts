import type { BookingStatus, CheckinStatus } from '@fugong/contract';
import { badTransition } from '../../platform/errors';

// The two state machines of a reservation: the booking as a whole, and each named visitor at the gate.
export const bookingActions = ['cancel'] as const;
export type BookingAction = (typeof bookingActions)[number];
export const visitorActions = ['admit', 'refuse'] as const;
export type VisitorAction = (typeof visitorActions)[number];

const bookingTransitions: Record<BookingStatus, Partial<Record<BookingAction, BookingStatus>>> = {
  booked: { cancel: 'cancelled' },
  cancelled: {},
};

// A refused visitor may be checked again (a second temperature reading after a rest); an admitted one is
// inside: scanning again is a re-entry, which the gate reports without a transition.
const visitorTransitions: Record<CheckinStatus, Partial<Record<VisitorAction, CheckinStatus>>> = {
  pending: { admit: 'admitted', refuse: 'refused' },
  refused: { admit: 'admitted', refuse: 'refused' },
  admitted: {},
};

export function nextBookingStatus(from: BookingStatus, action: BookingAction): BookingStatus {
  const to = bookingTransitions[from][action];
  if (!to) throw badTransition(from, action);
  return to;
}

export function nextVisitorStatus(from: CheckinStatus, action: VisitorAction): CheckinStatus {
  const to = visitorTransitions[from][action];
  if (!to) throw badTransition(from, action);
  return to;
}
