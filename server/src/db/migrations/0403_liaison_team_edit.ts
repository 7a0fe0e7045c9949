import type { Kysely } from 'kysely';
import type { Dialect } from '../database';

/**
 * Teams become editable: `version` makes an edit conditional on the state the editor read; a dissolved
 * team keeps its row (the assignment history still names it) and drops out of the lists.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('liaison_team')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('liaison_team').addColumn('dissolved_at', 'varchar(32)').execute();
}
