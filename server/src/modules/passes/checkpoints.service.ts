import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Checkpoint, CheckpointKind, Shift, checkpointInputSchema, shiftInputSchema } from '@fugong/contract';
import { localDate, type Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { inRegionScope, requireInScope, requirePermission, scopeOf } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import { checkpointsRepo } from './checkpoints.repo';
import { passesRepo } from './passes.repo';
import type { ModuleDb } from '../../platform/module';
import type { CheckpointTable, PassesTables } from './passes.tables';
import { scanLogExport } from './passes-export';

interface Deps {
  db: ModuleDb<PassesTables>;
  clock: Clock;
  audit: Audit;
  regions: RegionsService;
}

export interface CheckpointFacts {
  id: number;
  kind: CheckpointKind;
  regionPath: string;
  active: boolean;
}

/** A checkpoint changes rarely and is read on every scan: each node keeps it for a few seconds. */
const CACHE_MS = 10_000;

export function createCheckpointsService({ db, clock, audit, regions }: Deps) {
  const repo = checkpointsRepo();
  const scans = passesRepo();
  const cache = new Map<number, { at: number; cp: CheckpointFacts | null }>();

  async function facts(id: number): Promise<CheckpointFacts | null> {
    const now = Date.now();
    const hit = cache.get(id);
    if (hit && now - hit.at < CACHE_MS) return hit.cp;
    const row = await repo.byId(db, id);
    const cp = row ? { id: row.id, kind: row.kind as CheckpointKind, regionPath: row.regionPath, active: !!row.active } : null;
    if (cache.size > 10_000) cache.clear();
    cache.set(id, { at: now, cp });
    return cp;
  }

  async function toCheckpoints(rows: Selectable<CheckpointTable>[]): Promise<Checkpoint[]> {
    const names = await regions.namesOf(rows.map((r) => r.regionCode));
    const counts = new Map(
      (
        await scans.scansTodayByCheckpoint(
          db,
          rows.map((r) => r.id),
          localDate(clock.now()),
        )
      ).map((c) => [c.checkpointId, Number(c.n)]),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind as CheckpointKind,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      active: !!r.active,
      scansToday: counts.get(r.id) ?? 0,
    }));
  }

  /** Checkpoint staff see the checkpoints they may scan at; managers those they run. */
  function listScope(ctx: RequestContext) {
    const actor = requirePermission(
      ctx.actor,
      ctx.actor?.permissions.has('passes.checkpoints') ? 'passes.checkpoints' : 'passes.verify',
    );
    const a = scopeOf(actor, 'passes.checkpoints');
    const b = scopeOf(actor, 'passes.verify');
    return {
      all: a.all || b.all,
      regionPaths: [...a.regionPaths, ...b.regionPaths],
      departments: [],
      entityIds: [],
      venueIds: [],
    };
  }

  async function loadManaged(ctx: RequestContext, id: number) {
    const actor = requirePermission(ctx.actor, 'passes.checkpoints');
    const row = await repo.byId(db, id);
    if (!row) throw new AppError('common.not_found', 404);
    requireInScope(scopeOf(actor, 'passes.checkpoints'), row.regionPath);
    return { actor, row };
  }

  return {
    facts,
    async list(ctx: RequestContext): Promise<Checkpoint[]> {
      return toCheckpoints(await repo.list(db, listScope(ctx)));
    },
    async get(ctx: RequestContext, id: number): Promise<Checkpoint> {
      const row = await repo.byId(db, id);
      if (!row || !inRegionScope(listScope(ctx), row.regionPath)) throw new AppError('common.not_found', 404);
      return (await toCheckpoints([row]))[0]!;
    },
    async create(ctx: RequestContext, input: z.infer<typeof checkpointInputSchema>): Promise<number> {
      const actor = requirePermission(ctx.actor, 'passes.checkpoints');
      const region = await regions.resolve(input.regionCode);
      if (!inRegionScope(scopeOf(actor, 'passes.checkpoints'), region.path)) {
        throw new AppError('common.validation_failed', 400, {}, [{ field: 'regionCode', message: 'people.region_out_of_scope' }]);
      }
      return db.transaction().execute(async (trx) => {
        const { id } = await repo.insert(trx, {
          name: input.name,
          kind: input.kind,
          regionCode: region.code,
          regionPath: region.path,
          active: 1,
          createdAt: clock.now().toISOString(),
        });
        await audit.record(trx, ctx, {
          action: 'passes.checkpoint_create',
          targetType: 'checkpoint',
          targetId: Number(id),
          regionPath: region.path,
          detail: { name: input.name, kind: input.kind },
        });
        return Number(id);
      });
    },
    async setActive(ctx: RequestContext, id: number, active: boolean): Promise<void> {
      const { row } = await loadManaged(ctx, id);
      await db.transaction().execute(async (trx) => {
        await repo.setActive(trx, id, active);
        await audit.record(trx, ctx, {
          action: active ? 'passes.checkpoint_open' : 'passes.checkpoint_close',
          targetType: 'checkpoint',
          targetId: id,
          regionPath: row.regionPath,
        });
      });
      cache.delete(id);
    },
    async shifts(ctx: RequestContext, id: number, date?: string): Promise<Shift[]> {
      await this.get(ctx, id);
      return (await repo.shifts(db, id, date)).map(({ createdBy: _by, ...s }) => ({
        ...s,
        members: JSON.parse(s.members) as string[],
      }));
    },
    async addShift(ctx: RequestContext, id: number, input: z.infer<typeof shiftInputSchema>): Promise<number> {
      const { actor, row } = await loadManaged(ctx, id);
      return db.transaction().execute(async (trx) => {
        const r = await repo.insertShift(trx, {
          checkpointId: id,
          ...input,
          members: JSON.stringify(input.members),
          createdBy: actor.id,
        });
        await audit.record(trx, ctx, {
          action: 'passes.shift_add',
          targetType: 'checkpoint',
          targetId: id,
          regionPath: row.regionPath,
          detail: { date: input.date, team: input.team },
        });
        return Number(r.id);
      });
    },
    async removeShift(ctx: RequestContext, id: number, shiftId: number): Promise<void> {
      const { row } = await loadManaged(ctx, id);
      const shift = await repo.shiftById(db, shiftId);
      if (!shift || shift.checkpointId !== id) throw new AppError('common.not_found', 404);
      await db.transaction().execute(async (trx) => {
        await repo.deleteShift(trx, shiftId);
        await audit.record(trx, ctx, {
          action: 'passes.shift_remove',
          targetType: 'checkpoint',
          targetId: id,
          regionPath: row.regionPath,
          detail: { shiftId },
        });
      });
    },
    /** One day's scan log of a checkpoint as .xlsx, for those who run it; names and numbers masked; audited. */
    async exportScans(ctx: RequestContext, id: number, date: string | undefined): Promise<{ date: string; buf: Buffer }> {
      const { row } = await loadManaged(ctx, id);
      const day = date ?? localDate(clock.now());
      const rows = await scans.scansOn(db, id, day, 100_000);
      await audit.record(db, ctx, {
        action: 'passes.scan_export',
        targetType: 'checkpoint',
        targetId: id,
        regionPath: row.regionPath,
        detail: { date: day, rows: rows.length },
      });
      return { date: day, buf: await scanLogExport(ctx.locale, row.name, day, rows) };
    },
    /** For the demo and other modules: a checkpoint without a request. */
    async createForService(input: { name: string; kind: CheckpointKind; regionCode: string }): Promise<number> {
      const region = await regions.resolve(input.regionCode);
      const { id } = await repo.insert(db, {
        name: input.name,
        kind: input.kind,
        regionCode: region.code,
        regionPath: region.path,
        active: 1,
        createdAt: clock.now().toISOString(),
      });
      return Number(id);
    },
  };
}
export type CheckpointsService = ReturnType<typeof createCheckpointsService>;
