import { ticketsPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { TicketsTables } from './tickets.tables';
import * as m0400 from '../../db/migrations/0400_tickets';
import * as m0410 from '../../db/migrations/0410_ticket_attachments';
import { createTicketsService, type TicketsService } from './tickets.service';
import { ticketsRoutes } from './tickets.routes';
import { ticketsDemo } from './tickets.demo';
import { ticketsMessages } from './tickets.messages';

declare module '../../platform/module' {
  interface ServiceMap {
    tickets: TicketsService;
  }
}

export const ticketsModule = defineModule<TicketsTables>()({
  name: 'tickets',
  tables: ['ticketCategory', 'ticket', 'ticketEvent', 'ticketAttachment'],
  migrations: { '0400_tickets': m0400, '0410_ticket_attachments': m0410 },
  needs: ['regions', 'registry'],
  provides: ['tickets'],
  createServices({ core, db }, d) {
    const tickets = createTicketsService({
      db,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      notifier: core.notifier,
      regions: d.regions,
      registry: d.registry,
      dataDir: core.config.dataDir,
    });
    return { tickets };
  },
  routes: ticketsRoutes,
  jobs: (s) => [
    { name: 'tickets.escalate', everyMs: 5 * 60_000, run: async () => JSON.stringify(await s.tickets.escalateDue()) },
  ],
  messages: [ticketsMessages],
  permissions: Object.keys(ticketsPermissions) as (keyof typeof ticketsPermissions)[],
  events: { 'tickets.*': ['tickets.read', 'tickets.handle', 'tickets.own'] },
  demo: ticketsDemo,
});
