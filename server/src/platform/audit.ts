import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
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

export function createAudit({ clock }: { clock: Clock }): Audit {
  return {
    async record(db, ctx, rec) {
      await db
        .insertInto('auditLog')
        .values({
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
        })
        .execute();
    },
  };
}
