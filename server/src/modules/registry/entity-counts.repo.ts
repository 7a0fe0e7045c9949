import { PostgresAdapter, sql, type Insertable } from 'kysely';
import { LEVEL_PATH_LENGTHS, ancestorsOf, categoryKeysOf } from '../../db/category-key';
import { localDate } from '../../platform/clock';
import type { Queryable } from '../../platform/module';
import type { EntityCountDeltaTable, RegistryTables } from './registry.tables';

type Db = Queryable<RegistryTables>;

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

/**
 * The count rollup (`entity_count_delta`) kept in step with the entities: every write of an
 * entity, its status or its attributes calls one of these in the same transaction.
 */
export const entityCountsRepo = {
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
};
