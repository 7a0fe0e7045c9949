import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '@fugong/contract';
import type { Client, TestApp } from '../../../test/helpers';
import { clearPersonalNumbers, readXlsx } from '../../../test/xlsx';
import { labourWorld, postingInput } from './labour.fixtures';

let t: TestApp;
let u: Record<string, Client>;
let ids: Awaited<ReturnType<typeof labourWorld>>['ids'];
beforeAll(async () => {
  ({ t, users: u, ids } = await labourWorld());
});
afterAll(() => t.close());

const fieldsOf = (res: { json(): { fields?: { field: string }[] } }) => (res.json().fields ?? []).map((f) => f.field).sort();
const idNumber = (n: number) => {
  const first = `62010219900101${String(n).padStart(3, '0')}`;
  return first + idCardCheckChar(first);
};

describe('shared employees', () => {
  it('matches an offer to a request, never beyond either, and both sides confirm', async () => {
    const offer = await u.restaurant!.post('/api/labour/shared', {
      kind: 'offer',
      entityId: ids.restaurant,
      headcount: 8,
      fromDate: '2026-03-01',
      toDate: '2026-03-31',
    });
    expect(offer.statusCode, offer.body).toBe(200);
    // a closed restaurant lends, but cannot take workers on
    const notResumed = await u.restaurant!.post('/api/labour/shared', {
      kind: 'request',
      entityId: ids.restaurant,
      headcount: 2,
      fromDate: '2026-03-01',
      toDate: '2026-03-31',
    });
    expect(fieldsOf(notResumed)).toEqual(['entityId']);
    const request = (
      await u.supermarket!.post('/api/labour/shared', {
        kind: 'request',
        entityId: ids.supermarket,
        headcount: 10,
        fromDate: '2026-03-10',
        toDate: '2026-04-30',
      })
    ).json();
    const body = { offerId: offer.json().id, requestId: request.id, headcount: 6 };
    expect((await u.supermarket!.post('/api/labour/placements', body)).statusCode).toBe(403);
    expect((await u.industry!.post('/api/labour/placements', body)).statusCode).toBe(403);
    const placed = await u.commerce!.post('/api/labour/placements', body);
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.json()).toMatchObject({
      fromDate: '2026-03-10',
      toDate: '2026-03-31',
      status: 'proposed',
      lenderName: '甲镇老味道餐馆',
    });
    const over = await u.labour!.post('/api/labour/placements', { ...body, headcount: 3 });
    expect(over.statusCode).toBe(409);
    expect(fieldsOf(over)).toEqual(['headcount']);
    // the refused match changed neither side
    const offers = (await u.labour!.get('/api/labour/shared?kind=offer')).json().items;
    expect(offers[0]).toMatchObject({ headcount: 8, matched: 6 });
    const pid = placed.json().id;
    expect((await u.factory!.post(`/api/labour/placements/${pid}/confirm`)).statusCode).toBe(404);
    expect((await u.restaurant!.post(`/api/labour/placements/${pid}/confirm`)).json()).toMatchObject({
      lenderConfirmed: true,
      status: 'proposed',
    });
    expect((await u.restaurant!.post(`/api/labour/placements/${pid}/confirm`)).statusCode).toBe(409);
    expect((await u.supermarket!.post(`/api/labour/placements/${pid}/confirm`)).json().status).toBe('confirmed');
    const stats = (await u.labour!.get(`/api/labour/stats?regionCode=${t.regions.district}`)).json();
    expect(stats).toMatchObject({ placements: 1, sharedWorkers: 6 });
    expect(stats.children.find((c: { regionCode: string }) => c.regionCode === t.regions.townA)).toMatchObject({
      sharedWorkers: 6,
    });
  });
});

