import { complaintStatuses, type ComplaintAction, type ComplaintStatus } from '@fugong/contract';
import { badTransition } from '../../platform/errors';

/** Every allowed complaint transition: state → action → next state. */
export const complaintTransitions: Record<ComplaintStatus, Partial<Record<ComplaintAction, ComplaintStatus>>> = {
  received: { verify: 'verifying' },
  verifying: { substantiate: 'substantiated', dismiss: 'unfounded' },
  substantiated: { handle: 'handled' },
  unfounded: { reply: 'replied' },
  handled: { reply: 'replied' },
  replied: {},
};

export function nextComplaintStatus(from: ComplaintStatus, action: ComplaintAction): ComplaintStatus | null {
  return complaintTransitions[from][action] ?? null;
}

export function complaintTransition(from: ComplaintStatus, action: ComplaintAction): ComplaintStatus {
  const to = nextComplaintStatus(from, action);
  if (!to) throw badTransition(from, action);
  return to;
}

export function complaintStatesAllowing(action: ComplaintAction): ComplaintStatus[] {
  return complaintStatuses.filter((s) => complaintTransitions[s][action]);
}

/** Until the reply, the complainant is waiting: the deadline runs and overdue ones escalate. */
export const openComplaintStates: readonly ComplaintStatus[] = ['received', 'verifying', 'substantiated', 'unfounded', 'handled'];
