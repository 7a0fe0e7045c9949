import type { JobApplicationStatus, PostingStatus } from '@fugong/contract';
import { statusStyles } from '../../components/status-styles';

export const postingStatusStyles = statusStyles<PostingStatus>('labour:postingStatus', {
  pending_review: 'gold',
  approved: 'green',
  rejected: 'red',
  filled: 'blue',
  closed: 'default',
});
export const applicationStatusStyles = statusStyles<JobApplicationStatus>('labour:applicationStatus', {
  applied: 'default',
  interview: 'processing',
  intention: 'cyan',
  hired: 'green',
  rejected: 'red',
});

/** Monthly pay in fen shown as a yuan range. */
export const payRange = (min: number, max: number) =>
  min === max ? `¥${(min / 100).toLocaleString()}` : `¥${(min / 100).toLocaleString()}–${(max / 100).toLocaleString()}`;
