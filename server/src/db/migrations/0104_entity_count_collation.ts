import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';

/**
 * PostgreSQL: the rollup's region paths compare byte by byte ("C" collation), so a subtree is one
 * range of the primary key (a language collation would order '/' and digits differently and make
 * the planner scan). SQLite compares text byte by byte already.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await db.schema
    .alterTable('entity_count_delta')
    .alterColumn('region_path', (c) => c.setDataType(sql`varchar(100) collate "C"`))
    .execute();
}
