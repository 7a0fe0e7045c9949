import type { AnswerStatus, FinancingStatus } from '@fugong/contract';
import { statusStyles } from '../../components/status-styles';

export const answerStatusStyles = statusStyles<AnswerStatus>('finance:answer', {
  received: 'default',
  contacted: 'processing',
  under_review: 'processing',
  info_requested: 'warning',
  approved: 'success',
  declined: 'error',
  disbursed: 'success',
});
export const requestStatusStyles = statusStyles<FinancingStatus>('finance:status', {
  open: 'processing',
  served: 'success',
  closed: 'default',
});
