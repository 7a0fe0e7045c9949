import type { ApplicationAction, ApplicationStatus } from '@fugong/contract';

/**
 * 申报 → 审核 (approve with an amount / reject with a reason / ask for more) → 兑付. The one table of
 * allowed moves; the repo's conditional update (`where status = from and version = v`) makes a
 * second, concurrent decision find nothing to update.
 */
export const applicationTransitions: Record<ApplicationStatus, Partial<Record<ApplicationAction, ApplicationStatus>>> = {
  submitted: { approve: 'approved', reject: 'rejected', request_more: 'more_requested' },
  more_requested: { resubmit: 'submitted', reject: 'rejected' },
  approved: { pay: 'paid' },
  rejected: {},
  paid: {},
};

export function nextApplicationStatus(from: ApplicationStatus, action: ApplicationAction): ApplicationStatus | null {
  return applicationTransitions[from][action] ?? null;
}
