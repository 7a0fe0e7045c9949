import type { Kysely } from 'kysely';
import type { Dialect } from '../database';
import { withId } from '../sql-helpers';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('entity'), dialect)
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('uscc', 'varchar(18)')
    .addColumn('reg_no', 'varchar(30)')
    .addColumn('identity_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('region.code'))
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)')
    .addColumn('sector', 'varchar(12)', (c) => c.notNull())
    .addColumn('industry', 'varchar(50)')
    .addColumn('above_scale', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('above_quota', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('four_above', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('size_class', 'varchar(8)')
    .addColumn('small_venue_type', 'varchar(24)')
    .addColumn('registered_staff', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contact_name', 'varchar(50)')
    .addColumn('contact_phone_enc', 'text')
    .addColumn('contact_phone_hash', 'varchar(64)')
    .addColumn('contact_phone_masked', 'varchar(20)')
    .addColumn('risk_level', 'varchar(8)', (c) => c.notNull().defaultTo('low'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('not_resumed'))
    .addColumn('status_changed_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // NULLs never collide in a unique index on either dialect: entities without a USCC are unique by identity_key
  await db.schema.createIndex('entity_uscc_uq').on('entity').column('uscc').unique().execute();
  await db.schema.createIndex('entity_identity_uq').on('entity').column('identity_key').unique().execute();
  await db.schema.createIndex('entity_region_path_idx').on('entity').columns(['region_path', 'status']).execute();
  await db.schema.createIndex('entity_status_idx').on('entity').columns(['status', 'region_path']).execute();
  await db.schema.createIndex('entity_kind_idx').on('entity').columns(['kind', 'region_path']).execute();
  await db.schema.createIndex('entity_name_idx').on('entity').column('name').execute();

  await withId(db.schema.createTable('entity_status_history'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entity.id').onDelete('cascade'))
    .addColumn('from_status', 'varchar(16)')
    .addColumn('to_status', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('source_type', 'varchar(32)')
    .addColumn('source_id', 'varchar(64)')
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'varchar(64)')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('entity_status_history_entity_idx')
    .on('entity_status_history')
    .columns(['entity_id', 'at'])
    .execute();

  await withId(db.schema.createTable('entity_import_job'), dialect)
    .addColumn('token', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('rows', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'varchar(32)')
    .execute();
}
