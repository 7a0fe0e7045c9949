import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { manualClock, localDate, addDays } from '../../platform/clock';
import { systemContext } from '../../platform/context';
import type { DomainEvent } from '../../platform/events';

let t: TestApp;
const clock = manualClock('2026-03-10T02:00:00Z');
const today = localDate(clock.now());
let ent: Client; // enterprise user of a resumed factory in town A
let idle: Client; // enterprise user of an entity that has not resumed
let townA: Client;
let townB: Client;
let grid: Client;
let commander: Client;
let factory: number;
let shop: number;
let notResumed: number;
const events: DomainEvent[] = [];

const base = (regionCode: string, name: string): EntityInput =>
  ({
    kind: 'enterprise',
    name,
    regNo: `REG-${name}`,
    regionCode,
    sector: 'secondary',
    industry: '制造业',
    aboveScale: true,
    fourAbove: true,
    sizeClass: 'medium',
    registeredStaff: 100,
  }) as EntityInput;

const report = (over: Record<string, unknown> = {}) => ({
  reportDate: today,
  staffOnDuty: 80,
  fromOtherProvinces: 5,
  underObservation: 1,
  abnormalTemperature: 0,
  suspectedCases: 0,
  capacityRate: 75,
  supplyDaysLeft: 10,
  problems: '',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp({ clock });
  const ctx = systemContext();
  const s = t.services;
  factory = await s.registry.createEntity(ctx, base(t.regions.gridA, '恒达机械有限公司'));
  shop = await s.registry.createEntity(ctx, {
    ...base(t.regions.gridA, '福顺小店'),
    kind: 'individual',
    sector: 'tertiary',
    industry: '零售业',
    aboveScale: false,
    fourAbove: false,
    sizeClass: 'micro',
    registeredStaff: 3,
  } as EntityInput);
  notResumed = await s.registry.createEntity(ctx, base(t.regions.gridB, '未复工公司'));
  await t.core.db.transaction().execute(async (trx) => {
    await s.registry.changeStatus(trx, ctx, factory, 'resumed', 'test');
    await s.registry.changeStatus(trx, ctx, shop, 'resumed', 'test');
  });
  ent = await t.userWith('ent', [{ role: 'enterprise', entityId: factory }]);
  await t.userWith('shopkeeper', [{ role: 'enterprise', entityId: shop }]);
  idle = await t.userWith('idle', [{ role: 'enterprise', entityId: notResumed }]);
  townA = await t.userWith('townA', [{ role: 'town', regionCode: t.regions.townA }]);
  townB = await t.userWith('townB', [{ role: 'town', regionCode: t.regions.townB }]);
  grid = await t.userWith('gridA', [{ role: 'grid', regionCode: t.regions.gridA }]);
  commander = await t.userWith('cmd', [{ role: 'commander', regionCode: t.regions.district }]);
  t.core.events.subscribe((e) => events.push(e));
});
afterAll(() => t.close());

