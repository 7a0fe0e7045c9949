/**
 * Sweeps EVERY route the app registers (platform/http.ts trackRoutes), so a new module's routes
 * are checked the moment they are registered:
 *  1. without a session, every non-public /api/ route answers 401;
 *  2. a bank officer (a role that can do almost nothing) never gets a 2xx outside its own
 *     modules and the self-service routes;
 *  3. a town officer and a grid worker of town B never get town A's records: every GET :id route
 *     answers 401/403/404 for the town-A records an admin can list, and no GET answers with town A's
 *     region code in it.
 * Town-A records come from SEEDS: what an admin lists at a route's collection and mentions town A,
 * plus the ids a seed names for routes whose collection does not list them (sub-resources, records
 * without a region code in their summary). Every GET :id route must have one: the last test fails
 * for a route no seed covers, so a new module's detail route cannot slip past the sweep.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rolePermissions } from '@fugong/contract';
import { createTestApp, type Client } from './helpers';
import type { RouteInfo } from '../src/platform/http';

/** Never ends by itself; its access rules are tested in events.test.ts. */
const STREAMS = new Set(['GET /api/events']);
/** Seeded records that only the enterprise owning them reads (not even an admin); their seed reads them as the owner. */
const OWNER_READS = new Set(['GET /api/filings/staff/:id/qr']);
/** What any signed-in user may do about their own account. */
const SELF_SERVICE = new Set([
  'GET /api/auth/me',
  'POST /api/auth/password',
  'PUT /api/auth/locale',
  'GET /api/notifications',
  'POST /api/notifications/read',
]);

import { SEEDS, type SeedIds } from './permission-sweep.seeds';

const t = await createTestApp();
afterAll(async () => t.close());
const admin = await t.login('admin');
const seedFailures: string[] = [];
const seededIds: SeedIds = {};
for (const [name, seed] of Object.entries(SEEDS)) {
  await seed(t, admin)
    .then((ids) => Object.assign(seededIds, ids))
    .catch((err: Error) => seedFailures.push(`${name}: ${err.message}`));
}
const anonymous = t.anonymous();
const bank = await t.userWith('sweep.bank', [{ role: 'bank' }]);
const outsiders: [string, Client, string][] = [
  ['town officer of town B', await t.userWith('sweep.town.b', [{ role: 'town', regionCode: t.regions.townB }]), t.regions.townB],
  ['grid worker of town B', await t.userWith('sweep.grid.b', [{ role: 'grid', regionCode: t.regions.gridB }]), t.regions.gridB],
];
/** Every region code of town A's subtree: a response mentioning one of them is about town A. */
const townACodes = (
  await t.core.db.selectFrom('region').select('code').where('path', 'like', `/120119/${t.regions.townA}/%`).execute()
).map((r) => r.code);
const aboutTownA = (text: string) => townACodes.find((c) => text.includes(c));

const key = (r: RouteInfo) => `${r.method} ${r.url}`;
const api = t.routes.filter((r) => r.url.startsWith('/api/') && !r.public && !STREAMS.has(key(r)));
const fill = (url: string, values: Record<string, string> = {}) =>
  url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? '1');
const call = (c: Client, r: RouteInfo, url = fill(r.url)) =>
  c.request({ method: r.method as never, url, ...(r.method === 'GET' ? {} : { payload: {} }) });

it('creates every seed', () => {
  expect(seedFailures).toEqual([]);
});

describe('without a session', () => {
  it.each(api.map((r) => [key(r), r] as const))('%s answers 401', async (_, r) => {
    const res = await call(anonymous, r);
    expect(res.statusCode, res.body).toBe(401);
    expect(res.json().code).toBe('auth.required');
  });
});

