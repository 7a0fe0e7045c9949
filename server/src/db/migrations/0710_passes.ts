import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';
import { withId } from '../sql-helpers';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('pass_rule')
    .addColumn('pass_class', 'varchar(1)', (c) => c.primaryKey())
    .addColumn('category', 'varchar(24)', (c) => c.notNull())
    .addColumn('validity_days', 'integer', (c) => c.notNull())
    .addColumn('scope_level', 'varchar(16)', (c) => c.notNull())
    .addColumn('checkpoint_kinds', 'text', (c) => c.notNull())
    .addColumn('issuer_roles', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)')
    .addColumn('updated_by', 'integer')
    .execute();
  // the rules Jizhou's notice implies: residents move freely in their town, workers between home and
  // workplace across the district, scattered visitors briefly and only through staffed checkpoints
  await db
    .insertInto('pass_rule')
    .values([
      {
        pass_class: 'A',
        category: 'resident',
        validity_days: 30,
        scope_level: 'town',
        checkpoint_kinds: '["road","community_gate","workplace"]',
        issuer_roles: '["grid","town"]',
      },
      {
        pass_class: 'B',
        category: 'outside_worker',
        validity_days: 14,
        scope_level: 'district',
        checkpoint_kinds: '["road","community_gate","workplace"]',
        issuer_roles: '["town"]',
      },
      {
        pass_class: 'C',
        category: 'scattered_outsider',
        validity_days: 7,
        scope_level: 'community',
        checkpoint_kinds: '["community_gate"]',
        issuer_roles: '["grid","town"]',
      },
    ])
    .execute();

  await withId(db.schema.createTable('pass'), dialect)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('pass_class', 'varchar(1)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('token', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_until', 'varchar(10)', (c) => c.notNull())
    .addColumn('scope_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('scope_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('employer_entity_id', 'integer')
    .addColumn('person_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('id_number_masked', 'varchar(40)', (c) => c.notNull())
    .addColumn('issued_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('issued_by', 'integer')
    .addColumn('issued_by_name', 'varchar(64)')
    .addColumn('renewed_at', 'varchar(32)')
    .addColumn('revoked_at', 'varchar(32)')
    .addColumn('revoked_by', 'integer')
    .addColumn('revoke_reason', 'varchar(200)')
    .addColumn('token_rotated_at', 'varchar(32)')
    .execute();
  // one live pass of a class per person, even when two officers issue at once
  await db.schema
    .createIndex('pass_one_active_idx')
    .on('pass')
    .columns(['person_id', 'pass_class'])
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();
  await db.schema.createIndex('pass_region_idx').on('pass').columns(['region_path', 'id']).execute();
  await db.schema.createIndex('pass_person_idx').on('pass').column('person_id').execute();
  await db.schema.createIndex('pass_employer_idx').on('pass').column('employer_entity_id').execute();

  await withId(db.schema.createTable('checkpoint'), dialect)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('region.code'))
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkpoint_region_idx').on('checkpoint').column('region_path').execute();

  await withId(db.schema.createTable('checkpoint_shift'), dialect)
    .addColumn('checkpoint_id', 'integer', (c) => c.notNull().references('checkpoint.id').onDelete('cascade'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('start_time', 'varchar(5)', (c) => c.notNull())
    .addColumn('end_time', 'varchar(5)', (c) => c.notNull())
    .addColumn('team', 'varchar(100)', (c) => c.notNull())
    .addColumn('members', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .execute();
  await db.schema.createIndex('checkpoint_shift_idx').on('checkpoint_shift').columns(['checkpoint_id', 'date']).execute();

  await withId(db.schema.createTable('pass_scan'), dialect)
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('checkpoint_id', 'integer', (c) => c.notNull().references('checkpoint.id'))
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('direction', 'varchar(3)', (c) => c.notNull())
    .addColumn('valid', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(20)')
    .addColumn('pass_id', 'integer')
    .addColumn('actor_id', 'integer')
    .execute();
  await db.schema.createIndex('pass_scan_checkpoint_idx').on('pass_scan').columns(['checkpoint_id', 'id']).execute();
  await db.schema.createIndex('pass_scan_date_idx').on('pass_scan').column('date').execute();
  await db.schema.createIndex('pass_scan_pass_idx').on('pass_scan').column('pass_id').execute();

  await db.schema
    .createTable('pass_scan_daily')
    .addColumn('checkpoint_id', 'integer', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('direction', 'varchar(3)', (c) => c.notNull())
    .addColumn('valid', 'integer', (c) => c.notNull())
    .addColumn('scans', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('pass_scan_daily_pk', ['checkpoint_id', 'date', 'direction', 'valid'])
    .execute();
}
