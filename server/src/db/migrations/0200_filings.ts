import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';
import { withId } from '../sql-helpers';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('filing_config_version'), dialect)
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('note', 'varchar(200)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)')
    .execute();

  // entity_id is not a foreign key: the registry owns its table and may arrive in any migration order
  await withId(db.schema.createTable('filing'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('status', 'varchar(24)', (c) => c.notNull())
    .addColumn('route', 'varchar(16)', (c) => c.notNull())
    .addColumn('batch_no', 'integer')
    .addColumn('department', 'varchar(32)')
    .addColumn('whitelisted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checklist_key', 'varchar(40)', (c) => c.notNull())
    .addColumn('config_version', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('draft', 'text', (c) => c.notNull())
    .addColumn('planned_date', 'varchar(10)')
    .addColumn('submitted_at', 'varchar(32)')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('filing_region_idx').on('filing').columns(['region_path', 'status']).execute();
  await db.schema.createIndex('filing_status_idx').on('filing').columns(['status', 'batch_no']).execute();
  // one live filing per entity: a second "create" races into this index, never into a count
  await db.schema
    .createIndex('filing_entity_open_idx')
    .on('filing')
    .column('entity_id')
    .unique()
    .where(sql.ref('status'), '<>', 'rejected')
    .execute();

  await withId(db.schema.createTable('filing_revision'), dialect)
    .addColumn('filing_id', 'integer', (c) => c.notNull().references('filing.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(64)')
    .addUniqueConstraint('filing_revision_no_uq', ['filing_id', 'revision'])
    .execute();

  await withId(db.schema.createTable('filing_event'), dialect)
    .addColumn('filing_id', 'integer', (c) => c.notNull().references('filing.id'))
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'varchar(64)')
    .addColumn('action', 'varchar(24)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(24)')
    .addColumn('to_status', 'varchar(24)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('revision', 'integer')
    .execute();
  await db.schema.createIndex('filing_event_filing_idx').on('filing_event').columns(['filing_id', 'id']).execute();

  await withId(db.schema.createTable('filing_commitment'), dialect)
    .addColumn('filing_id', 'integer', (c) => c.notNull().references('filing.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('signer_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('signed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .addUniqueConstraint('filing_commitment_rev_uq', ['filing_id', 'revision'])
    .execute();
  // A signed commitment is evidence: the database itself refuses to change or delete it.
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER filing_commitment_no_update BEFORE UPDATE ON filing_commitment BEGIN SELECT RAISE(ABORT, 'filing_commitment is immutable'); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER filing_commitment_no_delete BEFORE DELETE ON filing_commitment BEGIN SELECT RAISE(ABORT, 'filing_commitment is immutable'); END`.execute(
      db,
    );
  } else {
    await sql`CREATE FUNCTION filing_commitment_immutable() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'filing_commitment is immutable'; END $$ LANGUAGE plpgsql`.execute(
      db,
    );
    await sql`CREATE TRIGGER filing_commitment_no_change BEFORE UPDATE OR DELETE ON filing_commitment FOR EACH ROW EXECUTE FUNCTION filing_commitment_immutable()`.execute(
      db,
    );
  }

  await withId(db.schema.createTable('filing_attachment'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer')
    .execute();
  await db.schema.createIndex('filing_attachment_entity_idx').on('filing_attachment').column('entity_id').execute();

  await db.schema
    .createTable('filing_batch')
    .addColumn('batch_no', 'integer', (c) => c.primaryKey())
    .addColumn('release_date', 'varchar(10)')
    .addColumn('updated_at', 'varchar(32)')
    .addColumn('updated_by', 'varchar(64)')
    .execute();
  await db
    .insertInto('filing_batch')
    .values([1, 2, 3, 4, 5].map((n) => ({ batch_no: n, release_date: null, updated_at: null, updated_by: null })))
    .execute();

  await db.schema
    .createTable('filing_whitelist')
    .addColumn('entity_id', 'integer', (c) => c.primaryKey())
    .addColumn('entity_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)', (c) => c.notNull())
    .addColumn('added_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('added_by', 'varchar(64)')
    .execute();

  await withId(db.schema.createTable('filing_staff'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('id_enc', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('id_masked', 'varchar(24)', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'varchar(20)', (c) => c.notNull())
    .addColumn('quiz_token', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('passed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('best_score', 'integer')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('passed_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('filing_staff_person_uq', ['entity_id', 'id_hash'])
    .execute();

  await withId(db.schema.createTable('filing_quiz_attempt'), dialect)
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('filing_staff.id').onDelete('cascade'))
    .addColumn('config_version', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('filing_quiz_attempt_staff_idx').on('filing_quiz_attempt').column('staff_id').execute();
}
