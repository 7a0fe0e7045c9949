import type { EntityInput } from '@fugong/contract';
import { entityInputSchema } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { t } from '../../platform/i18n/index';
import { requirePermission } from '../../platform/permissions';
import type { RegistryRepo } from './registry.repo';
import { entityCountsRepo } from './entity-counts.repo';
import { fieldsOf } from './entity-record';
import type { EntityAccess, RegistryDeps } from './entity-access';

/** Registration of new entities, one at a time or in bulk; each starts as not resumed with its first history line. */
export function createEntityCreation(deps: RegistryDeps, repo: RegistryRepo, access: EntityAccess) {
  const { db, clock, audit, events, pii, regions } = deps;
  const { canManage, placeIn, uniqueViolation } = access;

  /** Creates one entity (status not_resumed, with its first history line); used by the API, the demo loader and other modules' tests. */
  async function createEntity(ctx: RequestContext, input: EntityInput): Promise<number> {
    if (ctx.actor) requirePermission(ctx.actor, 'registry.manage');
    const e = parseInput(entityInputSchema, input, ctx);
    const region = await placeIn(ctx, e.regionCode);
    const now = clock.now().toISOString();
    const id = await db
      .transaction()
      .execute(async (trx) => {
        const fields = fieldsOf(e, region.path, pii);
        const { id } = await repo.insert(trx, {
          ...fields,
          status: 'not_resumed',
          statusChangedAt: now,
          createdAt: now,
          updatedAt: now,
        });
        await repo.insertHistory(trx, [
          {
            entityId: Number(id),
            fromStatus: null,
            toStatus: 'not_resumed',
            reason: t(ctx.locale, 'registry.reason.created'),
            sourceType: 'registry',
            sourceId: null,
            actorId: ctx.actor?.id ?? null,
            actorName: ctx.actor?.username ?? null,
            at: now,
          },
        ]);
        await entityCountsRepo.addCreated(trx, [fields], now);
        await audit.record(trx, ctx, {
          action: 'registry.create',
          targetType: 'entity',
          targetId: Number(id),
          regionPath: region.path,
          detail: { name: e.name, uscc: e.uscc, kind: e.kind },
        });
        return Number(id);
      })
      .catch((err: unknown) => uniqueViolation(err, e.uscc));
    events.publish({ type: 'registry.entity_created', regionPath: region.path, data: { entityId: id, kind: e.kind } });
    return id;
  }

  /**
   * Creates many entities in one transaction (demo loader, data migration): every input is
   * validated and placed like a single create; one audit record names the count.
   */
  async function createEntities(ctx: RequestContext, inputs: EntityInput[]): Promise<number[]> {
    if (ctx.actor) requirePermission(ctx.actor, 'registry.manage');
    const parsed = inputs.map((input, i) => parseInput(entityInputSchema, input, ctx, `${i}.`));
    const places = await regions.placesOf(parsed.map((e) => e.regionCode));
    const rows = parsed.map((e, i) => {
      const place = places.get(e.regionCode);
      if (!place)
        throw new AppError('common.validation_failed', 400, { code: e.regionCode }, [
          { field: `${i}.regionCode`, message: 'regions.unknown' },
        ]);
      if (ctx.actor && !canManage(ctx.actor, place.path)) {
        throw new AppError('common.validation_failed', 400, { code: e.regionCode }, [
          { field: `${i}.regionCode`, message: 'registry.region_out_of_scope' },
        ]);
      }
      return fieldsOf(e, place.path, pii);
    });
    const now = clock.now().toISOString();
    const reason = t(ctx.locale, 'registry.reason.created');
    return db.transaction().execute(async (trx) => {
      const inserted = await repo.insertMany(
        trx,
        rows.map((r) => ({ ...r, status: 'not_resumed', statusChangedAt: now, createdAt: now, updatedAt: now })),
      );
      await repo.insertHistory(
        trx,
        inserted.map((e) => ({
          entityId: e.id,
          fromStatus: null,
          toStatus: 'not_resumed',
          reason,
          sourceType: 'registry',
          sourceId: null,
          actorId: ctx.actor?.id ?? null,
          actorName: ctx.actor?.username ?? null,
          at: now,
        })),
      );
      await entityCountsRepo.addEntities(
        trx,
        inserted.map((e) => e.id),
      );
      await audit.record(trx, ctx, { action: 'registry.create_many', targetType: 'entity', detail: { count: inserted.length } });
      return inserted.map((e) => e.id);
    });
  }

  return { createEntity, createEntities };
}