describe('a bank officer outside its own modules', () => {
  const ownModules = new Set(rolePermissions.bank.map((p) => p.split('.')[0]));
  const foreign = api.filter((r) => !SELF_SERVICE.has(key(r)) && !ownModules.has(r.url.split('/')[2]!));
  it.each(foreign.map((r) => [key(r), r] as const))('%s gives no 2xx', async (_, r) => {
    const res = await call(bank, r);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
  });
});

describe('a bank officer of no institution in its own module', () => {
  const finance = api.filter((r) => r.method === 'GET' && r.url.startsWith('/api/finance/'));
  it.each(finance.map((r) => [key(r), r] as const))('%s shows no other institution’s requests', async (_, r) => {
    for (const id of r.url.includes(':id') ? (seededIds[key(r)] ?? ['1']) : ['']) {
      const res = await call(bank, r, fill(r.url, { id: String(id) }));
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(res.body).not.toContain('甲镇会计');
      if (r.url.includes(':id')) expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      else if (res.statusCode === 200 && r.url.endsWith('/requests')) expect(res.json().total).toBe(0);
    }
  });
});

// Town-A records per GET :id route: what an admin lists at the route's collection and mentions town A.
const getsById = api.filter((r) => r.method === 'GET' && /:id\b/.test(r.url) && r.url.match(/:\w+/g)!.length === 1);
const townARecords = new Map<string, string[]>();
for (const r of getsById) {
  const collection = r.url.slice(0, r.url.indexOf('/:id'));
  const res = await admin.get(`${collection}?pageSize=100`);
  const items: { id?: unknown }[] = res.statusCode === 200 && Array.isArray(res.json()?.items) ? res.json().items : [];
  const listed = items.filter((i) => i.id != null && aboutTownA(JSON.stringify(i))).map((i) => String(i.id));
  const ids = [...new Set([...listed.slice(0, 3), ...(seededIds[key(r)] ?? []).map(String)])];
  if (ids.length) townARecords.set(key(r), ids);
}

describe.each(outsiders)('a %s', (_, outsider, ownRegion) => {
  const covered = getsById.filter((r) => townARecords.has(key(r)));
  it.each(covered.map((r) => [key(r), r] as const))('%s refuses town A’s records', async (_, r) => {
    for (const id of townARecords.get(key(r))!) {
      const res = await call(outsider, r, fill(r.url, { id }));
      expect([401, 403, 404], `${fill(r.url, { id })}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
    }
  });

  const lists = api.filter((r) => r.method === 'GET' && !r.url.includes(':'));
  it.each(lists.map((r) => [key(r), r] as const))('%s never mentions town A', async (_, r) => {
    for (const url of [r.url, `${r.url}?q=${t.regions.townA}`, `${r.url}?parent=${t.regions.townA}`]) {
      const res = await call(outsider, r, url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      expect(aboutTownA(res.rawPayload.toString('latin1')), url).toBeUndefined();
    }
  });

  it('still sees its own region (so the probes above could have succeeded)', async () => {
    const res = await outsider.get(`/api/regions/search?q=${ownRegion}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(ownRegion);
  });
});

describe('GET :id routes', () => {
  it('each have a town-A record to sweep', () => {
    expect(
      getsById.filter((r) => !townARecords.has(key(r))).map(key),
      'add a town-A seed to SEEDS in permission-sweep.test.ts',
    ).toEqual([]);
  });
  it('name records an admin can read (so a refusal above is about the caller, not a bad id)', async () => {
    const unreadable: string[] = [];
    for (const [k, ids] of Object.entries(seededIds).filter(([route]) => !OWNER_READS.has(route))) {
      for (const id of ids) {
        const url = fill(k.split(' ')[1]!, { id: String(id) });
        const res = await admin.get(url);
        if (res.statusCode !== 200) unreadable.push(`${url}: ${res.statusCode}`);
      }
    }
    expect(unreadable).toEqual([]);
  });
  it('name only routes that exist', () => {
    expect(Object.keys(seededIds).filter((k) => !getsById.some((r) => key(r) === k))).toEqual([]);
  });
});
