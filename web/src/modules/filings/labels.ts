import type { FilingRoute, FilingStatus } from '@fugong/contract';
import { statusStyles } from '../../components/status-styles';

export const filingStatusStyles = statusStyles<FilingStatus>('filings:status', {
  draft: 'default',
  submitted: 'processing',
  under_review: 'processing',
  changes_requested: 'warning',
  resubmitted: 'processing',
  awaiting_onsite: 'purple',
  awaiting_batch: 'cyan',
  approved: 'success',
  rejected: 'error',
  suspended: 'volcano',
});

export const filingRouteStyles = statusStyles<FilingRoute>('filings:route', {
  commitment: 'green',
  online: 'blue',
  onsite: 'purple',
  batch: 'cyan',
});

export const filingKey = (id: number) => ['filings', 'detail', id] as const;
