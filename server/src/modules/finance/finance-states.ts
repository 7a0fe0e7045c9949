import type { AnswerAction, AnswerStatus } from '@fugong/contract';
import { badTransition } from '../../platform/errors';

/**
 * An institution's answer: received → contacted → under_review → approved / declined / info_requested
 * (→ under_review again when the documents arrive); approved → disbursed once the tranches reach the
 * approved amount (recorded by a disbursement, not by an action). `open_account` records the account
 * opening on an approved answer, the clock the fast-track promise is measured from.
 */
const table: Record<AnswerStatus, Partial<Record<AnswerAction, AnswerStatus>>> = {
  received: { contact: 'contacted', review: 'under_review', decline: 'declined' },
  contacted: { review: 'under_review', approve: 'approved', decline: 'declined', request_info: 'info_requested' },
  under_review: { approve: 'approved', decline: 'declined', request_info: 'info_requested' },
  info_requested: { review: 'under_review', decline: 'declined' },
  approved: { open_account: 'approved' },
  declined: {},
  disbursed: {},
};

export function nextAnswerStatus(from: AnswerStatus, action: AnswerAction): AnswerStatus | null {
  return table[from][action] ?? null;
}

export function answerTransition(from: AnswerStatus, action: AnswerAction): AnswerStatus {
  const to = nextAnswerStatus(from, action);
  if (!to) throw badTransition(from, action);
  return to;
}

export function answerActionsFrom(from: AnswerStatus): AnswerAction[] {
  return Object.keys(table[from]) as AnswerAction[];
}

/** Statuses in which an institution has given the enterprise a first answer (anything beyond "received"). */
export const answeredStatuses: readonly AnswerStatus[] = [
  'contacted',
  'under_review',
  'info_requested',
  'approved',
  'declined',
  'disbursed',
];
