import type { Region, RegionLevel } from '@fugong/contract';
import type { RegionTable } from '../../db/schema';
import type { Dialect } from '../../db/database';
import { AppError } from '../../platform/errors';
import { requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import type { RequestContext } from '../../platform/context';
import type { ModuleDb } from '../../platform/module';
import { regionsRepo } from './regions.repo';
import type { RegionsTables } from './regions.tables';

function toRegion(r: {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  path: string;
  childCount: number;
}): Region {
  return { ...r, level: r.level as RegionLevel, childCount: Number(r.childCount) };
}

/** Path of a child below its parent: the parent's path plus the child's code. */
export function childPath(parentPath: string | null, code: string): string {
  return (parentPath ?? '/') + code + '/';
}

export function createRegionsService({ db, dialect }: { db: ModuleDb<RegionsTables>; dialect: Dialect }) {
  const repo = regionsRepo(dialect);

  /** Roots an actor should start browsing from: the top of each of their subtrees. */
  async function rootsFor(actor: Actor): Promise<Region[]> {
    const scope = scopeOf(actor, 'regions.read');
    if (scope.all) return (await repo.children(db, null)).map(toRegion);
    const codes = scope.regionPaths.map((p) => p.split('/').filter(Boolean).pop()!);
    const rows = await Promise.all(codes.map((c) => repo.byCode(db, c)));
    return rows.filter((r): r is NonNullable<typeof r> => !!r).map(toRegion);
  }

  return {
    rootsFor,
    async children(ctx: RequestContext, parent: string | undefined): Promise<Region[]> {
      const actor = requirePermission(ctx.actor, 'regions.read');
      if (!parent) return rootsFor(actor);
      const scope = scopeOf(actor, 'regions.read');
      const p = await repo.byCode(db, parent);
      // browsing is allowed inside one's subtrees only
      if (!p || !(scope.all || scope.regionPaths.some((sp) => p.path.startsWith(sp))))
        throw new AppError('common.not_found', 404);
      return (await repo.children(db, parent)).map(toRegion);
    },
    async search(ctx: RequestContext, q: string, limit: number): Promise<Region[]> {
      const actor = requirePermission(ctx.actor, 'regions.read');
      const scope = scopeOf(actor, 'regions.read');
      return (await repo.search(db, q, limit, scope.all ? null : scope.regionPaths)).map(toRegion);
    },
    /** For other modules: the region a code names, or a 400 naming the field. */
    async resolve(code: string, field = 'regionCode'): Promise<{ code: string; name: string; path: string; level: RegionLevel }> {
      const r = await repo.byCode(db, code);
      if (!r) throw new AppError('common.validation_failed', 400, { code }, [{ field, message: 'regions.unknown' }]);
      return { code: r.code, name: r.name, path: r.path, level: r.level as RegionLevel };
    },
    async get(code: string) {
      const r = await repo.byCode(db, code);
      return r ? toRegion(r) : null;
    },
    async namesOf(codes: string[]): Promise<Map<string, string>> {
      const rows = await repo.byCodes(db, [...new Set(codes)]);
      return new Map(rows.map((r) => [r.code, r.name]));
    },
    /** For other modules' bulk work (imports, demo): many codes resolved in a few queries; unknown codes are absent. */
    async placesOf(codes: string[]): Promise<Map<string, { code: string; name: string; path: string; level: RegionLevel }>> {
      const unique = [...new Set(codes)];
      const out = new Map<string, { code: string; name: string; path: string; level: RegionLevel }>();
      for (let i = 0; i < unique.length; i += 1000) {
        for (const r of await repo.byCodes(db, unique.slice(i, i + 1000)))
          out.set(r.code, { code: r.code, name: r.name, path: r.path, level: r.level as RegionLevel });
      }
      return out;
    },
    /** For other modules: every region of one level inside a subtree (e.g. the grids of a town). */
    descendantsAt(path: string, level: RegionLevel) {
      return repo.descendantsAt(db, path, level);
    },
    async count(): Promise<number> {
      return Number((await repo.count(db)).n);
    },
    async insertMany(rows: RegionTable[]) {
      await repo.insertMany(db, rows);
    },
  };
}
export type RegionsService = ReturnType<typeof createRegionsService>;
