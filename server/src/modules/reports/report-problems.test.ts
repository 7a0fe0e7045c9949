import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { manualClock, localDate, addDays } from '../../platform/clock';
import { systemContext } from '../../platform/context';

// Tuesday 2026-03-10 10:00 local
const clock = manualClock('2026-03-10T02:00:00Z');
const today = localDate(clock.now());
let t: TestApp;
let townA: Client;
let townB: Client;
let commander: Client;
let entA: Client;
let entB: Client;
let supplies: number;
let labour: number;

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
    registeredStaff: 50,
  }) as EntityInput;

const report = (reportDate: string, problems: string) => ({
  reportDate,
  staffOnDuty: 40,
  fromOtherProvinces: 2,
  underObservation: 0,
  abnormalTemperature: 0,
  suspectedCases: 0,
  capacityRate: 70,
  supplyDaysLeft: 5,
  problems,
});

async function submit(c: Client, date: string, problems: string): Promise<number> {
  const r = await c.post('/api/reports/daily', report(date, problems));
  expect(r.statusCode).toBe(200);
  return r.json().id;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const ctx = systemContext();
  const s = t.services;
  const a = await s.registry.createEntity(ctx, base(t.regions.gridA, '红星纺织'));
  const b = await s.registry.createEntity(ctx, base(t.regions.gridB, '蓝天食品'));
  await t.core.db.transaction().execute(async (trx) => {
    await s.registry.changeStatus(trx, ctx, a, 'resumed', 'test');
    await s.registry.changeStatus(trx, ctx, b, 'resumed', 'test');
  });
  entA = await t.userWith('ent-a', [{ role: 'enterprise', entityId: a }]);
  entB = await t.userWith('ent-b', [{ role: 'enterprise', entityId: b }]);
  townA = await t.userWith('town-a', [{ role: 'town', regionCode: t.regions.townA }]);
  townB = await t.userWith('town-b', [{ role: 'town', regionCode: t.regions.townB }]);
  commander = await t.userWith('cmd', [{ role: 'commander', regionCode: t.regions.district }]);
  const cats = (await townA.get('/api/tickets/categories')).json() as { id: number; code: string }[];
  supplies = cats.find((c) => c.code === 'supplies')!.id;
  labour = cats.find((c) => c.code === 'labour')!.id;
});
afterAll(() => t.close());

