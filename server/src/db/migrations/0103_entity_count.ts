import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';
import { categoryKeyColumnNames, withCategoryKeyColumns } from '../category-key';
import { registryStatsRepo } from '../../modules/registry/registry-stats.repo';

/**
 * The dashboard's entity counts as of a day come from a rollup of the status history (one row
 * per day, region level, region and category attributes); existing databases are filled from
 * their history.
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
  await registryStatsRepo.rebuildCounts(db);
}
