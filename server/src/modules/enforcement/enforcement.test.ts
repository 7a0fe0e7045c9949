import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../test/helpers';
import { enforcementFixture } from './enforcement.fixture';

// inspections, then rounds and the tally: the tally counts what the first tests recorded
let t: TestApp;
let inspector: Client;
let inspectorB: Client;
let commander: Client;
let shop: number;
let market: number;
let mall: number;

beforeAll(async () => {
  ({ t, inspector, inspectorB, commander, shop, market, mall } = await enforcementFixture());
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
    expect(res.statusCode, res.body).toBe(200);
    const ins = res.json();
    expect(ins).toMatchObject({
      premisesType: 'five_small',
      problemsFound: 3,
      fixedOnSpot: 2,
      outcome: 'notice',
      inspectorCount: 3,
    });
    expect(ins.visitId).toBeGreaterThan(0);
    const notice = (await inspector.get(`/api/enforcement/notices/${ins.noticeId}`)).json();
    expect(notice).toMatchObject({
      no: `执改〔2026〕${String(ins.noticeId).padStart(4, '0')}号`,
      deadline: '2026-11-26',
      status: 'issued',
      entityName: '老王小超市',
      address: '城关镇府前街12号',
      closureId: null,
    });
    expect((await inspectorB.get(`/api/enforcement/notices/${ins.noticeId}`)).statusCode).toBe(404);
    expect((await inspector.get('/api/enforcement/notices?status=issued')).json().items.map((n: { id: number }) => n.id)).toEqual(
      [ins.noticeId],
    );
    expect((await inspectorB.get('/api/enforcement/notices')).json().total).toBe(0);

    expect(
      (
        await inspector.post(`/api/enforcement/notices/${ins.noticeId}/reinspect`, {
          passed: false,
          inspectedOn: '2026-11-20',
          inspectorCount: 2,
        })
      ).statusCode,
    ).toBe(400);
    const re = await inspector.post(`/api/enforcement/notices/${ins.noticeId}/reinspect`, {
      passed: false,
      inspectedOn: '2026-11-27',
      inspectorCount: 2,
      notes: '逾期仍未测温登记',
    });
    expect(re.json()).toMatchObject({ status: 'escalated' });
    expect(re.json().closureId).toBeGreaterThan(0);
    expect((await t.services.registry.getForService(shop))!.status).toBe('suspended');
    expect(
      (
        await inspector.post(`/api/enforcement/notices/${ins.noticeId}/reinspect`, {
          passed: true,
          inspectedOn: '2026-11-28',
          inspectorCount: 2,
        })
      ).statusCode,
    ).toBe(409);

    const active = (await inspector.get('/api/enforcement/closures?active=true')).json();
    expect(active.items.map((c: { id: number }) => c.id)).toEqual([re.json().closureId]);
    const closure = (await inspector.get(`/api/enforcement/inspections?entityId=${shop}&outcome=closure`)).json().items[0];
    expect(closure.closureId).toBe(re.json().closureId);
    expect((await inspectorB.post(`/api/enforcement/closures/${closure.closureId}/lift`, { reason: 'x' })).statusCode).toBe(404);
    expect(
      (await inspector.post(`/api/enforcement/closures/${closure.closureId}/lift`, { reason: '整改到位，复查合格' })).statusCode,
    ).toBe(200);
    expect((await t.services.registry.getForService(shop))!.status).toBe('resumed');
    expect((await inspector.post(`/api/enforcement/closures/${closure.closureId}/lift`, { reason: 'again' })).statusCode).toBe(
      409,
    );
    expect((await inspector.get('/api/enforcement/closures?active=true')).json().total).toBe(0);
    expect((await inspector.get('/api/enforcement/closures?active=false')).json().items[0]).toMatchObject({
      liftedReason: '整改到位，复查合格',
    });
  });

  it('a rectified notice is closed by a passing re-inspection', async () => {
    const ins = (
      await inspector.post('/api/enforcement/inspections', {
        entityId: market,
        premisesType: 'market',
        inspectedOn: '2026-11-24',
        inspectors: ['张三', '李四'],
        results: { masks: false },
        outcome: 'notice',
        noticeItems: '佩戴口罩',
        noticeDeadline: '2026-11-25',
      })
    ).json();
    expect(ins.inspectorCount).toBe(2);
    // no address in the registry: the notice leaves it to be written in
    expect((await inspector.get(`/api/enforcement/notices/${ins.noticeId}`)).json().address).toBeNull();
    const re = await inspector.post(`/api/enforcement/notices/${ins.noticeId}/reinspect`, {
      passed: true,
      inspectedOn: '2026-11-25',
      inspectorCount: 1,
    });
    expect(re.json()).toMatchObject({ status: 'rectified', closureId: null });
    expect((await t.services.registry.getForService(market))!.status).toBe('resumed');
  });

  it('refuses inconsistent figures and entities outside the inspector’s area', async () => {
    const base = { entityId: market, inspectedOn: '2026-11-24', inspectorCount: 2, outcome: 'pass' };
    expect(
      (await inspector.post('/api/enforcement/inspections', { ...base, results: { masks: false }, fixedOnSpot: 2 })).statusCode,
    ).toBe(400);
    expect((await inspector.post('/api/enforcement/inspections', { ...base, outcome: 'notice' })).json().fields[0].field).toBe(
      'noticeDeadline',
    );
    expect(
      (await inspector.post('/api/enforcement/inspections', { ...base, inspectorCount: undefined })).json().fields[0].field,
    ).toBe('inspectorCount');
    expect((await inspectorB.post('/api/enforcement/inspections', base)).statusCode).toBe(400);
    expect((await commander.post('/api/enforcement/inspections', base)).statusCode).toBe(403);
  });
});

