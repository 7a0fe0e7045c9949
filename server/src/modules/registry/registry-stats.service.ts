import type { Audit } from '../../platform/audit';
import type { RequestContext } from '../../platform/context';
import type { Scope } from '../../platform/permissions';
import type { ModuleDb } from '../../platform/module';
import { usersWith } from '../../platform/grants';
import { registryStatsRepo } from './registry-stats.repo';
import { entityCountsRepo } from './entity-counts.repo';
import type { RegistryTables } from './registry.tables';

export type { EntityAttrs, ResumptionFactRow } from './registry-stats.repo';

/**
 * Aggregates over the registry for other modules (the dashboard, daily reports): read-only
 * except `backfill`, which records statuses an entity had before the platform knew it (demo
 * data, migrations from the spreadsheets districts kept in spring 2020). Callers check their
 * own permissions; these functions take resolved scopes and paths.
 */
export function createRegistryStatsService({ db, audit }: { db: ModuleDb<RegistryTables>; audit: Audit }) {
  const repo = registryStatsRepo;
  return {
    /** Grouped entity counts of a subtree as they stood at the end of the local day `date`, from the count rollup. */
    resumptionFacts: (rootPath: string, date: string, childLen: number | null) =>
      repo.resumptionFacts(db, rootPath, date, childLen),
    /** The same recomputed from the entities and their status history at the instant `end` (checks of the rollup). */
    resumptionFactsFromEntities: (rootPath: string, end: string, childLen: number | null) =>
      repo.resumptionFactsFromEntities(db, rootPath, end, childLen),
    /** Total and resumed of a subtree at the end of each day in [from, to]. */
    resumptionTotalsByDay: (rootPath: string, from: string, to: string) => repo.resumptionTotalsByDay(db, rootPath, from, to),
    /** Recomputes the count rollup from the status history, in one transaction; returns the entities counted. */
    rebuildCounts: () => db.transaction().execute((trx) => entityCountsRepo.rebuildCounts(trx)),
    resumedIn: (scope: Scope, underPath: string | null) => repo.resumedIn(db, scope, underPath),
    entitiesUnder: (rootPath: string) => repo.entitiesUnder(db, rootPath),
    /** Which of the entities an enterprise account is bound to (disabled accounts too: the binding stands). */
    async boundToUsers(ids: number[]): Promise<Set<number>> {
      const want = new Set(ids);
      const holders = await usersWith(db, { role: 'enterprise', includeDisabled: true });
      return new Set(holders.flatMap((h) => (h.entityId !== null && want.has(h.entityId) ? [h.entityId] : [])));
    },

    /**
     * Backdates the registration of `registeredIds` to `registeredAt` and resumes each group of
     * `resumptions` at its moment, in one transaction with one audit record.
     */
    async backfill(
      ctx: RequestContext,
      registeredIds: number[],
      registeredAt: string,
      resumptions: { at: string; ids: number[] }[],
      reason: string,
    ): Promise<number> {
      const touched = [...new Set([...registeredIds, ...resumptions.flatMap((r) => r.ids)])];
      return db.transaction().execute(async (trx) => {
        const moved = await entityCountsRepo.trackCounts(trx, touched, async () => {
          await repo.backdateCreation(trx, registeredIds, registeredAt);
          let n = 0;
          for (const r of resumptions) n += await repo.resumeAt(trx, r.ids, r.at, reason);
          return n;
        });
        await audit.record(trx, ctx, {
          action: 'registry.backfill',
          targetType: 'entity',
          detail: { registered: registeredIds.length, resumed: moved, reason },
        });
        return moved;
      });
    },
  };
}
export type RegistryStatsService = ReturnType<typeof createRegistryStatsService>;
