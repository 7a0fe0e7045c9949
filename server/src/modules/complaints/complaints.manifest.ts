import { complaintsPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { ComplaintsTables } from './complaints.tables';
import * as m0500 from '../../db/migrations/0500_complaints';
import * as m0510 from '../../db/migrations/0510_complaint_attachments';
import { createComplaintsService, type ComplaintsService } from './complaints.service';
import { complaintsRoutes } from './complaints.routes';
import { complaintsDemo } from './complaints.demo';
import { complaintsMessages } from './complaints.messages';

declare module '../../platform/module' {
  interface ServiceMap {
    complaints: ComplaintsService;
  }
}

export const complaintsModule = defineModule<ComplaintsTables>()({
  name: 'complaints',
  tables: ['complaint', 'complaintEvent', 'complaintAttachment'],
  migrations: { '0500_complaints': m0500, '0510_complaint_attachments': m0510 },
  needs: ['regions', 'registry', 'tickets'],
  provides: ['complaints'],
  createServices({ core, db }, d) {
    const complaints = createComplaintsService({
      db,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      pii: core.pii,
      notifier: core.notifier,
      regions: d.regions,
      registry: d.registry,
      tickets: d.tickets,
      dataDir: core.config.dataDir,
    });
    return { complaints };
  },
  routes: complaintsRoutes,
  jobs: (s) => [
    { name: 'complaints.escalate', everyMs: 5 * 60_000, run: async () => `escalated ${await s.complaints.escalateDue()}` },
  ],
  messages: [complaintsMessages],
  permissions: Object.keys(complaintsPermissions) as (keyof typeof complaintsPermissions)[],
  events: { 'complaints.*': 'complaints.read' },
  demo: complaintsDemo,
});