describe('daily report problems → tickets (转为问题单)', () => {
  let reportA: number;

  it('lists reports with problems in the caller’s area only, newest first, with the filter converted / not converted', async () => {
    reportA = await submit(entA, today, '口罩库存仅够两天\n另需体温枪 3 把');
    await submit(entA, addDays(today, -1), '');
    await submit(entB, today, '招工困难，缺操作工 20 人');
    const list = (await townA.get('/api/reports/problems')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      reportId: reportA,
      entityName: '红星纺织',
      reportDate: today,
      ticket: null,
      canConvert: true,
    });
    expect((await townA.get('/api/reports/problems?converted=true')).json().total).toBe(0);
    expect((await townA.get('/api/reports/problems?converted=false')).json().total).toBe(1);
    // the district sees both towns
    expect((await commander.get('/api/reports/problems')).json().total).toBe(2);
    // an enterprise has no staff list
    expect((await entA.get('/api/reports/problems')).statusCode).toBe(403);
  });

  it('refuses conversion outside the caller’s area (404), by an enterprise (403), and of a report without problems (409)', async () => {
    expect((await townB.post(`/api/reports/daily/${reportA}/ticket`, { categoryId: supplies })).statusCode).toBe(404);
    expect((await entA.post(`/api/reports/daily/${reportA}/ticket`, { categoryId: supplies })).statusCode).toBe(403);
    const empty = (await entA.get('/api/reports/mine')).json().items.find((r: { problems: string }) => r.problems === '').id;
    const r = await townA.post(`/api/reports/daily/${empty}/ticket`, { categoryId: supplies });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('reports.no_problems');
    const bad = await townA.post(`/api/reports/daily/${reportA}/ticket`, { categoryId: 999999 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('categoryId');
    expect((await townA.post('/api/reports/daily/999999/ticket', { categoryId: supplies })).statusCode).toBe(404);
  });

  it('parallel conversions of one report file exactly one ticket, and every caller gets its number', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => townA.post(`/api/reports/daily/${reportA}/ticket`, { categoryId: supplies })),
    );
    for (const r of results) expect(r.statusCode).toBe(200);
    const bodies = results.map((r) => r.json());
    expect(new Set(bodies.map((b) => b.ticketId)).size).toBe(1);
    expect(bodies.filter((b) => b.created)).toHaveLength(1);
    const tickets = await t.core.db
      .selectFrom('ticket')
      .select(['id', 'no'])
      .where('sourceRef', '=', `report:${reportA}`)
      .execute();
    expect(tickets).toHaveLength(1);
    expect(bodies[0].ticketNo).toBe(tickets[0]!.no);
    // later clicks too
    const again = (await commander.post(`/api/reports/daily/${reportA}/ticket`, { categoryId: labour })).json();
    expect(again).toMatchObject({ ticketId: bodies[0].ticketId, created: false });
  });

  it('the database itself refuses a second link and a second ticket for the same report', async () => {
    const link = await t.core.db
      .selectFrom('reportProblemTicket')
      .selectAll()
      .where('reportId', '=', reportA)
      .executeTakeFirstOrThrow();
    await expect(
      t.core.db
        .insertInto('reportProblemTicket')
        .values({ ...link, ticketNo: 'X' })
        .execute(),
    ).rejects.toThrow();
    const ticket = await t.core.db.selectFrom('ticket').selectAll().where('id', '=', link.ticketId).executeTakeFirstOrThrow();
    const { id: _id, ...copy } = ticket;
    await expect(
      t.core.db
        .insertInto('ticket')
        .values({ ...copy, no: 'WT-copy' })
        .execute(),
    ).rejects.toThrow();
  });

  it('the ticket names its source report and entity, and is assigned to the category’s department; the report shows the ticket number', async () => {
    const row = (await townA.get('/api/reports/problems?converted=true')).json().items[0];
    expect(row).toMatchObject({ reportId: reportA, canConvert: false, ticket: { convertedBy: 'town-a' } });
    expect(row.ticket.ticketNo).toMatch(/^WT\d{14}$/);
    const tk = (await townA.get(`/api/tickets/${row.ticket.ticketId}`)).json();
    expect(tk).toMatchObject({
      source: 'daily_report',
      sourceRef: `report:${reportA}`,
      entityName: '红星纺织',
      title: '口罩库存仅够两天',
      status: 'assigned',
      department: 'industry',
    });
    expect(tk.description).toContain('体温枪');
    // the enterprise sees the ticket filed for it
    expect((await entA.get(`/api/tickets/${tk.id}`)).statusCode).toBe(200);
    expect((await townA.get(`/api/reports/problems?reportId=${reportA}`)).json().items).toHaveLength(1);
    const xlsx = await townA.get('/api/reports/problems/export?converted=true');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(5).value).toBe(row.ticket.ticketNo);
    const audit = await t.core.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'reports.convert_problem')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('a district commander converts a report of any town in the district, with its own title and without 交办', async () => {
    const id = (await commander.get('/api/reports/problems?converted=false')).json().items[0].reportId;
    const r = await commander.post(`/api/reports/daily/${id}/ticket`, {
      categoryId: labour,
      title: '缺操作工 20 人',
      assignNow: false,
    });
    expect(r.json()).toMatchObject({ created: true });
    const tk = (await commander.get(`/api/tickets/${r.json().ticketId}`)).json();
    expect(tk).toMatchObject({ title: '缺操作工 20 人', status: 'collected', department: null, entityName: '蓝天食品' });
    expect((await townB.get('/api/reports/problems?converted=true')).json().items[0].ticket.ticketId).toBe(tk.id);
  });
});
