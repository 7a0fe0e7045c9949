import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../../test/helpers';
import { systemContext } from '../../platform/context';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { demoDistricts } from '../../demo/districts';
import { buildDistrictEntities, registryDemoConfig } from '../registry/registry.demo';
import { policiesDemo } from './policies.demo';

// Jizhou's and Furong's enterprises as the registry demo builds them, then the policies step; the seeds' figures read back from the API.
let t: TestApp;
let admin: Client;
let demoMs = 0;

beforeAll(async () => {
  t = await createTestApp({ empty: true });
  const sys = systemContext();
  for (const d of demoDistricts.filter((x) => ['120119', '430102', '350503'].includes(x.code))) {
    await t.services.regions.insertMany(buildDistrictRegions(d));
    const segments = (registryDemoConfig.districts[d.code] ?? []).filter((seg) => seg.kind === 'enterprise').slice(0, 3);
    const entities = buildDistrictEntities(d, segments, registryDemoConfig.scale);
    for (let i = 0; i < entities.length; i += 2000) await t.services.registry.createEntities(sys, entities.slice(i, i + 2000));
  }
  await t.services.users.createUser(sys, {
    username: 'admin',
    displayName: 'Admin',
    password: TEST_PASSWORD,
    grants: [{ role: 'admin' }],
  });
  const started = Date.now();
  await policiesDemo({ ...t.services, core: { ...t.core, db: t.core.db } } as never, () => undefined);
  demoMs = Date.now() - started;
  admin = await t.login('admin');
}, 300_000);
afterAll(() => t.close());

const yuan = (fen: number) => fen / 100;

describe('Jizhou (seed 000, 确保政策落实)', () => {
  let totals: { byType: { subsidyType: string; currency: string; amount: number; entities: number }[]; byMeasure: unknown[] };
  beforeAll(async () => {
    totals = (await admin.get('/api/policies/totals?regionCode=120119')).json();
  });
  const of = (type: string) => totals.byType.find((r) => r.subsidyType === type)!;
  it.each([
    ['就业、培训等各类援企稳岗补贴674.9万元', 'employment_training', 6_749_000],
    ['减免缓社保费4870万元', 'social_insurance', 48_700_000],
    ['减征医保费701万元', 'medical_insurance', 7_010_000],
    ['临时性延期还本付息2.7亿元', 'loan_deferral', 270_000_000],
    ['减免房租428.28万元', 'rent_reduction', 4_282_800],
  ])('%s', (_, type, amount) => {
    expect(of(type).currency).toBe('CNY');
    expect(yuan(of(type).amount)).toBe(amount);
  });
  it('为27家企业办理了2196万美元保额的出口信用保险', () => {
    expect(of('export_insurance')).toMatchObject({ currency: 'USD', amount: 2_196_000_000, entities: 27 });
  });
  it('惠企21条 has 27 measures, published with a QR page each', async () => {
    const pkgs = (await admin.get('/api/policies/packages?q=惠企21条')).json().items;
    expect(pkgs).toHaveLength(1);
    expect(pkgs[0]).toMatchObject({ measureCount: 27, status: 'published', regionCode: '120119' });
    const pkg = (await admin.get(`/api/policies/packages/${pkgs[0].id}`)).json();
    const page = await t.anonymous().get(`/api/public/policies/packages/${pkg.publicToken}`);
    expect(page.json().measures).toHaveLength(27);
  });
  it('a Jizhou town has an 应享尽享 list: eligible small enterprises that have not applied for 稳岗返还', async () => {
    const pkg = (await admin.get('/api/policies/packages?q=惠企21条')).json().items[0];
    const measure = (await admin.get(`/api/policies/packages/${pkg.id}`)).json().measures[0];
    const town = (
      await t.core.db
        .selectFrom('region')
        .select('code')
        .where('parentCode', '=', '120119')
        .orderBy('code')
        .executeTakeFirstOrThrow()
    ).code;
    const list = (await admin.get(`/api/policies/measures/${measure.id}/eligible?regionCode=${town}&pending=true`)).json();
    expect(list.eligible).toBeGreaterThan(list.applied);
    expect(list.total).toBe(list.eligible - list.applied);
  });
});

it('Furong (seed 004): 向423家企业兑付共计1562.73万元奖励', async () => {
  const totals = (await admin.get('/api/policies/totals?regionCode=430102')).json();
  expect(totals.byType).toEqual([{ subsidyType: 'award', currency: 'CNY', amount: 1_562_730_000, entities: 423, rows: 423 }]);
  expect(totals.enterprisesReached).toBe(423);
});

it('Fengze (seed 001): 暖企15条 and the talent measures are in the catalogue; the step is quick', async () => {
  const pkgs = (await admin.get('/api/policies/packages?pageSize=50'))
    .json()
    .items.map((p: { shortTitle: string }) => p.shortTitle);
  expect(pkgs).toEqual(expect.arrayContaining(['惠企21条', '暖企7条', '暖企15条', '人才10条']));
  console.log(`policies demo step: ${demoMs} ms`);
  expect(demoMs).toBeLessThan(20_000);
});
