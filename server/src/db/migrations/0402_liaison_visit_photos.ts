import type { Kysely } from 'kysely';
import type { Dialect } from '../database';
import { createFileTable } from '../sql-helpers';

/** Photos taken on a liaison visit; the content lives under dataDir/files/<sha256>. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await createFileTable(db, dialect, 'liaison_visit_photo', { column: 'visit_id', references: 'liaison_visit.id' });
}
