import type { EscalationLevel, TicketStatus } from '@fugong/contract';
import type { StatusStyle } from '../../components/StatusTag';

export const ticketStatusStyles: Record<TicketStatus, StatusStyle> = {
  collected: { color: 'default', labelKey: 'tickets:status.collected' },
  assigned: { color: 'blue', labelKey: 'tickets:status.assigned' },
  handling: { color: 'processing', labelKey: 'tickets:status.handling' },
  feedback: { color: 'gold', labelKey: 'tickets:status.feedback' },
  closed: { color: 'green', labelKey: 'tickets:status.closed' },
  merged: { color: 'default', labelKey: 'tickets:status.merged' },
};

export const escalationStyles: Record<EscalationLevel, StatusStyle> = {
  reminder: { color: 'orange', labelKey: 'tickets:level.reminder' },
  supervision: { color: 'volcano', labelKey: 'tickets:level.supervision' },
  leaders: { color: 'red', labelKey: 'tickets:level.leaders' },
};
