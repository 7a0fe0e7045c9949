import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityInput } from '@fugong/contract';
import { createTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../../test/helpers';
import { systemContext } from '../../platform/context';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { demoDistricts } from '../../demo/districts';
import { DEMO_PASSWORD } from '../../demo/demo-users';
import { labourDemo } from './labour.demo';
import { labourDemoPlan as plan } from './labour.demo-plan';

// the four districts' region trees and enough resumed enterprises; then the labour demo step
let t: TestApp;
let loadMs = 0;
const as: Record<string, Client> = {};
const INDUSTRIES = ['制造业', '餐饮业', '零售业', '批发业'];

beforeAll(async () => {
  t = await createTestApp({ empty: true });
  const sys = systemContext();
  const sizes: Record<string, number> = { '120119': 120, '350503': 400, '430102': 560, '230506': 0 };
  for (const d of demoDistricts.filter((x) => x.code in sizes)) {
    const rows = buildDistrictRegions(d);
    await t.services.regions.insertMany(rows);
    const grids = rows.filter((r) => r.level === 'grid');
    const inputs = Array.from({ length: sizes[d.code]! }, (_, i) => ({
      kind: 'enterprise',
      name: `${d.name}用工企业${i + 1}`,
      regNo: `L-${d.code}-${i}`,
      regionCode: grids[i % grids.length]!.code,
      sector: 'tertiary',
      industry: INDUSTRIES[i % INDUSTRIES.length],
    })) as EntityInput[];
    if (inputs.length) await t.services.registry.createEntities(sys, inputs);
  }
  // test data: the registry's status history is not what this test is about
  await t.core.db.updateTable('entity').set({ status: 'resumed' }).execute();
  await t.services.users.createUser(sys, {
    username: 'admin',
    displayName: 'Admin',
    password: TEST_PASSWORD,
    grants: [{ role: 'admin' }],
  });
  const started = Date.now();
  await labourDemo(t.services as never, () => undefined);
  loadMs = Date.now() - started;
  for (const u of plan.users) as[u.username] = await t.login(u.username, DEMO_PASSWORD);
}, 120_000);
afterAll(() => t.close());

describe('labour demo figures, read back through the API', () => {
  it('Jizhou: the live fair’s 120,000 viewers and 500 intentions, 9 online fairs with 1,249 hires, 131 workers from 3 provinces', async () => {
    // the seed's period: the demo also holds a fair open today
    const s = (await as.labour!.get('/api/labour/stats?regionCode=120119&from=2020-02-01&to=2020-04-30')).json();
    expect(s).toMatchObject({ fairs: 10, liveFairs: 1, onlineFairs: 9, visits: 120_000, hires: 1249, transported: 131 });
    expect(s.provinces).toEqual(['甘肃省', '贵州省', '重庆市'].sort());
    const fairs = (await as.labour!.get('/api/labour/fairs?pageSize=20')).json();
    expect(fairs.total).toBe(11);
    const live = fairs.items.find((f: { kind: string }) => f.kind === 'live');
    expect(live).toMatchObject({ startsOn: '2020-02-24', visits: 120_000, intentions: 500, hires: 0 });
    const online = fairs.items.filter((f: { kind: string; startsOn: string }) => f.kind === 'online' && f.startsOn < '2021');
    expect(online).toHaveLength(9);
    expect(online.reduce((n: number, f: { hires: number }) => n + f.hires, 0)).toBe(1249);
    // a filled posting never has more hires than places
    const over = await t.core.db.selectFrom('jobPosting').select('id').whereRef('hired', '>', 'places').execute();
    expect(over).toEqual([]);
  });

  it('Fengze: 370 enterprises with 4,000 postings and shared staff between restaurants and supermarkets', async () => {
    const s = (await as['labour-fengze']!.get('/api/labour/stats?regionCode=350503')).json();
    expect(s).toMatchObject({ enterprises: 370, postings: 4000, placements: 5, sharedWorkers: 100 });
    const placements = (await as['commerce-fengze']!.get('/api/labour/placements')).json();
    expect(placements.items.every((p: { status: string }) => p.status === 'confirmed')).toBe(true);
  });

  it('Furong: 5,500 postings; Baoshan: the survey over every grid; the demo step stays fast', async () => {
    expect((await as['labour-furong']!.get('/api/labour/stats?regionCode=430102')).json().postings).toBe(5500);
    const admin = await t.login('admin');
    const progress = (await admin.get('/api/labour/survey/progress?regionCode=230506')).json();
    const grids = await t.core.db
      .selectFrom('region')
      .select('code')
      .where('level', '=', 'grid')
      .where('path', 'like', '/230506/%')
      .execute();
    expect(progress).toHaveLength(grids.length);
    expect(progress.every((g: { households: number }) => g.households === 4)).toBe(true);
    expect(loadMs).toBeLessThan(20_000);
  });
});
