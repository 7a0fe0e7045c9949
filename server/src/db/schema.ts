import type { Generated } from 'kysely';
import type { TicketsTables } from '../modules/tickets/tickets.tables';
import type { LiaisonTables } from '../modules/liaison/liaison.tables';
import type { ComplaintsTables } from '../modules/complaints/complaints.tables';
import type { EnforcementTables } from '../modules/enforcement/enforcement.tables';
import type { PeopleTables } from '../modules/people/people.tables';
import type { PassesTables } from '../modules/passes/passes.tables';
import type { IsolationTables } from '../modules/isolation/isolation.tables';
import type { VenuesTables } from '../modules/venues/venues.tables';
import type { RegistryTables } from '../modules/registry/registry.tables';
import type { FilingsTables } from '../modules/filings/filings.tables';
import type { ReportsTables } from '../modules/reports/reports.tables';
import type { ReportRollupTables } from '../modules/reports/report-rollup.tables';

// Table types, camelCase: the CamelCasePlugin maps them to snake_case columns.
// Each module's tables are declared in its own *.tables.ts and composed here.

export interface RegionTable {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  path: string;
  depth: number;
  sortOrder: number;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  passwordHash: string;
  phoneEnc: string | null;
  phoneMasked: string | null;
  locale: string;
  disabled: number;
  mustChangePassword: number;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface UserGrantTable {
  id: Generated<number>;
  userId: number;
  role: string;
  regionCode: string | null;
  regionPath: string | null;
  department: string | null;
  entityId: number | null;
  venueId: number | null;
}

export interface SessionTable {
  id: Generated<number>;
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  regionPath: string | null;
  ip: string | null;
  requestId: string | null;
  detail: string | null;
}

export interface JobLeaseTable {
  name: string;
  holder: string | null;
  expiresAt: string;
  lastRunAt: string | null;
  lastStatus: string | null;
}

export interface NotificationTable {
  id: Generated<number>;
  userId: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface PlatformTables {
  region: RegionTable;
  appUser: AppUserTable;
  userGrant: UserGrantTable;
  session: SessionTable;
  auditLog: AuditLogTable;
  jobLease: JobLeaseTable;
  notification: NotificationTable;
}

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
  EnforcementTables;
