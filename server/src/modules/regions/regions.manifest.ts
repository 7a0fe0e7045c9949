import { regionsPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import { createRegionsService, type RegionsService } from './regions.service';
import { regionsRoutes } from './regions.routes';
import type { RegionsTables } from './regions.tables';

declare module '../../platform/module' {
  interface ServiceMap {
    regions: RegionsService;
  }
}

export const regionsModule = defineModule<RegionsTables>()({
  name: 'regions',
  tables: [],
  provides: ['regions'],
  createServices({ core, db }, _d) {
    const regions = createRegionsService({ db, dialect: core.dialect });
    return { regions };
  },
  routes: regionsRoutes,
  permissions: Object.keys(regionsPermissions) as (keyof typeof regionsPermissions)[],
});
