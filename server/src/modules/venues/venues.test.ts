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

describe('gate', () => {
  let gateUser: Client;
  let manager: Client;
  let code: string;
  let visitorIds: number[];

  beforeAll(async () => {
    gateUser = await t.userWith('gate-panshan', [{ role: 'venue', venueId: panshan }]);
    manager = await t.userWith('manager-panshan', [{ role: 'venueManager', venueId: panshan }]);
    const policy = await manager.post(`/api/venues/${panshan}/policies`, {
      name: '全国医护人员免门票',
      eligibility: 'medical_worker',
      proofTypes: ['practising_certificate', 'work_id'],
      validFrom: '2020-03-28',
      validTo: '2020-12-31',
    });
    expect(policy.statusCode, policy.body).toBe(200);
    const b = (
      await book(
        booking(panshan, 50, {
          visitors: [
            { name: '王五', idType: 'id_card', idNumber: testIdCard(50) },
            { name: '赵六', idType: 'id_card', idNumber: testIdCard(51), policyId: policy.json().id },
            { name: '钱七', idType: 'id_card', idNumber: testIdCard(52) },
            { name: '孙八', idType: 'id_card', idNumber: testIdCard(53), policyId: policy.json().id },
          ],
        }),
      )
    ).json();
    code = b.code;
    visitorIds = b.visitors.map((v: { id: number }) => v.id);
  });

  it('finds a booking by its scanned code or by an ID number, only at its own venue', async () => {
    const byCode = await gateUser.post(`/api/venues/${panshan}/gate/lookup`, { query: code.toLowerCase() });
    expect(byCode.statusCode, byCode.body).toBe(200);
    expect(byCode.json().visitors).toHaveLength(4);
    const byId = await gateUser.post(`/api/venues/${panshan}/gate/lookup`, { query: testIdCard(52) });
    expect(byId.json().code).toBe(code);
    const elsewhere = await t.userWith('gate-other', [{ role: 'venue', venueId: panshan + 1000 }]);
    expect((await elsewhere.post(`/api/venues/${panshan}/gate/lookup`, { query: code })).statusCode).toBe(404);
    expect(
      (await gateUser.post(`/api/venues/${panshan}/slots`, { label: 'x', startTime: '08:00', endTime: '09:00', capacity: 5 }))
        .statusCode,
    ).toBe(403);
  });

  it('admits green + normal once; a second scan is a re-entry, not counted again', async () => {
    const r = await gateUser.post(`/api/venues/${panshan}/gate/checkins`, {
      visitorId: visitorIds[0],
      healthCode: 'green',
      temperature: 36.5,
    });
    expect(r.json()).toMatchObject({ outcome: 'admitted', reason: null });
    const again = await gateUser.post(`/api/venues/${panshan}/gate/checkins`, {
      visitorId: visitorIds[0],
      healthCode: 'green',
      temperature: 36.5,
    });
    expect(again.json()).toMatchObject({ outcome: 'already_admitted' });
    expect(again.json().message).toContain('10:00');
    const stats = (await gateUser.get(`/api/venues/${panshan}/gate/stats`)).json();
    expect(stats).toMatchObject({ admitted: 1, refused: 0, capacity: 20000 });
  });

  it('refuses a red code and a temperature of 37.3 °C, with the reason, and alerts the manager', async () => {
    const red = await gateUser.post(`/api/venues/${panshan}/gate/checkins`, {
      visitorId: visitorIds[2],
      healthCode: 'red',
      temperature: 36.4,
    });
    expect(red.json()).toMatchObject({ outcome: 'refused', reason: 'health_code_red' });
    const fever = await gateUser.post(`/api/venues/${panshan}/gate/checkins`, {
      visitorId: visitorIds[2],
      healthCode: 'green',
      temperature: 37.3,
    });
    expect(fever.json()).toMatchObject({ outcome: 'refused', reason: 'fever' });
    const yellow = await gateUser.post(`/api/venues/${panshan}/gate/checkins`, {
      visitorId: visitorIds[2],
      healthCode: 'yellow',
      temperature: 36.4,
    });
    expect(yellow.json().reason).toBe('health_code_yellow');
    const notes = await t.core.db.selectFrom('notification').selectAll().where('userId', '=', manager.userId!).execute();
    expect(notes).toHaveLength(3);
    expect(notes[0]!.title).toContain('盘山');
    expect((await gateUser.get(`/api/venues/${panshan}/gate/stats`)).json()).toMatchObject({ admitted: 1, refused: 3 });
    // a rested, re-measured visitor may still be admitted
    const later = await gateUser.post(`/api/venues/${panshan}/gate/checkins`, {
      visitorId: visitorIds[2],
      healthCode: 'green',
      temperature: 36.8,
    });
    expect(later.json().outcome).toBe('admitted');
  });

  it('applies free admission only when the proof is shown', async () => {
    const shown = await gateUser.post(`/api/venues/${panshan}/gate/checkins`, {
      visitorId: visitorIds[1],
      healthCode: 'green',
      temperature: 36.2,
      proofType: 'practising_certificate',
    });
    expect(shown.json()).toMatchObject({ outcome: 'admitted', policyApplied: true });
    const none = await gateUser.post(`/api/venues/${panshan}/gate/checkins`, {
      visitorId: visitorIds[3],
      healthCode: 'green',
      temperature: 36.2,
    });
    expect(none.json()).toMatchObject({ outcome: 'admitted', policyApplied: false });
  });

  it('refuses to cancel a booking once someone has entered', async () => {
    const r = await t.anonymous().post('/api/public/venue-bookings/cancel', { code, phone: '13800138000' });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('venues.already_checked_in');
  });

  it('turns away a booking for another day without changing its state', async () => {
    const b = (await book(booking(panshan, 60, { day: '2020-04-05' }))).json();
    const r = await gateUser.post(`/api/venues/${panshan}/gate/checkins`, {
      visitorId: b.visitors[0].id,
      healthCode: 'green',
      temperature: 36.5,
    });
    expect(r.json()).toMatchObject({ outcome: 'refused', reason: 'wrong_day' });
  });
});

