import type { LabourFigures, LabourStats } from '@fugong/contract';
import { AppError } from '../../platform/errors';
import type { RequestContext } from '../../platform/context';
import { inPaths, readPaths, requireAny } from './labour-access';
import { labourStatsRepo, type Period } from './labour-stats.repo';
import type { LabourDeps } from './labour-deps';

const FIRST_DAY = '1900-01-01';
const LAST_DAY = '9999-12-31';
const utcStart = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

interface Acc extends Omit<LabourFigures, 'enterprises' | 'provinces'> {
  entities: Set<number>;
  provinceSet: Set<string>;
}
const empty = (): Acc => ({
  fairs: 0,
  onlineFairs: 0,
  liveFairs: 0,
  visits: 0,
  entities: new Set(),
  postings: 0,
  places: 0,
  applications: 0,
  intentions: 0,
  hires: 0,
  placements: 0,
  sharedWorkers: 0,
  transportBatches: 0,
  transported: 0,
  provinceSet: new Set(),
  surveyed: 0,
  wishAway: 0,
});
const figures = ({ entities, provinceSet, ...a }: Acc): LabourFigures => ({
  ...a,
  enterprises: entities.size,
  provinces: [...provinceSet].sort(),
});

/** 用工 figures for a region subtree and period, counted from the records, with one row per child region. */
export function createLabourStatsService(deps: LabourDeps) {
  const { db, regions } = deps;
  const repo = labourStatsRepo;

  return {
    async stats(ctx: RequestContext, q: { regionCode?: string; from?: string; to?: string }): Promise<LabourStats> {
      const actor = requireAny(ctx.actor, ['labour.read', 'labour.review', 'labour.fairs']);
      const paths = readPaths(actor);
      const code = q.regionCode ?? (paths === 'all' ? undefined : paths[0]?.split('/').filter(Boolean).pop());
      if (!code)
        throw new AppError('common.validation_failed', 400, {}, [{ field: 'regionCode', message: 'validation.required' }]);
      const root = await regions.resolve(code);
      if (!inPaths(paths, root.path)) throw new AppError('common.not_found', 404);
      const from = q.from ?? FIRST_DAY;
      const to = q.to ?? LAST_DAY;
      const p: Period = {
        path: root.path,
        from,
        to,
        fromIso: utcStart(from),
        toIso: to === LAST_DAY ? '9999' : utcStart(nextDay(to)),
      };
      const [fairs, visits, postings, apps, placements, transport, survey] = await Promise.all([
        repo.fairs(db, p),
        repo.visits(db, p),
        repo.postings(db, p),
        repo.applications(db, p),
        repo.placements(db, p),
        repo.transport(db, p),
        repo.survey(db, p),
      ]);
      const total = empty();
      const children = new Map<string, Acc>();
      const depth = root.path.split('/').filter(Boolean).length;
      // a row counts for the root and for the child whose subtree holds it (none when it sits on the root itself)
      const accsOf = (path: string): Acc[] => {
        const child = path.split('/').filter(Boolean)[depth];
        if (!child) return [total];
        if (!children.has(child)) children.set(child, empty());
        return [total, children.get(child)!];
      };
      for (const r of fairs)
        for (const a of accsOf(r.regionPath)) {
          a.fairs += Number(r.n);
          if (r.kind === 'online') a.onlineFairs += Number(r.n);
          else a.liveFairs += Number(r.n);
        }
      for (const r of visits) for (const a of accsOf(r.regionPath)) a.visits += Number(r.n ?? 0);
      for (const r of postings)
        for (const a of accsOf(r.regionPath)) {
          a.postings += Number(r.n);
          a.places += Number(r.places ?? 0);
          a.entities.add(Number(r.entityId));
        }
      for (const r of apps)
        for (const a of accsOf(r.regionPath)) {
          a.applications += Number(r.applications ?? 0);
          a.intentions += Number(r.intentions ?? 0);
          a.hires += Number(r.hires ?? 0);
        }
      for (const r of placements)
        for (const a of accsOf(r.regionPath)) {
          a.placements += Number(r.n);
          a.sharedWorkers += Number(r.workers ?? 0);
        }
      for (const r of transport)
        for (const a of accsOf(r.regionPath)) {
          a.transportBatches += Number(r.batches);
          a.transported += Number(r.workers ?? 0);
          a.provinceSet.add(r.originProvince);
        }
      for (const r of survey)
        for (const a of accsOf(r.regionPath)) {
          a.surveyed += Number(r.n);
          a.wishAway += Number(r.away ?? 0);
        }
      const names = await regions.namesOf([...children.keys()]);
      return {
        regionCode: root.code,
        regionName: root.name,
        ...figures(total),
        children: [...children.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([c, acc]) => ({ regionCode: c, regionName: names.get(c) ?? c, ...figures(acc) })),
      };
    },
  };
}
export type LabourStatsService = ReturnType<typeof createLabourStatsService>;
