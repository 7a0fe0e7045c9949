import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { manualClock } from '../../platform/clock';
import { testIdCard } from './venues.fixtures';

const TODAY = '2020-04-04'; // a Saturday, Jizhou's first Qingming weekend after reopening
const clock = manualClock('2020-04-04T02:00:00Z'); // 10:00 in Jizhou

let t: TestApp;
let admin: Client;
let panshan: number;

async function createVenue(c: Client, body: Record<string, unknown>) {
  const r = await c.post('/api/venues', { kind: 'scenic', regionCode: t.regions.townA, normalCapacity: 1000, ...body });
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { id: number }).id;
}

function booking(venueId: number, n: number, extra: Record<string, unknown> = {}) {
  return {
    venueId,
    day: TODAY,
    phone: '13800138000',
    healthAttested: true,
    visitors: [{ name: '张三', idType: 'id_card', idNumber: testIdCard(n) }],
    ...extra,
  };
}

const book = (body: unknown, ip = '10.1.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/public/venue-bookings', payload: body as object, remoteAddress: ip });

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.login('admin');
  panshan = await createVenue(admin, { name: '盘山风景名胜区', normalCapacity: 40000 });
  const r = await admin.post(`/api/venues/${panshan}/capacity-rules`, {
    mode: 'ratio',
    ratioPct: 50,
    effectiveFrom: '2020-03-28',
    note: '疫情期间日接待量减半',
  });
  expect(r.statusCode, r.body).toBe(200);
});
afterAll(() => t.close());

describe('venues and capacity rules', () => {
  it('applies the newest epidemic rule: Panshan 40,000 → 20,000 a day', async () => {
    const r = await t.anonymous().get(`/api/public/venues/${panshan}/availability?day=${TODAY}`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ capacity: 20000, remaining: 20000, open: true });
    // a later version wins for the days it covers, the earlier one still holds outside them
    await admin.post(`/api/venues/${panshan}/capacity-rules`, {
      mode: 'absolute',
      capacity: 15000,
      effectiveFrom: '2020-04-06',
      effectiveTo: '2020-04-06',
    });
    const d = (await t.anonymous().get(`/api/public/venues/${panshan}/availability?day=2020-04-06`)).json() as {
      capacity: number;
      days: { day: string; capacity: number }[];
    };
    expect(d.capacity).toBe(15000);
    expect(d.days.find((x) => x.day === '2020-04-07')!.capacity).toBe(20000);
    const detail = (await admin.get(`/api/venues/${panshan}`)).json() as { rules: { version: number }[]; capacityToday: number };
    expect(detail.rules.map((x) => x.version)).toEqual([2, 1]);
    expect(detail.capacityToday).toBe(20000);
  });

  it('keeps vehicles with their epidemic seat limit (9 → 4)', async () => {
    const r = await admin.post(`/api/venues/${panshan}/vehicles`, { name: '观光车', count: 30, seats: 9, seatLimit: 4 });
    expect(r.statusCode, r.body).toBe(200);
    expect(
      (await admin.post(`/api/venues/${panshan}/vehicles`, { name: 'x', seats: 4, seatLimit: 9 })).json().fields[0].field,
    ).toBe('seatLimit');
    const detail = (await admin.get(`/api/venues/${panshan}`)).json() as { vehicles: { seats: number; seatLimit: number }[] };
    expect(detail.vehicles[0]).toMatchObject({ seats: 9, seatLimit: 4 });
  });

  it('lets a town officer of another town see no venue of this one', async () => {
    const other = await t.userWith('town-b', [{ role: 'town', regionCode: t.regions.townB }]);
    expect((await other.get(`/api/venues/${panshan}`)).statusCode).toBe(404);
    expect((await other.get('/api/venues')).json().total).toBe(0);
    expect(
      (await other.post(`/api/venues/${panshan}/slots`, { label: 'x', startTime: '08:00', endTime: '09:00', capacity: 5 }))
        .statusCode,
    ).toBe(403);
  });
});

