import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { clearPersonalNumbers, readXlsx } from '../../../test/xlsx';
import { manualClock } from '../../platform/clock';
import { testIdCard } from './venues.fixtures';

const TODAY = '2020-04-04';
const clock = manualClock('2020-04-04T02:00:00Z'); // 10:00 in Jizhou

let t: TestApp;
let admin: Client;
let venue: number;

async function createVenue(body: Record<string, unknown>) {
  const r = await admin.post('/api/venues', { kind: 'scenic', regionCode: t.regions.townA, normalCapacity: 1000, ...body });
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { id: number }).id;
}
const book = (body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/venue-bookings',
    payload: { day: TODAY, phone: '13800138000', healthAttested: true, ...body },
  });
const visitor = (n: number, name = '张三') => ({ name, idType: 'id_card', idNumber: testIdCard(n) });

/** The first sheet of an .xlsx reply as rows of cell texts (header row first); it must hold no clear ID or phone number. */
async function sheet(r: LightMyRequestResponse): Promise<string[][]> {
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-type']).toContain('spreadsheetml');
  expect(String(r.headers['content-disposition'])).toContain('.xlsx');
  const rows = await readXlsx(r.rawPayload);
  expect(clearPersonalNumbers(rows)).toEqual([]);
  return rows;
}
const auditActions = async () => (await t.core.db.selectFrom('auditLog').select('action').execute()).map((a) => a.action);

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.login('admin');
  venue = await createVenue({
    name: '盘山风景名胜区',
    normalCapacity: 40000,
    address: '官庄镇',
    phone: '022-29141000',
    openingDays: '1234567',
  });
});
afterAll(() => t.close());