describe('daily reports', () => {
  it('a resumed entity reports once a day and a second submission replaces the first, keeping history', async () => {
    const first = await ent.post('/api/reports/daily', report());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ entityId: factory, version: 1, staffOnDuty: 80, capacityRate: 75, abnormal: false });
    const second = await ent.post('/api/reports/daily', report({ staffOnDuty: 90, capacityRate: 82.5 }));
    expect(second.json()).toMatchObject({ id: first.json().id, version: 2, staffOnDuty: 90, capacityRate: 82.5 });
    const mine = (await ent.get('/api/reports/mine')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ staffOnDuty: 90, version: 2 });
    expect(mine.canReport).toBe(true);
    const versions = (await ent.get(`/api/reports/daily/${first.json().id}/versions`)).json();
    expect(versions.map((v: { version: number; staffOnDuty: number }) => [v.version, v.staffOnDuty])).toEqual([
      [2, 90],
      [1, 80],
    ]);
  });

  it('refuses a future date with a field message in the user’s language', async () => {
    const res = await ent.post('/api/reports/daily', report({ reportDate: addDays(today, 1) }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'reportDate', message: `不能填报未来日期（今天是 ${today}）` }]);
  });

  it('refuses a report from an entity that has not resumed, saying so', async () => {
    const res = await idle.post('/api/reports/daily', report());
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('尚未复工');
    expect((await idle.get('/api/reports/mine')).json().canReport).toBe(false);
  });

  it('refuses sub-counts above the staff on duty', async () => {
    const res = await ent.post('/api/reports/daily', report({ staffOnDuty: 2, fromOtherProvinces: 3 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('fromOtherProvinces');
  });

  it('lets only enterprise users submit, and only for their own entity', async () => {
    expect((await townA.post('/api/reports/daily', report())).statusCode).toBe(403);
    expect((await ent.post('/api/reports/daily', { ...report(), entityId: shop })).statusCode).toBe(404);
    expect((await t.anonymous().post('/api/reports/daily', report())).statusCode).toBe(401);
  });

  it('a fever raises an alert event, a notice to town and district, and an alert on the dashboard', async () => {
    events.length = 0;
    const shopUser = await t.login('shopkeeper');
    const res = await shopUser.post(
      '/api/reports/daily',
      report({ staffOnDuty: 3, fromOtherProvinces: 0, underObservation: 0, abnormalTemperature: 1 }),
    );
    expect(res.statusCode).toBe(200);
    // on PostgreSQL the event comes back through LISTEN/NOTIFY, a moment after the response
    await vi.waitFor(
      () =>
        expect(events.find((e) => e.type === 'reports.alert')).toMatchObject({
          data: { entityId: shop, abnormalTemperature: 1 },
        }),
      { timeout: 5000 },
    );
    expect(events.find((e) => e.type === 'reports.alert')!.regionPath).toContain(t.regions.gridA);
    const notices = await t.core.db.selectFrom('notification').selectAll().where('kind', '=', 'reports.alert').execute();
    const to = new Set(notices.map((n) => Number(n.userId)));
    expect(to.has(townA.userId!)).toBe(true);
    expect(to.has(commander.userId!)).toBe(true);
    expect(to.has(townB.userId!)).toBe(false);
    const alerts = (await commander.get('/api/reports/alerts')).json();
    expect(alerts[0]).toMatchObject({ entityId: shop, abnormalTemperature: 1 });
    const summary = (await commander.get(`/api/dashboard/summary?date=${today}`)).json();
    expect(summary.alerts).toMatchObject({ abnormalTemperature: 1, entities: 1 });
    expect((await townB.get('/api/reports/alerts')).json()).toEqual([]);
  });

  it('town staff see who has not reported, export the list and remind them in-app', async () => {
    const yesterday = addDays(today, -1);
    const missing = (await townA.get(`/api/reports/missing?date=${yesterday}`)).json();
    expect(missing.items.map((m: { entityId: number }) => m.entityId).sort()).toEqual([factory, shop].sort());
    const todayMissing = (await townA.get('/api/reports/missing')).json();
    expect(todayMissing.total).toBe(0);
    expect((await townB.get(`/api/reports/missing?date=${yesterday}`)).json().total).toBe(0);
    const xl = await townA.get(`/api/reports/missing/export?date=${yesterday}`);
    expect(xl.statusCode).toBe(200);
    expect(xl.headers['content-type']).toContain('spreadsheetml');
    const r = await townA.post('/api/reports/missing/remind', { date: yesterday, entityIds: [factory] });
    expect(r.json()).toEqual({ entities: 1, recipients: 1 });
    const notes = (await ent.get('/api/notifications')).json();
    expect(JSON.stringify(notes)).toContain(yesterday);
    const after = (await townA.get(`/api/reports/missing?date=${yesterday}`)).json();
    expect(after.items.find((m: { entityId: number }) => m.entityId === factory).remindedAt).not.toBeNull();
    expect((await grid.post('/api/reports/missing/remind', { date: yesterday })).statusCode).toBe(403);
    expect((await townB.get(`/api/reports/missing?regionCode=${t.regions.townA}`)).statusCode).toBe(404);
  });
});

describe('five-day reviews', () => {
  it('lists resumed entities falling due five days after resuming, then after each review', async () => {
    expect((await grid.get('/api/reports/reviews/due')).json().total).toBe(0);
    clock.advance(5 * 86_400_000);
    // sessions expire while the clock runs ahead
    [grid, townA, ent] = await Promise.all([t.login('gridA'), t.login('townA'), t.login('ent')]);
    const due = (await grid.get('/api/reports/reviews/due')).json();
    expect(due.items.map((d: { entityId: number }) => d.entityId).sort()).toEqual([factory, shop].sort());
    expect(due.items[0].overdueDays).toBe(0);
    const now = localDate(clock.now());
    const rec = await grid.post('/api/reports/reviews', {
      entityId: factory,
      method: 'onsite',
      reviewedOn: now,
      preventionOk: true,
      findings: '测温登记齐全',
    });
    expect(rec.statusCode).toBe(200);
    expect((await grid.get('/api/reports/reviews/due')).json().items.map((d: { entityId: number }) => d.entityId)).toEqual([
      shop,
    ]);
    clock.advance(2 * 86_400_000);
    [grid, townA, ent] = await Promise.all([t.login('gridA'), t.login('townA'), t.login('ent')]);
    const overdue = (await townA.get('/api/reports/reviews/due?overdueOnly=true')).json();
    expect(overdue.items).toEqual([expect.objectContaining({ entityId: shop, overdueDays: 2 })]);
    expect((await grid.get(`/api/reports/reviews?entityId=${factory}`)).json()[0]).toMatchObject({
      method: 'onsite',
      findings: '测温登记齐全',
      preventionOk: true,
    });
  });

  it('refuses reviews of entities outside the worker’s area, of non-resumed ones, and from enterprises', async () => {
    const now = localDate(clock.now());
    const body = { method: 'phone', reviewedOn: now, preventionOk: true, findings: '电话核实' };
    expect((await grid.post('/api/reports/reviews', { ...body, entityId: notResumed })).statusCode).toBe(404);
    expect((await ent.post('/api/reports/reviews', { ...body, entityId: factory })).statusCode).toBe(403);
    expect(
      (await grid.post('/api/reports/reviews', { ...body, entityId: factory, reviewedOn: addDays(now, 1) })).statusCode,
    ).toBe(400);
  });
});
