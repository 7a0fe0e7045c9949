import type { Kysely } from 'kysely';
import type { Dialect } from '../database';
import { withId } from '../sql-helpers';

/** Photos and documents of a complaint, from the public form (uploaded_by null) or from staff. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('complaint_attachment'), dialect)
    .addColumn('complaint_id', 'integer', (c) => c.notNull().references('complaint.id'))
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer')
    .addColumn('uploaded_by_name', 'varchar(64)')
    .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaint_attachment_complaint_idx').on('complaint_attachment').column('complaint_id').execute();
}
