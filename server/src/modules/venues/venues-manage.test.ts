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
const fieldsOf = (r: LightMyRequestResponse) =>
  Object.fromEntries((r.json().fields as { field: string; message: string }[]).map((f) => [f.field, f.message]));
const inEnglish = (c: Client, method: 'PUT' | 'PATCH' | 'POST', url: string, payload: object) =>
  c.request({ method, url, payload, headers: { 'x-locale': 'en' } });

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

describe('editing a venue', () => {
  it('changes only the fields sent, and refuses bad ones with a message per field', async () => {
    expect((await admin.patch(`/api/venues/${venue}`, { name: '盘山' })).statusCode).toBe(200);
    const v = (await admin.get(`/api/venues/${venue}`)).json();
    expect(v).toMatchObject({
      name: '盘山',
      address: '官庄镇',
      phone: '022-29141000',
      openingDays: '1234567',
      normalCapacity: 40000,
    });
    expect((await admin.patch(`/api/venues/${venue}`, { name: '盘山风景名胜区', openingDays: '123456' })).statusCode).toBe(200);
    expect((await admin.get(`/api/venues/${venue}`)).json().openingDays).toBe('123456');
    const bad = await inEnglish(admin, 'PATCH', `/api/venues/${venue}`, { openingDays: '189', normalCapacity: 0 });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad).openingDays).toBe('Opening days are digits 1–7 (Monday to Sunday)');
    expect(fieldsOf(bad)).toHaveProperty('normalCapacity');
    await admin.patch(`/api/venues/${venue}`, { openingDays: '1234567' });
    expect(await auditActions()).toContain('venues.update');
  });

  it('keeps every epidemic rule as a version; the newest covering a day wins', async () => {
    await admin.post(`/api/venues/${venue}/capacity-rules`, {
      mode: 'ratio',
      ratioPct: 50,
      effectiveFrom: '2020-03-28',
      note: '减半',
    });
    const bad = await inEnglish(admin, 'POST', `/api/venues/${venue}/capacity-rules`, {
      mode: 'absolute',
      effectiveFrom: '2020-04-10',
      effectiveTo: '2020-04-01',
    });
    expect(Object.keys(fieldsOf(bad)).sort()).toEqual(['capacity', 'effectiveTo']);
    await admin.post(`/api/venues/${venue}/capacity-rules`, { mode: 'absolute', capacity: 30000, effectiveFrom: '2020-05-01' });
    const v = (await admin.get(`/api/venues/${venue}`)).json();
    expect(v.rules.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(v.capacityToday).toBe(20000);
  });

  it('edits a time slot but never below what is booked, and deactivates it only when nobody holds it', async () => {
    const slot = (
      await admin.post(`/api/venues/${venue}/slots`, { label: '上午', startTime: '08:00', endTime: '12:00', capacity: 3 })
    ).json().id;
    const b = await book({ venueId: venue, slotId: slot, visitors: [visitor(1), visitor(2)] });
    expect(b.statusCode, b.body).toBe(200);
    const url = `/api/venues/${venue}/slots/${slot}`;
    const below = await inEnglish(admin, 'PUT', url, { label: '上午', startTime: '08:00', endTime: '12:00', capacity: 1 });
    expect(below.statusCode).toBe(409);
    expect(below.json()).toMatchObject({ code: 'venues.slot_below_booked' });
    expect(below.json().message).toBe(
      '2 people are already booked in this slot on 2020-04-04; the capacity cannot go below that',
    );
    // the refused change left the slot as it was
    expect((await admin.get(`/api/venues/${venue}`)).json().slots[0]).toMatchObject({ capacity: 3, active: true });

    expect((await admin.put(url, { label: '上午场', startTime: '07:30', endTime: '11:30', capacity: 2 })).statusCode).toBe(200);
    expect((await admin.get(`/api/venues/${venue}`)).json().slots[0]).toMatchObject({
      label: '上午场',
      startTime: '07:30',
      capacity: 2,
    });
    const full = await book({ venueId: venue, slotId: slot, visitors: [visitor(3)] });
    expect(full.json().code).toBe('venues.slot_sold_out');

    const order = await inEnglish(admin, 'PUT', url, { label: '上午场', startTime: '11:00', endTime: '09:00', capacity: 2 });
    expect(fieldsOf(order).endTime).toBe('The end must be after the start');

    const off = await admin.put(url, { label: '上午场', startTime: '07:30', endTime: '11:30', capacity: 2, active: false });
    expect(off.statusCode).toBe(409);
    expect(off.json().code).toBe('venues.slot_has_bookings');
    expect(off.json().message).toContain('2020-04-04');
    await t.anonymous().post('/api/public/venue-bookings/cancel', { code: b.json().code, phone: '13800138000' });
    expect(
      (await admin.put(url, { label: '上午场', startTime: '07:30', endTime: '11:30', capacity: 2, active: false })).statusCode,
    ).toBe(200);
    const detail = (await admin.get(`/api/venues/${venue}`)).json();
    expect(detail.slots[0].active).toBe(false);
    expect(
      (await admin.put(`/api/venues/${venue}/slots/999999`, { label: 'x', startTime: '07:30', endTime: '11:30', capacity: 2 }))
        .statusCode,
    ).toBe(404);
    expect(await auditActions()).toContain('venues.slot_update');
  });

  it('edits a vehicle’s seat limit', async () => {
    const id = (await admin.post(`/api/venues/${venue}/vehicles`, { name: '观光车', count: 20, seats: 9, seatLimit: 9 })).json()
      .id;
    expect(
      (await admin.put(`/api/venues/${venue}/vehicles/${id}`, { name: '观光车', count: 20, seats: 9, seatLimit: 4 })).statusCode,
    ).toBe(200);
    expect((await admin.get(`/api/venues/${venue}`)).json().vehicles[0]).toMatchObject({ seats: 9, seatLimit: 4 });
    const bad = await inEnglish(admin, 'PUT', `/api/venues/${venue}/vehicles/${id}`, {
      name: '观光车',
      count: 20,
      seats: 9,
      seatLimit: 10,
    });
    expect(fieldsOf(bad).seatLimit).toBe('The seat limit cannot exceed the seats');
  });

  it('removes a vehicle, keeping what it was in the audit', async () => {
    const id = (await admin.post(`/api/venues/${venue}/vehicles`, { name: '电瓶车', count: 6, seats: 14, seatLimit: 7 })).json()
      .id;
    const other = await createVenue({ name: '黄崖关长城', normalCapacity: 8000 });
    expect((await admin.delete(`/api/venues/${other}/vehicles/${id}`)).statusCode).toBe(404);
    const gate = await t.userWith('gate-vehicles', [{ role: 'venue', venueId: venue }]);
    const townB = await t.userWith('town-b-vehicles', [{ role: 'town', regionCode: t.regions.townB }]);
    expect((await gate.delete(`/api/venues/${venue}/vehicles/${id}`)).statusCode).toBe(403);
    expect((await townB.delete(`/api/venues/${venue}/vehicles/${id}`)).statusCode).toBe(403);

    expect((await admin.delete(`/api/venues/${venue}/vehicles/${id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/venues/${venue}`)).json().vehicles.map((v: { id: number }) => v.id)).not.toContain(id);
    const entry = await t.core.db
      .selectFrom('auditLog')
      .select(['targetId', 'detail'])
      .where('action', '=', 'venues.vehicle_remove')
      .executeTakeFirstOrThrow();
    expect(String(entry.targetId)).toBe(String(venue));
    expect(typeof entry.detail === 'string' ? JSON.parse(entry.detail) : entry.detail).toEqual({
      vehicleId: id,
      name: '电瓶车',
      count: 6,
      seats: 14,
      seatLimit: 7,
    });
    const again = await admin.delete(`/api/venues/${venue}/vehicles/${id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('common.not_found');
  });

  it('edits and ends a free-admission policy', async () => {
    const body = {
      name: '医护人员免门票',
      eligibility: 'medical_worker',
      proofTypes: ['practising_certificate'],
      validFrom: '2020-03-28',
      validTo: '2020-12-31',
    };
    const id = (await admin.post(`/api/venues/${venue}/policies`, body)).json().id;
    const bad = await inEnglish(admin, 'PUT', `/api/venues/${venue}/policies/${id}`, {
      ...body,
      validTo: '2020-03-01',
      proofTypes: [],
    });
    expect(fieldsOf(bad).validTo).toBe('The end date cannot be before the start date');
    expect(fieldsOf(bad)).toHaveProperty('proofTypes');
    expect(
      (await admin.put(`/api/venues/${venue}/policies/${id}`, { ...body, proofTypes: ['practising_certificate', 'work_id'] }))
        .statusCode,
    ).toBe(200);
    expect((await admin.get(`/api/venues/${venue}`)).json().policies[0].proofTypes).toEqual([
      'practising_certificate',
      'work_id',
    ]);

    expect((await admin.post(`/api/venues/${venue}/policies/${id}/end`)).statusCode).toBe(200);
    expect((await admin.get(`/api/venues/${venue}`)).json().policies[0]).toMatchObject({ validTo: TODAY, active: true });
    const tomorrow = await t.anonymous().get(`/api/public/venues/${venue}/availability?day=2020-04-05`);
    expect(tomorrow.json().policies).toEqual([]);
    const again = await admin.post(`/api/venues/${venue}/policies/${id}/end`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('venues.policy_already_ended');

    const later = (await admin.post(`/api/venues/${venue}/policies`, { ...body, validFrom: '2020-06-01' })).json().id;
    await admin.post(`/api/venues/${venue}/policies/${later}/end`);
    expect((await admin.get(`/api/venues/${venue}`)).json().policies[1]).toMatchObject({
      validFrom: '2020-06-01',
      active: false,
    });
    expect(await auditActions()).toContain('venues.policy_end');
  });

  it('lets only managers of the venue change it', async () => {
    const gate = await t.userWith('gate-only', [{ role: 'venue', venueId: venue }]);
    const other = await t.userWith('town-b-officer', [{ role: 'town', regionCode: t.regions.townB }]);
    const policy = (await admin.get(`/api/venues/${venue}`)).json().policies[1].id;
    expect((await gate.patch(`/api/venues/${venue}`, { name: 'x' })).statusCode).toBe(403);
    expect((await gate.post(`/api/venues/${venue}/policies/${policy}/end`)).statusCode).toBe(403);
    expect((await other.post(`/api/venues/${venue}/policies/${policy}/end`)).statusCode).toBe(403);
    const manager = await t.userWith('manager-only', [{ role: 'venueManager', venueId: venue }]);
    expect((await manager.patch(`/api/venues/${venue}`, { phone: '022-29140000' })).statusCode).toBe(200);
  });
});

describe('exports', () => {
  let gateUser: Client;
  let farm: number;

  beforeAll(async () => {
    gateUser = await t.userWith('gate-export', [{ role: 'venue', venueId: venue }]);
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
    // the cancelled slot booking of the editing tests, then today's three visitors
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

describe('partner API limits and idempotency', () => {
  async function partnerKey(name: string, ratePerMinute: number) {
    const id = (await admin.post('/api/venue-partners', { name, ratePerMinute })).json().id;
    return (await admin.post(`/api/venue-partners/${id}/keys`)).json().key as string;
  }
  const call = (
    key: string,
    method: 'GET' | 'POST' = 'GET',
    url = '/api/partner/v1/venues',
    payload?: object,
    headers: Record<string, string> = {},
  ) => t.app.inject({ method, url, payload, headers: { 'x-api-key': key, 'x-locale': 'en', ...headers } });

  it('answers 429 to a key over its limit while another key still passes', async () => {
    const slow = await partnerKey('小程序旅行社', 3);
    const busy = await partnerKey('同程', 100);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await call(slow)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const over = await call(slow);
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) expect((await call(busy)).statusCode).toBe(200);
    expect((await call(slow)).statusCode).toBe(429);
  });

  it('refuses an Idempotency-Key reused with a different body, clearly, and books nothing more', async () => {
    const key = await partnerKey('飞猪', 100);
    const first = await call(
      key,
      'POST',
      '/api/partner/v1/bookings',
      { venueId: venue, day: TODAY, phone: '13800138001', healthAttested: true, visitors: [visitor(60)] },
      { 'idempotency-key': 'order-60' },
    );
    expect(first.statusCode, first.body).toBe(200);
    const reused = await call(
      key,
      'POST',
      '/api/partner/v1/bookings',
      { venueId: venue, day: TODAY, phone: '13800138001', healthAttested: true, visitors: [visitor(61)] },
      { 'idempotency-key': 'order-60' },
    );
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({
      code: 'venues.idempotency_mismatch',
      message: 'This Idempotency-Key was used for a different request',
    });
    const same = await call(
      key,
      'POST',
      '/api/partner/v1/bookings',
      { venueId: venue, day: TODAY, phone: '13800138001', healthAttested: true, visitors: [visitor(60)] },
      { 'idempotency-key': 'order-60' },
    );
    expect(same.json().code).toBe(first.json().code);
    const held = await t.core.db
      .selectFrom('venueVisitor')
      .select('id')
      .where('idHash', 'in', [t.core.pii.hash(testIdCard(60)), t.core.pii.hash(testIdCard(61))])
      .execute();
    expect(held).toHaveLength(1);
  });

  it('documents every partner endpoint in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ops = Object.entries(
      doc.paths as Record<string, Record<string, { summary?: string; description?: string; security?: unknown }>>,
    )
      .filter(([path]) => path.startsWith('/api/partner/v1/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ op: `${method.toUpperCase()} ${path}`, ...op })),
      );
    expect(ops.map((o) => o.op).sort()).toEqual([
      'GET /api/partner/v1/bookings/{code}',
      'GET /api/partner/v1/venues',
      'GET /api/partner/v1/venues/{id}/availability',
      'POST /api/partner/v1/bookings',
      'POST /api/partner/v1/bookings/{code}/cancel',
    ]);
    for (const o of ops) {
      expect(o.summary, o.op).toBeTruthy();
      expect(o.description, o.op).toMatch(/x-api-key.*429/);
      expect(o.security, o.op).toEqual([{ partnerKey: [] }]);
    }
    expect(doc.components.securitySchemes.partnerKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-api-key' });
  });
});
