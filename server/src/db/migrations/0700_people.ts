import type { Kysely } from 'kysely';
import type { Dialect } from '../database';
import { withId } from '../sql-helpers';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('person'), dialect)
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('id_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    // the keyed hash de-duplicates: one record per document number, settled by the database
    .addColumn('id_number_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('id_number_masked', 'varchar(40)', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('phone_hash', 'varchar(64)')
    .addColumn('phone_masked', 'varchar(20)')
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('region.code'))
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)')
    .addColumn('category', 'varchar(24)', (c) => c.notNull())
    .addColumn('employer_entity_id', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_region_idx').on('person').columns(['region_path', 'id']).execute();
  await db.schema.createIndex('person_employer_idx').on('person').column('employer_entity_id').execute();
  await db.schema.createIndex('person_name_idx').on('person').column('name').execute();
}
