import { isolationPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { IsolationTables } from './isolation.tables';
import * as m0720 from '../../db/migrations/0720_isolation';
import { createIsolationService, type IsolationService } from './isolation.service';
import { createSealedBuildingsService, type SealedBuildingsService } from './sealed-buildings.service';
import { createScreeningService, type ScreeningService } from './screening.service';
import { createSelfService, type SelfService } from './self-service.service';
import { isolationRoutes } from './isolation.routes';
import { isolationMessages } from './isolation.messages';
import { preventionDemo } from './prevention.demo';

declare module '../../platform/module' {
  interface ServiceMap {
    isolation: IsolationService;
    sealedBuildings: SealedBuildingsService;
    screening: ScreeningService;
    selfService: SelfService;
  }
}

export const isolationModule = defineModule<IsolationTables>()({
  name: 'isolation',
  tables: [
    'riskRuleSet',
    'riskAssessment',
    'isolation',
    'isolationCheckin',
    'isolationDaily',
    'sealedBuilding',
    'sealedBuildingStatus',
    'screeningCampaign',
    'screeningTarget',
    'screeningVisit',
  ],
  migrations: { '0720_isolation': m0720 },
  needs: ['regions', 'people', 'passes'],
  provides: ['isolation', 'sealedBuildings', 'screening', 'selfService'],
  createServices({ core, db }, d) {
    const isolation = createIsolationService({
      db,
      dialect: core.dialect,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      pii: core.pii,
      regions: d.regions,
      people: d.people,
      passes: d.passes,
      notifier: core.notifier,
      retentionDays: core.config.healthRetentionDays,
    });
    const sealedBuildings = createSealedBuildingsService({
      db,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      regions: d.regions,
    });
    const screening = createScreeningService({ db, clock: core.clock, audit: core.audit, regions: d.regions });
    const selfService = createSelfService({
      db,
      audit: core.audit,
      regions: d.regions,
      people: d.people,
      passes: d.passes,
      isolation,
    });
    return { isolation, sealedBuildings, screening, selfService };
  },
  routes: isolationRoutes,
  messages: [isolationMessages],
  jobs: (s) => [
    {
      name: 'isolation.missed-checkins',
      everyMs: 3600_000,
      run: async () => `alerted ${await s.isolation.alertMissedCheckins()}`,
    },
    {
      name: 'isolation.retention',
      everyMs: 6 * 3600_000,
      run: async () => JSON.stringify(await s.isolation.purgeExpiredHealthData()),
    },
  ],
  permissions: Object.keys(isolationPermissions) as (keyof typeof isolationPermissions)[],
  events: { 'isolation.*': 'isolation.read' },
  demo: preventionDemo,
});
