import { sql, type SqlBool } from 'kysely';
import { pathPrefix } from '../../db/sql-helpers';
import { childLevel, totalsLevel, pathRange } from '../../db/category-key';
import { addDays } from '../../platform/clock';
import type { Queryable } from '../../platform/module';
import type { RegistryTables } from './registry.tables';
import type { Scope } from '../../platform/permissions';
import { scopeFilter } from '../../platform/permissions';

type Db = Queryable<RegistryTables>;

/** The attributes every resumption category is decided by. */
export interface EntityAttrs {
  kind: string;
  sector: string;
  industry: string | null;
  aboveScale: number;
  aboveQuota: number;
  fourAbove: number;
  sizeClass: string | null;
}

export interface ResumptionFactRow extends EntityAttrs {
  /** path prefix of the child region the rows belong to, when grouped by child */
  child: string | null;
  total: number;
  resumed: number;
}

/** A fact row from the rollup or from the entities: '' stored for a missing industry or size class reads as null. */
function toFact(r: {
  kind: string;
  sector: string;
  industry: string | null;
  aboveScale: unknown;
  aboveQuota: unknown;
  fourAbove: unknown;
  sizeClass: string | null;
  child: string | null;
  total: unknown;
  resumed: unknown;
}): ResumptionFactRow {
  return {
    ...r,
    industry: r.industry || null,
    sizeClass: r.sizeClass || null,
    aboveScale: Number(r.aboveScale),
    aboveQuota: Number(r.aboveQuota),
    fourAbove: Number(r.fourAbove),
    total: Number(r.total),
    resumed: Number(r.resumed ?? 0),
  };
}

const childOf = (col: string, rootPath: string, childLen: number | null) =>
  childLen === null ? sql<string | null>`null` : sql<string>`substr(${sql.ref(col)}, 1, ${rootPath.length + childLen + 1})`;

/**
 * The status an entity had at `end` (UTC ISO): its current status when it has not changed
 * since, otherwise the last history line before `end` (null: not yet in the registry then).
 */
const statusAt = (end: string) => sql<string | null>`case when entity.status_changed_at <= ${end} then entity.status else (
  select h.to_status from entity_status_history h where h.entity_id = entity.id and h.at <= ${end} order by h.at desc, h.id desc limit 1) end`;

