import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';

let t: TestApp;
let admin: Client;
let townA: Client;
let grid: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  townA = await t.userWith('town.a', [{ role: 'town', regionCode: t.regions.townA }]);
  grid = await t.userWith('grid.a', [{ role: 'grid', regionCode: t.regions.gridA }]);
});
afterAll(async () => t.close());

type R = { code: string; name: string; level: string; parentCode: string | null; path: string; childCount: number };
const items = async (c: Client, url: string): Promise<R[]> => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

describe('browsing the region tree', () => {
  it('starts an admin at the district and lists children with their paths and child counts', async () => {
    const roots = await items(admin, '/api/regions');
    expect(roots).toEqual([
      { code: '120119', name: '蓟州区', level: 'district', parentCode: null, path: '/120119/', childCount: 2 },
    ]);
    const towns = await items(admin, '/api/regions?parent=120119');
    expect(towns.map((r) => r.code)).toEqual([t.regions.townA, t.regions.townB]);
    expect(towns[0]).toMatchObject({ level: 'town', parentCode: '120119', path: `/120119/${t.regions.townA}/`, childCount: 2 });
    const units = await items(admin, `/api/regions?parent=${t.regions.townA}`);
    expect(units.every((u) => u.level === 'community' && u.path.startsWith(towns[0]!.path))).toBe(true);
    const grids = await items(admin, `/api/regions?parent=${t.regions.communityA}`);
    expect(grids.map((g) => [g.code, g.childCount])).toEqual([
      [t.regions.gridA, 0],
      [`${t.regions.communityA}002`, 0],
    ]);
    expect(await items(admin, `/api/regions?parent=${t.regions.gridA}`)).toEqual([]);
  });

  it('starts a town officer at their town and lets them browse only inside it', async () => {
    expect((await items(townA, '/api/regions')).map((r) => r.code)).toEqual([t.regions.townA]);
    expect((await items(townA, `/api/regions?parent=${t.regions.townA}`)).length).toBe(2);
    expect((await items(townA, `/api/regions?parent=${t.regions.communityA}`)).length).toBe(2);
    for (const outside of [t.regions.townB, t.regions.communityB, '120119']) {
      const res = await townA.get(`/api/regions?parent=${outside}`);
      expect(res.statusCode, outside).toBe(404);
      expect(res.json().code).toBe('common.not_found');
    }
    // an unknown code answers exactly like a code outside the scope
    expect((await townA.get('/api/regions?parent=999999999999')).json()).toMatchObject({ code: 'common.not_found' });
    expect((await items(grid, '/api/regions')).map((r) => r.code)).toEqual([t.regions.gridA]);
    expect((await grid.get(`/api/regions?parent=${t.regions.townA}`)).statusCode).toBe(404);
  });
});

describe('searching regions', () => {
  it('finds by name and by code prefix, within the caller’s scope only', async () => {
    const [townARow, townBRow] = await items(admin, '/api/regions?parent=120119');
    const byName = await items(admin, `/api/regions/search?q=${encodeURIComponent(townBRow!.name)}`);
    expect(byName.map((r) => r.code)).toContain(t.regions.townB);
    const byCode = await items(admin, `/api/regions/search?q=${t.regions.townA.slice(0, 9)}&limit=50`);
    expect(byCode[0]!.code).toBe(t.regions.townA); // shallowest first
    expect(byCode.every((r) => r.code.startsWith(t.regions.townA.slice(0, 9)))).toBe(true);
    expect(byCode.length).toBe(7); // the town, 2 communities/villages, 4 grids

    expect(await items(townA, `/api/regions/search?q=${encodeURIComponent(townBRow!.name)}`)).toEqual([]);
    expect(await items(townA, `/api/regions/search?q=${t.regions.townB}`)).toEqual([]);
    expect((await items(townA, `/api/regions/search?q=${encodeURIComponent(townARow!.name)}`)).map((r) => r.code)).toEqual([
      t.regions.townA,
    ]);
    const mine = await items(townA, '/api/regions/search?q=120119&limit=50');
    expect(mine.length).toBe(7);
    expect(mine.every((r) => r.path.startsWith(`/120119/${t.regions.townA}/`))).toBe(true);
  });

  it('treats LIKE wildcards literally, limits results and validates the query', async () => {
    expect(await items(admin, '/api/regions/search?q=%25')).toEqual([]);
    expect(await items(admin, '/api/regions/search?q=_')).toEqual([]);
    expect((await items(admin, '/api/regions/search?q=1201&limit=3')).length).toBe(3);
    const res = await admin.get('/api/regions/search?q=&limit=99', { 'x-locale': 'en' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['limit', 'q']);
  });

  it('is closed to users without regions.read and to anonymous callers', async () => {
    const bank = await t.userWith('bank.a', [{ role: 'bank' }]);
    expect((await bank.get('/api/regions')).statusCode).toBe(403);
    expect((await bank.get('/api/regions/search?q=1')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/regions')).statusCode).toBe(401);
  });
});
