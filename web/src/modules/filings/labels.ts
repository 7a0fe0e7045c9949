import type { FilingRoute, FilingStatus } from '@fugong/contract';
import type { StatusStyle } from '../../components/StatusTag';

export const filingStatusStyles: Record<FilingStatus, StatusStyle> = {
  draft: { color: 'default', labelKey: 'filings:status.draft' },
  submitted: { color: 'processing', labelKey: 'filings:status.submitted' },
  under_review: { color: 'processing', labelKey: 'filings:status.under_review' },
  changes_requested: { color: 'warning', labelKey: 'filings:status.changes_requested' },
  resubmitted: { color: 'processing', labelKey: 'filings:status.resubmitted' },
  awaiting_onsite: { color: 'purple', labelKey: 'filings:status.awaiting_onsite' },
  awaiting_batch: { color: 'cyan', labelKey: 'filings:status.awaiting_batch' },
  approved: { color: 'success', labelKey: 'filings:status.approved' },
  rejected: { color: 'error', labelKey: 'filings:status.rejected' },
  suspended: { color: 'volcano', labelKey: 'filings:status.suspended' },
};

export const filingRouteStyles: Record<FilingRoute, StatusStyle> = {
  commitment: { color: 'green', labelKey: 'filings:route.commitment' },
  online: { color: 'blue', labelKey: 'filings:route.online' },
  onsite: { color: 'purple', labelKey: 'filings:route.onsite' },
  batch: { color: 'cyan', labelKey: 'filings:route.batch' },
};

export const filingKey = (id: number) => ['filings', 'detail', id] as const;
