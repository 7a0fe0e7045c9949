import type { ModuleManifest } from '../platform/module';
import type { MigrationModule } from '../db/migrate';
import { platformMigrations } from '../db/migrations/index';
import { regionsModule } from './regions/regions.manifest';
import { usersModule } from './users/users.manifest';
import { auditModule } from './audit/audit.manifest';
import { registryModule } from './registry/registry.manifest';
import { reportsModule } from './reports/reports.manifest';
import { dashboardModule } from './dashboard/dashboard.manifest';
import { filingsModule } from './filings/filings.manifest';
import { ticketsModule } from './tickets/tickets.manifest';
import { complaintsModule } from './complaints/complaints.manifest';
import { venuesModule } from './venues/venues.manifest';
import { peopleModule } from './people/people.manifest';
import { passesModule } from './passes/passes.manifest';
import { isolationModule } from './isolation/isolation.manifest';
import { enforcementModule } from './enforcement/enforcement.manifest';
import { liaisonModule } from './liaison/liaison.manifest';
import { suppliesModule } from './supplies/supplies.manifest';
import { policiesModule } from './policies/policies.manifest';
import { labourModule } from './labour/labour.manifest';
import { financeModule } from './finance/finance.manifest';
import { projectsModule } from './projects/projects.manifest';

/**
 * Every business module, once. Adding a module is one line here (and one in the web's list).
 * Services are built in dependency order whatever the order here; demo steps run in this order.
 */
export const serverModules: readonly ModuleManifest[] = [
  regionsModule,
  usersModule,
  auditModule,
  registryModule,
  reportsModule,
  dashboardModule,
  filingsModule,
  ticketsModule,
  complaintsModule,
  venuesModule,
  peopleModule,
  passesModule,
  isolationModule,
  enforcementModule,
  liaisonModule,
  suppliesModule,
  policiesModule,
  labourModule,
  financeModule,
  projectsModule,
];

/** The platform's migrations and every module's, by name. */
export function allMigrations(modules: readonly ModuleManifest[] = serverModules): Record<string, MigrationModule> {
  const out: Record<string, MigrationModule> = { ...platformMigrations };
  for (const m of modules)
    for (const [name, mig] of Object.entries(m.migrations)) {
      if (out[name]) throw new Error(`migration ${name} is declared twice (module ${m.name})`);
      out[name] = mig;
    }
  return out;
}
