import type { Kysely } from 'kysely';
import type { Dialect } from '../database';
import { createFileTable } from '../sql-helpers';

/** Files attached to a ticket at any step; the content lives under dataDir/files/<sha256>. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await createFileTable(db, dialect, 'ticket_attachment', { column: 'ticket_id', references: 'ticket.id' });
}
