import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';
import { categoryKeyColumnNames, withCategoryKeyColumns } from '../category-key';

/**
 * The dashboard's entity counts as of a day come from a rollup of the status history (one row
 * per day, region level, region and category attributes); existing databases are filled from
 * their history.
 *
 * The fill is this migration's own SQL (what the registry's rollup rebuild did when it was
 * written), so what it does never changes with the module's code.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.dropTable('entity_count_delta').ifExists().execute();
  let t = withCategoryKeyColumns(db.schema.createTable('entity_count_delta').addColumn('day', 'varchar(10)', (c) => c.notNull()))
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addColumn('resumed', 'integer', (c) => c.notNull())
    // the key in the order a subtree is read: level and path prefix first, so one range scan per request
    .addPrimaryKeyConstraint('entity_count_delta_pk', [...categoryKeyColumnNames, 'day']);
  if (dialect === 'sqlite') t = t.modifyEnd(sql`without rowid`);
  await t.execute();
  await fillFromHistory(db, dialect);
}

/** The local (UTC+8) day of a stored UTC ISO timestamp. */
const localDay = (dialect: Dialect, col: string) =>
  dialect === 'postgres'
    ? sql<string>`to_char((cast(${sql.ref(col)} as timestamptz) at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`
    : sql<string>`date(${sql.ref(col)}, '+8 hours')`;

// the levels as path lengths of standard codes: /district/ 8, /…/town/ 21, /…/community/ 34, /…/grid/ 50
const LEVELS = sql`(select 1 as level, 8 as len union all select 2, 21 union all select 3, 34 union all select 4, 50)`;
// whether a status counts (exists and is not closed) and is resumed; buildings are places, never counted
const counts = (status: string) =>
  sql<number>`(case when e.kind <> 'building' and ${sql.ref(status)} is not null and ${sql.ref(status)} <> 'closed' then 1 else 0 end)`;
const resumes = (status: string) =>
  sql<number>`(case when e.kind <> 'building' and ${sql.ref(status)} = 'resumed' then 1 else 0 end)`;

/**
 * One delta per history line and level (what the line changed in "counted" and "resumed" on its
 * local day), summed per key. The table was just created, so each key is inserted once.
 */
async function fillFromHistory(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await sql`insert into entity_count_delta (level, region_path, kind, sector, industry, above_scale, above_quota, four_above, size_class, day, counted, resumed)
    select x.level, x.region_path, x.kind, x.sector, x.industry, x.above_scale, x.above_quota, x.four_above, x.size_class, x.day, sum(x.c), sum(x.r)
    from (
      select l.level, substr(e.region_path, 1, l.len) as region_path, e.kind, e.sector, coalesce(e.industry, '') as industry, e.above_scale, e.above_quota, e.four_above,
        coalesce(e.size_class, '') as size_class, ${localDay(dialect, 'h.at')} as day,
        ${counts('h.to_status')} - ${counts('h.from_status')} as c, ${resumes('h.to_status')} - ${resumes('h.from_status')} as r
      from entity_status_history h join entity e on e.id = h.entity_id cross join ${LEVELS} l
    ) x
    group by x.level, x.region_path, x.kind, x.sector, x.industry, x.above_scale, x.above_quota, x.four_above, x.size_class, x.day
    having sum(x.c) <> 0 or sum(x.r) <> 0`.execute(db);
}