describe('point-to-point transport', () => {
  it('names passengers (masked) until the seats are taken, then departs and arrives', async () => {
    const bad = await u.labour!.post('/api/labour/transport', {
      originProvince: '甘肃省',
      originCity: '',
      regionCode: t.regions.townA,
      departOn: '2026-03-05',
      vehicle: '大巴',
      seats: 0,
    });
    expect(fieldsOf(bad)).toEqual(['originCity', 'seats']);
    const batch = (
      await u.labour!.post('/api/labour/transport', {
        originProvince: '甘肃省',
        originCity: '定西市',
        regionCode: t.regions.townA,
        employerId: ids.factory,
        departOn: '2026-03-05',
        vehicle: '甘J·12345 大巴',
        seats: 3,
      })
    ).json();
    const add = (n: number) =>
      u.labour!.post(`/api/labour/transport/${batch.id}/passengers`, {
        name: `务工人员${n}`,
        idNumber: idNumber(n),
        phone: `1390000000${n}`,
      });
    const results = await Promise.all([1, 2, 3, 4, 5].map(add));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 409, 409]);
    const twice = await add(1);
    expect(twice.statusCode).toBe(409);
    const detail = (await u.townA!.get(`/api/labour/transport/${batch.id}`)).json();
    expect(detail).toMatchObject({ booked: 3, seats: 3, employerName: '甲镇机械厂', status: 'planned' });
    expect(detail.passengers[0].idMasked).toMatch(/^6201\*+\d{3}[\dX]$/);
    expect(JSON.stringify(detail)).not.toContain(idNumber(1));
    expect((await u.townB!.get(`/api/labour/transport/${batch.id}`)).statusCode).toBe(404);
    expect((await u.labour!.post(`/api/labour/transport/${batch.id}/status`, { status: 'arrived' })).statusCode).toBe(409);
    expect((await u.labour!.post(`/api/labour/transport/${batch.id}/status`, { status: 'departed' })).json().status).toBe(
      'departed',
    );
    expect((await u.labour!.post(`/api/labour/transport/${batch.id}/status`, { status: 'arrived' })).json().status).toBe(
      'arrived',
    );
    const stats = (await u.labour!.get(`/api/labour/stats?regionCode=${t.regions.district}`)).json();
    expect(stats).toMatchObject({ transportBatches: 1, transported: 3, provinces: ['甘肃省'] });
  });
});

describe('labour-export survey', () => {
  it('records intentions per grid, updates a member on a second visit, shows progress and exports', async () => {
    const rec = (personName: string, intention: string, extra: Record<string, unknown> = {}) =>
      u.gridA!.post('/api/labour/survey', {
        regionCode: t.regions.gridA,
        household: '三组 王家',
        personName,
        intention,
        surveyedOn: '2026-03-01',
        ...extra,
      });
    expect((await rec('王大', 'away', { trade: '电焊', destination: '天津' })).statusCode).toBe(200);
    expect((await rec('王二', 'local', { trade: '厨师' })).statusCode).toBe(200);
    expect((await rec('王二', 'away', { destination: '北京' })).statusCode).toBe(200);
    expect(fieldsOf(await rec('王三', 'stay', { destination: '北京' }))).toEqual(['destination']);
    expect(
      fieldsOf(
        await u.gridA!.post('/api/labour/survey', {
          regionCode: t.regions.gridB,
          household: 'x',
          personName: 'y',
          intention: 'stay',
          surveyedOn: '2026-03-01',
        }),
      ),
    ).toEqual(['regionCode']);
    const progress = (await u.townA!.get('/api/labour/survey/progress')).json();
    expect(progress).toEqual([expect.objectContaining({ regionCode: t.regions.gridA, households: 1, persons: 2, away: 2 })]);
    expect((await u.townB!.get('/api/labour/survey/progress')).json()).toEqual([]);
    const xlsx = await u.townA!.get('/api/labour/survey/export');
    expect(xlsx.statusCode).toBe(200);
    const rows = await readXlsx(xlsx.rawPayload);
    expect(rows[0]).toContain('意愿');
    expect(rows.length).toBe(3);
  });
});

describe('exports and figures', () => {
  it('exports postings without personal numbers and gives the figures by child region', async () => {
    const p = (await u.factory!.post('/api/labour/postings', postingInput(ids.factory, t.regions.gridA, { places: 5 }))).json();
    await u.labour!.post(`/api/labour/postings/${p.id}/review`, { approve: true });
    const res = await u.labour!.request({ method: 'GET', url: '/api/labour/postings/export', headers: { 'x-locale': 'en' } });
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['Title', 'Employer', 'Places', 'Pay from (yuan)']));
    expect(rows[1]).toEqual(expect.arrayContaining(['数控车床操作工', '甲镇机械厂']));
    expect(clearPersonalNumbers(rows)).toEqual([]);
    const s = (await u.commerce!.get('/api/labour/stats')).json();
    expect(s).toMatchObject({ regionCode: t.regions.district, postings: 1, places: 5, enterprises: 1 });
    expect((await u.townB!.get('/api/labour/stats')).json()).toMatchObject({ regionCode: t.regions.townB, postings: 0 });
    expect((await u.townB!.get(`/api/labour/stats?regionCode=${t.regions.townA}`)).statusCode).toBe(404);
    const period = (await u.labour!.get('/api/labour/stats?from=2026-04-01&to=2026-04-30')).json();
    expect(period.postings).toBe(0);
    const sheet = await u.labour!.get('/api/labour/stats/export');
    expect((await readXlsx(sheet.rawPayload)).at(-1)![0]).toContain('合计');
  });
});
