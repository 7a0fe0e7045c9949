import type { Kysely } from 'kysely';
import type { Dialect } from '../database';
import { withId } from '../sql-helpers';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('complaint'), dialect)
    .addColumn('receipt_no', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('query_code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('channel', 'varchar(8)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('entity_name', 'varchar(200)')
    .addColumn('address', 'varchar(200)')
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('occurred_on', 'varchar(10)')
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contact_name', 'varchar(50)')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_hash', 'varchar(64)')
    .addColumn('phone_masked', 'varchar(20)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('deadline', 'varchar(32)', (c) => c.notNull())
    .addColumn('escalation_level', 'varchar(16)')
    .addColumn('escalated_at', 'varchar(32)')
    .addColumn('verdict', 'varchar(16)')
    .addColumn('verify_note', 'text')
    .addColumn('handling_note', 'text')
    .addColumn('ticket_id', 'integer')
    .addColumn('inspection_id', 'integer')
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'varchar(32)')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaint_region_idx').on('complaint').columns(['region_path', 'created_at']).execute();
  await db.schema.createIndex('complaint_status_idx').on('complaint').columns(['status', 'deadline']).execute();
  await db.schema.createIndex('complaint_entity_idx').on('complaint').column('entity_id').execute();

  await withId(db.schema.createTable('complaint_event'), dialect)
    .addColumn('complaint_id', 'integer', (c) => c.notNull().references('complaint.id'))
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('action', 'varchar(24)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(16)')
    .addColumn('to_status', 'varchar(16)')
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'varchar(100)')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('complaint_event_idx').on('complaint_event').columns(['complaint_id', 'id']).execute();
}
