import { sql } from 'kysely';
import type { ModuleDb } from '../../platform/module';
import { pathPrefix } from '../../db/sql-helpers';
import type { ReportsOwnTables } from './reports.tables';

/** One entity's latest daily report, as other modules read it (supplies: staff on duty, supply days left). */
export interface ReportFact {
  entityId: number;
  reportDate: string;
  staffOnDuty: number;
  supplyDaysLeft: number;
}

/**
 * Facts of the latest daily reports for other modules, without a permission check (the caller checked
 * its own). Reads only; kept apart from the daily-report service so its callers need nothing else.
 */
export function createReportFactsService({ db }: { db: ModuleDb<ReportsOwnTables> }) {
  const toFact = (r: { entityId: unknown; reportDate: string; staffOnDuty: unknown; supplyDaysLeft: unknown }): ReportFact => ({
    entityId: Number(r.entityId),
    reportDate: r.reportDate,
    staffOnDuty: Number(r.staffOnDuty),
    supplyDaysLeft: Number(r.supplyDaysLeft),
  });
  return {
    /** Each entity's report of the latest day on or after `since`; entities without one are absent. */
    async latestFor(entityIds: number[], since: string): Promise<Map<number, ReportFact>> {
      const ids = [...new Set(entityIds)];
      if (ids.length === 0) return new Map();
      const out = new Map<number, ReportFact>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom('dailyReport')
          .select(['entityId', 'reportDate', 'staffOnDuty', 'supplyDaysLeft'])
          .where('entityId', 'in', ids.slice(i, i + 500))
          .where('reportDate', '>=', since)
          .orderBy('reportDate', 'asc')
          .execute();
        // ascending: the last row seen per entity is its latest
        for (const r of rows) out.set(Number(r.entityId), toFact(r));
      }
      return out;
    },

    /** Entities under `path` whose latest report on or after `since` has fewer than `days` supply days left. */
    async lowSupply(path: string, since: string, days: number): Promise<ReportFact[]> {
      const rows = await db
        .selectFrom('dailyReport as r')
        .select(['r.entityId', 'r.reportDate', 'r.staffOnDuty', 'r.supplyDaysLeft'])
        .where('r.reportDate', '>=', since)
        .where(sql<boolean>`r.region_path like ${pathPrefix(path)} escape '\\'`)
        .where('r.supplyDaysLeft', '<', days)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('dailyReport as later')
                .select('later.id')
                .whereRef('later.entityId', '=', 'r.entityId')
                .whereRef('later.reportDate', '>', 'r.reportDate'),
            ),
          ),
        )
        .execute();
      return rows.map(toFact);
    },

    /** Staff on duty under `path`, summed over each entity's latest report on or after `since`. */
    async staffOnDutyUnder(path: string, since: string): Promise<number> {
      const r = await db
        .selectFrom('dailyReport as r')
        .select((eb) => eb.fn.sum<number>('r.staffOnDuty').as('staff'))
        .where('r.reportDate', '>=', since)
        .where(sql<boolean>`r.region_path like ${pathPrefix(path)} escape '\\'`)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('dailyReport as later')
                .select('later.id')
                .whereRef('later.entityId', '=', 'r.entityId')
                .whereRef('later.reportDate', '>', 'r.reportDate'),
            ),
          ),
        )
        .executeTakeFirst();
      return Number(r?.staff ?? 0);
    },
  };
}
export type ReportFactsService = ReturnType<typeof createReportFactsService>;

declare module '../../platform/module' {
  interface ServiceMap {
    reportFacts: ReportFactsService;
  }
}
