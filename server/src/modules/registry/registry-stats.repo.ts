import { PostgresAdapter, sql, type Insertable, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../schema';
import { pathPrefix } from '../../db/sql-helpers';
import { LEVEL_PATH_LENGTHS, ancestorsOf, categoryKeysOf, childLevel, totalsLevel, pathRange } from '../../db/category-key';
import { addDays, localDate } from '../../platform/clock';
import type { EntityCountDeltaTable } from './registry.tables';
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

type Delta = Insertable<EntityCountDeltaTable>;
const ATTRS = ['kind', 'sector', 'industry', 'aboveScale', 'aboveQuota', 'fourAbove', 'sizeClass'] as const;
const KEY = ['level', 'regionPath', ...ATTRS, 'day'] as const;
const BATCH = 500;
const isCounted = (kind: string, status: string | null) =>
  kind !== 'building' && status !== null && status !== 'closed' ? 1 : 0;
const isResumed = (kind: string, status: string | null) => (kind !== 'building' && status === 'resumed' ? 1 : 0);

type Placed = Pick<EntityCountDeltaTable, 'regionPath' | 'kind' | 'sector'> & {
  industry?: string | null;
  sizeClass?: string | null;
  aboveScale: number;
  aboveQuota: number;
  fourAbove: number;
};
type Line = { fromStatus: string | null; toStatus: string; at: string };

// bulk loads write thousands of lines with the same timestamp: their local day is computed once
const days = new Map<string, string>();
function dayOf(at: string): string {
  let d = days.get(at);
  if (d === undefined) {
    if (days.size > 10_000) days.clear();
    days.set(at, (d = localDate(new Date(at))));
  }
  return d;
}

/** Adds one history line of an entity to a map of deltas: what changed in "counted" and "resumed" on the line's local day, at each level. */
function addLine(out: Map<string, Delta>, e: Placed, l: Line): void {
  const counted = isCounted(e.kind, l.toStatus) - isCounted(e.kind, l.fromStatus);
  const resumed = isResumed(e.kind, l.toStatus) - isResumed(e.kind, l.fromStatus);
  if (!counted && !resumed) return;
  const day = dayOf(l.at);
  const attrs = `${e.kind}\u0001${e.sector}\u0001${e.industry ?? ''}\u0001${Number(e.aboveScale)}\u0001${Number(e.aboveQuota)}\u0001${Number(e.fourAbove)}\u0001${e.sizeClass ?? ''}\u0001${day}`;
  let keys: ReturnType<typeof categoryKeysOf> | null = null;
  const paths = ancestorsOf(e.regionPath);
  for (let i = 0; i < paths.length; i++) {
    const k = `${i}\u0001${paths[i]}\u0001${attrs}`;
    const prev = out.get(k);
    if (prev) {
      prev.counted += counted;
      prev.resumed += resumed;
    } else {
      keys ??= categoryKeysOf(e);
      out.set(k, { day, ...keys[i]!, counted, resumed });
    }
  }
}

/** Adds `after - before` to the rollup: one upsert per 500 keys (each key once per statement, as PostgreSQL requires). */
async function applyCounts(db: Db, before: Map<string, Delta>, after: Map<string, Delta>): Promise<void> {
  const diff = new Map<string, Delta>();
  for (const [k, d] of after) diff.set(k, { ...d });
  for (const [k, d] of before) {
    const cur = diff.get(k) ?? { ...d, counted: 0, resumed: 0 };
    cur.counted -= d.counted;
    cur.resumed -= d.resumed;
    diff.set(k, cur);
  }
  const rows = [...diff.values()].filter((d) => d.counted || d.resumed);
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('entityCountDelta')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) =>
        oc.columns([...KEY]).doUpdateSet({
          counted: sql<number>`entity_count_delta.counted + excluded.counted`,
          resumed: sql<number>`entity_count_delta.resumed + excluded.resumed`,
        }),
      )
      .execute();
  }
}

const NONE = new Map<string, Delta>();

/** The local (UTC+8) day of a stored UTC ISO timestamp, in SQL. */
const localDay = (db: Db, col: string) =>
  db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<string>`to_char((cast(${sql.ref(col)} as timestamptz) at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`
    : sql<string>`date(${sql.ref(col)}, '+8 hours')`;

