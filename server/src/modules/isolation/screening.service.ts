import type { Selectable } from 'kysely';
import type { Campaign, GridProgress } from '@fugong/contract';
import type { ModuleDb } from '../../platform/module';
import type { IsolationTables } from './isolation.tables';
import { localDate, type Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { inRegionScope, requirePermission, scopeOf } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import type { ScreeningCampaignTable } from './isolation.tables';
import { screeningRepo } from './screening.repo';
import { screeningExport } from './isolation-export';

interface Deps {
  db: ModuleDb<IsolationTables>;
  clock: Clock;
  audit: Audit;
  regions: RegionsService;
}

/** 三级网格化排查: a campaign over a region, a household target per grid, visits reported by grid workers. */
export function createScreeningService({ db, clock, audit, regions }: Deps) {
  const repo = screeningRepo();

  async function toCampaigns(rows: Selectable<ScreeningCampaignTable>[]): Promise<Campaign[]> {
    const ids = rows.map((r) => r.id);
    const names = await regions.namesOf(rows.map((r) => r.regionCode));
    const targets = new Map((await repo.totals(db, ids)).map((t) => [t.campaignId, Number(t.target ?? 0)]));
    const visits = new Map((await repo.visitedTotals(db, ids)).map((v) => [v.campaignId, v]));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      startDate: r.startDate,
      endDate: r.endDate,
      householdsTarget: targets.get(r.id) ?? 0,
      householdsVisited: Number(visits.get(r.id)?.households ?? 0),
      peopleRecorded: Number(visits.get(r.id)?.people ?? 0),
    }));
  }

  async function loadVisible(ctx: RequestContext, id: number) {
    const actor = requirePermission(ctx.actor, 'isolation.screening');
    const scope = scopeOf(actor, 'isolation.screening');
    const row = await repo.byId(db, id);
    // visible when the campaign lies in the scope or covers part of it
    if (!row || !(scope.all || scope.regionPaths.some((p) => p.startsWith(row.regionPath) || row.regionPath.startsWith(p))))
      throw new AppError('common.not_found', 404);
    return { actor, scope, row };
  }

  return {
    async list(ctx: RequestContext): Promise<Campaign[]> {
      const actor = requirePermission(ctx.actor, 'isolation.screening');
      const scope = scopeOf(actor, 'isolation.screening');
      return toCampaigns(await repo.list(db, scope, scope.regionPaths));
    },
    async create(
      ctx: RequestContext,
      input: { name: string; regionCode: string; startDate: string; endDate: string; householdsPerGrid: number },
    ): Promise<number> {
      const actor = requirePermission(ctx.actor, 'isolation.screening');
      const region = await regions.resolve(input.regionCode);
      if (!inRegionScope(scopeOf(actor, 'isolation.screening'), region.path)) {
        throw new AppError('common.validation_failed', 400, {}, [{ field: 'regionCode', message: 'people.region_out_of_scope' }]);
      }
      const grids = await regions.descendantsAt(region.path, 'grid');
      return db.transaction().execute(async (trx) => {
        const { id } = await repo.insert(trx, {
          name: input.name,
          regionCode: region.code,
          regionPath: region.path,
          startDate: input.startDate,
          endDate: input.endDate,
          createdAt: clock.now().toISOString(),
          createdBy: actor.id,
        });
        await repo.insertTargets(
          trx,
          grids.map((g) => ({ campaignId: Number(id), gridCode: g.code, gridPath: g.path, households: input.householdsPerGrid })),
        );
        await audit.record(trx, ctx, {
          action: 'isolation.screening_create',
          targetType: 'screening_campaign',
          targetId: Number(id),
          regionPath: region.path,
          detail: { grids: grids.length },
        });
        return Number(id);
      });
    },
    async progress(ctx: RequestContext, id: number): Promise<{ campaign: Campaign; grids: GridProgress[] }> {
      const { scope, row } = await loadVisible(ctx, id);
      const targets = await repo.targets(db, id, scope);
      const visited = new Map((await repo.visitedByGrid(db, id)).map((v) => [v.gridCode, v]));
      const names = await regions.namesOf(targets.map((t) => t.gridCode.slice(0, 12)).concat(targets.map((t) => t.gridCode)));
      const grids = targets.map((t) => {
        const v = visited.get(t.gridCode);
        const households = Number(v?.households ?? 0);
        return {
          gridCode: t.gridCode,
          gridName: `${names.get(t.gridCode.slice(0, 12)) ?? ''}${names.get(t.gridCode) ?? t.gridCode}`,
          householdsTarget: t.households,
          householdsVisited: households,
          peopleRecorded: Number(v?.people ?? 0),
          progress: t.households ? Math.min(1, households / t.households) : 0,
        };
      });
      return { campaign: (await toCampaigns([row]))[0]!, grids };
    },
    /** Progress per grid as .xlsx, total last; the export is audited. */
    async exportProgress(ctx: RequestContext, id: number): Promise<Buffer> {
      const { campaign, grids } = await this.progress(ctx, id);
      const { row } = await loadVisible(ctx, id);
      await audit.record(db, ctx, {
        action: 'isolation.screening_export',
        targetType: 'screening_campaign',
        targetId: id,
        regionPath: row.regionPath,
        detail: { grids: grids.length },
      });
      return screeningExport(ctx.locale, campaign.name, grids);
    },
    async recordVisit(
      ctx: RequestContext,
      id: number,
      input: { gridCode: string; date?: string; householdsVisited: number; peopleRecorded: number; note?: string },
    ): Promise<void> {
      const { actor, scope } = await loadVisible(ctx, id);
      const target = await repo.target(db, id, input.gridCode);
      if (!target || !inRegionScope(scope, target.gridPath)) {
        throw new AppError('common.validation_failed', 400, {}, [{ field: 'gridCode', message: 'isolation.unknown_grid' }]);
      }
      await db.transaction().execute(async (trx) => {
        await repo.insertVisit(trx, {
          campaignId: id,
          gridCode: target.gridCode,
          gridPath: target.gridPath,
          date: input.date ?? localDate(clock.now()),
          householdsVisited: input.householdsVisited,
          peopleRecorded: input.peopleRecorded,
          note: input.note ?? null,
          at: clock.now().toISOString(),
          by: actor.id,
        });
        await audit.record(trx, ctx, {
          action: 'isolation.screening_visit',
          targetType: 'screening_campaign',
          targetId: id,
          regionPath: target.gridPath,
          detail: { households: input.householdsVisited, people: input.peopleRecorded },
        });
      });
    },
  };
}
export type ScreeningService = ReturnType<typeof createScreeningService>;
