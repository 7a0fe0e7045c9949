import type { Expression, SqlBool } from 'kysely';
import type {
  Entity,
  EntityInput,
  EntityListQuery,
  EntityStatus,
  EntitySummary,
  Page,
  StatusHistoryItem,
  TimelineItem,
} from '@fugong/contract';
import { entityInputSchema } from '@fugong/contract';
import type { AnyDb } from '../../db/schema';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { t } from '../../platform/i18n/index';
import { inRegionScope, requirePermission, scopeFilter, scopeOf } from '../../platform/permissions';
import { own, type Tx } from '../../platform/module';
import type { RegistryTables } from './registry.tables';
import { registryRepo, type EntityFilter, type EntityWhere } from './registry.repo';
import { entityCountsRepo } from './entity-counts.repo';
import { assertStatusChange } from './entity-status';
import { changedFields, fieldsOf, toSummary } from './entity-record';
import { entityExport } from './entity-export';
import { createEntityImport } from './entity-import.service';
import { createEntityAccess, type RegistryDeps } from './entity-access';
import { createEntityCreation } from './entity-create.service';

// the registry's figures, for the reports and dashboard modules, which may import only this file of it
export type { EntityAttrs, RegistryStatsService } from './registry-stats.service';

/** A module that contributes lines to the entity timeline 一企一档 (filings, reports, tickets …). */
export interface TimelineSource {
  name: string;
  load(entityId: number, ctx: RequestContext): Promise<TimelineItem[]>;
}

/**
 * A named list filter a later module registers (e.g. "noLiaison"): it returns a condition on
 * the entity id column written against its own tables, so the registry never reads them.
 */
export interface CoverageFilter {
  name: string;
  where(entityIdColumn: 'entity.id', ctx: RequestContext): Expression<SqlBool>;
}

const MAX_EXPORT_ROWS = 100_000;

