import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers';
import { answerOf, financeWorld, requestBody } from './finance-fixtures';

let t: TestApp;
let w: Awaited<ReturnType<typeof financeWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await financeWorld(t, '1');
});
afterAll(() => t.close());

const fields = (res: { json(): { fields?: { field: string }[] } }) => (res.json().fields ?? []).map((f) => f.field);

describe('bad input', () => {
  it('refuses amounts ≤ 0, above the cap, unknown institutions and a bad phone, per field, writing nothing', async () => {
    for (const [extra, field] of [
      [{ amountFen: 0 }, 'amountFen'],
      [{ amountFen: -5 }, 'amountFen'],
      [{ amountFen: 600_000_000_000 }, 'amountFen'],
      [{ termMonths: 0 }, 'termMonths'],
      [{ contactPhone: '123' }, 'contactPhone'],
      [{ institutionIds: [999_999] }, 'institutionIds'],
    ] as const) {
      const res = await w.boss.post('/api/finance/requests', requestBody(w.entityId, [w.instA], extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(fields(res)).toContain(field);
    }
    expect((await w.boss.get('/api/finance/requests')).json().total).toBe(0);
  });
  it('refuses a request for another enterprise', async () => {
    const other = await t.userWith('boss.other', [{ role: 'enterprise', entityId: w.entityId + 999 }]);
    const res = await other.post('/api/finance/requests', requestBody(w.entityId, [w.instA]));
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['entityId']);
  });
});

describe('request → answered by two banks → disbursed → confirmed', () => {
  let id: number;
  it('the enterprise files a request for two banks; each officer is told', async () => {
    const res = await w.boss.post('/api/finance/requests', requestBody(w.entityId, [w.instA, w.instB]));
    expect(res.statusCode, res.body).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({ status: 'open', whitelisted: false, routedByCentre: false, contactPhone: '13800138000' });
    expect(res.json().answers.map((a: { status: string }) => a.status)).toEqual(['received', 'received']);
    const notes = (await w.bankA.get('/api/notifications')).json();
    expect(JSON.stringify(notes)).toContain(res.json().no);
  });
  it('another bank, a town officer and the commander cannot read it', async () => {
    expect((await w.bankNone.get(`/api/finance/requests/${id}`)).statusCode).toBe(404);
    expect((await w.bankNone.get('/api/finance/requests')).json().total).toBe(0);
    const town = await t.userWith('town.f', [{ role: 'town', regionCode: t.regions.townA }]);
    expect((await town.get(`/api/finance/requests/${id}`)).statusCode).toBe(403);
    const cmd = await t.userWith('cmd.f', [{ role: 'commander', regionCode: t.regions.district }]);
    expect((await cmd.get('/api/finance/requests')).statusCode).toBe(403);
    expect((await cmd.get('/api/finance/figures')).json().totals.requests).toBe(1);
  });
  it('a bank sees its own answer only; two officers moving the same answer at once: one wins, one 409', async () => {
    const mine = (await w.bankA.get(`/api/finance/requests/${id}`)).json();
    expect(mine.answers).toHaveLength(1);
    const a = answerOf(mine, w.instA);
    expect(a.nextActions).toEqual(['contact', 'review', 'decline']);
    const colleague = await t.userWith('bank.a1b', [{ role: 'bank' }]);
    await w.centre.post(`/api/finance/institutions/${w.instA}/officers`, { userId: colleague.userId });
    const both = await Promise.all([
      w.bankA.post(`/api/finance/answers/${a.id}/act`, { action: 'contact', version: a.version }),
      colleague.post(`/api/finance/answers/${a.id}/act`, { action: 'review', version: a.version }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    // the other bank cannot move A's answer
    expect(
      (await w.bankB.post(`/api/finance/answers/${a.id}/act`, { action: 'decline', version: 1, declineReason: 'x' })).statusCode,
    ).toBe(404);
  });
  it('both approve; a disbursement above the approved amount is a field error; tranches reach disbursed', async () => {
    const a = answerOf((await w.bankA.get(`/api/finance/requests/${id}`)).json(), w.instA);
    const moveA = a.status === 'contacted' ? 'review' : 'request_info';
    let r = await w.bankA.post(`/api/finance/answers/${a.id}/act`, { action: moveA, version: a.version, note: '补充报表' });
    expect(r.statusCode, r.body).toBe(200);
    let cur = answerOf(r.json(), w.instA);
    if (cur.status === 'info_requested')
      cur = answerOf(
        (await w.bankA.post(`/api/finance/answers/${a.id}/act`, { action: 'review', version: cur.version })).json(),
        w.instA,
      );
    expect(
      (
        await w.bankA.post(`/api/finance/answers/${a.id}/act`, {
          action: 'approve',
          version: cur.version,
          approvedFen: 20_000_000_00,
        })
      ).json().fields[0].field,
    ).toBe('approvedFen');
    r = await w.bankA.post(`/api/finance/answers/${a.id}/act`, {
      action: 'approve',
      version: cur.version,
      approvedFen: 6_000_000_00,
    });
    expect(r.statusCode, r.body).toBe(200);
    const b = answerOf((await w.bankB.get(`/api/finance/requests/${id}`)).json(), w.instB);
    expect(
      (await w.bankB.post(`/api/finance/answers/${b.id}/act`, { action: 'approve', version: 0, approvedFen: 1 })).statusCode,
    ).toBe(409);
    const rb = await w.bankB.post(`/api/finance/answers/${b.id}/act`, { action: 'review', version: 0 });
    await w.bankB.post(`/api/finance/answers/${b.id}/act`, {
      action: 'approve',
      version: answerOf(rb.json(), w.instB).version,
      approvedFen: 4_000_000_00,
    });

    const over = await w.bankA.post(`/api/finance/answers/${a.id}/disbursements`, {
      amountFen: 6_000_000_01,
      disbursedOn: '2026-03-02',
    });
    expect(over.statusCode).toBe(400);
    expect(fields(over)).toEqual(['amountFen']);
    expect(
      (await w.bankA.post(`/api/finance/answers/${a.id}/disbursements`, { amountFen: 3_000_000_00, disbursedOn: '2026-03-02' }))
        .statusCode,
    ).toBe(200);
    const done = await w.bankA.post(`/api/finance/answers/${a.id}/disbursements`, {
      amountFen: 3_000_000_00,
      disbursedOn: '2026-03-03',
    });
    expect(answerOf(done.json(), w.instA)).toMatchObject({ status: 'disbursed', disbursedFen: 6_000_000_00 });
    expect(done.json().disbursedFen).toBe(6_000_000_00); // the bank's own share
    await w.bankB.post(`/api/finance/answers/${b.id}/disbursements`, { amountFen: 4_000_000_00, disbursedOn: '2026-03-03' });
  });
  it('the enterprise sees every answer, confirms once, and the figures count each yuan once', async () => {
    const d = (await w.boss.get(`/api/finance/requests/${id}`)).json();
    expect(d).toMatchObject({ status: 'served', approvedFen: 10_000_000_00, disbursedFen: 10_000_000_00 });
    expect(d.answers).toHaveLength(2);
    expect(d.abilities.confirm).toBe(true);
    expect((await w.boss.post(`/api/finance/requests/${id}/confirm`)).statusCode).toBe(200);
    expect((await w.boss.post(`/api/finance/requests/${id}/confirm`)).statusCode).toBe(409);
    const f = (await w.centre.get(`/api/finance/figures?regionCode=${t.regions.district}`)).json();
    expect(f.totals).toMatchObject({
      requests: 1,
      enterprises: 1,
      institutions: 2,
      askedFen: 10_000_000_00,
      disbursedFen: 10_000_000_00,
    });
    expect(f.byInstitution.map((i: { disbursedFen: number }) => i.disbursedFen)).toEqual([6_000_000_00, 4_000_000_00]);
    expect(f.byRegion).toEqual([expect.objectContaining({ regionCode: t.regions.townA, disbursedFen: 10_000_000_00 })]);
    const xlsx = await w.centre.get('/api/finance/figures/export');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await w.centre.get('/api/finance/requests/export')).statusCode).toBe(200);
  });
});

describe('the centre routes a request nobody was named for', () => {
  it('lands in the unrouted queue and goes to the institution chosen', async () => {
    const res = await w.boss.post('/api/finance/requests', requestBody(w.entityId, []));
    expect(res.json().routedByCentre).toBe(true);
    const queue = (await w.centre.get('/api/finance/requests?unrouted=true')).json();
    expect(queue.items.map((i: { id: number }) => i.id)).toEqual([res.json().id]);
    expect((await w.bankA.get(`/api/finance/requests/${res.json().id}`)).statusCode).toBe(404);
    expect((await w.boss.post(`/api/finance/requests/${res.json().id}/route`, { institutionIds: [w.instA] })).statusCode).toBe(
      403,
    );
    const routed = await w.centre.post(`/api/finance/requests/${res.json().id}/route`, { institutionIds: [w.instA] });
    expect(routed.statusCode, routed.body).toBe(200);
    expect((await w.bankA.get(`/api/finance/requests/${res.json().id}`)).statusCode).toBe(200);
    expect((await w.bankA.get('/api/finance/me')).json().institution.id).toBe(w.instA);
  });
});
