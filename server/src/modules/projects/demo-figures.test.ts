import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../../test/helpers';
import { systemContext } from '../../platform/context';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { demoDistricts } from '../../demo/districts';
import { buildDistrictEntities, registryDemoConfig } from '../registry/registry.demo';
import { jizhouApprovals, panzhihuaProjects, projectsDemo, yinjiangPlan } from './projects.demo';

// Panzhihua East's and Jizhou's region trees with their registered projects as the demo builds them, then the step.
let t: TestApp;
let admin: Client;
let loadMs = 0;

beforeAll(async () => {
  t = await createTestApp({ empty: true });
  const sys = systemContext();
  for (const d of demoDistricts.filter((x) => x.code === '510402' || x.code === '120119')) {
    await t.services.regions.insertMany(buildDistrictRegions(d));
    const segments = (registryDemoConfig.districts[d.code] ?? []).filter((seg) => seg.kind === 'project');
    await t.services.registry.createEntities(sys, buildDistrictEntities(d, segments, registryDemoConfig.scale));
  }
  await t.services.users.createUser(sys, {
    username: 'admin',
    displayName: 'Admin',
    password: TEST_PASSWORD,
    grants: [{ role: 'admin' }],
  });
  const started = Date.now();
  await projectsDemo(t.services as never, () => undefined);
  loadMs = Date.now() - started;
  admin = await t.login('admin');
}, 120_000);
afterAll(() => t.close());

describe('the demo reproduces the seeds from records', () => {
  it('Panzhihua East: 147 key projects, 66 of 71 continuing resumed (93 %)', async () => {
    const s = (await admin.get(`/api/projects/stats?regionCode=${panzhihuaProjects.regionCode}`)).json();
    expect(s.total.total).toBe(147);
    expect(s.byPhase.find((p: { phase: string }) => p.phase === 'continuing')).toEqual({
      phase: 'continuing',
      total: 71,
      resumed: 66,
      rate: 93,
    });
    expect(Math.round(s.byPhase[1].rate)).toBe(93);
    // every one of them its own record, listed and exported one by one
    expect((await admin.get('/api/projects?regionCode=510402&pageSize=1')).json().total).toBe(147);
    console.info(`projects demo step: ${loadMs} ms`);
  });

  it('Yinjiang hydropower: provincial, resumed, 80 workers on site, its prevention and emergency plans', async () => {
    const [y] = (await admin.get('/api/projects?q=银江水电站')).json().items;
    expect(y).toMatchObject({ level: 'provincial', phase: 'continuing', status: 'resumed', workersOnSite: 80, planVersion: 1 });
    const d = (await admin.get(`/api/projects/${y.id}`)).json();
    expect(d.plan.preventionPlan).toBe(yinjiangPlan.preventionPlan);
    expect(d.plan.emergencyPlan).toContain('应急预案');
  });

  it('Jizhou: three approvals with a letter instead of a certificate and documents to follow, one overdue', async () => {
    const list = (await admin.get('/api/projects/approvals?status=pending_documents')).json();
    expect(list.items.map((a: { projectName: string }) => a.projectName).sort()).toEqual([...jizhouApprovals.projects].sort());
    expect(list.items.every((a: { letterInsteadOfCertificate: boolean }) => a.letterInsteadOfCertificate)).toBe(true);
    const overdue = (await admin.get('/api/projects/approvals?overdue=true')).json().items;
    expect(overdue.map((a: { projectName: string }) => a.projectName)).toEqual(['万达广场']);
    const s = (await admin.get('/api/projects/stats?regionCode=120119')).json();
    expect(s.approvals).toEqual({ total: 3, online: 3, pendingDocuments: 3, overdue: 1 });
  });
});
