import { sql } from 'kysely';
import type { AnyDb } from './schema';
import { describe, expect, it } from 'vitest';
import { compileOnly } from './database';
import { preparedQuery, preparedRows } from './prepared';

// no database: a statement that cannot bind its parameters fails when it is compiled, before any SQL runs
const db = compileOnly('sqlite');

describe('preparedQuery', () => {
  it('throws, naming the parameter, when the query binds a value made from a parameter', async () => {
    // the bound value would be the stand-in with '%' appended: no caller's value would ever reach it
    const byPrefix = preparedQuery('test.byPrefix', (db: AnyDb, p: { prefix: string }) =>
      db
        .selectFrom('region')
        .select('code')
        .where('name', 'like', p.prefix + '%'),
    );
    await expect(byPrefix(db, { prefix: '蓟州' })).rejects.toThrow(
      'preparedQuery "test.byPrefix": cannot bind parameter "prefix": the query binds a value made from it ("$prefix%")',
    );
    // every call: nothing half-compiled is kept
    await expect(byPrefix(db, { prefix: '蓟州' })).rejects.toThrow(/cannot bind parameter "prefix"/);
  });

  it('names the longer of two parameters one of which is a prefix of the other', async () => {
    const q = preparedQuery('test.prefixNames', (db: AnyDb, p: { id: number; idHash: string }) =>
      db.selectFrom('pass').select('id').where('id', '=', p.id).where('token', '=', `t-${p.idHash}`),
    );
    await expect(q(db, { id: 1, idHash: 'h' })).rejects.toThrow(/cannot bind parameter "idHash"/);
  });

  it('throws when the query writes a parameter into the SQL text', async () => {
    const q = preparedQuery('test.literal', (db: AnyDb, p: { level: string }) =>
      db.selectFrom('region').select('code').where('level', '=', sql.lit(p.level)),
    );
    await expect(q(db, { level: 'town' })).rejects.toThrow(
      /"test.literal": cannot bind parameter "level": the query writes it into the SQL text/,
    );
  });

  it('compiles and runs a query that uses each parameter as is', async () => {
    const q = preparedQuery('test.fine', (db: AnyDb, p: { code: string }) =>
      db.selectFrom('region').select('name').where('code', '=', p.code).where('level', '!=', 'grid'),
    );
    expect(await q(db, { code: '120119' })).toEqual([]);
  });

  it('refuses a second statement of the same name', () => {
    expect(() => preparedQuery('test.fine', (db: AnyDb) => db.selectFrom('region').select('code'))).toThrow(
      'prepared statement "test.fine" is defined twice',
    );
  });
});

describe('preparedRows', () => {
  it('throws, naming the statement, when it holds a parameter that is not a row value', async () => {
    const rows = preparedRows(
      'test.rowsWithConstant',
      (db: AnyDb, rows) =>
        db
          .insertInto('auditLog')
          .values(rows.map((r) => ({ ...r, actorName: 'x' })) as never)
          .returning('id'),
      ['at', 'action'],
    );
    await expect(rows(db, [['2026-01-01T00:00:00.000Z', 'a']])).rejects.toThrow(
      'preparedRows "test.rowsWithConstant": the statement may only hold the rows’ values as parameters',
    );
  });
});
