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
