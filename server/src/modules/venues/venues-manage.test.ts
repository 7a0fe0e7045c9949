import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
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