export function createRegistryService(deps: RegistryDeps) {
  const { db, clock, audit, events, pii, regions } = deps;
  const repo = registryRepo(deps.dialect);
  const timelineSources: TimelineSource[] = [];
  const coverageFilters = new Map<string, CoverageFilter>();

  const access = createEntityAccess(deps, repo);
  const { readScope, canManage, placeIn, uniqueViolation, toEntities, readable } = access;
  const { createEntity, createEntities } = createEntityCreation(deps, repo, access);

  async function listFilter(ctx: RequestContext, q: Omit<EntityListQuery, 'page' | 'pageSize'>) {
    const scope = readScope(ctx);
    const f: EntityFilter = {
      q: q.q || undefined,
      kind: q.kind,
      sector: q.sector,
      industry: q.industry || undefined,
      aboveScale: q.aboveScale === undefined ? undefined : q.aboveScale === 'true',
      aboveQuota: q.aboveQuota === undefined ? undefined : q.aboveQuota === 'true',
      fourAbove: q.fourAbove === undefined ? undefined : q.fourAbove === 'true',
      sizeClass: q.sizeClass,
      smallVenueType: q.smallVenueType,
      status: q.status,
      riskLevel: q.riskLevel,
    };
    if (q.regionCode) {
      const region = await regions.get(q.regionCode);
      if (!region)
        throw new AppError('common.validation_failed', 400, { code: q.regionCode }, [
          { field: 'regionCode', message: 'regions.unknown' },
        ]);
      f.underPath = region.path;
    }
    const extra: EntityWhere[] = [(eb) => scopeFilter(eb, scope, { path: 'entity.region_path', entityId: 'entity.id' })];
    if (q.coverage) {
      const cf = coverageFilters.get(q.coverage);
      if (!cf)
        throw new AppError('common.validation_failed', 400, { name: q.coverage }, [
          { field: 'coverage', message: 'registry.unknown_coverage' },
        ]);
      extra.push(() => cf.where('entity.id', ctx));
    }
    return { f, extra };
  }

  /**
   * Moves an entity to `to` inside the caller's transaction, for any module (filings approve,
   * enforcement closes …): the status table decides, and the change is written only if no one
   * else changed the status meanwhile. Callers whose own handle type is "database or transaction"
   * may pass it as is; it is meant to be their open transaction.
   */
  async function changeStatus(
    tx: Tx | AnyDb,
    ctx: RequestContext,
    entityId: number,
    to: EntityStatus,
    reason: string,
    source?: { type: string; id: number | string },
  ): Promise<void> {
    const trx = own<RegistryTables>(tx as Tx);
    const row = await repo.byId(trx, entityId);
    if (!row) throw new AppError('common.not_found', 404);
    const from = row.status as EntityStatus;
    assertStatusChange(from, to);
    const at = clock.now().toISOString();
    if (!(await repo.setStatusIf(trx, entityId, from, to, at))) throw new AppError('common.conflict', 409);
    const line = {
      entityId,
      fromStatus: from,
      toStatus: to,
      reason,
      sourceType: source?.type ?? null,
      sourceId: source ? String(source.id) : null,
      actorId: ctx.actor?.id ?? null,
      actorName: ctx.actor?.username ?? null,
      at,
    };
    await repo.insertHistory(trx, [line]);
    await entityCountsRepo.addStatusLine(trx, row, line);
    await audit.record(trx, ctx, {
      action: 'registry.status',
      targetType: 'entity',
      targetId: entityId,
      regionPath: row.regionPath,
      detail: { from, to, reason, source },
    });
  }

  const importer = createEntityImport({ db, dialect: deps.dialect, clock, audit, pii, regions, repo, canManage });

  return {
    createEntity,
    createEntities,
    changeStatus,

    /**
     * For other services: the entity's facts without a permission check (the caller has checked its own);
     * inside the caller's transaction when given one.
     */
    async getForService(entityId: number, trx?: Tx): Promise<EntitySummary | null> {
      const row = await repo.summaryById(trx ? own<RegistryTables>(trx) : db, entityId);
      return row ? toSummary(row) : null;
    },

    /** The same for many entities at once (lists in other modules); unknown ids are absent from the map. */
    async getManyForService(entityIds: number[]): Promise<Map<number, EntitySummary>> {
      const rows = await repo.byIds(db, [...new Set(entityIds)]);
      return new Map(rows.map((r) => [Number(r.id), toSummary(r)]));
    },

    /** Registered addresses (null where none was given), for papers other modules print, e.g. a rectification notice. */
    async addressesForService(entityIds: number[]): Promise<Map<number, string | null>> {
      const rows = await repo.byIds(db, [...new Set(entityIds)]);
      return new Map(rows.map((r) => [Number(r.id), r.address]));
    },

    registerTimelineSource(source: TimelineSource): void {
      if (timelineSources.some((s) => s.name === source.name)) throw new Error(`timeline source ${source.name} registered twice`);
      timelineSources.push(source);
    },

    registerCoverageFilter(filter: CoverageFilter): void {
      if (coverageFilters.has(filter.name)) throw new Error(`coverage filter ${filter.name} registered twice`);
      coverageFilters.set(filter.name, filter);
    },

    async list(ctx: RequestContext, query: EntityListQuery): Promise<Page<Entity>> {
      const { f, extra } = await listFilter(ctx, query);
      const q = repo.list(db, f, extra, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
      const [{ n }, rows] = await Promise.all([q.count(), q.rows()]);
      return { items: await toEntities(ctx, rows), total: Number(n), page: query.page, pageSize: query.pageSize };
    },

    async exportXlsx(ctx: RequestContext, query: Omit<EntityListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      const { f, extra } = await listFilter(ctx, query);
      const rows = await repo.list(db, f, extra, { offset: 0, limit: MAX_EXPORT_ROWS }).rows();
      const names = await regions.namesOf(rows.map((r) => r.regionCode));
      await audit.record(db, ctx, {
        action: 'registry.export',
        targetType: 'entity',
        detail: { filter: query, rows: rows.length },
      });
      return entityExport(ctx.locale, rows, names);
    },

    async get(ctx: RequestContext, id: number): Promise<Entity> {
      const row = await readable(ctx, id);
      return (await toEntities(ctx, [row]))[0]!;
    },

    async update(ctx: RequestContext, id: number, input: EntityInput): Promise<void> {
      const actor = requirePermission(ctx.actor, 'registry.manage');
      const current = await repo.byId(db, id);
      if (!current || !inRegionScope(scopeOf(actor, 'registry.manage'), current.regionPath))
        throw new AppError('common.not_found', 404);
      const e = parseInput(entityInputSchema, input, ctx);
      const region = await placeIn(ctx, e.regionCode);
      await db
        .transaction()
        .execute(async (trx) => {
          const row = await repo.byId(trx, id);
          if (!row || !inRegionScope(scopeOf(actor, 'registry.manage'), row.regionPath))
            throw new AppError('common.not_found', 404);
          const next = fieldsOf(e, region.path, pii);
          if (e.contactPhone === undefined)
            Object.assign(next, {
              contactPhoneEnc: row.contactPhoneEnc,
              contactPhoneHash: row.contactPhoneHash,
              contactPhoneMasked: row.contactPhoneMasked,
            });
          const changes = changedFields(row, next);
          if (changes.length === 0) return;
          await entityCountsRepo.trackCounts(trx, [id], () =>
            repo.update(trx, id, { ...next, updatedAt: clock.now().toISOString() }),
          );
          await audit.record(trx, ctx, {
            action: 'registry.update',
            targetType: 'entity',
            targetId: id,
            regionPath: region.path,
            detail: { changes },
          });
        })
        .catch((err: unknown) => uniqueViolation(err, e.uscc));
    },

    /** A manager's manual status change (with a reason), through the same state machine. */
    async setStatus(ctx: RequestContext, id: number, to: EntityStatus, reason: string): Promise<void> {
      const actor = requirePermission(ctx.actor, 'registry.manage');
      const row = await repo.byId(db, id);
      if (!row || !inRegionScope(scopeOf(actor, 'registry.manage'), row.regionPath)) throw new AppError('common.not_found', 404);
      await db.transaction().execute((trx) => changeStatus(trx, ctx, id, to, reason, { type: 'registry', id: actor.id }));
      events.publish({
        type: 'registry.status_changed',
        regionPath: row.regionPath,
        data: { entityId: id, from: row.status, to },
      });
    },

    async history(ctx: RequestContext, id: number): Promise<StatusHistoryItem[]> {
      await readable(ctx, id);
      return (await repo.historyOf(db, id)).map((h) => ({
        id: Number(h.id),
        from: h.fromStatus as EntityStatus | null,
        to: h.toStatus as EntityStatus,
        reason: h.reason,
        sourceType: h.sourceType,
        sourceId: h.sourceId,
        actorName: h.actorName,
        at: h.at,
      }));
    },

    /** 一企一档: the registry's own status history plus every registered source, newest first. */
    async timeline(ctx: RequestContext, id: number): Promise<TimelineItem[]> {
      await readable(ctx, id);
      const status = (name: string | null) => (name ? t(ctx.locale, `registry.status.${name}`) : '—');
      const own: TimelineItem[] = (await repo.historyOf(db, id)).map((h) => ({
        at: h.at,
        kind: h.fromStatus ? 'registry.status' : 'registry.created',
        title: h.fromStatus
          ? t(ctx.locale, 'registry.timeline.status', { from: status(h.fromStatus), to: status(h.toStatus) })
          : t(ctx.locale, 'registry.timeline.created'),
        detail: [h.reason, h.actorName].filter(Boolean).join(' · '),
      }));
      const others = await Promise.all(timelineSources.map((s) => s.load(id, ctx)));
      return [...own, ...others.flat()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    },

    previewImport: importer.preview,
    getImport: importer.get,
    confirmImport: importer.confirm,
    importTemplate: importer.template,
  };
}
export type RegistryService = ReturnType<typeof createRegistryService>;
