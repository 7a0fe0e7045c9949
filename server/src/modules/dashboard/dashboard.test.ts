import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { addDays, localDate, manualClock } from '../../platform/clock';
import { systemContext } from '../../platform/context';

let t: TestApp;
const clock = manualClock('2026-03-10T02:00:00Z');
const today = localDate(clock.now());
let commander: Client;
let townB: Client;
let grid: Client;

const entity = (regionCode: string, i: number, over: Partial<EntityInput> = {}): EntityInput =>
  ({
    kind: 'enterprise',
    name: `企业${i}`,
    regNo: `R${i}`,
    regionCode,
    sector: 'secondary',
    industry: '制造业',
    sizeClass: 'small',
    registeredStaff: 100,
    ...over,
  }) as EntityInput;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const ctx = systemContext();
  const s = t.services;
  // town A: 4 industrial enterprises, 3 resumed (one of them only today); town B: 2 shops, 1 resumed
  const a = await s.registry.createEntities(
    ctx,
    [0, 1, 2, 3].map((i) => entity(t.regions.gridA, i, i === 0 ? { aboveScale: true, fourAbove: true, sizeClass: 'large' } : {})),
  );
  const b = await s.registry.createEntities(
    ctx,
    [4, 5].map((i) =>
      entity(t.regions.gridB, i, {
        kind: 'individual',
        sector: 'tertiary',
        industry: '零售业',
        sizeClass: 'micro',
        registeredStaff: 5,
      }),
    ),
  );
  await s.registryStats.backfill(
    ctx,
    [...a, ...b],
    `${addDays(today, -20)}T00:00:00.000Z`,
    [{ at: `${addDays(today, -3)}T01:00:00.000Z`, ids: [a[0]!, a[1]!, b[0]!] }],
    'test',
  );
  await t.core.db.transaction().execute((trx) => s.registry.changeStatus(trx, ctx, a[2]!, 'resumed', 'test'));
  await s.users.createUser(ctx, {
    username: 'e0',
    displayName: 'e0',
    password: 'Passw0rd!',
    grants: [{ role: 'enterprise', entityId: a[0]! }],
  });
  const e0 = await t.login('e0');
  await e0.post('/api/reports/daily', {
    reportDate: today,
    staffOnDuty: 90,
    fromOtherProvinces: 10,
    underObservation: 0,
    abnormalTemperature: 0,
    suspectedCases: 0,
    capacityRate: 90,
    supplyDaysLeft: 5,
    problems: '',
  });
  commander = await t.userWith('cmd', [{ role: 'commander', regionCode: t.regions.district }]);
  townB = await t.userWith('tb', [{ role: 'town', regionCode: t.regions.townB }]);
  grid = await t.userWith('g', [{ role: 'grid', regionCode: t.regions.gridA }]);
});
afterAll(() => t.close());

describe('dashboard summary', () => {
  it('counts what was resumed as of the day asked for, by category and by town', async () => {
    const now = (await commander.get('/api/dashboard/summary')).json();
    expect(now.date).toBe(today);
    const row = (s: { categories: { key: string }[] }, k: string) => s.categories.find((r) => r.key === k);
    expect(row(now, 'overall')).toMatchObject({
      total: 6,
      resumed: 4,
      resumptionRate: 66.7,
      reporting: 1,
      capacityRate: 90,
      attendanceRate: 90,
      staffOnDuty: 90,
      fromOtherProvinces: 10,
    });
    expect(row(now, 'industrialAboveScale')).toMatchObject({ total: 1, resumed: 1, resumptionRate: 100 });
    expect(now.children.map((c: { key: string; resumed: number; total: number }) => [c.key, c.resumed, c.total])).toEqual([
      [t.regions.townA, 3, 4],
      [t.regions.townB, 1, 2],
    ]);
    const before = (await commander.get(`/api/dashboard/summary?date=${addDays(today, -1)}`)).json();
    expect(row(before, 'overall')).toMatchObject({ total: 6, resumed: 3, reporting: 0, capacityRate: null });
    const longAgo = (await commander.get(`/api/dashboard/summary?date=${addDays(today, -30)}`)).json();
    expect(row(longAgo, 'overall')).toMatchObject({ total: 0, resumptionRate: null });
  });

  it('points a day without reports at the last day with some in the same area', async () => {
    expect((await commander.get('/api/dashboard/summary')).json().latestReportDate).toBe(today);
    const tomorrow = (await commander.get(`/api/dashboard/summary?date=${addDays(today, 1)}`)).json();
    expect(tomorrow.latestReportDate).toBe(today);
    // only town A reported, and nothing was reported before today
    expect(
      (await commander.get(`/api/dashboard/summary?regionCode=${t.regions.townB}&date=${addDays(today, 1)}`)).json()
        .latestReportDate,
    ).toBeNull();
    expect((await commander.get(`/api/dashboard/summary?date=${addDays(today, -1)}`)).json().latestReportDate).toBeNull();
  });

  it('keeps each user to their own area and refuses users without the permission', async () => {
    const b = (await townB.get('/api/dashboard/summary')).json();
    expect(b.categories[0]).toMatchObject({ key: 'overall', total: 2, resumed: 1 });
    expect((await townB.get(`/api/dashboard/summary?regionCode=${t.regions.townA}`)).statusCode).toBe(404);
    expect((await grid.get('/api/dashboard/summary')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/dashboard/summary')).statusCode).toBe(401);
  });

  it('draws the trend day by day', async () => {
    const tr = (await commander.get('/api/dashboard/trend?days=5')).json();
    expect(tr.points.map((p: { date: string; resumed: number }) => [p.date, p.resumed])).toEqual([
      [addDays(today, -4), 0],
      [addDays(today, -3), 3],
      [addDays(today, -2), 3],
      [addDays(today, -1), 3],
      [today, 4],
    ]);
    expect(tr.points[4].capacityRate).toBe(90);
  });

  it('exports the day’s briefing as a workbook with the categories in the user’s language', async () => {
    const res = await commander.request({ method: 'GET', url: '/api/dashboard/briefing.xlsx', headers: { 'x-locale': 'en' } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('Item');
    const names = ws.getColumn(2).values;
    expect(names).toContain('Industry above designated size');
    const overall = ws.getRow(2);
    expect([overall.getCell(3).value, overall.getCell(4).value, overall.getCell(5).value]).toEqual([6, 4, 66.7]);
  });
});
