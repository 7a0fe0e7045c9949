import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers';
import { manualClock } from '../../platform/clock';
import { answerOf, financeWorld, requestBody } from './finance-fixtures';

const HOUR = 3_600_000;
const clock = manualClock('2026-11-23T01:00:00.000Z'); // Monday 09:00 local
let t: TestApp;
let w: Awaited<ReturnType<typeof financeWorld>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await financeWorld(t, '2');
});
afterAll(() => t.close());
/** Sessions last 12 hours: after the clock jumps, the users sign in again. */
async function signInAgain() {
  w.centre = await t.login('centre2');
  w.boss = await t.login('boss2');
  w.bankA = await t.login('bank.a2');
}

/** Files a request for both banks and brings each answer to the point where it may be approved. */
async function reviewed(extra: Record<string, unknown> = {}) {
  const req = (await w.boss.post('/api/finance/requests', requestBody(w.entityId, [w.instA, w.instB], extra))).json();
  const out: Record<number, { id: number; version: number }> = {};
  for (const [bank, inst] of [
    [w.bankA, w.instA],
    [w.bankB, w.instB],
  ] as const) {
    const a = answerOf(req, inst);
    const res = await bank.post(`/api/finance/answers/${a.id}/act`, { action: 'review', version: a.version });
    out[inst] = answerOf(res.json(), inst);
  }
  return { id: req.id as number, a: out[w.instA]!, b: out[w.instB]! };
}

