import type { Kysely } from 'kysely';
import type { Dialect } from '../../../db/database';
import { withId } from '../../../db/sql-helpers';

/**
 * Key projects 重点项目 with their status history, versioned plans 一项一策, approvals and the
 * documents an approval was granted without 容缺后补. A project follows one registry entity once.
 */
 
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('key_project'), dialect)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull().unique())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('level', 'varchar(16)', (c) => c.notNull())
    .addColumn('phase', 'varchar(16)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('lead_department', 'varchar(32)')
    .addColumn('investment_fen', 'bigint', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('status_changed_at', 'varchar(32)')
    .addColumn('workers_on_site', 'integer', (c) => c.notNull())
    .addColumn('plan_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('key_project_region_idx').on('key_project').columns(['region_path', 'phase', 'status']).execute();

  await withId(db.schema.createTable('key_project_status'), dialect)
    .addColumn('project_id', 'integer', (c) => c.notNull())
    .addColumn('from_status', 'varchar(16)')
    .addColumn('to_status', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('changed_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('changed_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('key_project_status_project_idx').on('key_project_status').column('project_id').execute();

  await withId(db.schema.createTable('key_project_plan'), dialect)
    .addColumn('project_id', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('prevention_plan', 'text', (c) => c.notNull())
    .addColumn('emergency_plan', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('key_project_plan_version_uq', ['project_id', 'version'])
    .execute();

  await withId(db.schema.createTable('project_approval'), dialect)
    .addColumn('project_id', 'integer', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(100)', (c) => c.notNull())
    .addColumn('department', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('letter_instead_of_certificate', 'integer', (c) => c.notNull())
    .addColumn('online', 'integer', (c) => c.notNull())
    .addColumn('closed_on', 'varchar(10)')
    .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_approval_project_idx').on('project_approval').column('project_id').execute();
  await db.schema.createIndex('project_approval_region_idx').on('project_approval').columns(['region_path', 'status']).execute();

  await withId(db.schema.createTable('approval_document'), dialect)
    .addColumn('approval_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('received_on', 'varchar(10)')
    .addColumn('received_by', 'varchar(100)')
    .execute();
  await db.schema
    .createIndex('approval_document_approval_idx')
    .on('approval_document')
    .columns(['approval_id', 'due_on'])
    .execute();
}
