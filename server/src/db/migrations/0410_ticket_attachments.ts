import type { Kysely } from 'kysely';
import type { Dialect } from '../database';
import { withId } from '../sql-helpers';

/** Files attached to a ticket at any step; the content lives under dataDir/files/<sha256>. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('ticket_attachment'), dialect)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('ticket.id'))
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer')
    .addColumn('uploaded_by_name', 'varchar(64)')
    .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_attachment_ticket_idx').on('ticket_attachment').column('ticket_id').execute();
}
