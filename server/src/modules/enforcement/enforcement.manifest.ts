import { enforcementPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { EnforcementTables } from './enforcement.tables';
import * as m0501 from '../../db/migrations/0501_enforcement';
import * as m0510 from '../../db/migrations/0510_enforcement_rounds';
import { createEnforcementService, type EnforcementService } from './enforcement.service';
import { enforcementRoutes } from './enforcement.routes';
import { enforcementDemo } from './enforcement.demo';
import { enforcementMessages } from './enforcement.messages';

declare module '../../platform/module' {
  interface ServiceMap {
    enforcement: EnforcementService;
  }
}

export const enforcementModule = defineModule<EnforcementTables>()({
  name: 'enforcement',
  tables: ['inspectionChecklist', 'inspection', 'inspectionRound', 'inspectionVisit', 'rectificationNotice', 'closureOrder'],
  migrations: { '0501_enforcement': m0501, '0510_enforcement_rounds': m0510 },
  needs: ['regions', 'registry', 'filings', 'complaints'],
  provides: ['enforcement'],
  createServices({ core, db }, d) {
    const enforcement = createEnforcementService({
      db,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      regions: d.regions,
      registry: d.registry,
      filings: d.filings,
      complaints: d.complaints,
    });
    return { enforcement };
  },
  routes: enforcementRoutes,
  messages: [enforcementMessages],
  permissions: Object.keys(enforcementPermissions) as (keyof typeof enforcementPermissions)[],
  events: { 'enforcement.*': 'enforcement.read' },
  demo: enforcementDemo,
});
