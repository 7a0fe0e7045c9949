import type { ComplaintStatus } from '@fugong/contract';
import type { StatusStyle } from '../../components/StatusTag';

export const complaintStatusStyles: Record<ComplaintStatus, StatusStyle> = {
  received: { color: 'blue', labelKey: 'complaints:status.received' },
  verifying: { color: 'processing', labelKey: 'complaints:status.verifying' },
  substantiated: { color: 'orange', labelKey: 'complaints:status.substantiated' },
  unfounded: { color: 'default', labelKey: 'complaints:status.unfounded' },
  handled: { color: 'cyan', labelKey: 'complaints:status.handled' },
  replied: { color: 'green', labelKey: 'complaints:status.replied' },
};
