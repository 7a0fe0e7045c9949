import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { systemContext } from '../../platform/context';
import type { DemoServices } from '../../platform/module';
import { demoDistricts } from '../../demo/districts';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { DEMO_PASSWORD } from '../../demo/demo-users';
import { financeDemo } from './finance.demo';
import { financeSeedFigures as F } from './finance-demo-data';

// The finance demo step on the four districts it uses, with just enough enterprises registered;
// every figure the seeds quote is read back through the API.
let t: TestApp;
let admin: Client;
let demoMs = 0;
beforeAll(async () => {
  t = await createTestApp({ empty: true });
  const ctx = systemContext();
  for (const [code, n] of [
    [F.jizhou.code, F.jizhou.enterprises + 3],
    [F.fengze.code, 7],
    [F.furong.code, F.furong.whitelisted],
    [F.panzhihua.code, 0],
  ] as const) {
    const rows = buildDistrictRegions(demoDistricts.find((d) => d.code === code)!);
    await t.services.regions.insertMany(rows);
    const grids = rows.filter((r) => r.level === 'grid');
    const inputs: EntityInput[] = Array.from({ length: n }, (_, i) => ({
      kind: 'enterprise',
      name: `${code}企业${i + 1}`,
      regNo: `${code}${String(i).padStart(6, '0')}`,
      sector: 'secondary',
      regionCode: grids[i % grids.length]!.code,
    }));
    if (inputs.length) await t.services.registry.createEntities(ctx, inputs);
  }
  for (const [username, role] of [
    ['admin', 'admin'],
    ['bank', 'bank'],
  ] as const)
    await t.services.users.createUser(ctx, { username, displayName: username, password: DEMO_PASSWORD, grants: [{ role }] });
  const started = Date.now();
  await financeDemo(t.services as unknown as DemoServices, () => undefined);
  demoMs = Date.now() - started;
  admin = await t.login('admin', DEMO_PASSWORD);
}, 300_000);
afterAll(() => t.close());

const figures = async (code: string) => (await admin.get(`/api/finance/figures?regionCode=${code}`)).json().totals;

describe('the seeds’ finance figures come out of the demo’s records', () => {
  it('Jizhou: 200+ enterprises, 16 institutions, 12.6 亿 resolved, 2.7 亿 deferred', async () => {
    const f = await figures(F.jizhou.code);
    expect(f.enterprises).toBeGreaterThanOrEqual(200);
    expect(f.institutionsListed).toBe(16);
    expect(f.institutions).toBe(16);
    expect(f.disbursedFen).toBe(F.jizhou.disbursedFen);
    expect(f.deferralFen).toBe(F.jizhou.deferralFen);
  });
  it('Fengze: 9.1 亿 rolled over for 7 enterprises', async () => {
    const f = await figures(F.fengze.code);
    expect(f).toMatchObject({ rolloverFen: F.fengze.rolloverFen, rolloverEnterprises: 7 });
  });
  it('Furong: the white list, and 1 亿 of flash loans, two banks with 3,000 万 each, all within 24 hours', async () => {
    const f = await figures(F.furong.code);
    expect(f).toMatchObject({
      whitelisted: F.furong.whitelisted,
      fastTrackFen: F.furong.flashFen,
      fastTrackOnTimeFen: F.furong.flashFen,
    });
    const all = (await admin.get(`/api/finance/figures?regionCode=${F.furong.code}`)).json().byInstitution;
    expect(all.filter((i: { disbursedFen: number }) => i.disbursedFen === 3_000_000_000)).toHaveLength(2);
  });
  it('Panzhihua: the government–bank–enterprise meeting', async () => {
    expect((await admin.get(`/api/finance/meetings?regionCode=${F.panzhihua.code}`)).json().total).toBe(1);
  });
  it('the demo bank user belongs to a Jizhou institution and sees its queue; the step is quick', async () => {
    const bank = await t.login('bank', DEMO_PASSWORD);
    expect((await bank.get('/api/finance/me')).json().institution.name).toBe('中国工商银行');
    const queue = (await bank.get('/api/finance/requests?answerStatus=received')).json();
    expect(queue.total).toBe(3);
    console.log(`finance demo step: ${demoMs} ms`);
    expect(demoMs).toBeLessThan(30_000);
  });
});