// the rollup's levels as path lengths of standard codes: /district/ 8, /…/town/ 21, /…/community/ 34, /…/grid/ 50
const LEVELS = sql`(select 1 as level, ${sql.lit(LEVEL_PATH_LENGTHS[0])} as len union all select 2, ${sql.lit(LEVEL_PATH_LENGTHS[1])} union all select 3, ${sql.lit(LEVEL_PATH_LENGTHS[2])} union all select 4, ${sql.lit(LEVEL_PATH_LENGTHS[3])})`;
const counts = (status: string) =>
  sql<number>`(case when e.kind <> 'building' and ${sql.ref(status)} is not null and ${sql.ref(status)} <> 'closed' then 1 else 0 end)`;
const resumes = (status: string) =>
  sql<number>`(case when e.kind <> 'building' and ${sql.ref(status)} = 'resumed' then 1 else 0 end)`;

/**
 * Adds (sign 1) or takes away (sign -1) what these entities (all when `ids` is null) contribute to
 * the count rollup, computed and upserted by the database in one statement: one delta per history
 * line and level, grouped by key.
 */
async function applyEntities(db: Db, ids: number[] | null, sign: 1 | -1): Promise<void> {
  const only = ids === null ? sql`` : sql`where h.entity_id in (${sql.join(ids)})`;
  const x = sql.raw(String(sign));
  await sql`insert into entity_count_delta (level, region_path, kind, sector, industry, above_scale, above_quota, four_above, size_class, day, counted, resumed)
    select x.level, x.region_path, x.kind, x.sector, x.industry, x.above_scale, x.above_quota, x.four_above, x.size_class, x.day, ${x} * sum(x.c), ${x} * sum(x.r)
    from (
      select l.level, substr(e.region_path, 1, l.len) as region_path, e.kind, e.sector, coalesce(e.industry, '') as industry, e.above_scale, e.above_quota, e.four_above,
        coalesce(e.size_class, '') as size_class, ${localDay(db, 'h.at')} as day,
        ${counts('h.to_status')} - ${counts('h.from_status')} as c, ${resumes('h.to_status')} - ${resumes('h.from_status')} as r
      from entity_status_history h join entity e on e.id = h.entity_id cross join ${LEVELS} l
      ${only}
    ) x
    where 1 = 1
    group by x.level, x.region_path, x.kind, x.sector, x.industry, x.above_scale, x.above_quota, x.four_above, x.size_class, x.day
    having sum(x.c) <> 0 or sum(x.r) <> 0
    on conflict (level, region_path, kind, sector, industry, above_scale, above_quota, four_above, size_class, day)
    do update set counted = entity_count_delta.counted + excluded.counted, resumed = entity_count_delta.resumed + excluded.resumed`.execute(
    db,
  );
}

async function applyEach(db: Db, ids: number[], sign: 1 | -1): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) await applyEntities(db, ids.slice(i, i + BATCH), sign);
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
   * Runs `write` (which changes these entities' status, region or attributes) and moves their
   * contribution to the count rollup from before to after, in the caller's transaction.
   */
  async trackCounts<T>(db: Db, ids: number[], write: () => Promise<T>): Promise<T> {
    await applyEach(db, ids, -1);
    const result = await write();
    await applyEach(db, ids, 1);
    return result;
  },

  /** Adds entities just written with their history (bulk creation) to the count rollup. */
  addEntities: (db: Db, ids: number[]) => applyEach(db, ids, 1),

  /** Adds entities just created (their first history line only, written at `at`) to the count rollup. */
  async addCreated(db: Db, entities: Placed[], at: string): Promise<void> {
    const m = new Map<string, Delta>();
    for (const e of entities) addLine(m, e, { fromStatus: null, toStatus: 'not_resumed', at });
    await applyCounts(db, NONE, m);
  },

  /** Adds one status change of an entity (whose region and attributes it does not change) to the count rollup. */
  async addStatusLine(db: Db, entity: Placed, line: Line): Promise<void> {
    const m = new Map<string, Delta>();
    addLine(m, entity, line);
    await applyCounts(db, NONE, m);
  },

  /** Recomputes the whole count rollup from the status history (migration, repair); returns the entities counted. */
  async rebuildCounts(db: Db): Promise<number> {
    await db.deleteFrom('entityCountDelta').execute();
    await applyEntities(db, null, 1);
    return Number(
      (
        await db
          .selectFrom('entity')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
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

  /** Which of the entities have a user signed in for them (enterprise grants). */
  async boundToUsers(db: Db, ids: number[]): Promise<Set<number>> {
    const out = new Set<number>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('userGrant')
        .select('entityId')
        .where('entityId', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) out.add(Number(r.entityId));
    }
    return out;
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