describe('exports', () => {
  let gateUser: Client;
  let farm: number;

  beforeAll(async () => {
    gateUser = await t.userWith('gate-export', [{ role: 'venue', venueId: venue }]);
    // a cancelled booking of two, which the export keeps with its state
    const gone = (await book({ venueId: venue, visitors: [visitor(1), visitor(2)] })).json();
    await t.anonymous().post('/api/public/venue-bookings/cancel', { code: gone.code, phone: '13800138000' });
    const b = (await book({ venueId: venue, visitors: [visitor(20, '王小明'), visitor(21, '李红')] })).json();
    await book({ venueId: venue, visitors: [{ name: 'John Smith', idType: 'passport', idNumber: 'E12345678' }] });
    await gateUser.post(`/api/venues/${venue}/gate/checkins`, {
      visitorId: b.visitors[0].id,
      healthCode: 'green',
      temperature: 36.4,
    });
    await gateUser.post(`/api/venues/${venue}/gate/checkins`, {
      visitorId: b.visitors[1].id,
      healthCode: 'green',
      temperature: 37.6,
    });
    farm = await createVenue({ name: '山泉农家院', kind: 'farmstay', normalCapacity: 20, bookable: false });
  });

  it('exports a day’s bookings, one row per visitor, people masked, with the gate result, health code and temperature', async () => {
    const rows = await sheet(await gateUser.get(`/api/venues/${venue}/bookings/export?day=${TODAY}`));
    expect(rows[0]).toEqual([
      '预约码',
      '时段',
      '姓名',
      '证件类型',
      '证件号码',
      '手机号',
      '渠道',
      '预约状态',
      '核验结果',
      '健康码',
      '体温(℃)',
    ]);
    // the cancelled booking of two, then today's three visitors
    expect(rows).toHaveLength(1 + 2 + 3);
    const wang = rows.find((r) => r[2] === '王*明')!;
    expect(wang).toEqual([
      expect.stringMatching(/^[A-Z2-9]{10}$/),
      '',
      '王*明',
      '居民身份证',
      testIdCard(20).slice(0, 4) + '**********' + testIdCard(20).slice(-4),
      '138****8000',
      '网站',
      '已预约',
      '已入园',
      '绿码',
      '36.4',
    ]);
    const li = rows.find((r) => r[2]!.startsWith('李'))!;
    expect(li.slice(8)).toEqual(['拒绝入园', '绿码', '37.6']);
    expect(rows.find((r) => r[3] === '护照')![8]).toBe('未核验');
    expect(rows.filter((r) => r[7] === '已取消')).toHaveLength(2);
    const text = JSON.stringify(rows);
    for (const n of [1, 2, 20, 21]) expect(text).not.toContain(testIdCard(n));
    expect(text).not.toContain('王小明');
    expect(text).not.toContain('E12345678');
    expect(await auditActions()).toContain('venues.export_bookings');
  });

  it('exports the gate’s check-ins with the reason of each refusal', async () => {
    const rows = await sheet(await gateUser.get(`/api/venues/${venue}/gate/checkins/export`));
    expect(rows[0]).toEqual([
      '时间',
      '预约码',
      '时段',
      '姓名',
      '证件类型',
      '证件号码',
      '健康码',
      '体温(℃)',
      '核验结果',
      '原因',
      '免票证明',
      '免票',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(6, 9)).toEqual(['绿码', '36.4', '已入园']);
    expect(rows[1]![0]).toBe('2020-04-04 10:00:00');
    expect(rows[2]!.slice(8, 10)).toEqual(['拒绝入园', '体温 37.6℃ ≥ 37.3℃，不得入园，请引导至临时观察区']);
    expect(await auditActions()).toContain('venues.export_checkins');
  });

  it('exports the farm-stay register with each guest’s temperature log', async () => {
    const staff = await t.userWith('farm-export', [{ role: 'venue', venueId: farm }]);
    const g = (
      await staff.post(`/api/venues/${farm}/guests`, {
        ...visitor(40, '周九'),
        phone: '13700137000',
        arrivalDay: TODAY,
        departureDay: '2020-04-05',
        room: '2号院',
      })
    ).json().id;
    await staff.post(`/api/venues/${farm}/guests`, {
      ...visitor(41, '吴十'),
      phone: '13700137001',
      arrivalDay: '2020-04-05',
      departureDay: '2020-04-06',
    });
    await staff.post(`/api/venues/${farm}/guests/${g}/temperatures`, { day: TODAY, temperature: 36.6 });
    await staff.post(`/api/venues/${farm}/guests/${g}/temperatures`, { day: '2020-04-05', temperature: 37.5 });
    const rows = await sheet(await staff.get(`/api/venues/${farm}/guests/export`));
    expect(rows[0]).toEqual([
      '姓名',
      '证件类型',
      '证件号码',
      '手机号',
      '房间',
      '入住日期',
      '离店日期',
      '日期',
      '体温(℃)',
      '发热',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[7], r[8], r[9]])).toEqual([
      ['吴*', '', '', ''],
      ['周*', TODAY, '36.6', ''],
      ['周*', '2020-04-05', '37.5', '是'],
    ]);
    expect(JSON.stringify(rows)).not.toContain(testIdCard(40));
    const today = await sheet(await staff.get(`/api/venues/${farm}/guests/export?day=${TODAY}`));
    expect(today).toHaveLength(3);
    expect(await auditActions()).toContain('venues.export_guests');
    // a scenic spot keeps no register
    expect((await admin.get(`/api/venues/${venue}/guests/export`)).statusCode).toBe(409);
  });

  it('refuses callers without the right over the venue', async () => {
    const reader = await t.userWith('department-reader', [{ role: 'department', department: 'culture_tourism' }]);
    const other = await t.userWith('gate-elsewhere', [{ role: 'venue', venueId: farm }]);
    expect((await reader.get(`/api/venues/${venue}/bookings/export`)).statusCode).toBe(403);
    expect((await other.get(`/api/venues/${venue}/bookings/export`)).statusCode).toBe(404);
    expect((await other.get(`/api/venues/${venue}/gate/checkins/export`)).statusCode).toBe(404);
    expect((await gateUser.get(`/api/venues/${farm}/guests/export`)).statusCode).toBe(404);
    expect((await t.anonymous().get(`/api/venues/${venue}/bookings/export`)).statusCode).toBe(401);
    const bad = await gateUser.get(`/api/venues/${venue}/bookings/export?day=2020-4-4`);
    expect(bad.statusCode).toBe(400);
  });
});
