import { ticketStatuses, type TicketAction, type TicketStatus } from '@fugong/contract';
import { badTransition } from '../../platform/errors';

/**
 * Every allowed ticket transition, in one table: state → action → next state.
 * `handle` records the department's result and hands it back to the enterprise (反馈);
 * only the enterprise's confirmation (or a staff close-out) ends it (销号).
 */
export const ticketTransitions: Record<TicketStatus, Partial<Record<TicketAction, TicketStatus>>> = {
  collected: { assign: 'assigned', merge: 'merged', close: 'closed' },
  assigned: { reassign: 'assigned', accept: 'handling', merge: 'merged' },
  handling: { reassign: 'assigned', handle: 'feedback', merge: 'merged' },
  feedback: { confirm: 'closed', reopen: 'handling', close: 'closed' },
  closed: {},
  merged: {},
};

export function nextTicketStatus(from: TicketStatus, action: TicketAction): TicketStatus | null {
  return ticketTransitions[from][action] ?? null;
}

/** The next state, or a 409 naming the state and the refused action. */
export function ticketTransition(from: TicketStatus, action: TicketAction): TicketStatus {
  const to = nextTicketStatus(from, action);
  if (!to) throw badTransition(from, action);
  return to;
}

export function statesAllowing(action: TicketAction): TicketStatus[] {
  return ticketStatuses.filter((s) => ticketTransitions[s][action]);
}

/** A ticket in one of these is finished: no deadline runs and nothing escalates. */
export const finishedStates: readonly TicketStatus[] = ['closed', 'merged'];
/** States in which the responsible department owes work, so the deadline is running. */
export const runningStates: readonly TicketStatus[] = ['collected', 'assigned', 'handling'];
