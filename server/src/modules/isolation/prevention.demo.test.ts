import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers';
import { systemContext } from '../../platform/context';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { demoDistricts } from '../../demo/districts';
import { preventionDemo } from './prevention.demo';
import { DEMO_PASSWORD } from '../../demo/demo-users';
import { clearPersonalNumbers, readXlsx } from '../../../test/xlsx';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // the real Panzhihua East and Baoshan trees; the test app already holds a trimmed Jizhou
  for (const d of demoDistricts.filter((x) => x.code === '510402' || x.code === '230506'))
    await t.services.regions.insertMany(buildDistrictRegions(d));
  await t.services.users.createUser(systemContext(), {
    username: 'grid',
    displayName: 'grid',
    password: TEST_PASSWORD,
    grants: [{ role: 'grid', regionCode: t.regions.gridA }],
  });
  await t.services.users.createUser(systemContext(), {
    username: 'town',
    displayName: 'town',
    password: TEST_PASSWORD,
    grants: [{ role: 'town', regionCode: t.regions.townA }],
  });
  await preventionDemo(t.services, () => undefined);
}, 120_000);
afterAll(async () => t.close());

describe('prevention demo data', () => {
  it('reproduces the East District figure: 13 sealed buildings, 2,093 people, all released', async () => {
    const pzh = await t.login('town-pzh', DEMO_PASSWORD).catch(() => null);
    expect(pzh).not.toBeNull();
    const admin = await t.login('admin');
    const r = (await admin.get('/api/sealed-buildings/report?regionCode=510402')).json();
    expect(r.total).toMatchObject({ regionName: '东区', buildings: 13, people: 2093, sealedNow: 0, peopleSealedNow: 0 });
    // with no region asked, an officer over all five districts gets one row per district, not the first one
    const all = (await admin.get('/api/sealed-buildings/report')).json();
    expect(all.total).toMatchObject({ regionCode: '', regionName: '全部区域' });
    expect(all.rows.find((x: { regionCode: string }) => x.regionCode === '510402')).toMatchObject({
      buildings: 13,
      people: 2093,
    });
    expect(all.total.buildings).toBe(all.rows.reduce((a: number, x: { buildings: number }) => a + x.buildings, 0));
  });

  it('exports the East District report (13 buildings, 2,093 people) and the demo lists without clear numbers', async () => {
    const admin = await t.login('admin');
    const report = await readXlsx((await admin.get('/api/sealed-buildings/report/export?regionCode=510402')).rawPayload);
    expect(report.at(-1)).toEqual(['合计（东区）', '510402', '13', '2093', '0', '0']);
    expect(report.slice(1, -1).reduce((a, r) => a + Number(r[3]), 0)).toBe(2093);
    for (const url of ['/api/people/export', '/api/passes/export', '/api/isolations/export']) {
      const rows = await readXlsx((await admin.get(url)).rawPayload);
      expect(rows.length, url).toBeGreaterThan(1);
      expect(clearPersonalNumbers(rows), url).toEqual([]);
    }
  });

  it('has passes of each class, a revoked one, checkpoints with scans, and isolations with notices', async () => {
    const admin = await t.login('admin');
    const passes = (await admin.get('/api/passes?pageSize=100')).json().items as { passClass: string; status: string }[];
    expect(new Set(passes.map((p) => p.passClass))).toEqual(new Set(['A', 'B', 'C']));
    expect(passes.some((p) => p.status === 'revoked')).toBe(true);
    const cps = (await admin.get('/api/checkpoints')).json().items as { scansToday: number }[];
    expect(cps.length).toBeGreaterThanOrEqual(3);
    expect(cps.reduce((a, c) => a + c.scansToday, 0)).toBe(10);
    const isolations = (await admin.get('/api/isolations?pageSize=100')).json();
    expect(isolations.total).toBeGreaterThanOrEqual(6);
    const staff = await t.login('checkpoint', DEMO_PASSWORD);
    expect((await staff.get('/api/checkpoints')).json().items.length).toBe(2);
    const screening = (await admin.get('/api/screening')).json().items[0];
    expect(screening.householdsTarget).toBe(99 * 320);
    expect(screening.householdsVisited).toBeGreaterThan(0);
  });
});
