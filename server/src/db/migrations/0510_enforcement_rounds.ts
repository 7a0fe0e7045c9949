import type { Kysely } from 'kysely';
import type { Dialect } from '../database';
import { withId } from '../sql-helpers';

/**
 * Inspection rounds 专项执法行动 (a named campaign over a period and region) and visits 出动 (one
 * team of inspectors going out on a day, inspecting several premises): the seeds count
 * inspector-visits 人次 per visit and premises 家次 per inspection.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('inspection_round'), dialect)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('premises_types', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspection_round_region_idx')
    .on('inspection_round')
    .columns(['region_path', 'starts_on'])
    .execute();

  await withId(db.schema.createTable('inspection_visit'), dialect)
    .addColumn('round_id', 'integer')
    .addColumn('visited_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('inspector_count', 'integer', (c) => c.notNull())
    .addColumn('inspectors', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'integer')
    .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_visit_round_idx').on('inspection_visit').columns(['round_id', 'visited_on']).execute();
  await db.schema
    .createIndex('inspection_visit_creator_idx')
    .on('inspection_visit')
    .columns(['created_by_id', 'visited_on'])
    .execute();

  await db.schema.alterTable('inspection').addColumn('visit_id', 'integer').execute();
  await db.schema.alterTable('inspection').addColumn('round_id', 'integer').execute();
  await db.schema.createIndex('inspection_visit_idx').on('inspection').column('visit_id').execute();
  await db.schema.createIndex('inspection_round_idx').on('inspection').columns(['round_id', 'inspected_on']).execute();
}
