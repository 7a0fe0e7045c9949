import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { pathPrefix } from '../../db/sql-helpers';
import type { Scope } from '../../platform/permissions';
import { scopeFilter } from '../../platform/permissions';

type Db = Kysely<DB> | Transaction<DB>;

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
  async resumptionFacts(db: Db, rootPath: string, end: string, childLen: number | null): Promise<ResumptionFactRow[]> {
    const child = childLen === null ? sql<string | null>`null` : sql<string>`substr(entity.region_path, 1, ${rootPath.length + childLen + 1})`;
    const inner = db
      .selectFrom('entity')
      .select(['entity.kind', 'entity.sector', 'entity.industry', 'entity.aboveScale', 'entity.aboveQuota', 'entity.fourAbove', 'entity.sizeClass'])
      .select(child.as('child'))
      .select(statusAt(end).as('st'))
      .where(sql<SqlBool>`entity.region_path like ${pathPrefix(rootPath)} escape '\\'`)
      .where('entity.kind', '<>', 'building')
      .as('x');
    const rows = await db
      .selectFrom(inner)
      .select(['x.kind', 'x.sector', 'x.industry', 'x.aboveScale', 'x.aboveQuota', 'x.fourAbove', 'x.sizeClass', 'x.child'])
      .select((eb) => [eb.fn.countAll<number>().as('total'), sql<number>`sum(case when x.st = 'resumed' then 1 else 0 end)`.as('resumed')])
      .where('x.st', 'is not', null)
      .where('x.st', '<>', 'closed')
      .groupBy(['x.kind', 'x.sector', 'x.industry', 'x.aboveScale', 'x.aboveQuota', 'x.fourAbove', 'x.sizeClass', 'x.child'])
      .execute();
    return rows.map((r) => ({ ...r, aboveScale: Number(r.aboveScale), aboveQuota: Number(r.aboveQuota), fourAbove: Number(r.fourAbove), total: Number(r.total), resumed: Number(r.resumed) }));
  },

  /** Total and resumed at `end` for a subtree, without grouping (trend lines). */
  async resumptionTotals(db: Db, rootPath: string, end: string): Promise<{ total: number; resumed: number }> {
    const inner = db
      .selectFrom('entity')
      .select(statusAt(end).as('st'))
      .where(sql<SqlBool>`entity.region_path like ${pathPrefix(rootPath)} escape '\\'`)
      .where('entity.kind', '<>', 'building')
      .as('x');
    const r = await db
      .selectFrom(inner)
      .select((eb) => [eb.fn.countAll<number>().as('total'), sql<number>`sum(case when x.st = 'resumed' then 1 else 0 end)`.as('resumed')])
      .where('x.st', 'is not', null)
      .where('x.st', '<>', 'closed')
      .executeTakeFirstOrThrow();
    return { total: Number(r.total), resumed: Number(r.resumed ?? 0) };
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
      .select(['id', 'name', 'kind', 'sector', 'industry', 'aboveScale', 'aboveQuota', 'fourAbove', 'sizeClass', 'registeredStaff', 'status', 'regionPath', 'createdAt'])
      .where(sql<SqlBool>`entity.region_path like ${pathPrefix(rootPath)} escape '\\'`)
      .orderBy('id')
      .execute();
  },

  /** Which of the entities have a user signed in for them (enterprise grants). */
  async boundToUsers(db: Db, ids: number[]): Promise<Set<number>> {
    const out = new Set<number>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db.selectFrom('userGrant').select('entityId').where('entityId', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) out.add(Number(r.entityId));
    }
    return out;
  },

  async backdateCreation(db: Db, ids: number[], at: string): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      await db.updateTable('entity').set({ createdAt: at, statusChangedAt: at }).where('id', 'in', part).where('status', '=', 'not_resumed').execute();
      await db.updateTable('entityStatusHistory').set({ at }).where('entityId', 'in', part).where('fromStatus', 'is', null).execute();
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
        .values(rows.map((r) => ({ entityId: Number(r.id), fromStatus: 'not_resumed', toStatus: 'resumed', reason, sourceType: 'backfill', sourceId: null, actorId: null, actorName: null, at })))
        .execute();
    }
    return moved;
  },
};
