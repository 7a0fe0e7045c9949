import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';
import { withId } from '../sql-helpers';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('liaison_team'), dialect)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('liaison_team_region_idx').on('liaison_team').column('region_path').execute();

  await db.schema
    .createTable('liaison_team_member')
    .addColumn('team_id', 'integer', (c) => c.notNull().references('liaison_team.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('leader', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('liaison_team_member_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('liaison_team_member_user_idx').on('liaison_team_member').column('user_id').execute();

  await withId(db.schema.createTable('liaison_assignment'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('liaison_user_id', 'integer')
    .addColumn('team_id', 'integer')
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('ended_at', 'varchar(32)')
    .addColumn('ended_reason', 'varchar(200)')
    .addColumn('assigned_by', 'varchar(100)')
    .execute();
  // one current assignment per entity: the database decides between two concurrent assigners
  await db.schema
    .createIndex('liaison_assignment_current_idx')
    .on('liaison_assignment')
    .column('entity_id')
    .unique()
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('liaison_assignment_region_idx')
    .on('liaison_assignment')
    .columns(['region_path', 'ended_at'])
    .execute();
  await db.schema
    .createIndex('liaison_assignment_user_idx')
    .on('liaison_assignment')
    .columns(['liaison_user_id', 'ended_at'])
    .execute();

  await withId(db.schema.createTable('liaison_visit'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('liaison_user_id', 'integer', (c) => c.notNull())
    .addColumn('liaison_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('visit_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('mode', 'varchar(16)', (c) => c.notNull())
    .addColumn('policies', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('problem_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('liaison_visit_region_idx').on('liaison_visit').columns(['region_path', 'visit_date']).execute();
  await db.schema.createIndex('liaison_visit_entity_idx').on('liaison_visit').columns(['entity_id', 'visit_date']).execute();
}
