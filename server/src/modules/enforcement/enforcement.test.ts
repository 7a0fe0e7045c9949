import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { systemContext } from '../../platform/context';

let t: TestApp;
let inspector: Client;
let inspectorB: Client;
let commander: Client;
let shop: number;
let market: number;

beforeAll(async () => {
  t = await createTestApp();
  const ctx = systemContext();
  shop = await t.services.registry.createEntity(ctx, { kind: 'individual', name: '老王小超市', regNo: 'S1', regionCode: t.regions.gridA, sector: 'tertiary', smallVenueType: 'small_supermarket' } as EntityInput);
  market = await t.services.registry.createEntity(ctx, { kind: 'enterprise', name: '城关农贸市场', regNo: 'M1', regionCode: t.regions.gridA, sector: 'tertiary' } as EntityInput);
  for (const id of [shop, market]) await t.core.db.transaction().execute((trx) => t.services.registry.changeStatus(trx, ctx, id, 'resumed', '复工'));
  inspector = await t.userWith('inspector-a', [{ role: 'inspector', regionCode: t.regions.townA }]);
  inspectorB = await t.userWith('inspector-b', [{ role: 'inspector', regionCode: t.regions.townB }]);
  commander = await t.userWith('commander', [{ role: 'commander', regionCode: t.regions.district }]);
});
afterAll(() => t.close());

describe('inspections', () => {
  it('issues a numbered notice, re-inspects, orders a closure that suspends the entity, and lifts it', async () => {
    const list = (await inspector.get('/api/enforcement/checklists/five_small')).json();
    expect(list.items.length).toBeGreaterThan(3);
    const res = await inspector.post('/api/enforcement/inspections', {
      entityId: shop,
      inspectedOn: '2026-11-23',
      inspectorCount: 3,
      results: { temperature: false, masks: false, disinfection: true, licence: true },
      extraProblems: 1,
      fixedOnSpot: 2,
      outcome: 'notice',
      noticeItems: '一、入口设置测温点并登记；二、从业人员全程佩戴口罩。',
      noticeDeadline: '2026-11-26',
    });
    expect(res.statusCode).toBe(200);
    const ins = res.json();
    expect(ins).toMatchObject({ premisesType: 'five_small', problemsFound: 3, fixedOnSpot: 2, outcome: 'notice', inspectorCount: 3 });
    const notice = (await inspector.get(`/api/enforcement/notices/${ins.noticeId}`)).json();
    expect(notice).toMatchObject({ no: `执改〔2026〕${String(ins.noticeId).padStart(4, '0')}号`, deadline: '2026-11-26', status: 'issued', entityName: '老王小超市' });
    expect((await inspectorB.get(`/api/enforcement/notices/${ins.noticeId}`)).statusCode).toBe(404);

    const re = await inspector.post(`/api/enforcement/notices/${ins.noticeId}/reinspect`, { passed: false, inspectedOn: '2026-11-27', inspectorCount: 2, notes: '逾期仍未测温登记' });
    expect(re.json().status).toBe('escalated');
    expect((await t.services.registry.getForService(shop))!.status).toBe('suspended');
    expect((await inspector.post(`/api/enforcement/notices/${ins.noticeId}/reinspect`, { passed: true, inspectedOn: '2026-11-28', inspectorCount: 2 })).statusCode).toBe(409);

    const closure = (await inspector.get(`/api/enforcement/inspections?entityId=${shop}&outcome=closure`)).json().items[0];
    expect(closure.closureId).toBeGreaterThan(0);
    expect((await inspector.post(`/api/enforcement/closures/${closure.closureId}/lift`, { reason: '整改到位，复查合格' })).statusCode).toBe(200);
    expect((await t.services.registry.getForService(shop))!.status).toBe('resumed');
    expect((await inspector.post(`/api/enforcement/closures/${closure.closureId}/lift`, { reason: 'again' })).statusCode).toBe(409);
  });

  it('refuses inconsistent figures and entities outside the inspector’s area', async () => {
    const base = { entityId: market, inspectedOn: '2026-11-24', inspectorCount: 2, outcome: 'pass' };
    expect((await inspector.post('/api/enforcement/inspections', { ...base, results: { masks: false }, fixedOnSpot: 2 })).statusCode).toBe(400);
    expect((await inspector.post('/api/enforcement/inspections', { ...base, outcome: 'notice' })).json().fields[0].field).toBe('noticeDeadline');
    expect((await inspectorB.post('/api/enforcement/inspections', base)).statusCode).toBe(400);
    expect((await commander.post('/api/enforcement/inspections', base)).statusCode).toBe(403);
  });

  it('counts the tally from the records for a period and region', async () => {
    await inspector.post('/api/enforcement/inspections', { entityId: market, premisesType: 'market', inspectedOn: '2026-11-24', inspectorCount: 4, results: { wildlife: true, masks: false }, fixedOnSpot: 1, outcome: 'pass' });
    const all = (await commander.get(`/api/enforcement/tally?regionCode=${t.regions.district}&from=2026-11-01&to=2026-11-30`)).json();
    // visits: 3 + 2 (re-inspection) + 4; premises: the shop and the market
    expect(all).toEqual({ inspectorVisits: 9, premises: 2, inspections: 3, problems: 4, fixedOnSpot: 3, notices: 1, closures: 1 });
    const day = (await commander.get('/api/enforcement/tally?from=2026-11-24&to=2026-11-24')).json();
    expect(day).toMatchObject({ inspectorVisits: 4, premises: 1, notices: 0, closures: 0 });
    expect((await inspectorB.get('/api/enforcement/tally')).json().inspections).toBe(0);
    const tl = (await commander.get(`/api/registry/entities/${shop}/timeline`)).json();
    expect(JSON.stringify(tl)).toContain('下达整改通知书');
  });
});
