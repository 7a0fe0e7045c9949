import type { Permission } from '@fugong/contract';
import type { Selectable } from 'kysely';
import type { Page, SealedBuilding, SealedReport } from '@fugong/contract';
import type { ModuleDb } from '../../platform/module';
import type { IsolationTables } from './isolation.tables';
import { localDate, type Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { inRegionScope, requireInScope, requirePermission, scopeOf } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import type { SealedBuildingTable } from './isolation.tables';
import { nextSealedStatus, type SealedStatus } from './isolation-states';
import { sealedBuildingsRepo } from './sealed-buildings.repo';
import { sealedReportExport } from './isolation-export';

interface Deps {
  db: ModuleDb<IsolationTables>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  regions: RegionsService;
}

export function createSealedBuildingsService({ db, clock, audit, events, regions }: Deps) {
  const repo = sealedBuildingsRepo();

  async function toBuildings(rows: Selectable<SealedBuildingTable>[]): Promise<SealedBuilding[]> {
    const names = await regions.namesOf(rows.map((r) => r.regionCode));
    const last = new Map(
      (
        await repo.lastStatusOf(
          db,
          rows.map((r) => r.id),
        )
      ).map((s) => [s.buildingId, s]),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      residents: r.residents,
      reason: r.reason,
      sealedOn: r.sealedOn,
      releasedOn: r.releasedOn,
      status: r.status as SealedStatus,
      lastStatusDate: last.get(r.id)?.date ?? null,
      lastStatusNote: last.get(r.id)?.note ?? null,
    }));
  }

  async function load(ctx: RequestContext, perm: Permission, id: number) {
    const actor = requirePermission(ctx.actor, perm);
    const row = await repo.byId(db, id);
    if (!row) throw new AppError('common.not_found', 404);
    requireInScope(scopeOf(actor, perm), row.regionPath);
    return { actor, row };
  }

  async function seal(
    ctx: RequestContext,
    input: { name: string; regionCode: string; residents: number; reason: string; sealedOn?: string },
    actorId: number | null,
  ): Promise<number> {
    const region = await regions.resolve(input.regionCode);
    const id = await db.transaction().execute(async (trx) => {
      const { id } = await repo.insert(trx, {
        name: input.name,
        regionCode: region.code,
        regionPath: region.path,
        residents: input.residents,
        reason: input.reason,
        sealedOn: input.sealedOn ?? localDate(clock.now()),
        releasedOn: null,
        status: 'sealed',
        createdAt: clock.now().toISOString(),
        createdBy: actorId,
      });
      await audit.record(trx, ctx, {
        action: 'isolation.seal',
        targetType: 'sealed_building',
        targetId: Number(id),
        regionPath: region.path,
        detail: { residents: input.residents },
      });
      return Number(id);
    });
    events.publish({ type: 'isolation.building_sealed', regionPath: region.path, data: { id, residents: input.residents } });
    return id;
  }

  return {
    async list(
      ctx: RequestContext,
      q: { page: number; pageSize: number; status?: string; regionCode?: string },
    ): Promise<Page<SealedBuilding>> {
      const actor = requirePermission(ctx.actor, 'isolation.read');
      const under = q.regionCode ? (await regions.resolve(q.regionCode)).path : undefined;
      const { total, rows } = await repo.page(
        db,
        scopeOf(actor, 'isolation.read'),
        { status: q.status, underPath: under },
        (q.page - 1) * q.pageSize,
        q.pageSize,
      );
      return { items: await toBuildings(rows), total, page: q.page, pageSize: q.pageSize };
    },
    async get(ctx: RequestContext, id: number) {
      const { row } = await load(ctx, 'isolation.read', id);
      return {
        ...(await toBuildings([row]))[0]!,
        statuses: (await repo.statuses(db, id)).map((s) => ({ date: s.date, note: s.note, at: s.at })),
      };
    },
    async create(
      ctx: RequestContext,
      input: { name: string; regionCode: string; residents: number; reason: string; sealedOn?: string },
    ): Promise<number> {
      const actor = requirePermission(ctx.actor, 'isolation.seal');
      const region = await regions.resolve(input.regionCode);
      if (!inRegionScope(scopeOf(actor, 'isolation.seal'), region.path)) {
        throw new AppError('common.validation_failed', 400, {}, [{ field: 'regionCode', message: 'people.region_out_of_scope' }]);
      }
      return seal(ctx, input, actor.id);
    },
    async reportStatus(ctx: RequestContext, id: number, input: { date?: string; note: string }): Promise<void> {
      const { actor, row } = await load(ctx, 'isolation.seal', id);
      nextSealedStatus(row.status as SealedStatus, 'report');
      await db.transaction().execute(async (trx) => {
        await repo.insertStatus(trx, {
          buildingId: id,
          date: input.date ?? localDate(clock.now()),
          note: input.note,
          at: clock.now().toISOString(),
          by: actor.id,
        });
        await audit.record(trx, ctx, {
          action: 'isolation.seal_status',
          targetType: 'sealed_building',
          targetId: id,
          regionPath: row.regionPath,
        });
      });
    },
    async release(ctx: RequestContext, id: number): Promise<void> {
      const { row } = await load(ctx, 'isolation.seal', id);
      nextSealedStatus(row.status as SealedStatus, 'release');
      await db.transaction().execute(async (trx) => {
        const r = await repo.releaseIf(trx, id, localDate(clock.now()));
        if (Number(r.numUpdatedRows) !== 1) throw new AppError('common.conflict', 409);
        await audit.record(trx, ctx, {
          action: 'isolation.seal_release',
          targetType: 'sealed_building',
          targetId: id,
          regionPath: row.regionPath,
        });
      });
      events.publish({ type: 'isolation.building_released', regionPath: row.regionPath, data: { id } });
    },
    /** Buildings and people sealed, ever and now, per child region of `regionCode`, with the total. */
    async report(ctx: RequestContext, regionCode: string | undefined): Promise<SealedReport> {
      const actor = requirePermission(ctx.actor, 'isolation.read');
      const scope = scopeOf(actor, 'isolation.read');
      // no region asked: the caller's one district, or every district side by side for those with several
      const roots = regionCode ? [] : await regions.rootsFor(actor);
      const top =
        roots.length > 1
          ? { code: '', name: t(ctx.locale, 'isolation.all_regions'), path: '/' }
          : regionCode
            ? await regions.get(regionCode)
            : (roots[0] ?? null);
      if (!top || !(scope.all || scope.regionPaths.some((p) => top.path.startsWith(p) || p.startsWith(top.path))))
        throw new AppError('common.not_found', 404);
      const depth = top.path.split('/').filter(Boolean).length;
      const rows = await repo.totalsByPath(db, scope, top.path);
      const byChild = new Map<string, { buildings: number; people: number; sealedNow: number; peopleSealedNow: number }>();
      for (const r of rows) {
        const child = r.regionPath.split('/').filter(Boolean)[depth] ?? top.code;
        const acc = byChild.get(child) ?? { buildings: 0, people: 0, sealedNow: 0, peopleSealedNow: 0 };
        acc.buildings += Number(r.buildings);
        acc.people += Number(r.people ?? 0);
        acc.sealedNow += Number(r.sealedNow ?? 0);
        acc.peopleSealedNow += Number(r.peopleSealedNow ?? 0);
        byChild.set(child, acc);
      }
      const names = await regions.namesOf([...byChild.keys()]);
      const out = [...byChild.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, v]) => ({ regionCode: code, regionName: names.get(code) ?? code, ...v }));
      const total = out.reduce(
        (a, r) => ({
          ...a,
          buildings: a.buildings + r.buildings,
          people: a.people + r.people,
          sealedNow: a.sealedNow + r.sealedNow,
          peopleSealedNow: a.peopleSealedNow + r.peopleSealedNow,
        }),
        { regionCode: top.code, regionName: top.name, buildings: 0, people: 0, sealedNow: 0, peopleSealedNow: 0 },
      );
      return { regionCode: top.code, regionName: top.name, rows: out, total };
    },
    /** The per-region report as .xlsx, total last; the export is audited. */
    async exportReport(ctx: RequestContext, regionCode: string | undefined): Promise<{ report: SealedReport; buf: Buffer }> {
      const report = await this.report(ctx, regionCode);
      await audit.record(db, ctx, {
        action: 'isolation.sealed_export',
        targetType: 'sealed_building',
        detail: { regionCode: report.regionCode, buildings: report.total.buildings, people: report.total.people },
      });
      return { report, buf: await sealedReportExport(ctx.locale, report) };
    },
    /** For the demo loader: seal (and possibly release) without a signed-in officer. */
    async sealForDemo(
      ctx: RequestContext,
      input: { name: string; regionCode: string; residents: number; reason: string; sealedOn: string; releasedOn: string | null },
    ) {
      const id = await seal(ctx, input, null);
      if (input.releasedOn) await repo.releaseIf(db, id, input.releasedOn);
      return id;
    },
  };
}
export type SealedBuildingsService = ReturnType<typeof createSealedBuildingsService>;
