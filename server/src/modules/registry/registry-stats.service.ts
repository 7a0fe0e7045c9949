import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Audit } from '../../platform/audit';
import type { RequestContext } from '../../platform/context';
import type { Scope } from '../../platform/permissions';
import { registryStatsRepo } from './registry-stats.repo';

export type { EntityAttrs, ResumptionFactRow } from './registry-stats.repo';

/**
 * Aggregates over the registry for other modules (the dashboard, daily reports): read-only
 * except `backfill`, which records statuses an entity had before the platform knew it (demo
 * data, migrations from the spreadsheets districts kept in spring 2020). Callers check their
 * own permissions; these functions take resolved scopes and paths.
 */
export function createRegistryStatsService({ db, audit }: { db: Kysely<DB>; audit: Audit }) {
  const repo = registryStatsRepo;
  return {
    /** Grouped entity counts of a subtree as they stood at the instant `end` (UTC ISO). */
    resumptionFacts: (rootPath: string, end: string, childLen: number | null) => repo.resumptionFacts(db, rootPath, end, childLen),
    resumptionTotals: (rootPath: string, end: string) => repo.resumptionTotals(db, rootPath, end),
    resumedIn: (scope: Scope, underPath: string | null) => repo.resumedIn(db, scope, underPath),
    entitiesUnder: (rootPath: string) => repo.entitiesUnder(db, rootPath),
    boundToUsers: (ids: number[]) => repo.boundToUsers(db, ids),

    /**
     * Backdates the registration of `registeredIds` to `registeredAt` and resumes each group of
     * `resumptions` at its moment, in one transaction with one audit record.
     */
    async backfill(ctx: RequestContext, registeredIds: number[], registeredAt: string, resumptions: { at: string; ids: number[] }[], reason: string): Promise<number> {
      return db.transaction().execute(async (trx) => {
        await repo.backdateCreation(trx, registeredIds, registeredAt);
        let moved = 0;
        for (const r of resumptions) moved += await repo.resumeAt(trx, r.ids, r.at, reason);
        await audit.record(trx, ctx, { action: 'registry.backfill', targetType: 'entity', detail: { registered: registeredIds.length, resumed: moved, reason } });
        return moved;
      });
    },
  };
}
export type RegistryStatsService = ReturnType<typeof createRegistryStatsService>;
