import type { WebModule } from './types';
import { platformModule } from './platform/index';
import { registryModule } from './registry/index';
import { reportsModule } from './reports/index';
import { dashboardModule } from './dashboard/index';
import { filingsModule } from './filings/index';
import { ticketsModule } from './tickets/index';
import { complaintsModule } from './complaints/index';
import { enforcementModule } from './enforcement/index';
import { liaisonModule } from './liaison/index';
import { venuesModule } from './venues/index';
import { peopleModule } from './people/index';
import { passesModule } from './passes/index';
import { isolationModule } from './isolation/index';
import { suppliesModule } from './supplies/index';
import { policiesModule } from './policies/index';
import { labourModule } from './labour/index';
import { financeModule } from './finance/index';
import { projectsModule } from './projects/index';

export { LoginPage } from './platform/index';

/** Every business module's pages; adding a module is one line here. */
export const webModules: WebModule[] = [
  platformModule,
  registryModule,
  reportsModule,
  dashboardModule,
  filingsModule,
  ticketsModule,
  complaintsModule,
  enforcementModule,
  liaisonModule,
  venuesModule,
  peopleModule,
  passesModule,
  isolationModule,
  suppliesModule,
  policiesModule,
  labourModule,
  financeModule,
  projectsModule,
];
