import type { PlatformTables } from '../db/schema';
import type { TicketsTables } from './tickets/tickets.tables';
import type { LiaisonTables } from './liaison/liaison.tables';
import type { ComplaintsTables } from './complaints/complaints.tables';
import type { EnforcementTables } from './enforcement/enforcement.tables';
import type { PeopleTables } from './people/people.tables';
import type { PassesTables } from './passes/passes.tables';
import type { IsolationTables } from './isolation/isolation.tables';
import type { VenuesTables } from './venues/venues.tables';
import type { RegistryTables } from './registry/registry.tables';
import type { FilingsTables } from './filings/filings.tables';
import type { ReportsTables } from './reports/reports.tables';
import type { ReportRollupTables } from './reports/report-rollup.tables';
import type { SuppliesTables } from './supplies/supplies.tables';
import type { PoliciesTables } from './policies/policies.tables';
import type { LabourTables } from './labour/labour.tables';
import type { FinanceTables } from './finance/finance.tables';
import type { ProjectsTables } from './projects/projects.tables';

/**
 * Every table of the app: the platform's and each module's (declared in its `*.tables.ts`). Only the
 * composition root, migrations' tests and the demo generator see this; a module sees its own tables.
 */
export type DB = PlatformTables &
  RegistryTables &
  FilingsTables &
  ReportsTables &
  ReportRollupTables &
  VenuesTables &
  PeopleTables &
  PassesTables &
  IsolationTables &
  TicketsTables &
  LiaisonTables &
  ComplaintsTables &
  EnforcementTables &
  SuppliesTables &
  PoliciesTables &
  LabourTables &
  FinanceTables &
  ProjectsTables;
