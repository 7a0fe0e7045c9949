import type { PlatformTables } from '../../db/schema';

/** The audit log is written by the platform (`platform/audit.ts`) inside every module's transaction; this module reads it. */
export type AuditTables = Pick<PlatformTables, 'auditLog'>;
