import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { systemContext } from '../../platform/context';

let t: TestApp;
let town: Client;
let townB: Client;
let liaisonA: Client;
const ids: number[] = [];
let other: number;

beforeAll(async () => {
  t = await createTestApp();
  for (const [i, kind] of (['enterprise', 'enterprise', 'individual', 'hotel'] as const).entries()) {
    ids.push(await t.services.registry.createEntity(systemContext(), { kind, name: `主体${i}`, regNo: `R${i}`, regionCode: t.regions.gridA, sector: 'tertiary' } as EntityInput));
  }
  other = await t.services.registry.createEntity(systemContext(), { kind: 'enterprise', name: '乙镇企业', regNo: 'RB', regionCode: t.regions.gridB, sector: 'secondary' } as EntityInput);
  town = await t.userWith('town-a', [{ role: 'town', regionCode: t.regions.townA }]);
  townB = await t.userWith('town-b', [{ role: 'town', regionCode: t.regions.townB }]);
  liaisonA = await t.userWith('liaison-a', [{ role: 'liaison', regionCode: t.regions.townA }]);
  await t.userWith('liaison-a2', [{ role: 'liaison', regionCode: t.regions.townA }]);
  await t.userWith('liaison-a3', [{ role: 'liaison', regionCode: t.regions.townA }]);
  await t.userWith('industry', [{ role: 'department', regionCode: t.regions.district, department: 'industry' }]);
});
afterAll(() => t.close());

describe('liaison assignment and coverage', () => {
  it('assigns a liaison to a list, shows coverage per kind and the uncovered list, and keeps history on reassignment', async () => {
    const a = liaisonA.userId!;
    expect((await town.post('/api/liaison/assignments', { entityIds: [ids[0], ids[1]], liaisonUserId: a })).json()).toEqual({ assigned: 2 });
    const cov = (await town.get(`/api/liaison/coverage?regionCode=${t.regions.townA}`)).json();
    expect(cov.rows.find((r: { kind: string }) => r.kind === 'enterprise')).toEqual({ kind: 'enterprise', total: 2, covered: 2, rate: 100 });
    expect(cov.total).toMatchObject({ total: 4, covered: 2, rate: 50 });
    const uncovered = (await town.get(`/api/registry/entities?regionCode=${t.regions.townA}&coverage=noLiaison`)).json();
    expect(uncovered.items.map((e: { id: number }) => e.id).sort()).toEqual([ids[2], ids[3]].sort());

    // a team of three with one leader takes the rest of the town (bulk by region)
    const users = (await (await t.login('admin')).get('/api/users?role=liaison')).json().items as { id: number; username: string }[];
    const team = await town.post('/api/liaison/teams', { name: '帮扶工作组一组', regionCode: t.regions.townA, memberIds: users.map((u) => u.id), leaderId: a });
    expect(team.statusCode).toBe(200);
    expect(team.json().members.filter((m: { leader: boolean }) => m.leader)).toHaveLength(1);
    expect((await town.post('/api/liaison/assignments', { regionCode: t.regions.townA, teamId: team.json().id })).json()).toEqual({ assigned: 2 });
    expect((await town.get(`/api/liaison/coverage?regionCode=${t.regions.townA}`)).json().total.rate).toBe(100);

    // reassignment ends the old one with its reason
    await town.post('/api/liaison/assignments', { entityIds: [ids[0]], teamId: team.json().id, reason: '工作调整' });
    const hist = (await town.get(`/api/liaison/assignments?entityId=${ids[0]}&current=false`)).json().items;
    expect(hist.map((h: { teamName: string | null; liaisonName: string | null; endedReason: string | null }) => [h.teamName, h.liaisonName, h.endedReason])).toEqual([
      ['帮扶工作组一组', null, null],
      [null, 'liaison-a', '工作调整'],
    ]);
  });

  it('refuses entities of another town, non-liaisons and a missing assignee', async () => {
    expect((await town.post('/api/liaison/assignments', { entityIds: [other], liaisonUserId: liaisonA.userId })).statusCode).toBe(400);
    expect((await townB.post('/api/liaison/assignments', { entityIds: [ids[0]], liaisonUserId: liaisonA.userId })).statusCode).toBe(400);
    expect((await town.post('/api/liaison/assignments', { entityIds: [ids[0]], liaisonUserId: townB.userId })).statusCode).toBe(400);
    expect((await town.post('/api/liaison/assignments', { entityIds: [ids[0]] })).statusCode).toBe(400);
    expect((await liaisonA.post('/api/liaison/assignments', { entityIds: [ids[0]], liaisonUserId: liaisonA.userId })).statusCode).toBe(403);
  });
});

describe('visits', () => {
  it('logs a visit whose problem becomes a ticket assigned to the category’s department', async () => {
    const cats = (await liaisonA.get('/api/tickets/categories')).json();
    const supplies = cats.find((c: { code: string }) => c.code === 'supplies').id;
    const res = await liaisonA.post('/api/liaison/visits', {
      entityId: ids[0],
      visitDate: '2026-11-23',
      mode: 'onsite',
      policies: ['暖企7条', '社保减免'],
      notes: '企业已复工，员工 40 人',
      problems: [{ categoryId: supplies, title: '缺口罩 1000 只', description: '库存仅够两天' }],
    });
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ problemCount: 1, mode: 'onsite', policies: ['暖企7条', '社保减免'] });
    expect(v.ticketIds).toHaveLength(1);
    const tk = (await (await t.login('industry')).get(`/api/tickets/${v.ticketIds[0]}`)).json();
    expect(tk).toMatchObject({ source: 'liaison_visit', status: 'assigned', department: 'industry', sourceRef: `visit:${v.id}#0` });
    const list = (await liaisonA.get('/api/liaison/visits')).json();
    expect(list.items[0]).toMatchObject({ id: v.id, ticketIds: v.ticketIds });
    expect((await liaisonA.post('/api/liaison/visits', { entityId: other, visitDate: '2026-11-23', mode: 'phone' })).statusCode).toBe(400);
    const tl = (await town.get(`/api/registry/entities/${ids[0]}/timeline`)).json();
    expect(JSON.stringify(tl)).toContain('liaison-a 走访（上门走访）');
  });
});
