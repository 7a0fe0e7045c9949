import { suppliesPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { SuppliesTables } from './supplies.tables';
import * as m0800 from './migrations/0800_supplies';
import { createSuppliesService, type SuppliesService } from './supplies.service';
import { suppliesRoutes } from './supplies.routes';
import { suppliesMessages } from './supplies.messages';
import { suppliesDemo } from './supplies.demo';

declare module '../../platform/module' {
  interface ServiceMap {
    supplies: SuppliesService;
  }
}

export const suppliesModule = defineModule<SuppliesTables>()({
  name: 'supplies',
  tables: [
    'supplyItem',
    'supplySetting',
    'stockPoint',
    'stock',
    'productionLine',
    'supplyDeclaration',
    'supplyDeclarationLine',
    'supplyDemand',
    'supplyAllocation',
    'supplyMovement',
  ],
  migrations: { '0800_supplies': m0800 },
  needs: ['regions', 'registry', 'reportFacts'],
  provides: ['supplies'],
  createServices: ({ core, db }, d) => ({
    supplies: createSuppliesService({
      db,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      regions: d.regions,
      registry: d.registry,
      reportFacts: d.reportFacts,
    }),
  }),
  routes: suppliesRoutes,
  jobs: (s) => [
    { name: 'supplies.flag_from_reports', everyMs: 3600_000, run: async () => `opened ${await s.supplies.flagFromReports()}` },
  ],
  messages: [suppliesMessages],
  permissions: Object.keys(suppliesPermissions) as (keyof typeof suppliesPermissions)[],
  events: { 'supplies.*': ['supplies.read', 'supplies.declare', 'supplies.receive'] },
  demo: suppliesDemo,
});