describe('farm-stay guest register', () => {
  it('registers a phone booking and logs daily temperatures; a fever alerts the manager', async () => {
    const farm = await createVenue(admin, { name: '郭家沟农家院', kind: 'farmstay', normalCapacity: 30, bookable: false });
    const staff = await t.userWith('farm-staff', [{ role: 'venue', venueId: farm }]);
    const boss = await t.userWith('farm-boss', [{ role: 'venueManager', venueId: farm }]);
    const g = await staff.post(`/api/venues/${farm}/guests`, {
      name: '周九',
      idType: 'id_card',
      idNumber: testIdCard(70),
      phone: '13700137000',
      arrivalDay: TODAY,
      departureDay: '2020-04-05',
      room: '2号院',
    });
    expect(g.statusCode, g.body).toBe(200);
    const id = g.json().id;
    expect((await staff.post(`/api/venues/${farm}/guests/${id}/temperatures`, { day: TODAY, temperature: 36.6 })).json()).toEqual(
      { fever: false },
    );
    expect(
      (await staff.post(`/api/venues/${farm}/guests/${id}/temperatures`, { day: '2020-04-05', temperature: 37.5 })).json(),
    ).toEqual({ fever: true });
    expect(
      (await staff.post(`/api/venues/${farm}/guests/${id}/temperatures`, { day: '2020-04-09', temperature: 36.5 })).statusCode,
    ).toBe(400);
    const list = (await staff.get(`/api/venues/${farm}/guests`)).json();
    expect(list.items[0].temperatures).toEqual([
      { day: TODAY, temperature: 36.6, fever: false },
      { day: '2020-04-05', temperature: 37.5, fever: true },
    ]);
    expect(list.items[0].idMasked).not.toContain(testIdCard(70).slice(6, 14));
    const notes = await t.core.db.selectFrom('notification').select('kind').where('userId', '=', boss.userId!).execute();
    expect(notes.map((n) => n.kind)).toEqual(['venues.guest_fever']);
    expect(
      (
        await staff.post(`/api/venues/${panshan}/guests`, {
          name: 'x',
          idType: 'passport',
          idNumber: 'E1234567',
          phone: '13700137000',
          arrivalDay: TODAY,
          departureDay: TODAY,
        })
      ).statusCode,
    ).toBe(404);
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
