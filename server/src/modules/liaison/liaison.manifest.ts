import { liaisonPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { LiaisonTables } from './liaison.tables';
import * as m0401 from '../../db/migrations/0401_liaison';
import * as m0402 from '../../db/migrations/0402_liaison_visit_photos';
import * as m0403 from '../../db/migrations/0403_liaison_team_edit';
import { createLiaisonService, type LiaisonService } from './liaison.service';
import { createVisitPhotosService, type VisitPhotosService } from './visit-photos.service';
import { createVisitLogService, type VisitLogService } from './visit-log.service';
import { liaisonRoutes } from './liaison.routes';
import { liaisonDemo } from './liaison.demo';
import { liaisonMessages } from './liaison.messages';

declare module '../../platform/module' {
  interface ServiceMap {
    liaison: LiaisonService;
    visitPhotos: VisitPhotosService;
    visitLog: VisitLogService;
  }
}

export const liaisonModule = defineModule<LiaisonTables>()({
  name: 'liaison',
  tables: ['liaisonTeam', 'liaisonTeamMember', 'liaisonAssignment', 'liaisonVisit', 'liaisonVisitPhoto'],
  migrations: { '0401_liaison': m0401, '0402_liaison_visit_photos': m0402, '0403_liaison_team_edit': m0403 },
  needs: ['regions', 'registry', 'tickets'],
  provides: ['liaison', 'visitPhotos', 'visitLog'],
  createServices({ core, db }, d) {
    const liaison = createLiaisonService({
      db,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      regions: d.regions,
      registry: d.registry,
      tickets: d.tickets,
    });
    const visitPhotos = createVisitPhotosService({
      db,
      clock: core.clock,
      audit: core.audit,
      dataDir: core.config.dataDir,
    });
    const visitLog = createVisitLogService({ db, audit: core.audit, regions: d.regions, tickets: d.tickets });
    return { liaison, visitPhotos, visitLog };
  },
  routes: liaisonRoutes,
  messages: [liaisonMessages],
  permissions: Object.keys(liaisonPermissions) as (keyof typeof liaisonPermissions)[],
  events: { 'liaison.*': 'liaison.read' },
  demo: liaisonDemo,
});
