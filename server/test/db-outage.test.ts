import pg from 'pg';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDb, type TestApp } from './helpers';
import { registerErrorHandler } from '../src/platform/error-handler';
import { isDatabaseUnavailable } from '../src/platform/db-unavailable';

describe('an answer while the database is away', () => {
  it('is 503 with Retry-After and the app’s error body, not 500', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    app.get('/x', async () => {
      throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    });
    const res = await app.inject({ url: '/x', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ code: 'common.unavailable', message: expect.stringContaining('try again') });
    await app.close();
  });
});

// the database of this test file only: terminating its connections leaves other files' databases alone
describe.runIf(testDb === 'postgres')('a PostgreSQL outage', () => {
  let t: TestApp;
  let admin: pg.Client;
  let dbName: string;
  const sql = (q: string) => admin.query(q);
  const terminate = () =>
    sql(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${dbName}' and pid <> pg_backend_pid()`);

  beforeAll(async () => {
    t = await createTestApp();
    dbName = String(
      (await t.core.db.selectNoFrom((eb) => eb.fn<string>('current_database', []).as('n')).executeTakeFirstOrThrow()).n,
    );
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  it('keeps the node up when the server drops its idle connections, and the next request works', async () => {
    const client = await t.login('admin');
    expect((await client.get('/api/regions?parent=120119')).statusCode).toBe(200);
    // the idle pooled connections and the LISTEN connection are cut, as a restart would (57P01)
    await terminate();
    await new Promise((r) => setTimeout(r, 300));
    expect((await client.get('/api/regions?parent=120119')).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });

  it('classes the errors of a cut or refused connection as "unavailable" (503), not as bugs (500)', async () => {
    // a statement cut by the server's termination (what a restart or failover does to a running query)
    const victim = new pg.Client({ connectionString: t.core.config.databaseUrl });
    victim.on('error', () => undefined);
    await victim.connect();
    const pid = (await victim.query('select pg_backend_pid() as pid')).rows[0].pid as number;
    const running = victim.query('select pg_sleep(10)').then(
      () => null,
      (err: unknown) => err,
    );
    await new Promise((r) => setTimeout(r, 100));
    await sql(`select pg_terminate_backend(${pid})`);
    const cut = await running;
    expect(isDatabaseUnavailable(cut)).toBe(true);
    await victim.end().catch(() => undefined);
    // a server that is not there at all
    const nowhere = new pg.Pool({ host: '127.0.0.1', port: 1, user: 'postgres', connectionTimeoutMillis: 2000 });
    nowhere.on('error', () => undefined);
    const refused = await nowhere.query('select 1').then(
      () => null,
      (err: unknown) => err,
    );
    expect(isDatabaseUnavailable(refused)).toBe(true);
    await nowhere.end();
    // a refused statement is not an outage
    const bad = await t.core.db
      .selectFrom('no_such_table' as never)
      .selectAll()
      .execute()
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(isDatabaseUnavailable(bad)).toBe(false);
  });
});