describe('rounds, visits and the tally', () => {
  it('groups visits of several inspectors under a round and counts inspector-visits once per visit', async () => {
    expect(
      (
        await inspector.post('/api/enforcement/rounds', {
          name: '全区联合执法',
          regionCode: t.regions.district,
          startsOn: '2026-12-01',
          endsOn: '2026-12-31',
          premisesTypes: ['mall'],
        })
      ).json().fields[0].field,
    ).toBe('regionCode');
    expect(
      (
        await inspector.post('/api/enforcement/rounds', {
          name: 'x',
          regionCode: t.regions.townA,
          startsOn: '2026-12-05',
          endsOn: '2026-12-01',
          premisesTypes: ['mall'],
        })
      ).json().fields[0].field,
    ).toBe('endsOn');
    const round = (
      await inspector.post('/api/enforcement/rounds', {
        name: '商超和五小单位联合执法检查',
        regionCode: t.regions.townA,
        startsOn: '2026-12-01',
        endsOn: '2026-12-31',
        premisesTypes: ['mall', 'five_small', 'market'],
      })
    ).json();
    expect(round).toMatchObject({ status: 'active', regionCode: t.regions.townA });
    expect((await inspectorB.get('/api/enforcement/rounds')).json().total).toBe(0);
    expect((await commander.get('/api/enforcement/rounds')).json().items[0].id).toBe(round.id);

    // one visit of three inspectors over two premises: 3 inspector-visits, 2 premises
    const first = await inspector.post('/api/enforcement/inspections', {
      roundId: round.id,
      entityId: shop,
      inspectedOn: '2026-12-02',
      inspectors: ['王队', '李', '赵'],
      results: { masks: false, temperature: false },
      fixedOnSpot: 2,
      outcome: 'pass',
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await inspector.post('/api/enforcement/inspections', {
      visitId: first.json().visitId,
      entityId: market,
      premisesType: 'market',
      inspectedOn: '2026-12-02',
      results: { wildlife: false },
      outcome: 'closure',
      notes: '违规销售活禽',
    });
    expect(second.json()).toMatchObject({ visitId: first.json().visitId, roundId: round.id, inspectorCount: 3 });
    expect((await t.services.registry.getForService(market))!.status).toBe('suspended');
    // the visit is the caller's own and on its own date; the round's period and region hold
    expect(
      (
        await inspector.post('/api/enforcement/inspections', {
          visitId: first.json().visitId,
          entityId: shop,
          inspectedOn: '2026-12-03',
          outcome: 'pass',
        })
      ).json().fields[0].field,
    ).toBe('inspectedOn');
    expect(
      (
        await inspector.post('/api/enforcement/inspections', {
          roundId: round.id,
          entityId: shop,
          inspectedOn: '2027-01-03',
          inspectorCount: 1,
          outcome: 'pass',
        })
      ).json().fields[0].field,
    ).toBe('inspectedOn');
    const visits = (await inspector.get('/api/enforcement/visits?visitedOn=2026-12-02')).json();
    expect(visits.items[0]).toMatchObject({ inspectorCount: 3, inspections: 2, inspectors: ['王队', '李', '赵'] });

    const tally = (await commander.get(`/api/enforcement/tally?roundId=${round.id}`)).json();
    expect(tally).toEqual({
      inspectorVisits: 3,
      premises: 2,
      distinctPremises: 2,
      visits: 1,
      inspections: 2,
      problems: 3,
      fixedOnSpot: 2,
      notices: 0,
      closures: 1,
    });
    expect((await commander.get(`/api/enforcement/inspections?roundId=${round.id}`)).json().total).toBe(2);

    expect((await inspector.post(`/api/enforcement/rounds/${round.id}/close`, {})).json().status).toBe('closed');
    expect((await inspector.post(`/api/enforcement/rounds/${round.id}/close`, {})).statusCode).toBe(409);
    expect(
      (
        await inspector.post('/api/enforcement/inspections', {
          roundId: round.id,
          entityId: shop,
          inspectedOn: '2026-12-04',
          inspectorCount: 1,
          outcome: 'pass',
        })
      ).json().fields[0].field,
    ).toBe('roundId');
  });

  it('counts the tally for a period and region, and exports it with a row per child region', async () => {
    await inspectorB.post('/api/enforcement/inspections', {
      entityId: mall,
      premisesType: 'mall',
      inspectedOn: '2026-11-24',
      inspectorCount: 4,
      results: { masks: false },
      fixedOnSpot: 1,
      outcome: 'pass',
    });
    const nov = (
      await commander.get(`/api/enforcement/tally?regionCode=${t.regions.district}&from=2026-11-01&to=2026-11-30`)
    ).json();
    // visits in November: 3 (notice) + 2 (re-inspection) + 2 (market notice) + 1 (its re-inspection) + 4 (mall in town B)
    expect(nov).toMatchObject({
      inspectorVisits: 12,
      premises: 5,
      distinctPremises: 3,
      visits: 5,
      problems: 5,
      fixedOnSpot: 3,
      notices: 2,
      closures: 1,
    });
    const day = (await commander.get('/api/enforcement/tally?from=2026-11-24&to=2026-11-24')).json();
    expect(day).toMatchObject({ inspectorVisits: 6, premises: 2, notices: 1, closures: 0 });
    expect((await inspectorB.get('/api/enforcement/tally')).json()).toMatchObject({ inspections: 1, inspectorVisits: 4 });
    const report = (
      await commander.get(`/api/enforcement/tally/report?regionCode=${t.regions.district}&from=2026-11-01&to=2026-11-30`)
    ).json();
    expect(report.rows.map((r: { regionCode: string; inspectorVisits: number }) => [r.regionCode, r.inspectorVisits])).toEqual([
      [t.regions.townA, 8],
      [t.regions.townB, 4],
    ]);
    const xlsx = await commander.get(
      `/api/enforcement/tally/export?regionCode=${t.regions.district}&from=2026-11-01&to=2026-11-30`,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const tl = (await commander.get(`/api/registry/entities/${shop}/timeline`)).json();
    expect(JSON.stringify(tl)).toContain('下达整改通知书');
  });
});
