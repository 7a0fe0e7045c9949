import type { z } from 'zod';
import type { intentionBodySchema, intentionSchema, Page } from '@fugong/contract';
import { AppError, invalid } from '../../platform/errors';
import type { RequestContext } from '../../platform/context';
import { likeAny } from '../../platform/scope';
import { inPaths, labourPaths, readPaths, requireAny, requireLabourPaths } from './labour-access';
import { surveyRepo, type IntentionRow } from './survey.repo';
import type { LabourDeps } from './labour-deps';

type Intention = z.infer<typeof intentionSchema>;

/** 劳务输出意愿: grid workers record each household member's wish to stay, work locally or work away. */
export function createSurveyService(deps: LabourDeps) {
  const { db, clock, audit, regions } = deps;
  const repo = surveyRepo;
  function seePaths(ctx: RequestContext) {
    const actor = requireAny(ctx.actor, ['labour.read', 'labour.survey']);
    const r = readPaths(actor);
    const s = labourPaths(actor, 'labour.survey');
    return r === 'all' || s === 'all' ? ('all' as const) : [...r, ...s];
  }
  async function toItems(rows: IntentionRow[]): Promise<Intention[]> {
    const names = await regions.namesOf(rows.map((r) => r.regionCode));
    return rows.map((r) => ({
      id: Number(r.id),
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      household: r.household,
      personName: r.personName,
      intention: r.intention as Intention['intention'],
      trade: r.trade,
      destination: r.destination,
      surveyedOn: r.surveyedOn,
    }));
  }
  async function filter(ctx: RequestContext, q: { regionCode?: string; intention?: string }) {
    const paths = seePaths(ctx);
    const path = q.regionCode ? (await regions.resolve(q.regionCode)).path : null;
    if (path && !inPaths(paths, path)) throw new AppError('common.not_found', 404);
    return (eb: Parameters<Parameters<typeof repo.list>[1]>[0]) =>
      eb.and([
        likeAny('labour_intention.region_path', paths),
        ...(path ? [likeAny('labour_intention.region_path', [path])] : []),
        ...(q.intention ? [eb('labourIntention.intention', '=', q.intention)] : []),
      ]);
  }

  return {
    async record(ctx: RequestContext, b: z.output<typeof intentionBodySchema>): Promise<Intention> {
      const { actor, paths } = requireLabourPaths(ctx.actor, 'labour.survey');
      const region = await regions.resolve(b.regionCode);
      if (!inPaths(paths, region.path)) throw invalid([{ field: 'regionCode', message: 'labour.out_of_scope' }]);
      // households are surveyed where they live: a village/community or one of its grids
      if (region.level !== 'community' && region.level !== 'grid')
        throw invalid([{ field: 'regionCode', message: 'labour.survey_level' }]);
      if (b.intention !== 'away' && b.destination)
        throw invalid([{ field: 'destination', message: 'labour.destination_only_away' }]);
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repo.upsert(trx, {
          regionCode: region.code,
          regionPath: region.path,
          household: b.household,
          personName: b.personName,
          intention: b.intention,
          trade: b.trade ?? null,
          destination: b.destination ?? null,
          surveyedOn: b.surveyedOn,
          recordedBy: actor.id,
          updatedAt: clock.now().toISOString(),
        });
        await audit.record(trx, ctx, {
          action: 'labour.survey_record',
          targetType: 'labour_intention',
          targetId: id,
          regionPath: region.path,
        });
        return Number(id);
      });
      return (await toItems([(await repo.byId(db, id))!]))[0]!;
    },

    async list(
      ctx: RequestContext,
      q: { page: number; pageSize: number; regionCode?: string; intention?: string },
    ): Promise<Page<Intention>> {
      const where = await filter(ctx, q);
      const l = repo.list(db, where, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
      const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
      return { items: await toItems(rows), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    async rowsForExport(ctx: RequestContext, q: { regionCode?: string; intention?: string }, limit: number) {
      return toItems(await repo.list(db, await filter(ctx, q), { offset: 0, limit }).rows());
    },

    /** Households and answers per village/grid: where the survey stands. */
    async progress(ctx: RequestContext, q: { regionCode?: string }) {
      const rows = await repo.progress(db, await filter(ctx, q));
      const names = await regions.namesOf(rows.map((r) => r.regionCode));
      return rows.map((r) => ({
        regionCode: r.regionCode,
        regionName: names.get(r.regionCode) ?? null,
        households: Number(r.households),
        persons: Number(r.persons),
        away: Number(r.away ?? 0),
        local: Number(r.local ?? 0),
        stay: Number(r.stay ?? 0),
      }));
    },
  };
}
export type SurveyService = ReturnType<typeof createSurveyService>;
