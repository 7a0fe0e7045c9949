import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';
import type { Kysely } from 'kysely';
import type { DB } from '../src/modules/schema';
import { preparedQuery, preparedRows } from '../src/db/prepared';
import { createGroupCommit } from '../src/platform/group-commit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const regionByCode = preparedQuery('test.regionByCode', (db: Kysely<DB>, p: { code: string }) =>
  db.selectFrom('region').select(['code', 'name', 'parentCode']).where('code', '=', p.code).where('level', '!=', 'grid'),
);
const insertAudit = preparedQuery('test.insertAudit', (db: Kysely<DB>, p: { action: string; detail: string | null }) =>
  db
    .insertInto('auditLog')
    .values({
      at: '2026-01-01T00:00:00.000Z',
      actorId: null,
      actorName: 'prepared-test',
      action: p.action,
      targetType: null,
      targetId: null,
      regionPath: null,
      ip: null,
      requestId: null,
      detail: p.detail,
    })
    .returning(['id', 'actorName', 'detail']),
);

describe('preparedQuery', () => {
  it('returns what the same Kysely query returns, with camelCase columns, for each set of values', async () => {
    const db = t.core.db;
    const codes = (await db.selectFrom('region').select('code').where('level', '!=', 'grid').limit(5).execute()).map(
      (r) => r.code,
    );
    expect(codes.length).toBeGreaterThan(1);
    for (const code of codes) {
      const direct = await db.selectFrom('region').select(['code', 'name', 'parentCode']).where('code', '=', code).execute();
      expect(await regionByCode(db, { code })).toEqual(direct);
    }
    expect(await regionByCode(db, { code: 'no-such-code' })).toEqual([]);
  });

  it('keeps the constants of the query and passes a missing value as null, inside a transaction too', async () => {
    const rows = await t.core.db
      .transaction()
      .execute((trx) => insertAudit(trx, { action: 'prepared.test', detail: undefined as unknown as null }));
    expect(rows).toEqual([{ id: expect.any(Number), actorName: 'prepared-test', detail: null }]);
    const again = await insertAudit(t.core.db, { action: 'prepared.test', detail: '{"n":2}' });
    expect(again[0]!.detail).toBe('{"n":2}');
    expect(again[0]!.id).toBeGreaterThan(rows[0]!.id);
  });
});

describe('group commit', () => {
  it('commits the units that succeed and rolls back a failing unit alone when they arrive together', async () => {
    const commits = createGroupCommit(t.core.db);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        commits.run(async (trx) => {
          const [row] = await insertAudit(trx, { action: 'group.test', detail: String(i) });
          if (i === 7) throw new Error('unit 7 fails');
          return row!.id;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(19);
    expect(results[7]).toMatchObject({ status: 'rejected', reason: { message: 'unit 7 fails' } });
    const written = await t.core.db
      .selectFrom('auditLog')
      .select('detail')
      .where('action', '=', 'group.test')
      .orderBy('id')
      .execute();
    expect(written.map((r) => r.detail)).toEqual(Array.from({ length: 20 }, (_, i) => String(i)).filter((d) => d !== '7'));
  });

  it('flushes the deferred items of the units that succeeded once per batch, in order, and drops a failing unit’s items', async () => {
    const flushed: string[][] = [];
    const commits = createGroupCommit<string>(t.core.db, {
      flush: async (trx, items) => {
        flushed.push(items);
        for (const d of items) await insertAudit(trx, { action: 'group.flush', detail: d });
      },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        commits.run(async (trx, defer) => {
          await insertAudit(trx, { action: 'group.unit', detail: String(i) });
          defer(`a${i}`);
          defer(`b${i}`);
          if (i === 4) throw new Error('unit 4 fails after deferring');
          return i;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 10 }, (_, i) => (i === 4 ? 'rejected' : 'fulfilled')));
    const expected = Array.from({ length: 10 }, (_, i) => i)
      .filter((i) => i !== 4)
      .flatMap((i) => [`a${i}`, `b${i}`]);
    expect(flushed).toEqual([expected]);
    const written = await t.core.db
      .selectFrom('auditLog')
      .select('detail')
      .where('action', '=', 'group.flush')
      .orderBy('id')
      .execute();
    expect(written.map((r) => r.detail)).toEqual(expected);
  });

  it('fails the whole batch, units’ own writes included, when the flush fails', async () => {
    const commits = createGroupCommit<number>(t.core.db, {
      flush: async () => {
        throw new Error('flush fails');
      },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        commits.run(async (trx, defer) => {
          await insertAudit(trx, { action: 'group.lost', detail: String(i) });
          defer(i);
        }),
      ),
    );
    expect(results.every((r) => r.status === 'rejected' && (r.reason as Error).message === 'flush fails')).toBe(true);
    expect(await t.core.db.selectFrom('auditLog').select('id').where('action', '=', 'group.lost').execute()).toEqual([]);
  });
});

const insertAuditRows = preparedRows(
  'test.insertAuditRows',
  (db: Kysely<DB>, rows) =>
    db
      .insertInto('auditLog')
      .values(rows as never)
      .returning(['action', 'detail']),
  ['at', 'actorId', 'actorName', 'action', 'targetType', 'targetId', 'regionPath', 'ip', 'requestId', 'detail'],
);

describe('preparedRows', () => {
  it('writes any number of rows, across several statements when there are many, with missing values as null', async () => {
    for (const n of [1, 3, 250]) {
      const rows = Array.from({ length: n }, (_, i) => [
        '2026-01-01T00:00:00.000Z',
        null,
        'rows-test',
        `rows.${n}`,
        null,
        null,
        null,
        null,
        null,
        i % 2 ? String(i) : undefined,
      ]);
      const back = await insertAuditRows(t.core.db, rows);
      expect(back).toEqual(rows.map((r) => ({ action: `rows.${n}`, detail: r[9] ?? null })));
    }
    const counted = await t.core.db.selectFrom('auditLog').select('action').where('actorName', '=', 'rows-test').execute();
    expect(counted).toHaveLength(254);
  });
});
