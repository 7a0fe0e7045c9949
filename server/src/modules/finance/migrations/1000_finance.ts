import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../../db/database';
import { withId } from '../../../db/sql-helpers';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('finance_institution'), dialect)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('branch', 'varchar(100)')
    .addColumn('contact_name', 'varchar(50)')
    .addColumn('contact_phone', 'varchar(20)')
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finance_institution_region_idx').on('finance_institution').column('region_path').execute();

  await db.schema
    .createTable('finance_officer')
    .addColumn('user_id', 'integer', (c) => c.primaryKey())
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('finance_institution.id'))
    .addColumn('added_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finance_officer_inst_idx').on('finance_officer').column('institution_id').execute();

  await withId(db.schema.createTable('financing_request'), dialect)
    .addColumn('no', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('purpose', 'varchar(24)', (c) => c.notNull())
    .addColumn('purpose_note', 'varchar(200)')
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('collateral', 'varchar(16)', (c) => c.notNull())
    .addColumn('collateral_note', 'varchar(200)')
    .addColumn('urgency', 'varchar(16)', (c) => c.notNull())
    .addColumn('exclusive', 'integer', (c) => c.notNull())
    .addColumn('routed_by_centre', 'integer', (c) => c.notNull())
    .addColumn('whitelisted', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('approved_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('disbursed_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('taken_by_institution_id', 'integer')
    .addColumn('first_answer_due', 'varchar(32)', (c) => c.notNull())
    .addColumn('first_answered_at', 'varchar(32)')
    .addColumn('first_disbursed_at', 'varchar(32)')
    .addColumn('escalation_level', 'varchar(16)')
    .addColumn('escalated_at', 'varchar(32)')
    .addColumn('contact_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('contact_phone_enc', 'text', (c) => c.notNull())
    .addColumn('contact_phone_masked', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('financing_request_region_idx')
    .on('financing_request')
    .columns(['region_path', 'created_at'])
    .execute();
  await db.schema.createIndex('financing_request_entity_idx').on('financing_request').column('entity_id').execute();
  await db.schema
    .createIndex('financing_request_due_idx')
    .on('financing_request')
    .columns(['first_answer_due'])
    .where(sql.ref('first_answered_at'), 'is', null)
    .execute();

  await withId(db.schema.createTable('financing_answer'), dialect)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('financing_request.id'))
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('finance_institution.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('approved_fen', 'bigint')
    .addColumn('disbursed_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('decline_reason', 'varchar(500)')
    .addColumn('note', 'varchar(500)')
    .addColumn('product_id', 'integer')
    .addColumn('account_opened_at', 'varchar(32)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('financing_answer_once', ['request_id', 'institution_id'])
    .execute();
  await db.schema.createIndex('financing_answer_inst_idx').on('financing_answer').columns(['institution_id', 'status']).execute();

  await withId(db.schema.createTable('financing_disbursement'), dialect)
    .addColumn('answer_id', 'integer', (c) => c.notNull().references('financing_answer.id'))
    .addColumn('request_id', 'integer', (c) => c.notNull())
    .addColumn('institution_id', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('disbursed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('minutes_from_account', 'integer')
    .addColumn('confirmed_at', 'varchar(32)')
    .addColumn('recorded_by', 'integer')
    .execute();
  await db.schema.createIndex('financing_disbursement_req_idx').on('financing_disbursement').column('request_id').execute();

  await withId(db.schema.createTable('finance_whitelist'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('criterion', 'varchar(24)', (c) => c.notNull())
    .addColumn('reason', 'varchar(300)', (c) => c.notNull())
    .addColumn('added_version', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('removed_version', 'integer')
    .addColumn('removed_reason', 'varchar(300)')
    .execute();
  // one live entry per entity
  await db.schema
    .createIndex('finance_whitelist_live_idx')
    .on('finance_whitelist')
    .column('entity_id')
    .unique()
    .where(sql.ref('removed_version'), 'is', null)
    .execute();
  await db.schema
    .createTable('finance_whitelist_version')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('changed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('changed_by', 'integer')
    .addColumn('change', 'varchar(300)', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('finance_product'), dialect)
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('finance_institution.id'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('quota_fen', 'bigint', (c) => c.notNull())
    .addColumn('used_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('target_hours', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('finance_rollover'), dialect)
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('finance_institution.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('original_due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('new_due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(300)')
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .execute();
  await db.schema.createIndex('finance_rollover_region_idx').on('finance_rollover').columns(['region_path', 'kind']).execute();

  await withId(db.schema.createTable('finance_meeting'), dialect)
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('held_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('institution_ids', 'text', (c) => c.notNull())
    .addColumn('enterprises', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .execute();
}
