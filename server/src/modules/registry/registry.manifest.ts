import { registryPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { RegistryTables } from './registry.tables';
import * as m0100 from '../../db/migrations/0100_registry';
import * as m0101 from '../../db/migrations/0101_registry_regno';
import * as m0102 from '../../db/migrations/0102_entity_count';
import * as m0103 from '../../db/migrations/0103_entity_count';
import * as m0104 from '../../db/migrations/0104_entity_count_collation';
import { createRegistryService, type RegistryService } from './registry.service';
import { createRegistryStatsService, type RegistryStatsService } from './registry-stats.service';
import { registryRoutes } from './registry.routes';
import { registryMessages } from './registry.messages';
import { registryDemo } from './registry.demo';

declare module '../../platform/module' {
  interface ServiceMap {
    registry: RegistryService;
    registryStats: RegistryStatsService;
  }
}

export const registryModule = defineModule<RegistryTables>()({
  name: 'registry',
  tables: ['entity', 'entityCountDelta', 'entityStatusHistory', 'entityImportJob'],
  migrations: {
    '0100_registry': m0100,
    '0101_registry_regno': m0101,
    '0102_entity_count': m0102,
    '0103_entity_count': m0103,
    '0104_entity_count_collation': m0104,
  },
  needs: ['regions'],
  provides: ['registry', 'registryStats'],
  createServices({ core, db }, d) {
    const registry = createRegistryService({
      db,
      dialect: core.dialect,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      pii: core.pii,
      regions: d.regions,
    });
    const registryStats = createRegistryStatsService({ db, audit: core.audit });
    return { registry, registryStats };
  },
  routes: registryRoutes,
  messages: [registryMessages],
  permissions: Object.keys(registryPermissions) as (keyof typeof registryPermissions)[],
  events: { 'registry.*': ['registry.read', 'registry.own'] },
  demo: registryDemo,
});
