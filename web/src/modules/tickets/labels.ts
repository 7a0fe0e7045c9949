import type { EscalationLevel, TicketStatus } from '@fugong/contract';
import { statusStyles } from '../../components/status-styles';

export const ticketStatusStyles = statusStyles<TicketStatus>('tickets:status', {
  collected: 'default',
  assigned: 'blue',
  handling: 'processing',
  feedback: 'gold',
  closed: 'green',
  merged: 'default',
});

export const escalationStyles = statusStyles<EscalationLevel>('tickets:level', {
  reminder: 'orange',
  supervision: 'volcano',
  leaders: 'red',
});
