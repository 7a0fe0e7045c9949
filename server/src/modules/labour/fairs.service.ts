import QRCode from 'qrcode';
import type { JobFair, JobFairBody, JobFairKind, JobFairListQuery, Page, PublicFair } from '@fugong/contract';
import { containsLiteral } from '../../db/sql-helpers';
import { AppError } from '../../platform/errors';
import { localDate } from '../../platform/clock';
import { randomBytes } from '../../platform/random';
import type { RequestContext } from '../../platform/context';
import { likeAny } from '../../platform/scope';
import { inPaths, LABOUR_DEPT, ownEntities, readPaths, requireAny, requireLabourPaths } from './labour-access';
import { fairsRepo, type FairRow } from './fairs.repo';
import type { LabourDeps } from './labour-deps';
import type { PostingsService } from './postings.service';

/** The public page of a fair, relative to the site's origin. */
export const fairPath = (token: string) => `/p/labour/fairs/${token}`;

export function createFairsService(deps: LabourDeps, postings: PostingsService) {
  const { db, clock, audit, events, regions } = deps;
  const repo = fairsRepo;

  async function toFairs(rows: FairRow[]): Promise<JobFair[]> {
    const ids = rows.map((r) => Number(r.id));
    const [names, visits, tallies] = await Promise.all([
      regions.namesOf(rows.map((r) => r.regionCode)),
      repo.visits(db, ids),
      repo.tallies(db, ids),
    ]);
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      kind: r.kind as JobFairKind,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      organiser: r.organiser,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      description: r.description,
      token: r.token,
      visits: visits.get(Number(r.id)) ?? 0,
      ...tallies.get(Number(r.id))!,
    }));
  }
  /** Staff see the fairs of their area; an enterprise account those covering its entity's place, to post into them. */
  async function visibility(ctx: RequestContext) {
    const actor = requireAny(ctx.actor, ['labour.read', 'labour.fairs', 'labour.post']);
    const own = ownEntities(actor, 'labour.post');
    const entities = own.length ? [...(await deps.registry.getManyForService(own)).values()] : [];
    const ancestors = new Set<string>();
    for (const e of entities) {
      const parts = e.regionPath.split('/').filter(Boolean);
      for (let i = 1; i <= parts.length; i++) ancestors.add('/' + parts.slice(0, i).join('/') + '/');
    }
    return { actor, staff: readPaths(actor), ancestors: [...ancestors] };
  }
  async function loadVisible(ctx: RequestContext, id: number) {
    const v = await visibility(ctx);
    const r = await repo.byId(db, id);
    if (!r || !(inPaths(v.staff, r.regionPath) || v.ancestors.includes(r.regionPath)))
      throw new AppError('common.not_found', 404);
    return r;
  }

  return {
    async create(ctx: RequestContext, b: JobFairBody): Promise<JobFair> {
      const { actor, paths } = requireLabourPaths(ctx.actor, 'labour.fairs', LABOUR_DEPT);
      const region = await regions.resolve(b.regionCode);
      if (!inPaths(paths, region.path))
        throw new AppError('common.validation_failed', 400, {}, [{ field: 'regionCode', message: 'labour.out_of_scope' }]);
      const organiser = actor.grants.find((g) => g.role === 'department' && g.department)?.department ?? 'labour';
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repo.insert(trx, {
          name: b.name,
          kind: b.kind,
          startsOn: b.startsOn,
          endsOn: b.endsOn,
          organiser,
          regionCode: region.code,
          regionPath: region.path,
          description: b.description ?? null,
          token: randomBytes(12).toString('base64url'),
          createdBy: actor.id,
          createdAt: clock.now().toISOString(),
        });
        await audit.record(trx, ctx, {
          action: 'labour.fair_create',
          targetType: 'job_fair',
          targetId: id,
          regionPath: region.path,
        });
        return Number(id);
      });
      events.publish({ type: 'labour.fair_created', regionPath: region.path, data: { fairId: id } });
      return (await toFairs([(await repo.byId(db, id))!]))[0]!;
    },

    async list(ctx: RequestContext, q: JobFairListQuery): Promise<Page<JobFair>> {
      const v = await visibility(ctx);
      const path = q.regionCode ? (await regions.resolve(q.regionCode)).path : null;
      const l = repo.list(
        db,
        (eb) =>
          eb.and([
            eb.or([
              likeAny('job_fair.region_path', v.staff),
              ...(v.ancestors.length ? [eb('jobFair.regionPath', 'in', v.ancestors)] : []),
            ]),
            ...(path ? [likeAny('job_fair.region_path', [path])] : []),
            ...(q.kind ? [eb('jobFair.kind', '=', q.kind)] : []),
            ...(q.q ? [containsLiteral('job_fair.name', q.q)] : []),
          ]),
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
      return { items: await toFairs(rows), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: RequestContext, id: number): Promise<JobFair> {
      return (await toFairs([await loadVisible(ctx, id)]))[0]!;
    },

    /** The public page's address as a QR image, for posters and the live stream's screen. */
    async qr(ctx: RequestContext, id: number, origin: string): Promise<{ url: string; dataUrl: string }> {
      const r = await loadVisible(ctx, id);
      const url = origin.replace(/\/$/, '') + fairPath(r.token);
      return { url, dataUrl: await QRCode.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: 'M' }) };
    },

    async publicFair(token: string): Promise<PublicFair> {
      const r = await repo.byToken(db, token);
      if (!r) throw new AppError('common.not_found', 404);
      const page = await postings.publicList({ page: 1, pageSize: 200, fairId: Number(r.id) });
      return {
        name: r.name,
        kind: r.kind as JobFairKind,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        organiser: r.organiser,
        description: r.description,
        postings: page.items,
      };
    },

    /** Counted from the public page: one upsert of the day's counter row. */
    async visit(token: string): Promise<void> {
      const r = await repo.byToken(db, token);
      if (!r) throw new AppError('common.not_found', 404);
      await repo.addVisit(db, Number(r.id), localDate(clock.now()));
    },
  };
}
export type FairsService = ReturnType<typeof createFairsService>;
