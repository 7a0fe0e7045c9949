import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityListQuery } from '@fugong/contract';
import { createTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../../test/helpers';
import { systemContext } from '../../platform/context';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { demoDistricts } from '../../demo/districts';
import { buildDistrictEntities, registryDemoConfig } from '../registry/registry.demo';
import { demoContext } from '../../demo/demo-users';
import { enforcementDemo, fengzeEnforcement } from './enforcement.demo';
import { furongLiaison, jizhouTeams, liaisonDemo } from '../liaison/liaison.demo';

// Fengze's and Furong's registries as the demo builds them, Jizhou's region tree; then the two demo steps.
let t: TestApp;
let admin: Client;
let loadMs = 0;

beforeAll(async () => {
  t = await createTestApp({ empty: true });
  const sys = systemContext();
  for (const d of demoDistricts.filter((x) => ['120119', '350503', '430102'].includes(x.code))) {
    await t.services.regions.insertMany(buildDistrictRegions(d));
    // Jizhou: its enterprises only (the first segments, so the same records the demo builds), which the help teams look after
    const segments = (registryDemoConfig.districts[d.code] ?? []).filter(
      (seg) => d.code !== '120119' || seg.kind === 'enterprise',
    );
    const entities = buildDistrictEntities(d, segments, registryDemoConfig.scale);
    for (let i = 0; i < entities.length; i += 2000) await t.services.registry.createEntities(sys, entities.slice(i, i + 2000));
  }
  await t.services.users.createUser(sys, {
    username: 'admin',
    displayName: 'Admin',
    password: TEST_PASSWORD,
    grants: [{ role: 'admin' }],
  });
  // the dashboard step has most of Fengze's trade resumed by the seed's day; here its malls and 五小单位
  const all = demoContext(0, 'admin', 'Admin', { role: 'admin' });
  const resumed: number[] = [];
  for (const q of [
    { fourAbove: 'true', sector: 'tertiary' },
    { smallVenueType: 'small_restaurant' },
    { smallVenueType: 'small_supermarket' },
  ] as Partial<EntityListQuery>[]) {
    resumed.push(
      ...(
        await t.services.registry.list(all, { page: 1, pageSize: 500, regionCode: '350503', ...q } as EntityListQuery)
      ).items.map((e) => e.id),
    );
  }
  await t.core.db.transaction().execute(async (trx) => {
    for (const id of resumed) await t.services.registry.changeStatus(trx, sys, id, 'resumed', '复工');
  });
  const started = Date.now();
  await enforcementDemo(t.services, () => undefined);
  await liaisonDemo(t.services, () => undefined);
  loadMs = Date.now() - started;
  admin = await t.login('admin');
}, 600_000);
afterAll(() => t.close());

describe('Fengze enforcement tally (seed 001)', () => {
  it('reproduces 1300 inspector-visits, 4000 premises, 580 problems, 470 fixed on the spot, 127 notices, 28 closures', async () => {
    const f = fengzeEnforcement;
    const tally = (await admin.get(`/api/enforcement/tally?regionCode=${f.regionCode}&from=${f.from}&to=${f.to}`)).json();
    expect(tally).toMatchObject(f.tally);
    const round = (await admin.get('/api/enforcement/rounds?q=联合执法')).json().items[0];
    expect(round).toMatchObject({ name: f.roundName, startsOn: f.from, endsOn: f.to, regionCode: f.regionCode });
    expect((await admin.get(`/api/enforcement/tally?roundId=${round.id}`)).json()).toMatchObject(f.tally);
    // the district commander reads the same report, split by street
    const cmd = await t.userWith('commander-fengze', [{ role: 'commander', regionCode: f.regionCode }]);
    const report = (await cmd.get(`/api/enforcement/tally/report?regionCode=${f.regionCode}&from=${f.from}&to=${f.to}`)).json();
    expect(report.total).toMatchObject(f.tally);
    expect(report.rows.reduce((a: number, r: { premises: number }) => a + r.premises, 0)).toBe(4000);
    // the lifecycle shows in the records: 17 notices open, 100 rectified, 10 escalated; 8 closures in force
    const count = async (url: string) => (await admin.get(url)).json().total;
    expect([
      await count('/api/enforcement/notices?status=issued'),
      await count('/api/enforcement/notices?status=rectified'),
      await count('/api/enforcement/notices?status=escalated'),
    ]).toEqual([17, 100, 10]);
    expect(await count('/api/enforcement/closures?active=true')).toBe(8);
    const suspended = (await admin.get('/api/enforcement/closures?active=true&pageSize=1')).json().items[0];
    expect((await t.services.registry.getForService(suspended.entityId))!.status).toBe('suspended');
  });
});

describe('liaisons (seeds 004 and 000)', () => {
  it('Furong: 328 cadres look after 569 enterprises, 97 buildings, 50 sites and 13 hotels', async () => {
    const fr = furongLiaison;
    const cadres = (await admin.get('/api/users?role=liaison&q=furong-liaison&pageSize=500')).json();
    expect(cadres.total).toBe(fr.cadres);
    const cov = (await admin.get(`/api/liaison/coverage?regionCode=${fr.regionCode}`)).json();
    const covered = Object.fromEntries(cov.rows.map((r: { kind: string; covered: number }) => [r.kind, r.covered]));
    expect(covered).toMatchObject(fr.targets);
    expect(cov.total.covered).toBe(569 + 97 + 50 + 13);
    // every construction site is covered
    expect(cov.rows.find((r: { kind: string }) => r.kind === 'site')).toMatchObject({ total: 50, covered: 50, rate: 100 });
    const assignments = (await admin.get(`/api/liaison/assignments?regionCode=${fr.regionCode}&pageSize=500`)).json();
    expect(assignments.total).toBe(729);
    expect(new Set(assignments.items.map((a: { liaisonUserId: number }) => a.liaisonUserId)).size).toBe(fr.cadres);
  });

  it('Jizhou: 1024 help teams of three cadres with one leader', async () => {
    const teams = (await admin.get(`/api/liaison/teams?regionCode=${jizhouTeams.regionCode}&pageSize=10`)).json();
    expect(teams.total).toBe(jizhouTeams.teams);
    for (const team of teams.items) {
      expect(team.members).toHaveLength(3);
      expect(team.members.filter((m: { leader: boolean }) => m.leader)).toHaveLength(1);
    }
    expect((await admin.get('/api/users?role=liaison&q=jizhou-team&pageSize=1')).json().total).toBe(3072);
    // district-wide: every town has teams, and every town's enterprises are all looked after
    const towns = buildDistrictRegions(demoDistricts.find((d) => d.code === jizhouTeams.regionCode)!).filter(
      (x) => x.level === 'town',
    );
    expect(towns).toHaveLength(27);
    let teamsSeen = 0;
    for (const town of towns) {
      const n = (await admin.get(`/api/liaison/teams?regionCode=${town.code}&pageSize=1`)).json().total;
      expect(n, town.name).toBeGreaterThan(0);
      teamsSeen += n;
      const cov = (await admin.get(`/api/liaison/coverage?regionCode=${town.code}`)).json();
      expect(
        cov.rows.find((r: { kind: string }) => r.kind === 'enterprise'),
        town.name,
      ).toMatchObject({ rate: 100 });
    }
    expect(teamsSeen).toBe(jizhouTeams.teams);
    const cov = (await admin.get(`/api/liaison/coverage?regionCode=${jizhouTeams.regionCode}`)).json();
    expect(cov.rows.find((r: { kind: string }) => r.kind === 'enterprise')).toMatchObject({
      total: 98 + 569 + 180 + 11_650,
      rate: 100,
    });
    console.log(`enforcement + liaison demo steps: ${loadMs} ms`);
  });
});