export const registryStatsRepo = {
  /**
   * Entities of a subtree that existed at `end`, and how many of them were resumed then,
   * grouped by the category attributes (and by child region when `childLen` is given).
   * Buildings are places, not businesses: they never count.
   */
  async resumptionFacts(db: Db, rootPath: string, date: string, childLen: number | null): Promise<ResumptionFactRow[]> {
    // the rows of the children's level (their own region is the child), or of the region's own level for plain totals
    const byChild = childLen !== null;
    let q = db
      .selectFrom('entityCountDelta as d')
      .select(['d.kind', 'd.sector', 'd.industry', 'd.aboveScale', 'd.aboveQuota', 'd.fourAbove', 'd.sizeClass'])
      .select(byChild ? sql<string | null>`d.region_path`.as('child') : sql<string | null>`null`.as('child'))
      .select((eb) => [eb.fn.sum<number>('d.counted').as('total'), eb.fn.sum<number>('d.resumed').as('resumed')])
      .where('d.level', '=', byChild ? childLevel(rootPath) : totalsLevel(rootPath))
      .where(pathRange('d.region_path', rootPath))
      .where('d.day', '<=', date)
      .groupBy(['d.kind', 'd.sector', 'd.industry', 'd.aboveScale', 'd.aboveQuota', 'd.fourAbove', 'd.sizeClass'])
      .having((eb) => eb.fn.sum('d.counted'), '<>', 0);
    if (byChild) q = q.groupBy('d.regionPath');
    return (await q.execute()).map(toFact);
  },

  /** Total and resumed at the end of each day in [from, to] for a subtree (trend lines), from the rollup. */
  async resumptionTotalsByDay(
    db: Db,
    rootPath: string,
    from: string,
    to: string,
  ): Promise<Map<string, { total: number; resumed: number }>> {
    const rows = await db
      .selectFrom('entityCountDelta as d')
      .select((eb) => ['d.day', eb.fn.sum<number>('d.counted').as('total'), eb.fn.sum<number>('d.resumed').as('resumed')])
      .where('d.level', '=', totalsLevel(rootPath))
      .where(pathRange('d.region_path', rootPath))
      .where('d.day', '<=', to)
      .groupBy('d.day')
      .orderBy('d.day')
      .execute();
    const out = new Map<string, { total: number; resumed: number }>();
    const run = { total: 0, resumed: 0 };
    let i = 0;
    for (let d = from; d <= to; d = addDays(d, 1)) {
      for (; i < rows.length && rows[i]!.day <= d; i++) {
        run.total += Number(rows[i]!.total);
        run.resumed += Number(rows[i]!.resumed);
      }
      out.set(d, { ...run });
    }
    return out;
  },

  /**
   * The same facts recomputed from the entities and their status history (what the rollup must
   * equal): the status at the instant `end` is the current one when unchanged since, otherwise
   * the last history line before `end`.
   */
  async resumptionFactsFromEntities(
    db: Db,
    rootPath: string,
    end: string,
    childLen: number | null,
  ): Promise<ResumptionFactRow[]> {
    const child = childOf('entity.region_path', rootPath, childLen);
    const inner = db
      .selectFrom('entity')
      .select([
        'entity.kind',
        'entity.sector',
        'entity.industry',
        'entity.aboveScale',
        'entity.aboveQuota',
        'entity.fourAbove',
        'entity.sizeClass',
      ])
      .select(child.as('child'))
      .select(statusAt(end).as('st'))
      .where(sql<SqlBool>`entity.region_path like ${pathPrefix(rootPath)} escape '\\'`)
      .where('entity.kind', '<>', 'building')
      .as('x');
    const rows = await db
      .selectFrom(inner)
      .select(['x.kind', 'x.sector', 'x.industry', 'x.aboveScale', 'x.aboveQuota', 'x.fourAbove', 'x.sizeClass', 'x.child'])
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        sql<number>`sum(case when x.st = 'resumed' then 1 else 0 end)`.as('resumed'),
      ])
      .where('x.st', 'is not', null)
      .where('x.st', '<>', 'closed')
      .groupBy(['x.kind', 'x.sector', 'x.industry', 'x.aboveScale', 'x.aboveQuota', 'x.fourAbove', 'x.sizeClass', 'x.child'])
      .execute();
    return rows.map(toFact);
  },

  /** Entities resumed now in a scope (optionally under a path), ordered by region then id. */
  resumedIn(db: Db, scope: Scope, underPath: string | null) {
    let q = db
      .selectFrom('entity')
      .select(['entity.id', 'entity.name', 'entity.kind', 'entity.regionCode', 'entity.regionPath', 'entity.statusChangedAt'])
      .where('entity.status', '=', 'resumed')
      .where((eb) => scopeFilter(eb, scope, { path: 'entity.region_path', entityId: 'entity.id' }));
    if (underPath) q = q.where(sql<SqlBool>`entity.region_path like ${pathPrefix(underPath)} escape '\\'`);
    return q.orderBy('entity.regionPath').orderBy('entity.id').execute();
  },

  /** Every entity of a subtree with its category attributes (demo data generation). */
  entitiesUnder(db: Db, rootPath: string) {
    return db
      .selectFrom('entity')
      .select([
        'id',
        'name',
        'kind',
        'sector',
        'industry',
        'aboveScale',
        'aboveQuota',
        'fourAbove',
        'sizeClass',
        'registeredStaff',
        'status',
        'regionPath',
        'createdAt',
      ])
      .where(sql<SqlBool>`entity.region_path like ${pathPrefix(rootPath)} escape '\\'`)
      .orderBy('id')
      .execute();
  },

  async backdateCreation(db: Db, ids: number[], at: string): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      await db
        .updateTable('entity')
        .set({ createdAt: at, statusChangedAt: at })
        .where('id', 'in', part)
        .where('status', '=', 'not_resumed')
        .execute();
      await db
        .updateTable('entityStatusHistory')
        .set({ at })
        .where('entityId', 'in', part)
        .where('fromStatus', 'is', null)
        .execute();
    }
  },

  /** Moves not-resumed entities to resumed at a past moment; returns the ids actually moved. */
  async resumeAt(db: Db, ids: number[], at: string, reason: string): Promise<number> {
    let moved = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      const rows = await db
        .updateTable('entity')
        .set({ status: 'resumed', statusChangedAt: at, updatedAt: at })
        .where('id', 'in', part)
        .where('status', '=', 'not_resumed')
        .returning('id')
        .execute();
      if (rows.length === 0) continue;
      moved += rows.length;
      await db
        .insertInto('entityStatusHistory')
        .values(
          rows.map((r) => ({
            entityId: Number(r.id),
            fromStatus: 'not_resumed',
            toStatus: 'resumed',
            reason,
            sourceType: 'backfill',
            sourceId: null,
            actorId: null,
            actorName: null,
            at,
          })),
        )
        .execute();
    }
    return moved;
  },
};
