import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../../db/database';
import { withId } from '../../../db/sql-helpers';

// a migration runs against whatever schema exists at that point, so Kysely<any> is its documented type

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('job_fair'), dialect)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('organiser', 'varchar(32)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('region.code'))
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('token', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_fair_region_idx').on('job_fair').columns(['region_path', 'starts_on']).execute();

  await db.schema
    .createTable('job_fair_visit_day')
    .addColumn('fair_id', 'integer', (c) => c.notNull().references('job_fair.id').onDelete('cascade'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('job_fair_visit_day_pk', ['fair_id', 'day'])
    .execute();

  await withId(db.schema.createTable('job_posting'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('fair_id', 'integer', (c) => c.references('job_fair.id'))
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('places', 'integer', (c) => c.notNull())
    .addColumn('hired', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pay_min_fen', 'integer', (c) => c.notNull())
    .addColumn('pay_max_fen', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('region.code'))
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('requirements', 'text')
    .addColumn('valid_until', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('review_note', 'varchar(500)')
    .addColumn('reviewed_by', 'integer')
    .addColumn('reviewed_at', 'varchar(32)')
    .addColumn('posted_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    // the database holds the places rule too, whatever the code does
    .addCheckConstraint('job_posting_hired_ck', sql`hired >= 0 and hired <= places`)
    .execute();
  await db.schema.createIndex('job_posting_region_idx').on('job_posting').columns(['region_path', 'status']).execute();
  await db.schema.createIndex('job_posting_fair_idx').on('job_posting').columns(['fair_id', 'status']).execute();
  await db.schema.createIndex('job_posting_entity_idx').on('job_posting').columns(['entity_id', 'created_at']).execute();

  await withId(db.schema.createTable('job_application'), dialect)
    .addColumn('posting_id', 'integer', (c) => c.notNull().references('job_posting.id'))
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('phone_masked', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('applied_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('hired_on', 'varchar(10)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('job_application_person_uq', ['posting_id', 'phone_hash'])
    .execute();
  await db.schema.createIndex('job_application_status_idx').on('job_application').columns(['posting_id', 'status']).execute();

  await withId(db.schema.createTable('shared_staff'), dialect)
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addCheckConstraint('shared_staff_matched_ck', sql`matched >= 0 and matched <= headcount`)
    .execute();
  await db.schema.createIndex('shared_staff_region_idx').on('shared_staff').columns(['region_path', 'kind']).execute();

  await withId(db.schema.createTable('shared_staff_placement'), dialect)
    .addColumn('offer_id', 'integer', (c) => c.notNull().references('shared_staff.id'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('shared_staff.id'))
    .addColumn('lender_id', 'integer', (c) => c.notNull())
    .addColumn('borrower_id', 'integer', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('lender_confirmed_at', 'varchar(32)')
    .addColumn('borrower_confirmed_at', 'varchar(32)')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shared_staff_placement_region_idx').on('shared_staff_placement').column('region_path').execute();

  await withId(db.schema.createTable('transport_batch'), dialect)
    .addColumn('origin_province', 'varchar(20)', (c) => c.notNull())
    .addColumn('origin_city', 'varchar(30)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('region.code'))
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('employer_id', 'integer')
    .addColumn('employer_name', 'varchar(200)')
    .addColumn('depart_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('vehicle', 'varchar(50)', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('arrived_on', 'varchar(10)')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addCheckConstraint('transport_batch_booked_ck', sql`booked >= 0 and booked <= seats`)
    .execute();
  await db.schema.createIndex('transport_batch_region_idx').on('transport_batch').columns(['region_path', 'depart_on']).execute();

  await withId(db.schema.createTable('transport_passenger'), dialect)
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('transport_batch.id'))
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('id_enc', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('id_masked', 'varchar(20)', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'varchar(20)', (c) => c.notNull())
    .addColumn('person_id', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('transport_passenger_uq', ['batch_id', 'id_hash'])
    .execute();

  await withId(db.schema.createTable('labour_intention'), dialect)
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('region.code'))
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('household', 'varchar(100)', (c) => c.notNull())
    .addColumn('person_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('intention', 'varchar(16)', (c) => c.notNull())
    .addColumn('trade', 'varchar(50)')
    .addColumn('destination', 'varchar(50)')
    .addColumn('surveyed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    // a second visit to the same household updates the member's answer
    .addUniqueConstraint('labour_intention_person_uq', ['region_code', 'household', 'person_name'])
    .execute();
  await db.schema
    .createIndex('labour_intention_region_idx')
    .on('labour_intention')
    .columns(['region_path', 'intention'])
    .execute();
}
