import { labourPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { LabourTables } from './labour.tables';
import * as m0900 from './migrations/0900_labour';
import { createLabourService, type LabourService } from './labour.service';
import { labourRoutes } from './labour.routes';
import { labourDemo } from './labour.demo';
import { labourMessages } from './labour.messages';

declare module '../../platform/module' {
  interface ServiceMap {
    labour: LabourService;
  }
}

export const labourModule = defineModule<LabourTables>()({
  name: 'labour',
  tables: [
    'jobFair',
    'jobFairVisitDay',
    'jobPosting',
    'jobApplication',
    'sharedStaff',
    'sharedStaffPlacement',
    'transportBatch',
    'transportPassenger',
    'labourIntention',
  ],
  migrations: { '0900_labour': m0900 },
  needs: ['regions', 'registry', 'people'],
  provides: ['labour'],
  createServices({ core, db }, d) {
    const labour = createLabourService({
      db,
      dialect: core.dialect,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      pii: core.pii,
      regions: d.regions,
      registry: d.registry,
      people: d.people,
    });
    return { labour };
  },
  routes: labourRoutes,
  messages: [labourMessages],
  permissions: Object.keys(labourPermissions) as (keyof typeof labourPermissions)[],
  events: { 'labour.*': 'labour.read' },
  demo: labourDemo,
});