describe('public booking', () => {
  it('refuses bad input with a message per field', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/public/venue-bookings',
      headers: { 'x-locale': 'en' },
      payload: {
        venueId: panshan,
        day: TODAY,
        phone: '12345',
        healthAttested: false,
        visitors: [{ name: '', idType: 'id_card', idNumber: '120119199001011234' }],
      },
    });
    expect(r.statusCode).toBe(400);
    const fields = Object.fromEntries((r.json().fields as { field: string; message: string }[]).map((f) => [f.field, f.message]));
    expect(fields).toMatchObject({
      phone: 'Invalid mobile number',
      'visitors.0.idNumber': 'Invalid ID card number',
      'visitors.0.name': 'Required',
    });
    expect(fields.healthAttested).toMatch(/green health code/);
  });

  it('accepts a passport, books, and hands out an unguessable code with a QR image', async () => {
    const r = await book(
      booking(panshan, 1, {
        visitors: [
          { name: '李四', idType: 'id_card', idNumber: testIdCard(1) },
          { name: 'John Smith', idType: 'passport', idNumber: 'E12345678' },
        ],
      }),
    );
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json();
    expect(b.code).toMatch(/^[A-Z2-9]{10}$/);
    expect(b).toMatchObject({ status: 'booked', partySize: 2, phoneMasked: '138****8000', channel: 'web' });
    expect(b.visitors[0].idMasked).toBe(testIdCard(1).slice(0, 4) + '**********' + testIdCard(1).slice(-4));
    expect(JSON.stringify(b)).not.toContain(testIdCard(1));
    const qr = await t.anonymous().get(`/api/public/venue-bookings/${b.code}/qr`);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    // stored encrypted: the clear ID number is nowhere in the row
    const row = await t.core.db
      .selectFrom('venueVisitor')
      .selectAll()
      .where(
        'bookingId',
        '=',
        (await t.core.db.selectFrom('venueBooking').select('id').where('code', '=', b.code).executeTakeFirstOrThrow()).id,
      )
      .execute();
    expect(JSON.stringify(row)).not.toContain(testIdCard(1));
    expect((await t.anonymous().get(`/api/public/venues/${panshan}/availability?day=${TODAY}`)).json().remaining).toBe(19998);
  });

  it('refuses a second booking for the same person on the same day, but not on another day', async () => {
    await book(booking(panshan, 2));
    const again = await book(booking(panshan, 2, { phone: '13900139000' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('venues.duplicate_person');
    expect((await book(booking(panshan, 2, { day: '2020-04-05' }))).statusCode).toBe(200);
  });

  it('refuses the same person twice even when both requests race', async () => {
    const rs = await Promise.all([0, 1, 2, 3].map((i) => book(booking(panshan, 3, { phone: `1390013900${i}` }), `10.2.0.${i}`)));
    expect(rs.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(rs.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'venues.duplicate_person')).toBe(true);
  });

  it('cancels with code + phone, frees the places and lets the person book again', async () => {
    const b = (await book(booking(panshan, 4))).json();
    const before = (await t.anonymous().get(`/api/public/venues/${panshan}/availability?day=${TODAY}`)).json().remaining;
    const wrong = await t.anonymous().post('/api/public/venue-bookings/cancel', { code: b.code, phone: '13900000000' });
    expect(wrong.statusCode).toBe(404);
    const ok = await t.anonymous().post('/api/public/venue-bookings/cancel', { code: b.code, phone: '13800138000' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('cancelled');
    expect((await t.anonymous().get(`/api/public/venues/${panshan}/availability?day=${TODAY}`)).json().remaining).toBe(
      before + 1,
    );
    const twice = await t.anonymous().post('/api/public/venue-bookings/cancel', { code: b.code, phone: '13800138000' });
    expect(twice.statusCode).toBe(409);
    expect((await book(booking(panshan, 4))).statusCode).toBe(200);
  });

  it('refuses closed days, days outside the window, and full time slots', async () => {
    const weekdays = await createVenue(admin, { name: '独乐寺', openingDays: '12345' });
    const closed = await book(booking(weekdays, 5));
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('venues.closed_day');
    expect((await book(booking(panshan, 5, { day: '2020-04-30' }))).json().fields[0].field).toBe('day');

    const slotted = await createVenue(admin, { name: '黄崖关长城' });
    const slot = (
      await admin.post(`/api/venues/${slotted}/slots`, { label: '上午', startTime: '08:00', endTime: '12:00', capacity: 2 })
    ).json().id;
    expect((await book(booking(slotted, 6))).json().fields[0].field).toBe('slotId');
    expect((await book(booking(slotted, 6, { slotId: slot }))).statusCode).toBe(200);
    expect((await book(booking(slotted, 7, { slotId: slot }))).statusCode).toBe(200);
    const full = await book(booking(slotted, 8, { slotId: slot }));
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('venues.slot_sold_out');
  });

  it('never oversells: capacity 200, 1,000 concurrent attempts → exactly 200 bookings', async () => {
    const venue = await createVenue(admin, { name: '九山顶', normalCapacity: 400 });
    await admin.post(`/api/venues/${venue}/capacity-rules`, { mode: 'absolute', capacity: 200, effectiveFrom: '2020-01-01' });
    const rs = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => book(booking(venue, 1000 + i), `10.3.${i >> 8}.${i & 255}`)),
    );
    const ok = rs.filter((r) => r.statusCode === 200);
    const soldOut = rs.filter((r) => r.statusCode === 409);
    expect(ok).toHaveLength(200);
    expect(soldOut).toHaveLength(800);
    expect(soldOut[0]!.json()).toMatchObject({ code: 'venues.sold_out' });
    expect(soldOut[0]!.json().message).toContain('2020-04-04');
    const rows = await t.core.db
      .selectFrom('venueBooking')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('venueId', '=', venue)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(200);
    const visitors = await t.core.db
      .selectFrom('venueVisitor')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('venueId', '=', venue)
      .executeTakeFirstOrThrow();
    expect(Number(visitors.n)).toBe(200);
    expect((await t.anonymous().get(`/api/public/venues/${venue}/availability?day=${TODAY}`)).json().remaining).toBe(0);
  });
});

describe('partner API', () => {
  let key: string;
  let keyId: number;
  let partnerId: number;

  beforeAll(async () => {
    partnerId = (await admin.post('/api/venue-partners', { name: '携程', ratePerMinute: 1000 })).json().id;
    const issued = (await admin.post(`/api/venue-partners/${partnerId}/keys`)).json();
    key = issued.key;
    keyId = issued.id;
    expect(key).toMatch(/^fgp_/);
    const listed = JSON.stringify((await admin.get('/api/venue-partners')).json());
    expect(listed).not.toContain(key);
    expect(listed).toContain(issued.prefix);
  });

  const partner = (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, payload, headers: { 'x-api-key': key, ...headers } });

  it('answers availability and refuses a missing or wrong key with 401', async () => {
    expect((await partner('GET', `/api/partner/v1/venues/${panshan}/availability?day=${TODAY}`)).json().capacity).toBe(20000);
    expect((await t.app.inject({ method: 'GET', url: `/api/partner/v1/venues/${panshan}/availability` })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/partner/v1/venues', headers: { 'x-api-key': 'fgp_nope' } })).statusCode,
    ).toBe(401);
  });

  it('books once per Idempotency-Key, however often the request is retried', async () => {
    const body = booking(panshan, 80);
    const rs = await Promise.all(
      [1, 2, 3].map(() => partner('POST', '/api/partner/v1/bookings', body, { 'idempotency-key': 'order-80' })),
    );
    expect(rs.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(rs.map((r) => r.json().code)).size).toBe(1);
    const later = await partner('POST', '/api/partner/v1/bookings', body, { 'idempotency-key': 'order-80' });
    expect(later.json().code).toBe(rs[0]!.json().code);
    const rows = await t.core.db.selectFrom('venueBooking').select('id').where('partnerId', '=', partnerId).execute();
    expect(rows).toHaveLength(1);
    const reused = await partner('POST', '/api/partner/v1/bookings', booking(panshan, 81), { 'idempotency-key': 'order-80' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('venues.idempotency_mismatch');
  });

  it('cancels its own bookings only', async () => {
    const b = (await partner('POST', '/api/partner/v1/bookings', booking(panshan, 82), { 'idempotency-key': 'order-82' })).json();
    const web = (await book(booking(panshan, 83))).json();
    expect((await partner('POST', `/api/partner/v1/bookings/${web.code}/cancel`)).statusCode).toBe(404);
    const c = await partner('POST', `/api/partner/v1/bookings/${b.code}/cancel`);
    expect(c.json().status).toBe('cancelled');
  });

  it('stops a revoked key at once', async () => {
    expect((await admin.delete(`/api/venue-partners/${partnerId}/keys/${keyId}`)).statusCode).toBe(200);
    const r = await partner('GET', `/api/partner/v1/venues/${panshan}/availability`);
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('venues.partner_key_invalid');
  });

  it('is documented in the OpenAPI document under the partnerKey scheme', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/partner/v1/bookings'].post.security).toEqual([{ partnerKey: [] }]);
  });
});
