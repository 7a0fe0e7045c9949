import type { Kysely } from 'kysely';
import type { Dialect } from '../database';
import { createFileTable } from '../sql-helpers';

/** Photos and documents of a complaint, from the public form (uploaded_by null) or from staff. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await createFileTable(db, dialect, 'complaint_attachment', { column: 'complaint_id', references: 'complaint.id' });
}
