import type { Entity, EntityStatus } from '@fugong/contract';
import type { Dialect } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { Pii } from '../../platform/pii';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { inRegionScope, scopeOf, type Actor, type Scope } from '../../platform/permissions';
import type { ModuleDb } from '../../platform/module';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryTables } from './registry.tables';
import type { EntityRow, RegistryRepo } from './registry.repo';
import { entityStatusTransitions } from './entity-status';
import { toSummary } from './entity-record';

export interface RegistryDeps {
  db: ModuleDb<RegistryTables>;
  dialect: Dialect;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  pii: Pii;
  regions: RegionsService;
}

/** Who may read and manage which entities, and how a row is shown to the caller. */
export function createEntityAccess(deps: RegistryDeps, repo: RegistryRepo) {
  const { db, regions } = deps;
  /** Where the caller may read entities: their registry.read subtrees plus the entities they are bound to (registry.own). */
  function readScope(ctx: RequestContext): Scope {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.required', 401);
    if (!actor.permissions.has('registry.read') && !actor.permissions.has('registry.own'))
      throw new AppError('common.forbidden', 403);
    const read = scopeOf(actor, 'registry.read');
    const own = scopeOf(actor, 'registry.own');
    return { ...read, entityIds: [...new Set([...read.entityIds, ...own.entityIds])] };
  }

  function canManage(actor: Actor | null, regionPath: string): boolean {
    if (!actor || !actor.permissions.has('registry.manage')) return false;
    return inRegionScope(scopeOf(actor, 'registry.manage'), regionPath);
  }

  /** The region an entity is placed in; a manager may place entities only inside their own area. */
  async function placeIn(ctx: RequestContext, regionCode: string): Promise<{ code: string; path: string }> {
    const region = await regions.resolve(regionCode, 'regionCode');
    if (ctx.actor && !canManage(ctx.actor, region.path)) {
      throw new AppError('common.validation_failed', 400, { code: regionCode }, [
        { field: 'regionCode', message: 'registry.region_out_of_scope' },
      ]);
    }
    return region;
  }

  /** The unique indexes decide races between two writers of one credit code or identity. */
  function uniqueViolation(err: unknown, uscc: string | null): never {
    const msg = String((err as Error)?.message ?? '');
    if (!/unique|duplicate/i.test(msg)) throw err;
    // with a credit code the identity key is the code itself, so only the reg-no index means something else
    if (uscc && !/reg_?no/i.test(msg))
      throw new AppError('registry.uscc_taken', 409, { uscc }, [{ field: 'uscc', message: 'registry.uscc_taken' }]);
    throw new AppError('registry.identity_taken', 409, {}, [{ field: 'regNo', message: 'registry.identity_taken' }]);
  }

  async function toEntities(ctx: RequestContext, rows: EntityRow[]): Promise<Entity[]> {
    const names = await regions.namesOf(rows.map((r) => r.regionCode));
    return rows.map((r) => {
      const manage = canManage(ctx.actor, r.regionPath);
      return {
        ...toSummary(r),
        regNo: r.regNo,
        regionName: names.get(r.regionCode) ?? null,
        address: r.address,
        contactName: r.contactName,
        contactPhoneMasked: r.contactPhoneMasked,
        statusChangedAt: r.statusChangedAt,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        abilities: {
          edit: manage,
          changeStatus: manage,
          nextStatuses: manage ? [...entityStatusTransitions[r.status as EntityStatus]] : [],
        },
      };
    });
  }

  async function readable(ctx: RequestContext, id: number): Promise<EntityRow> {
    const scope = readScope(ctx);
    const row = await repo.byId(db, id);
    if (!row) throw new AppError('common.not_found', 404);
    if (!inRegionScope(scope, row.regionPath) && !scope.entityIds.includes(Number(row.id)))
      throw new AppError('common.not_found', 404);
    return row;
  }

  return { readScope, canManage, placeIn, uniqueViolation, toEntities, readable };
}
export type EntityAccess = ReturnType<typeof createEntityAccess>;
