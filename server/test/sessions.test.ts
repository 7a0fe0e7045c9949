import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp, TEST_PASSWORD } from './helpers';
import { manualClock } from '../src/platform/clock';
import { scopeFilter, scopeOf, makeActor } from '../src/platform/permissions';

const clock = manualClock('2026-03-02T01:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t.close());

const HOUR = 3600_000;
const sessionsOf = async (userId: number) =>
  Number(
    (
      await t.core.db
        .selectFrom('session')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('userId', '=', userId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('sessions over time', () => {
  it('expire after SESSION_HOURS and are purged by the sessions.purge job', async () => {
    const user = await t.userWith('clock.user', [{ role: 'grid', regionCode: t.regions.gridA }]);
    clock.advance(t.core.config.sessionHours * HOUR - 1000);
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);
    clock.advance(1000);
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
    expect(await sessionsOf(user.userId!)).toBe(1);
    expect(await t.core.jobs.runOnce('sessions.purge')).toBe(true);
    expect(await sessionsOf(user.userId!)).toBe(0);
    const lease = await t.core.db
      .selectFrom('jobLease')
      .selectAll()
      .where('name', '=', 'sessions.purge')
      .executeTakeFirstOrThrow();
    expect(lease.lastStatus).toMatch(/^purged \d+$/);
    // the lease holds for the job's period
    expect(await t.core.jobs.runOnce('sessions.purge')).toBe(false);
  });

  it('lock an account for LOGIN_LOCK_MINUTES after LOGIN_MAX_FAILURES, then let it in again', async () => {
    await t.userWith('clock.lock', [{ role: 'grid', regionCode: t.regions.gridA }]);
    const attempt = (password: string) =>
      t.anonymous().post('/api/auth/login', { username: 'clock.lock', password }, { 'accept-language': 'en' });
    for (let i = 1; i < t.core.config.loginMaxFailures; i++) expect((await attempt('Wrong1234')).statusCode).toBe(401);
    const locked = await attempt('Wrong1234');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().message).toBe(
      `Too many failed sign-ins; the account is locked for ${t.core.config.loginLockMinutes} minutes`,
    );
    clock.advance(t.core.config.loginLockMinutes * 60_000 - 1000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(429);
    clock.advance(1000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
    // a success clears the failure count: max − 1 failures on either side of it lock nothing
    for (const password of [
      ...Array(t.core.config.loginMaxFailures - 1).fill('Wrong1234'),
      TEST_PASSWORD,
      ...Array(t.core.config.loginMaxFailures - 1).fill('Wrong1234'),
    ]) {
      expect((await attempt(password)).statusCode).toBe(password === TEST_PASSWORD ? 200 : 401);
    }
  });
});

describe('scopeFilter on this database', () => {
  const regionCodes = (paths: string[]) => {
    const actor = makeActor(
      { id: 1, username: 'x', displayName: 'x' },
      paths.map((p) => ({ role: 'town' as const, regionPath: p, department: null, entityId: null, venueId: null })),
    );
    return t.core.db
      .selectFrom('region')
      .select('code')
      .where((eb) => scopeFilter(eb, scopeOf(actor, 'regions.read'), { path: 'region.path' }))
      .orderBy('code')
      .execute()
      .then((rows) => rows.map((r) => r.code));
  };

  it('selects exactly the subtrees of the scope', async () => {
    const all = await t.core.db.selectFrom('region').select(['code', 'path']).execute();
    const townA = `/120119/${t.regions.townA}/`;
    const townB = `/120119/${t.regions.townB}/`;
    expect(await regionCodes([townA])).toEqual(
      all
        .filter((r) => r.path.startsWith(townA))
        .map((r) => r.code)
        .sort(),
    );
    expect((await regionCodes([townA, townB])).length).toBe(all.length - 1);
    expect(await regionCodes([])).toEqual([]);
  });

  it('treats LIKE wildcards in a path literally', async () => {
    // a forged path made of wildcards must match nothing, on SQLite and PostgreSQL alike
    expect(await regionCodes(['/%/'])).toEqual([]);
    expect(await regionCodes(['/120119/____________/'])).toEqual([]);
    const escapes = await sql<{ ok: number }>`select 1 as ok where 'a_b' like ${'a\\_b'} escape '\\'`.execute(t.core.db);
    expect(escapes.rows).toHaveLength(1);
  });
});
