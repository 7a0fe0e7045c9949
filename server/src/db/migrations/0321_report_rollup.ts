import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';
import { categoryKeyColumnNames, withCategoryKeyColumns } from '../category-key';
import { reportRollupRepo } from '../../modules/reports/report-rollup.repo';

/**
 * The dashboard's report sums per day, region level, region and category attributes, kept up to date by
 * every report write; existing databases are filled from their reports.
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
  await reportRollupRepo.rebuild(db);
}
