import type { ComplaintStatus } from '@fugong/contract';
import { statusStyles } from '../../components/status-styles';

export const complaintStatusStyles = statusStyles<ComplaintStatus>('complaints:status', {
  received: 'blue',
  verifying: 'processing',
  substantiated: 'orange',
  unfounded: 'default',
  handled: 'cyan',
  replied: 'green',
});