describe('races settled in the database', () => {
  it('two banks cannot both take an exclusive request', async () => {
    const { id, a, b } = await reviewed({ exclusive: true });
    const both = await Promise.all([
      w.bankA.post(`/api/finance/answers/${a.id}/act`, { action: 'approve', version: a.version, approvedFen: 100_00 }),
      w.bankB.post(`/api/finance/answers/${b.id}/act`, { action: 'approve', version: b.version, approvedFen: 100_00 }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().code).toBe('finance.taken');
    const d = (await w.boss.get(`/api/finance/requests/${id}`)).json();
    expect(d.approvedFen).toBe(100_00);
    expect(d.answers.filter((x: { status: string }) => x.status === 'approved')).toHaveLength(1);
  });

  it('a fast-track quota cannot be overspent', async () => {
    const p = await w.centre.post('/api/finance/products', {
      institutionId: w.instA,
      name: '复工闪贷',
      quotaFen: 1_000_000_00,
      targetHours: 24,
    });
    expect(p.statusCode, p.body).toBe(200);
    const r1 = await reviewed();
    const r2 = await reviewed();
    const both = await Promise.all(
      [r1, r2].map((r) =>
        w.bankA.post(`/api/finance/answers/${r.a.id}/act`, {
          action: 'approve',
          version: r.a.version,
          approvedFen: 600_000_00,
          productId: p.json().id,
        }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().code).toBe('finance.quota_exhausted');
    const products = (await w.bankA.get('/api/finance/products')).json();
    expect(products[0]).toMatchObject({ quotaFen: 1_000_000_00, usedFen: 600_000_00 });
    expect((await w.bankB.get('/api/finance/products')).json()).toEqual([]);

    // the flash loan: account opened, money within the promised hours
    const won = [r1, r2][both.findIndex((r) => r.statusCode === 200)]!;
    const opened = await w.bankA.post(`/api/finance/answers/${won.a.id}/act`, {
      action: 'open_account',
      version: won.a.version + 1,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    clock.advance(5 * HOUR);
    const paid = await w.bankA.post(`/api/finance/answers/${won.a.id}/disbursements`, {
      amountFen: 600_000_00,
      disbursedOn: '2026-11-23',
    });
    expect(answerOf(paid.json(), w.instA).disbursements[0]?.hoursFromAccount).toBe(5);
    const f = (await w.centre.get('/api/finance/figures')).json();
    expect(f.totals).toMatchObject({ fastTrackFen: 600_000_00, fastTrackOnTimeFen: 600_000_00 });
  });

  it('parallel tranches cannot exceed the approved amount', async () => {
    const { b } = await reviewed();
    const ok = await w.bankB.post(`/api/finance/answers/${b.id}/act`, {
      action: 'approve',
      version: b.version,
      approvedFen: 500_00,
    });
    expect(ok.statusCode).toBe(200);
    const tranches = await Promise.all(
      [1, 2].map(() =>
        w.bankB.post(`/api/finance/answers/${b.id}/disbursements`, { amountFen: 300_00, disbursedOn: '2026-11-23' }),
      ),
    );
    // the loser is refused by the read check (400) or by the conditional update (409): never both paid
    expect(tranches.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(tranches.map((r) => r.statusCode).sort()[1]).toBeGreaterThanOrEqual(400);
    expect(answerOf(tranches.find((r) => r.statusCode === 200)!.json(), w.instB).disbursedFen).toBe(300_00);
  });
});

describe('white list', () => {
  let entryId: number;
  it('is versioned: adding and removing each make a version, and an old version still reads as it was', async () => {
    const add = await w.centre.post('/api/finance/whitelist', {
      entityId: w.entityId,
      criterion: 'key_supply',
      reason: '防疫物资重点保供',
    });
    expect(add.statusCode, add.body).toBe(200);
    entryId = add.json().id;
    expect(
      (await w.centre.post('/api/finance/whitelist', { entityId: w.entityId, criterion: 'key_supply', reason: 'again' }))
        .statusCode,
    ).toBe(409);
    const list = (await w.centre.get('/api/finance/whitelist')).json();
    expect(list).toMatchObject({ total: 1, version: add.json().addedVersion });
    expect((await w.bankA.get('/api/finance/whitelist')).statusCode).toBe(403);
  });
  it('a white-listed request gets a first answer due within 24 working hours and climbs the ladder', async () => {
    const req = (await w.boss.post('/api/finance/requests', requestBody(w.entityId, [w.instA]))).json();
    expect(req.whitelisted).toBe(true);
    // filed Monday 14:00 local; 24 working hours (three days of 8) later is Thursday 14:00 local
    expect(req.firstAnswerDue).toBe('2026-11-26T06:00:00.000Z');
    clock.set('2026-11-26T05:00:00.000Z');
    expect(await t.services.finance.escalateDue()).toBe(0);
    clock.set('2026-11-26T07:00:00.000Z');
    expect(await t.services.finance.escalateDue()).toBeGreaterThan(0);
    await signInAgain();
    const d = (await w.centre.get(`/api/finance/requests/${req.id}`)).json();
    expect(d.escalationLevel).toBe('reminder');
    expect(JSON.stringify((await w.centre.get('/api/notifications')).json())).toContain(`【提示】融资需求 ${req.no}`);
    clock.set('2026-11-27T10:00:00.000Z');
    await t.services.finance.escalateDue();
    await signInAgain();
    expect((await w.centre.get(`/api/finance/requests/${req.id}`)).json().escalationLevel).toBe('supervision');
  });
  it('removal needs a reason and leaves the entry in the older version', async () => {
    expect((await w.centre.post(`/api/finance/whitelist/${entryId}/remove`, { reason: '' })).statusCode).toBe(400);
    const rm = await w.centre.post(`/api/finance/whitelist/${entryId}/remove`, { reason: '已恢复正常经营' });
    expect(rm.statusCode, rm.body).toBe(200);
    expect((await w.centre.get('/api/finance/whitelist')).json().total).toBe(0);
    const old = (await w.centre.get(`/api/finance/whitelist?version=${rm.json().addedVersion}`)).json();
    expect(old.total).toBe(1);
  });
});

describe('rollovers, deferrals and meetings', () => {
  it('are recorded per enterprise and loan and summed in the figures', async () => {
    const bad = await w.centre.post('/api/finance/rollovers', {
      kind: 'rollover',
      entityId: w.entityId,
      institutionId: w.instA,
      amountFen: 0,
      originalDueOn: '2026-03-01',
      newDueOn: '2026-02-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['amountFen', 'newDueOn']);
    for (const kind of ['rollover', 'rollover', 'deferral'])
      expect(
        (
          await w.centre.post('/api/finance/rollovers', {
            kind,
            entityId: w.entityId,
            institutionId: w.instA,
            amountFen: 1_000_000_00,
            originalDueOn: '2026-03-01',
            newDueOn: '2027-03-01',
          })
        ).statusCode,
      ).toBe(200);
    const f = (await w.centre.get('/api/finance/figures')).json();
    expect(f.totals).toMatchObject({ rolloverFen: 2_000_000_00, rolloverEnterprises: 1, deferralFen: 1_000_000_00 });
    expect((await w.centre.get('/api/finance/rollovers?kind=deferral')).json().total).toBe(1);
    const m = await w.centre.post('/api/finance/meetings', {
      title: '政银企对接会',
      heldOn: '2026-03-05',
      regionCode: t.regions.district,
      institutionIds: [w.instA, w.instB],
      enterprises: 30,
    });
    expect(m.json()).toMatchObject({ institutions: 2, enterprises: 30 });
  });
});
