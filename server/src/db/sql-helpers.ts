import { sql, type CreateTableBuilder, type Expression, type Kysely, type SqlBool, type ExpressionBuilder } from 'kysely';
import type { Dialect } from './database';

/** Integer identity primary key on both dialects. */
export function withId<T extends string>(t: CreateTableBuilder<T, never>, dialect: Dialect): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? t.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Case-insensitive substring match, LIKE wildcards in the needle escaped. */
export function containsText<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  needle: string,
  dialect: Dialect,
): Expression<SqlBool> {
  const escaped = '%' + needle.replace(/[\\%_]/g, (m) => '\\' + m) + '%';
  const ref = sql.ref(column);
  return dialect === 'postgres'
    ? sql<SqlBool>`${ref} ilike ${escaped} escape '\\'`
    : sql<SqlBool>`${ref} like ${escaped} escape '\\'`;
}

export function pathPrefix(path: string): string {
  return path.replace(/[\\%_]/g, (m) => '\\' + m) + '%';
}

/** The column starts with `prefix`, LIKE wildcards in the prefix matched literally (SQL column name). */
export function startsWithText(column: string, prefix: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${pathPrefix(prefix)} escape '\\'`;
}

export function nowIso(d: Date): string {
  return d.toISOString();
}

/** True when a database error is a unique-constraint violation (SQLite or PostgreSQL wording). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /unique|duplicate key/i.test(String(e?.message))
  );
}

/** The column (snake_case SQL name) contains `needle` literally; case-sensitive on PostgreSQL, fine for CJK names and codes. */
export function containsLiteral(column: string, needle: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${'%' + needle.replace(/[\\%_]/g, (m) => '\\' + m) + '%'} escape '\\'`;
}

/**
 * A module's table of attached files (platform/stored-file.ts `StoredFileRow` plus the parent's id):
 * name, MIME type, size, content hash, who uploaded it and when; indexed by the parent.
 */
export async function createFileTable(
  db: Kysely<any>,
  dialect: Dialect,
  table: string,
  parent: { column: string; references: string },
): Promise<void> {
  await withId(db.schema.createTable(table), dialect)
    .addColumn(parent.column, 'integer', (c) => c.notNull().references(parent.references))
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer')
    .addColumn('uploaded_by_name', 'varchar(64)')
    .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex(`${table}_${parent.column.replace(/_id$/, '')}_idx`)
    .on(table)
    .column(parent.column)
    .execute();
}
