import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';
import { categoryKeyColumnNames, withCategoryKeyColumns } from '../category-key';

/**
 * The dashboard's report sums per day, region level, region and category attributes, kept up to date by
 * every report write; existing databases are filled from their reports.
 *
 * The fill is this migration's own SQL (the sums the reports' rollup rebuild wrote when it was
 * written), so what it does never changes with the module's code.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.dropTable('daily_report_rollup').ifExists().execute();
  let t = withCategoryKeyColumns(
    db.schema.createTable('daily_report_rollup').addColumn('report_date', 'varchar(10)', (c) => c.notNull()),
  )
    .addColumn('reporting', 'integer', (c) => c.notNull())
    .addColumn('registered_staff', 'bigint', (c) => c.notNull())
    .addColumn('staff_on_duty', 'bigint', (c) => c.notNull())
    .addColumn('from_other_provinces', 'bigint', (c) => c.notNull())
    .addColumn('capacity_weighted', 'bigint', (c) => c.notNull())
    .addColumn('abnormal_temperature', 'integer', (c) => c.notNull())
    .addColumn('suspected_cases', 'integer', (c) => c.notNull())
    .addColumn('abnormal_entities', 'integer', (c) => c.notNull())
    // a day's subtree is one range scan of the key
    .addPrimaryKeyConstraint('daily_report_rollup_pk', ['report_date', ...categoryKeyColumnNames]);
  if (dialect === 'sqlite') t = t.modifyEnd(sql`without rowid`);
  await t.execute();
  await fillFromReports(db);
}

/**
 * Every report counted once at each level 1-4 under its ancestor there (the prefix of its region
 * path: /district/ 8, /…/town/ 21, /…/community/ 34, /…/grid/ 50 characters), with '' for a
 * missing industry or size class, summed per key. The capacity is weighted by registered staff
 * in 64 bits (the product overflows PostgreSQL's integer).
 */
async function fillFromReports(db: Kysely<any>): Promise<void> {
  await sql`insert into daily_report_rollup (report_date, level, region_path, kind, sector, industry, above_scale, above_quota, four_above, size_class,
      reporting, registered_staff, staff_on_duty, from_other_provinces, capacity_weighted, abnormal_temperature, suspected_cases, abnormal_entities)
    select x.report_date, x.level, x.region_path, x.kind, x.sector, x.industry, x.above_scale, x.above_quota, x.four_above, x.size_class,
      count(*), sum(x.registered_staff), sum(x.staff_on_duty), sum(x.from_other_provinces), sum(x.capacity_weighted),
      sum(x.abnormal_temperature), sum(x.suspected_cases), sum(x.abnormal)
    from (
      select r.report_date, l.level, substr(r.region_path, 1, l.len) as region_path, r.kind, r.sector, coalesce(r.industry, '') as industry,
        r.above_scale, r.above_quota, r.four_above, coalesce(r.size_class, '') as size_class,
        r.registered_staff, r.staff_on_duty, r.from_other_provinces, cast(r.capacity_tenths as bigint) * r.registered_staff as capacity_weighted,
        r.abnormal_temperature, r.suspected_cases, case when r.abnormal_temperature > 0 or r.suspected_cases > 0 then 1 else 0 end as abnormal
      from daily_report r
      cross join (select 1 as level, 8 as len union all select 2, 21 union all select 3, 34 union all select 4, 50) l
    ) x
    group by x.report_date, x.level, x.region_path, x.kind, x.sector, x.industry, x.above_scale, x.above_quota, x.four_above, x.size_class`.execute(
    db,
  );
}
