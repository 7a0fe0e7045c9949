import type { Insertable, Kysely, Transaction } from 'kysely';
import type { AuditLogTable, DB } from '../db/schema';
import { preparedQuery } from '../db/prepared';
import type { Clock } from './clock';
import type { RequestContext } from './context';

export interface AuditRecord {
  action: string;
  targetType?: string;
  targetId?: string | number;
  regionPath?: string | null;
  detail?: unknown;
}

export interface Audit {
  /** Write inside the caller's transaction, so the record exists if and only if the change does. */
  record(db: Kysely<DB> | Transaction<DB>, ctx: RequestContext, rec: AuditRecord): Promise<void>;
}

// every write on every request path appends one of these: compiled once
const insertAudit = preparedQuery((db, p: Required<Omit<Insertable<AuditLogTable>, 'id'>>) =>
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

export function createAudit({ clock }: { clock: Clock }): Audit {
  return {
    async record(db, ctx, rec) {
      await insertAudit(db, {
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
    },
  };
}
