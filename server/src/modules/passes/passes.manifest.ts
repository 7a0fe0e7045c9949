import { passesPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { PassesTables } from './passes.tables';
import * as m0710 from '../../db/migrations/0710_passes';
import { createCheckpointsService, type CheckpointsService } from './checkpoints.service';
import { createPassesService, type PassesService } from './passes.service';
import { passesRoutes } from './passes.routes';
import { passesMessages } from './passes.messages';

declare module '../../platform/module' {
  interface ServiceMap {
    checkpoints: CheckpointsService;
    passes: PassesService;
  }
}

export const passesModule = defineModule<PassesTables>()({
  name: 'passes',
  tables: ['passRule', 'pass', 'checkpoint', 'checkpointShift', 'passScan', 'passScanDaily'],
  migrations: { '0710_passes': m0710 },
  needs: ['regions', 'people'],
  provides: ['checkpoints', 'passes'],
  createServices({ core, db }, d) {
    const checkpoints = createCheckpointsService({ db, clock: core.clock, audit: core.audit, regions: d.regions });
    const passes = createPassesService({
      db,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      regions: d.regions,
      people: d.people,
      checkpoints,
    });
    return { checkpoints, passes };
  },
  routes: passesRoutes,
  messages: [passesMessages],
  permissions: Object.keys(passesPermissions) as (keyof typeof passesPermissions)[],
  events: { 'passes.*': 'passes.read' },
});
