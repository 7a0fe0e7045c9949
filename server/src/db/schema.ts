import type { Kysely, Transaction } from 'kysely';
import type { Generated } from 'kysely';

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

/**
 * A handle on any module's database or transaction: what the platform's own writers (audit,
 * notifications, sessions, jobs) take, since every module calls them inside its own transaction.
 * They touch only the platform's tables.
 */
export type AnyQueryable = Kysely<any> | Transaction<any>;
export type AnyDb = Kysely<any>;
export type AnyTrx = Transaction<any>;
