import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { postFile, sampleFiles } from '../../../test/multipart';
import { readXlsx } from '../../../test/xlsx';
import { systemContext } from '../../platform/context';

// The visit log: filters, the detail with its tickets and photos, the .xlsx of the same filters.
let t: TestApp;
let town: Client;
let townB: Client;
let liaisonA: Client;
let liaisonA2: Client;
let liaisonB: Client;
let entityA: number;
let entityA2: number;
let entityB: number;
let visitWithProblem: number;
let ticketId: number;

beforeAll(async () => {
  t = await createTestApp();
  const make = (name: string, regNo: string, regionCode: string) =>
    t.services.registry.createEntity(systemContext(), {
      kind: 'enterprise',
      name,
      regNo,
      regionCode,
      sector: 'secondary',
    } as EntityInput);
  entityA = await make('甲镇恒达机械', 'V1', t.regions.gridA);
  entityA2 = await make('甲镇顺风物流', 'V2', t.regions.gridA);
  entityB = await make('乙镇纺织厂', 'V3', t.regions.gridB);
  town = await t.userWith('town-a', [{ role: 'town', regionCode: t.regions.townA }]);
  townB = await t.userWith('town-b', [{ role: 'town', regionCode: t.regions.townB }]);
  liaisonA = await t.userWith('liaison-zhang', [{ role: 'liaison', regionCode: t.regions.townA }]);
  liaisonA2 = await t.userWith('liaison-li', [{ role: 'liaison', regionCode: t.regions.townA }]);
  liaisonB = await t.userWith('liaison-wang', [{ role: 'liaison', regionCode: t.regions.townB }]);
  const cats = (await liaisonA.get('/api/tickets/categories')).json() as { id: number; code: string }[];
  const supplies = cats.find((c) => c.code === 'supplies')!.id;
  const log = async (c: Client, body: Record<string, unknown>) => {
    const res = await c.post('/api/liaison/visits', { policies: [], problems: [], ...body });
    expect(res.statusCode).toBe(200);
    return res.json() as { id: number; ticketIds: number[] };
  };
  const v = await log(liaisonA, {
    entityId: entityA,
    visitDate: '2026-11-20',
    mode: 'onsite',
    policies: ['暖企7条'],
    problems: [{ categoryId: supplies, title: '缺口罩 1000 只', description: '库存仅够两天' }],
  });
  visitWithProblem = v.id;
  ticketId = v.ticketIds[0]!;
  expect((await postFile(liaisonA, `/api/liaison/visits/${v.id}/attachments`, '现场.jpg', sampleFiles.jpg)).statusCode).toBe(200);
  await log(liaisonA, { entityId: entityA2, visitDate: '2026-11-22', mode: 'phone' });
  await log(liaisonA2, { entityId: entityA2, visitDate: '2026-11-24', mode: 'online', notes: '视频连线' });
  await log(liaisonB, { entityId: entityB, visitDate: '2026-11-21', mode: 'onsite' });
});
afterAll(() => t.close());

describe('visit log', () => {
  it('lists the area’s visits newest first and filters by dates, mode, liaison, entity name and region', async () => {
    const all = (await town.get('/api/liaison/visits')).json();
    expect(all.total).toBe(3);
    expect(all.items.map((v: { visitDate: string }) => v.visitDate)).toEqual(['2026-11-24', '2026-11-22', '2026-11-20']);
    expect(
      (await town.get('/api/liaison/visits?from=2026-11-21&to=2026-11-23'))
        .json()
        .items.map((v: { visitDate: string }) => v.visitDate),
    ).toEqual(['2026-11-22']);
    expect((await town.get('/api/liaison/visits?mode=onsite')).json().items.map((v: { id: number }) => v.id)).toEqual([
      visitWithProblem,
    ]);
    expect((await town.get(`/api/liaison/visits?liaison=${'-li'}`)).json().total).toBe(1);
    expect((await town.get(`/api/liaison/visits?q=${encodeURIComponent('顺风')}`)).json().total).toBe(2);
    expect((await town.get(`/api/liaison/visits?regionCode=${t.regions.gridA}&pageSize=2&page=2`)).json()).toMatchObject({
      total: 3,
      page: 2,
      items: [{ id: visitWithProblem }],
    });
    // another town's officer sees only theirs; a liaison only their own
    expect((await townB.get('/api/liaison/visits')).json().total).toBe(1);
    expect((await liaisonA2.get('/api/liaison/visits')).json().total).toBe(1);
    // bad filters answer with the field
    const bad = await town.get('/api/liaison/visits?from=2026-11-24&to=2026-11-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('to');
    expect((await town.get('/api/liaison/visits?mode=fax')).statusCode).toBe(400);
  });

  it('opens a visit with its problems as tickets, and its photos', async () => {
    const d = await town.get(`/api/liaison/visits/${visitWithProblem}`);
    expect(d.statusCode).toBe(200);
    expect(d.json()).toMatchObject({
      entityId: entityA,
      entityName: '甲镇恒达机械',
      liaisonName: 'liaison-zhang',
      mode: 'onsite',
      policies: ['暖企7条'],
      ticketIds: [ticketId],
      problems: [{ ticketId, title: '缺口罩 1000 只', status: 'assigned' }],
    });
    expect(d.json().regionName).toBeTruthy();
    expect(
      (await town.get(`/api/liaison/visits/${visitWithProblem}/photos`)).json().map((f: { fileName: string }) => f.fileName),
    ).toEqual(['现场.jpg']);
    expect((await liaisonA.get(`/api/liaison/visits/${visitWithProblem}`)).statusCode).toBe(200);
    expect((await townB.get(`/api/liaison/visits/${visitWithProblem}`)).statusCode).toBe(404);
    expect((await liaisonA2.get(`/api/liaison/visits/${visitWithProblem}`)).statusCode).toBe(404);
    expect((await town.get('/api/liaison/visits/999999')).statusCode).toBe(404);
  });

  it('exports the filtered visits of the caller’s area as .xlsx and audits it', async () => {
    const res = await town.get('/api/liaison/visits/export?from=2026-11-20&to=2026-11-22');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(['走访日期', '市场主体', '联络员', '方式', '宣讲政策', '发现问题（件）', '转办工单', '备注']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['2026-11-22', '甲镇顺风物流', '电话'],
      ['2026-11-20', '甲镇恒达机械', '上门走访'],
    ]);
    expect(rows[2]![6]).toBe(`#${ticketId} 缺口罩 1000 只`);
    // the area holds: town B's export has its one visit
    expect((await readXlsx((await townB.get('/api/liaison/visits/export')).rawPayload)).length).toBe(2);
    const audit = await t.core.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'liaison.visits_export')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.detail as string)).toMatchObject({ rows: 2, filters: { from: '2026-11-20', to: '2026-11-22' } });
    expect(
      (await (await t.userWith('nobody', [{ role: 'grid', regionCode: t.regions.gridA }])).get('/api/liaison/visits/export'))
        .statusCode,
    ).toBe(403);
  });
});
