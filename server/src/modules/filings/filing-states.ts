import { filingStatuses, type FilingAction, type FilingStatus } from '@fugong/contract';
import { badTransition } from '../../platform/errors';

/**
 * Every allowed filing transition, in one table: state → action → next state.
 * Routing after a submission is itself a transition (auto_approve / await_onsite / await_batch),
 * so the history shows why a filing ended up where it is.
 */
export const filingTransitions: Record<FilingStatus, Partial<Record<FilingAction, FilingStatus>>> = {
  draft: { submit: 'submitted' },
  submitted: {
    auto_approve: 'approved',
    await_onsite: 'awaiting_onsite',
    await_batch: 'awaiting_batch',
    start_review: 'under_review',
    approve: 'approved',
    reject: 'rejected',
    request_changes: 'changes_requested',
  },
  under_review: { approve: 'approved', reject: 'rejected', request_changes: 'changes_requested' },
  changes_requested: { resubmit: 'resubmitted' },
  resubmitted: {
    auto_approve: 'approved',
    await_onsite: 'awaiting_onsite',
    await_batch: 'awaiting_batch',
    start_review: 'under_review',
    approve: 'approved',
    reject: 'rejected',
    request_changes: 'changes_requested',
  },
  awaiting_onsite: { onsite_pass: 'approved', onsite_fail: 'changes_requested', reject: 'rejected' },
  awaiting_batch: { release_batch: 'approved' },
  approved: { suspend: 'suspended' },
  rejected: {},
  suspended: { reopen: 'approved' },
};

export function nextFilingStatus(from: FilingStatus, action: FilingAction): FilingStatus | null {
  return filingTransitions[from][action] ?? null;
}

/** The next state, or a 409 naming the state and the refused action. */
export function transition(from: FilingStatus, action: FilingAction): FilingStatus {
  const to = nextFilingStatus(from, action);
  if (!to) throw badTransition(from, action);
  return to;
}

/** States an action may start from (for conditional updates and inbox filters). */
export function statesAllowing(action: FilingAction): FilingStatus[] {
  return filingStatuses.filter((s) => filingTransitions[s][action]);
}

/** States in which the enterprise may still change what it files. */
export const editableStates: readonly FilingStatus[] = ['draft', 'changes_requested'];
/** States waiting for a reviewer's online decision. */
export const reviewStates: readonly FilingStatus[] = ['submitted', 'resubmitted', 'under_review'];
/** A filing in one of these no longer blocks a new one for the same entity. */
export const closedStates: readonly FilingStatus[] = ['rejected'];
