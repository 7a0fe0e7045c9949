import type { Page, Review, ReviewDue, ReviewDueQuery, ReviewInput } from '@fugong/contract';
import { reviewInputSchema } from '@fugong/contract';
import type { Clock } from '../../platform/clock';
import { addDays, localDate } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { RequestContext } from '../../platform/context';
import type { ModuleDb } from '../../platform/module';
import { AppError } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { requireInScope, requirePermission, scopeOf } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService, RegistryStatsService } from '../registry/registry.service';
import type { ReportsOwnTables } from './reports.tables';
import { reportsRepo } from './reports.repo';
import { rootFor } from '../../platform/scope';
import { reviewDue } from './review-due';

interface Deps {
  db: ModuleDb<ReportsOwnTables>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  regions: RegionsService;
  registry: RegistryService;
  registryStats: RegistryStatsService;
}

/** 五日一复核: grid workers and liaisons review each resumed entity of their area at least every five days. */
export function createReviewService(deps: Deps) {
  const { db, clock, audit, events, regions, registry, registryStats } = deps;
  const repo = reportsRepo;
  const today = () => localDate(clock.now());
  /** Workers see their own area's due list; town staff see their town's (usually filtered to overdue). */
  const permOf = (ctx: RequestContext) => (ctx.actor?.permissions.has('reports.review') ? 'reports.review' : 'reports.read');

  return {
    async due(ctx: RequestContext, q: ReviewDueQuery): Promise<Page<ReviewDue>> {
      const perm = permOf(ctx);
      const { actor, root } = await rootFor((code) => regions.resolve(code), ctx, perm, q.regionCode);
      const entities = await registryStats.resumedIn(scopeOf(actor, perm), root.path);
      const last = await repo.lastReviews(
        db,
        entities.map((e) => Number(e.id)),
      );
      const now = today();
      let items = entities
        .map((e) => {
          const lastReviewedOn = last.get(Number(e.id)) ?? null;
          const resumedOn = e.statusChangedAt ? localDate(new Date(e.statusChangedAt)) : now;
          const { dueOn, overdueDays } = reviewDue(lastReviewedOn, resumedOn, now);
          return {
            entityId: Number(e.id),
            name: e.name,
            regionCode: e.regionCode,
            regionName: '',
            lastReviewedOn,
            dueOn,
            overdueDays,
          };
        })
        .filter((r) => r.dueOn <= addDays(now, 1))
        .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.entityId - b.entityId));
      if (q.overdueOnly) items = items.filter((r) => r.overdueDays > 0);
      const slice = items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
      const names = await regions.namesOf(slice.map((r) => r.regionCode));
      return {
        items: slice.map((r) => ({ ...r, regionName: names.get(r.regionCode) ?? r.regionCode })),
        total: items.length,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async record(ctx: RequestContext, input: ReviewInput): Promise<Review> {
      const actor = requirePermission(ctx.actor, 'reports.review');
      const r = parseInput(reviewInputSchema, input, ctx);
      const e = await registry.getForService(r.entityId);
      if (!e) throw new AppError('common.not_found', 404);
      requireInScope(scopeOf(actor, 'reports.review'), e.regionPath);
      if (r.reviewedOn > today())
        throw new AppError('common.validation_failed', 400, {}, [{ field: 'reviewedOn', message: 'reports.review_future' }]);
      if (e.status !== 'resumed') throw new AppError('reports.review_not_resumed', 409);
      const createdAt = clock.now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repo.insertReview(trx, {
          entityId: e.id,
          entityName: e.name,
          regionPath: e.regionPath,
          method: r.method,
          reviewedOn: r.reviewedOn,
          preventionOk: r.preventionOk ? 1 : 0,
          findings: r.findings,
          reviewerId: actor.id,
          reviewerName: actor.displayName,
          createdAt,
        });
        await audit.record(trx, ctx, {
          action: 'reports.review',
          targetType: 'entity',
          targetId: e.id,
          regionPath: e.regionPath,
          detail: { method: r.method, reviewedOn: r.reviewedOn, preventionOk: r.preventionOk },
        });
        return Number(id);
      });
      events.publish({ type: 'reports.reviewed', regionPath: e.regionPath, data: { entityId: e.id, reviewId: id } });
      return { ...r, id, entityName: e.name, reviewerName: actor.displayName, createdAt };
    },

    async ofEntity(ctx: RequestContext, entityId: number): Promise<Review[]> {
      const perm = permOf(ctx);
      const actor = requirePermission(ctx.actor, perm);
      const e = await registry.getForService(entityId);
      if (!e) throw new AppError('common.not_found', 404);
      requireInScope(scopeOf(actor, perm), e.regionPath);
      return (await repo.reviewsOf(db, entityId)).map((r) => ({
        id: Number(r.id),
        entityId: Number(r.entityId),
        entityName: r.entityName,
        method: r.method as Review['method'],
        reviewedOn: r.reviewedOn,
        preventionOk: Number(r.preventionOk) === 1,
        findings: r.findings,
        reviewerName: r.reviewerName,
        createdAt: r.createdAt,
      }));
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
