import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../../db/database';
import { withId } from '../../../db/sql-helpers';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('policy_package'), dialect)
    .addColumn('public_token', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('short_title', 'varchar(40)', (c) => c.notNull())
    .addColumn('issuer_level', 'varchar(16)', (c) => c.notNull())
    .addColumn('issuer', 'varchar(100)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policy_package_region_idx').on('policy_package').column('region_path').execute();

  await withId(db.schema.createTable('policy_measure'), dialect)
    .addColumn('package_id', 'integer', (c) => c.notNull().references('policy_package.id'))
    .addColumn('public_token', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('subsidy_type', 'varchar(24)', (c) => c.notNull())
    .addColumn('department', 'varchar(24)', (c) => c.notNull())
    .addColumn('currency', 'varchar(3)', (c) => c.notNull())
    .addColumn('amount_note', 'varchar(500)')
    .addColumn('interpretation', 'text', (c) => c.notNull())
    .addColumn('guide_materials', 'text')
    .addColumn('guide_steps', 'text')
    .addColumn('deadline', 'varchar(10)')
    .addColumn('application_required', 'integer', (c) => c.notNull())
    .addColumn('eligibility', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('policy_measure_seq_uq', ['package_id', 'seq'])
    .execute();

  await withId(db.schema.createTable('policy_version'), dialect)
    .addColumn('package_id', 'integer', (c) => c.notNull().references('policy_package.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_by_name', 'varchar(100)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('policy_version_uq', ['package_id', 'version'])
    .execute();

  await withId(db.schema.createTable('policy_application'), dialect)
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('policy_measure.id'))
    .addColumn('department', 'varchar(24)', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('requested_amount', 'bigint')
    .addColumn('approved_amount', 'bigint')
    .addColumn('contact_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('decision_note', 'text')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    // one application per measure and entity: a double click or a second device gets 409
    .addUniqueConstraint('policy_application_uq', ['measure_id', 'entity_id'])
    .execute();
  await db.schema.createIndex('policy_application_region_idx').on('policy_application').columns(['region_path', 'id']).execute();
  await db.schema.createIndex('policy_application_entity_idx').on('policy_application').column('entity_id').execute();

  await withId(db.schema.createTable('policy_application_event'), dialect)
    .addColumn('application_id', 'integer', (c) => c.notNull().references('policy_application.id'))
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('action', 'varchar(24)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(16)')
    .addColumn('to_status', 'varchar(16)')
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'varchar(100)')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('policy_application_event_idx')
    .on('policy_application_event')
    .columns(['application_id', 'id'])
    .execute();

  await withId(db.schema.createTable('policy_disbursement'), dialect)
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('policy_measure.id'))
    .addColumn('package_id', 'integer', (c) => c.notNull())
    .addColumn('subsidy_type', 'varchar(24)', (c) => c.notNull())
    .addColumn('department', 'varchar(24)', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('town_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('application_id', 'integer')
    .addColumn('currency', 'varchar(3)', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('paid_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('reference', 'varchar(60)', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('dedupe_key', 'varchar(120)', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('policy_disbursement_region_idx')
    .on('policy_disbursement')
    .columns(['region_path', 'paid_on'])
    .execute();
  await db.schema
    .createIndex('policy_disbursement_measure_idx')
    .on('policy_disbursement')
    .columns(['measure_id', 'entity_id'])
    .execute();
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER policy_disbursement_no_update BEFORE UPDATE ON policy_disbursement BEGIN SELECT RAISE(ABORT, 'policy_disbursement is append-only'); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER policy_disbursement_no_delete BEFORE DELETE ON policy_disbursement BEGIN SELECT RAISE(ABORT, 'policy_disbursement is append-only'); END`.execute(
      db,
    );
  } else {
    await sql`CREATE FUNCTION policy_disbursement_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'policy_disbursement is append-only'; END $$ LANGUAGE plpgsql`.execute(
      db,
    );
    await sql`CREATE TRIGGER policy_disbursement_no_change BEFORE UPDATE OR DELETE ON policy_disbursement FOR EACH ROW EXECUTE FUNCTION policy_disbursement_append_only()`.execute(
      db,
    );
  }

  await withId(db.schema.createTable('policy_delivery'), dialect)
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('policy_measure.id'))
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('visit_id', 'integer')
    .addColumn('delivered_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('delivered_by', 'integer')
    .addColumn('delivered_by_name', 'varchar(100)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('policy_delivery_uq', ['measure_id', 'entity_id'])
    .execute();
}
