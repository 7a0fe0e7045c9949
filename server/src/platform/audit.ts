import type { Insertable, Kysely } from 'kysely';
import type { AnyQueryable, AuditLogTable, PlatformTables } from '../db/schema';
import { preparedQuery, preparedRows } from '../db/prepared';
import type { Clock } from './clock';
import type { RequestContext } from './context';

export interface AuditRecord {
  action: string;
  targetType?: string;
  targetId?: string | number;
  regionPath?: string | null;
  detail?: unknown;
}

/** An audit row as written, taken at the moment of the change (for writes a group commit gathers). */
export type AuditEntry = Required<Omit<Insertable<AuditLogTable>, 'id'>>;

export interface Audit {
  /** Write inside the caller's transaction, so the record exists if and only if the change does. */
  record(db: AnyQueryable, ctx: RequestContext, rec: AuditRecord): Promise<void>;
  /** The row `record` would write now, to be written later in the same transaction by `recordAll`. */
  entry(ctx: RequestContext, rec: AuditRecord): AuditEntry;
  /** Writes entries in one statement (a batch of a group commit), in their order. */
  recordAll(db: AnyQueryable, entries: readonly AuditEntry[]): Promise<void>;
}

const COLUMNS = [
  'at',
  'actorId',
  'actorName',
  'action',
  'targetType',
  'targetId',
  'regionPath',
  'ip',
  'requestId',
  'detail',
] as const;

// every write on every request path appends one of these: compiled once
const insertAudit = preparedQuery('audit.insertAudit', (db: Kysely<PlatformTables>, p: AuditEntry) =>
  db.insertInto('auditLog').values({
    at: p.at,
    actorId: p.actorId,
    actorName: p.actorName,
    action: p.action,
    targetType: p.targetType,
    targetId: p.targetId,
    regionPath: p.regionPath,
    ip: p.ip,
    requestId: p.requestId,
    detail: p.detail,
  }),
);
// the same for the units of a group commit batch: one statement for all of them
const insertAuditRows = preparedRows(
  'audit.insertAuditRows',
  (db: Kysely<PlatformTables>, rows) => db.insertInto('auditLog').values(rows as unknown as AuditEntry[]),
  COLUMNS,
);

export function createAudit({ clock }: { clock: Clock }): Audit {
  const row = (ctx: RequestContext, rec: AuditRecord): AuditEntry => ({
    at: clock.now().toISOString(),
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.username ?? null,
    action: rec.action,
    targetType: rec.targetType ?? null,
    targetId: rec.targetId == null ? null : String(rec.targetId),
    regionPath: rec.regionPath ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    detail: rec.detail === undefined ? null : JSON.stringify(rec.detail),
  });
  return {
    async record(db, ctx, rec) {
      await insertAudit(db, row(ctx, rec));
    },
    entry: row,
    async recordAll(db, entries) {
      if (entries.length)
        await insertAuditRows(
          db,
          entries.map((r) => COLUMNS.map((c) => r[c])),
        );
    },
  };
}

/**
 * The officials' entries about one record, newest first (a person may see who looked at their
 * record). Entries without an actor (the system's own jobs) are left out. Modules read the log only
 * through this: it is the platform's table.
 */
export function auditTrail(db: AnyQueryable, target: { type: string; id: string | number }, limit: number) {
  return (db as Kysely<PlatformTables>)
    .selectFrom('auditLog')
    .select(['at', 'actorName', 'action'])
    .where('targetType', '=', target.type)
    .where('targetId', '=', String(target.id))
    .where('actorId', 'is not', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
