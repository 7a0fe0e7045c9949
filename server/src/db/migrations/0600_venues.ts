import type { Kysely } from 'kysely';
import type { Dialect } from '../database';
import { withId } from '../sql-helpers';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('venue'), dialect)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('region.code'))
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'varchar(30)', (c) => c.notNull().defaultTo(''))
    .addColumn('normal_capacity', 'integer', (c) => c.notNull())
    .addColumn('opening_days', 'varchar(7)', (c) => c.notNull().defaultTo('1234567'))
    .addColumn('booking_days_ahead', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('bookable', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('venue_region_idx').on('venue').columns(['region_path', 'kind']).execute();

  // Rules are never edited: a change is a new version, so a day's capacity can be traced to the rule that set it.
  await withId(db.schema.createTable('venue_capacity_rule'), dialect)
    .addColumn('venue_id', 'integer', (c) => c.notNull().references('venue.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('mode', 'varchar(16)', (c) => c.notNull())
    .addColumn('ratio_pct', 'integer')
    .addColumn('capacity', 'integer')
    .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('effective_to', 'varchar(10)')
    .addColumn('note', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addUniqueConstraint('venue_capacity_rule_version_uq', ['venue_id', 'version'])
    .execute();

  await withId(db.schema.createTable('venue_slot'), dialect)
    .addColumn('venue_id', 'integer', (c) => c.notNull().references('venue.id').onDelete('cascade'))
    .addColumn('label', 'varchar(50)', (c) => c.notNull())
    .addColumn('start_time', 'varchar(5)', (c) => c.notNull())
    .addColumn('end_time', 'varchar(5)', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('venue_slot_venue_idx').on('venue_slot').columns(['venue_id', 'start_time']).execute();

  await withId(db.schema.createTable('venue_vehicle'), dialect)
    .addColumn('venue_id', 'integer', (c) => c.notNull().references('venue.id').onDelete('cascade'))
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('seat_limit', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('venue_vehicle_venue_idx').on('venue_vehicle').column('venue_id').execute();

  await withId(db.schema.createTable('venue_policy'), dialect)
    .addColumn('venue_id', 'integer', (c) => c.notNull().references('venue.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('eligibility', 'varchar(32)', (c) => c.notNull())
    .addColumn('proof_types', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('venue_policy_venue_idx').on('venue_policy').column('venue_id').execute();

  // The capacity guarantee: one row per venue/day (slot_id 0) and per venue/day/slot, raised only by a
  // conditional UPDATE … WHERE booked + n <= capacity in the booking's own transaction.
  await db.schema
    .createTable('venue_day_counter')
    .addColumn('venue_id', 'integer', (c) => c.notNull().references('venue.id').onDelete('cascade'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('slot_id', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('venue_day_counter_pk', ['venue_id', 'day', 'slot_id'])
    .execute();

  await withId(db.schema.createTable('venue_partner'), dialect)
    .addColumn('name', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('rate_per_minute', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('venue_partner_key'), dialect)
    .addColumn('partner_id', 'integer', (c) => c.notNull().references('venue_partner.id').onDelete('cascade'))
    .addColumn('prefix', 'varchar(16)', (c) => c.notNull())
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(32)')
    .addColumn('last_used_at', 'varchar(32)')
    .execute();
  await withId(db.schema.createTable('venue_partner_request'), dialect)
    .addColumn('partner_id', 'integer', (c) => c.notNull().references('venue_partner.id').onDelete('cascade'))
    .addColumn('idempotency_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('venue_partner_request_key_uq', ['partner_id', 'idempotency_key'])
    .execute();

  await withId(db.schema.createTable('venue_booking'), dialect)
    .addColumn('code', 'varchar(16)', (c) => c.notNull().unique())
    .addColumn('venue_id', 'integer', (c) => c.notNull().references('venue.id'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('slot_id', 'integer')
    .addColumn('party_size', 'integer', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('phone_masked', 'varchar(20)', (c) => c.notNull())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('partner_id', 'integer', (c) => c.references('venue_partner.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('cancelled_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('venue_booking_day_idx').on('venue_booking').columns(['venue_id', 'day', 'status']).execute();

  // `held` is 1 while the booking stands and NULL once cancelled: NULLs never collide in a unique
  // index (SQLite and PostgreSQL alike), so one person holds at most one place per venue and day.
  await withId(db.schema.createTable('venue_visitor'), dialect)
    .addColumn('booking_id', 'integer', (c) => c.notNull().references('venue_booking.id').onDelete('cascade'))
    .addColumn('venue_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('name_masked', 'varchar(60)', (c) => c.notNull())
    .addColumn('id_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('id_enc', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('id_masked', 'varchar(40)', (c) => c.notNull())
    .addColumn('policy_id', 'integer')
    .addColumn('held', 'integer')
    .addColumn('checkin_status', 'varchar(16)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('admitted_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('venue_visitor_person_uq')
    .on('venue_visitor')
    .columns(['venue_id', 'day', 'id_hash', 'held'])
    .unique()
    .execute();
  await db.schema.createIndex('venue_visitor_booking_idx').on('venue_visitor').column('booking_id').execute();

  await withId(db.schema.createTable('venue_checkin'), dialect)
    .addColumn('venue_id', 'integer', (c) => c.notNull().references('venue.id'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('visitor_id', 'integer', (c) => c.notNull().references('venue_visitor.id').onDelete('cascade'))
    .addColumn('outcome', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason', 'varchar(32)')
    .addColumn('health_enc', 'text', (c) => c.notNull())
    .addColumn('proof_type', 'varchar(32)')
    .addColumn('policy_applied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('staff_id', 'integer')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('venue_checkin_day_idx').on('venue_checkin').columns(['venue_id', 'day', 'outcome']).execute();

  await withId(db.schema.createTable('venue_guest'), dialect)
    .addColumn('venue_id', 'integer', (c) => c.notNull().references('venue.id'))
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('name_masked', 'varchar(60)', (c) => c.notNull())
    .addColumn('id_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('id_enc', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('id_masked', 'varchar(40)', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('phone_masked', 'varchar(20)', (c) => c.notNull())
    .addColumn('arrival_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('departure_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('room', 'varchar(30)', (c) => c.notNull().defaultTo(''))
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .execute();
  await db.schema
    .createIndex('venue_guest_stay_idx')
    .on('venue_guest')
    .columns(['venue_id', 'arrival_day', 'departure_day'])
    .execute();

  await withId(db.schema.createTable('venue_guest_temperature'), dialect)
    .addColumn('guest_id', 'integer', (c) => c.notNull().references('venue_guest.id').onDelete('cascade'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('temperature_enc', 'text', (c) => c.notNull())
    .addColumn('fever', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('venue_guest_temperature_day_uq', ['guest_id', 'day'])
    .execute();
}
