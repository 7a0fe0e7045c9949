import { ticketRecords, type TicketsDeps } from './ticket-records';
import { ticketLifecycle } from './ticket-lifecycle';
import { ticketLists } from './ticket-lists';
import { ticketFiles } from './ticket-files';
import { ticketEscalation } from './ticket-escalation';
import { ticketStatistics } from './ticket-statistics';
import { ticketCategories } from './ticket-categories';

export type { NewTicket, PreparedTicket } from './ticket-lifecycle';
export type { TicketsDeps } from './ticket-records';

/**
 * 问题闭环: the tickets other modules and people file, their handling by departments, the escalation
 * ladder, statistics and categories. Other modules call `prepareTicket` (outside their transaction),
 * `createTicket` (inside it) and `announceCreated` (after the commit).
 */
export function createTicketsService(deps: TicketsDeps) {
  const records = ticketRecords(deps);
  return {
    ...ticketLifecycle(deps, records),
    ...ticketLists(deps, records),
    ...ticketFiles(deps, records),
    ...ticketEscalation(deps, records),
    ...ticketStatistics(deps, records),
    ...ticketCategories(deps, records),
  };
}
export type TicketsService = ReturnType<typeof createTicketsService>;
