import { sql } from 'kysely';
import {
  normalisePhone,
  type JobApplication,
  type JobApplicationBody,
  type JobApplicationListQuery,
  type Page,
  type Posting,
  type PostingBody,
  type PostingListQuery,
  type PostingStatus,
  type PublicPosting,
} from '@fugong/contract';
import { containsLiteral, isUniqueViolation } from '../../db/sql-helpers';
import { AppError, badTransition, invalid } from '../../platform/errors';
import { localDate } from '../../platform/clock';
import { maskPhone } from '../../platform/pii';
import type { RequestContext } from '../../platform/context';
import { requirePermission, type Actor } from '../../platform/permissions';
import { likeAny } from '../../platform/scope';
import { inPaths, labourPaths, LABOUR_DEPT, ownEntities, readPaths, requireAny, requireLabourPaths } from './labour-access';
import { postingsRepo, type ApplicationRow, type PostingRow, type PostingWhere } from './postings.repo';
import { fairsRepo } from './fairs.repo';
import type { LabourDeps } from './labour-deps';

export function createPostingsService(deps: LabourDeps) {
  const { db, clock, audit, events, pii, regions, registry } = deps;
  const repo = postingsRepo;
  const today = () => localDate(clock.now());
  const nowIso = () => clock.now().toISOString();

  /** Staff of the area (readers, reviewers, posting officers) or the enterprise owning the posting. */
  function canSee(actor: Actor, r: Pick<PostingRow, 'regionPath' | 'entityId'>) {
    return (
      inPaths(readPaths(actor), r.regionPath) ||
      inPaths(labourPaths(actor, 'labour.post', LABOUR_DEPT), r.regionPath) ||
      ownEntities(actor, 'labour.post').includes(r.entityId)
    );
  }
  function visibleWhere(actor: Actor): PostingWhere {
    const paths = readPaths(actor);
    const posting = labourPaths(actor, 'labour.post', LABOUR_DEPT);
    const own = ownEntities(actor, 'labour.post');
    return (eb) =>
      eb.or([
        likeAny('job_posting.region_path', paths),
        likeAny('job_posting.region_path', posting),
        own.length ? eb('jobPosting.entityId', 'in', own) : sql<boolean>`1 = 0`,
      ]);
  }
  async function loadVisible(actor: Actor, id: number): Promise<PostingRow> {
    const r = await repo.byId(db, id);
    if (!r || !canSee(actor, r)) throw new AppError('common.not_found', 404);
    return r;
  }

  async function toPostings(rows: PostingRow[]): Promise<Posting[]> {
    const ids = rows.map((r) => Number(r.id));
    const [names, counts, fairs] = await Promise.all([
      regions.namesOf(rows.map((r) => r.regionCode)),
      repo.applicationCounts(db, ids),
      fairsRepo.names(
        db,
        rows.map((r) => r.fairId).filter((x): x is number => x != null),
      ),
    ]);
    const d = today();
    return rows.map((r) => ({
      id: Number(r.id),
      entityId: Number(r.entityId),
      entityName: r.entityName,
      fairId: r.fairId == null ? null : Number(r.fairId),
      fairName: r.fairId == null ? null : (fairs.get(Number(r.fairId)) ?? null),
      title: r.title,
      places: Number(r.places),
      hired: Number(r.hired),
      payMinFen: Number(r.payMinFen),
      payMaxFen: Number(r.payMaxFen),
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      requirements: r.requirements,
      validUntil: r.validUntil,
      status: r.status as PostingStatus,
      expired: r.validUntil < d,
      reviewNote: r.reviewNote,
      applications: counts.get(Number(r.id)) ?? 0,
      createdAt: r.createdAt,
    }));
  }
  const toPublic = (p: Posting): PublicPosting => ({
    id: p.id,
    entityName: p.entityName,
    title: p.title,
    places: p.places,
    hired: p.hired,
    payMinFen: p.payMinFen,
    payMaxFen: p.payMaxFen,
    regionName: p.regionName,
    requirements: p.requirements,
    validUntil: p.validUntil,
  });

  function listWhere(actor: Actor, q: Omit<PostingListQuery, 'page' | 'pageSize'>, path: string | null): PostingWhere {
    const visible = visibleWhere(actor);
    return (eb) =>
      eb.and([
        visible(eb),
        ...(path ? [likeAny('job_posting.region_path', [path])] : []),
        ...(q.status ? [eb('jobPosting.status', '=', q.status)] : []),
        ...(q.fairId ? [eb('jobPosting.fairId', '=', q.fairId)] : []),
        ...(q.entityId ? [eb('jobPosting.entityId', '=', q.entityId)] : []),
        ...(q.q ? [eb.or([containsLiteral('job_posting.title', q.q), containsLiteral('job_posting.entity_name', q.q)])] : []),
      ]);
  }
  const openWhere = (): PostingWhere => (eb) =>
    eb.and([eb('jobPosting.status', '=', 'approved'), eb('jobPosting.validUntil', '>=', today())]);

  async function hire(ctx: RequestContext, app: NonNullable<Awaited<ReturnType<typeof repo.application>>>) {
    await db.transaction().execute(async (trx) => {
      // the places first: the row every concurrent hire of this posting queues on
      if (!(await repo.addHire(trx, app.postingId))) throw new AppError('labour.posting_full', 409);
      if (!(await repo.setApplicationStatus(trx, app.id, { status: 'hired', hiredOn: today(), updatedAt: nowIso() })))
        throw badTransition(app.status, 'hired');
      await audit.record(trx, ctx, {
        action: 'labour.application_hired',
        targetType: 'job_application',
        targetId: app.id,
        regionPath: app.regionPath,
      });
    });
  }

  return {
    async create(ctx: RequestContext, b: PostingBody & { fairId?: number | null }): Promise<Posting> {
      const { actor } = requireLabourPaths(ctx.actor, 'labour.post', LABOUR_DEPT);
      const entity = await registry.getForService(b.entityId);
      const mayPostFor =
        !!entity &&
        (ownEntities(actor, 'labour.post').includes(entity.id) ||
          inPaths(labourPaths(actor, 'labour.post', LABOUR_DEPT), entity.regionPath));
      if (!entity || !mayPostFor) throw invalid([{ field: 'entityId', message: 'labour.unknown_entity' }]);
      if (entity.status !== 'resumed') throw invalid([{ field: 'entityId', message: 'labour.entity_not_resumed' }]);
      const region = b.regionCode ? await regions.resolve(b.regionCode) : { code: entity.regionCode, path: entity.regionPath };
      if (b.validUntil < today()) throw invalid([{ field: 'validUntil', message: 'labour.date_past' }]);
      if (b.fairId) {
        const fair = await fairsRepo.byId(db, b.fairId);
        if (!fair || fair.endsOn < today() || !entity.regionPath.startsWith(fair.regionPath))
          throw invalid([{ field: 'fairId', message: 'labour.fair_closed' }]);
      }
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repo.insert(trx, {
          entityId: entity.id,
          entityName: entity.name,
          fairId: b.fairId ?? null,
          title: b.title,
          places: b.places,
          hired: 0,
          payMinFen: b.payMinFen,
          payMaxFen: b.payMaxFen,
          regionCode: region.code,
          regionPath: region.path,
          requirements: b.requirements ?? null,
          validUntil: b.validUntil,
          status: 'pending_review',
          reviewNote: null,
          reviewedBy: null,
          reviewedAt: null,
          postedOn: today(),
          createdBy: actor.id,
          createdAt: nowIso(),
        });
        await audit.record(trx, ctx, {
          action: 'labour.posting_create',
          targetType: 'job_posting',
          targetId: id,
          regionPath: region.path,
        });
        return Number(id);
      });
      events.publish({ type: 'labour.posting_submitted', regionPath: region.path, data: { postingId: id } });
      return (await toPostings([(await repo.byId(db, id))!]))[0]!;
    },

    async list(ctx: RequestContext, q: PostingListQuery): Promise<Page<Posting>> {
      const actor = requireAny(ctx.actor, ['labour.post', 'labour.read']);
      const path = q.regionCode ? (await regions.resolve(q.regionCode)).path : null;
      const l = repo.list(db, listWhere(actor, q, path), { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
      const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
      return { items: await toPostings(rows), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    async rowsForExport(ctx: RequestContext, q: Omit<PostingListQuery, 'page' | 'pageSize'>, limit: number) {
      const actor = requireAny(ctx.actor, ['labour.post', 'labour.read']);
      const path = q.regionCode ? (await regions.resolve(q.regionCode)).path : null;
      return toPostings(await repo.list(db, listWhere(actor, q, path), { offset: 0, limit }).rows());
    },

    async get(ctx: RequestContext, id: number): Promise<Posting> {
      const actor = requireAny(ctx.actor, ['labour.post', 'labour.read']);
      return (await toPostings([await loadVisible(actor, id)]))[0]!;
    },

    /** The labour bureau approves (the posting becomes public) or rejects with a reason. */
    async review(ctx: RequestContext, id: number, approve: boolean, note: string | null): Promise<Posting> {
      const { actor, paths } = requireLabourPaths(ctx.actor, 'labour.review', LABOUR_DEPT);
      const r = await repo.byId(db, id);
      if (!r || !inPaths(paths, r.regionPath)) throw new AppError('common.not_found', 404);
      const to = approve ? 'approved' : 'rejected';
      await db.transaction().execute(async (trx) => {
        const set = { status: to, reviewNote: note, reviewedBy: actor.id, reviewedAt: nowIso() };
        if (!(await repo.setStatus(trx, id, 'pending_review', set)))
          throw badTransition(r.status, approve ? 'approve' : 'reject');
        await audit.record(trx, ctx, {
          action: `labour.posting_${to}`,
          targetType: 'job_posting',
          targetId: id,
          regionPath: r.regionPath,
        });
      });
      events.publish({ type: `labour.posting_${to}`, regionPath: r.regionPath, data: { postingId: id } });
      return this.get(ctx, id);
    },

    /** The enterprise (or the bureau) takes a published posting down. */
    async close(ctx: RequestContext, id: number): Promise<Posting> {
      const actor = requirePermission(ctx.actor, 'labour.post');
      const r = await loadVisible(actor, id);
      const mine =
        ownEntities(actor, 'labour.post').includes(r.entityId) ||
        inPaths(labourPaths(actor, 'labour.post', LABOUR_DEPT), r.regionPath);
      if (!mine) throw new AppError('common.forbidden', 403);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.setStatus(trx, id, 'approved', { status: 'closed' }))) throw badTransition(r.status, 'close');
        await audit.record(trx, ctx, {
          action: 'labour.posting_close',
          targetType: 'job_posting',
          targetId: id,
          regionPath: r.regionPath,
        });
      });
      return this.get(ctx, id);
    },

    /** Published, unexpired postings with places left, for the public job page. */
    async publicList(q: {
      page: number;
      pageSize: number;
      regionCode?: string;
      q?: string;
      fairId?: number;
    }): Promise<Page<PublicPosting>> {
      const path = q.regionCode ? (await regions.resolve(q.regionCode)).path : null;
      const open = openWhere();
      const where: PostingWhere = (eb) =>
        eb.and([
          open(eb),
          eb('jobPosting.hired', '<', eb.ref('jobPosting.places')),
          ...(path ? [likeAny('job_posting.region_path', [path])] : []),
          ...(q.fairId ? [eb('jobPosting.fairId', '=', q.fairId)] : []),
          ...(q.q ? [eb.or([containsLiteral('job_posting.title', q.q), containsLiteral('job_posting.entity_name', q.q)])] : []),
        ]);
      const l = repo.list(db, where, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
      const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
      return { items: (await toPostings(rows)).map(toPublic), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    /** A job seeker applies (public page, no account) or an officer enters an application taken by phone. */
    async apply(ctx: RequestContext, postingId: number, b: JobApplicationBody, channel: 'public' | 'officer') {
      const r = await repo.byId(db, postingId);
      if (channel === 'officer') {
        const { paths } = requireLabourPaths(ctx.actor, 'labour.review', LABOUR_DEPT);
        if (!r || !inPaths(paths, r.regionPath)) throw new AppError('common.not_found', 404);
      }
      if (!r || r.status !== 'approved' || r.validUntil < today()) throw new AppError('common.not_found', 404);
      if (r.hired >= r.places) throw new AppError('labour.posting_full', 409);
      const phone = normalisePhone(b.phone);
      try {
        await db.transaction().execute(async (trx) => {
          const { id } = await repo.insertApplication(trx, {
            postingId,
            name: b.name,
            phoneEnc: pii.encrypt(phone),
            phoneHash: pii.hash('phone:' + phone),
            phoneMasked: maskPhone(phone),
            note: b.note ?? null,
            channel,
            status: 'applied',
            appliedAt: nowIso(),
            hiredOn: null,
            updatedAt: nowIso(),
          });
          await audit.record(trx, ctx, {
            action: 'labour.apply',
            targetType: 'job_application',
            targetId: id,
            regionPath: r.regionPath,
          });
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('labour.already_applied', 409, {}, [{ field: 'phone', message: 'labour.already_applied' }]);
        throw err;
      }
      events.publish({ type: 'labour.applied', regionPath: r.regionPath, data: { postingId } });
      return { postingTitle: r.title, entityName: r.entityName };
    },

    async applications(ctx: RequestContext, q: JobApplicationListQuery): Promise<Page<JobApplication>> {
      const actor = requireAny(ctx.actor, ['labour.post', 'labour.read']);
      const visible = visibleWhere(actor);
      const l = repo.applications(
        db,
        (eb) =>
          eb.and([
            visible(eb as never),
            ...(q.postingId ? [eb('jobApplication.postingId', '=', q.postingId)] : []),
            ...(q.status ? [eb('jobApplication.status', '=', q.status)] : []),
          ]),
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
      return { items: rows.map(toApplication), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    /** The enterprise (or the bureau) marks interview / intention / hired / rejected. A hire takes a place. */
    async setApplicationStatus(ctx: RequestContext, id: number, status: 'interview' | 'intention' | 'hired' | 'rejected') {
      const actor = requirePermission(ctx.actor, 'labour.post');
      const app = await repo.application(db, id);
      if (!app || !canSee(actor, app)) throw new AppError('common.not_found', 404);
      const mine =
        ownEntities(actor, 'labour.post').includes(app.entityId) ||
        inPaths(labourPaths(actor, 'labour.post', LABOUR_DEPT), app.regionPath);
      if (!mine) throw new AppError('common.forbidden', 403);
      if (status === 'hired') await hire(ctx, app);
      else
        await db.transaction().execute(async (trx) => {
          if (app.status === status || !(await repo.setApplicationStatus(trx, id, { status, updatedAt: nowIso() })))
            throw badTransition(app.status, status);
          await audit.record(trx, ctx, {
            action: `labour.application_${status}`,
            targetType: 'job_application',
            targetId: id,
            regionPath: app.regionPath,
          });
        });
      events.publish({ type: `labour.application_${status}`, regionPath: app.regionPath, data: { postingId: app.postingId } });
      return toApplication({ ...(await repo.application(db, id))! });
    },
  };
}

function toApplication(r: ApplicationRow): JobApplication {
  return {
    id: Number(r.id),
    postingId: Number(r.postingId),
    postingTitle: r.postingTitle,
    name: r.name,
    phoneMasked: r.phoneMasked,
    note: r.note,
    channel: r.channel as 'public' | 'officer',
    status: r.status as JobApplication['status'],
    appliedAt: r.appliedAt,
    hiredOn: r.hiredOn,
  };
}

export type PostingsService = ReturnType<typeof createPostingsService>;
