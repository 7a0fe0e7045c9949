import type { EligiblePage, EntityListQuery, EntitySummary } from '@fugong/contract';
import { deliveryBodySchema } from '@fugong/contract';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context';
import { AppError, invalid } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { t } from '../../platform/i18n/index';
import { makeActor, requirePermission, scopeOf } from '../../platform/permissions';
import { rootFor } from '../../platform/scope';
import { userIdsWith } from '../../platform/grants';
import { isEligible, registryFilterOf } from './eligibility';
import { policiesRepo as repo } from './policies.repo';
import { ruleOf, type Catalogue } from './catalogue.service';
import type { PoliciesDeps } from './policies.deps';

/** Above this many candidates a list is refused: the caller narrows it to a town. */
export const MAX_CANDIDATES = 20_000;
const PAGE = 500;

// the candidates are read for the caller's own area (checked before), so the registry is asked as the system
const registryReader = {
  actor: makeActor({ id: 0, username: 'policies', displayName: 'policies' }, [
    { role: 'admin', regionPath: null, department: null, entityId: null, venueId: null },
  ]),
  ip: null,
  requestId: null,
  locale: 'zh-CN' as const,
};

/** 应享尽享: who qualifies for a measure in an area and has not applied; deliveries on visits; reminders. */
export function createOutreach(d: PoliciesDeps, catalogue: Catalogue) {
  const { db, clock, audit, regions, registry, notifier } = d;

  async function candidates(regionCode: string, filter: Record<string, string>): Promise<EntitySummary[]> {
    const q = { page: 1, pageSize: PAGE, regionCode, ...filter } as EntityListQuery;
    const first = await registry.list(registryReader, q);
    if (first.total > MAX_CANDIDATES) throw invalid([{ field: 'regionCode', message: 'policies.area_too_large' }]);
    let items: EntitySummary[] = first.items;
    for (let p = 2; items.length < first.total; p++)
      items = items.concat((await registry.list(registryReader, { ...q, page: p })).items);
    return items;
  }

  /** Every entity of the area that qualifies, with what it has done about the measure. */
  async function eligibleIn(ctx: RequestContext, measureId: number, regionCode: string | undefined) {
    const { measure, pkg } = await catalogue.readableMeasure(ctx, measureId);
    const { root } = await rootFor(
      regions.resolve,
      ctx,
      'policies.read',
      regionCode ?? (scopeOf(ctx.actor!, 'policies.read').all ? pkg.regionCode : undefined),
    );
    // the package's own area bounds the list, whatever area is asked
    const area = root.path.startsWith(pkg.regionPath)
      ? root
      : pkg.regionPath.startsWith(root.path)
        ? await regions.resolve(pkg.regionCode)
        : null;
    if (!area) return { measure, rows: [] };
    const rule = ruleOf(measure);
    const list = (await candidates(area.code, registryFilterOf(rule))).filter((e) => isEligible(rule, e));
    const ids = list.map((e) => e.id);
    const [apps, paid, deliveries] = await Promise.all([
      repo.applicationsFor(db, measureId, ids),
      repo.paidEntities(db, measureId, ids),
      repo.deliveriesFor(db, measureId, ids),
    ]);
    const appOf = new Map(apps.map((a) => [Number(a.entityId), a.status]));
    const deliveredOf = new Map(deliveries.map((x) => [Number(x.entityId), x.deliveredOn]));
    return {
      measure,
      rows: list.map((e) => ({
        entity: e,
        applicationStatus: (appOf.get(e.id) ?? null) as EligiblePage['items'][number]['applicationStatus'],
        paid: paid.has(e.id),
        deliveredOn: deliveredOf.get(e.id) ?? null,
      })),
    };
  }

  return {
    async eligible(
      ctx: RequestContext,
      measureId: number,
      q: { regionCode?: string; pending?: 'true' | 'false'; page: number; pageSize: number },
    ): Promise<EligiblePage> {
      requirePermission(ctx.actor, 'policies.read');
      const { rows } = await eligibleIn(ctx, measureId, q.regionCode);
      const applied = rows.filter((r) => r.applicationStatus || r.paid).length;
      const shown = q.pending === 'true' ? rows.filter((r) => !r.applicationStatus && !r.paid) : rows;
      const slice = shown.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
      const names = await regions.namesOf(slice.map((r) => r.entity.regionCode));
      return {
        items: slice.map((r) => ({
          entityId: r.entity.id,
          entityName: r.entity.name,
          regionCode: r.entity.regionCode,
          regionName: names.get(r.entity.regionCode) ?? null,
          applicationStatus: r.applicationStatus,
          paid: r.paid,
          deliveredOn: r.deliveredOn,
        })),
        total: shown.length,
        page: q.page,
        pageSize: q.pageSize,
        eligible: rows.length,
        applied,
      };
    },

    /** Tells the enterprise users of every eligible entity that has not applied (in-app notice). */
    async remind(ctx: RequestContext, measureId: number, regionCode: string | undefined) {
      requirePermission(ctx.actor, 'policies.assist');
      const { measure, rows } = await eligibleIn(ctx, measureId, regionCode);
      const pending = rows.filter((r) => !r.applicationStatus && !r.paid);
      let notified = 0;
      await db.transaction().execute(async (trx) => {
        for (const r of pending) {
          const users = await userIdsWith(trx, { role: 'enterprise', entityId: r.entity.id });
          notified += await notifier.send(trx, users, {
            kind: 'policies.remind',
            title: t(ctx.locale, 'policies.notice.remind', { measure: measure.title }),
            link: `/p/policies/${measure.publicToken}`,
          });
        }
        await audit.record(trx, ctx, {
          action: 'policies.remind',
          targetType: 'policy_measure',
          targetId: measureId,
          detail: { regionCode: regionCode ?? null, entities: pending.length, notified },
        });
      });
      return { entities: pending.length, notified };
    },

    /** "Policy delivered" on a visit: once per measure and entity; a second tap answers with the first. */
    async deliver(ctx: RequestContext, body: z.input<typeof deliveryBodySchema>) {
      const actor = requirePermission(ctx.actor, 'policies.assist');
      const b = parseInput(deliveryBodySchema, body, ctx);
      const m = await repo.measureById(db, b.measureId);
      if (!m) throw invalid([{ field: 'measureId', message: 'policies.unknown_measure' }]);
      const e = await registry.getForService(b.entityId);
      const s = scopeOf(actor, 'policies.assist');
      if (!e || !(s.all || s.regionPaths.some((p) => e.regionPath.startsWith(p))))
        throw invalid([{ field: 'entityId', message: 'policies.unknown_entity' }]);
      await db.transaction().execute(async (trx) => {
        await repo.insertDelivery(trx, {
          measureId: b.measureId,
          entityId: e.id,
          regionPath: e.regionPath,
          visitId: b.visitId ?? null,
          deliveredOn: b.deliveredOn,
          deliveredBy: actor.id,
          deliveredByName: actor.displayName,
          createdAt: clock.now().toISOString(),
        });
        await audit.record(trx, ctx, {
          action: 'policies.deliver',
          targetType: 'policy_measure',
          targetId: b.measureId,
          regionPath: e.regionPath,
          detail: { entityId: e.id, visitId: b.visitId ?? null },
        });
      });
      const row = await repo.delivery(db, b.measureId, e.id);
      if (!row) throw new AppError('common.not_found', 404);
      return {
        id: Number(row.id),
        measureId: Number(row.measureId),
        entityId: Number(row.entityId),
        deliveredOn: row.deliveredOn,
        visitId: row.visitId == null ? null : Number(row.visitId),
      };
    },
  };
}
