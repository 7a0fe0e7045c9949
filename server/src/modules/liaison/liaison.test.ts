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
    ids.push(
      await t.services.registry.createEntity(systemContext(), {
        kind,
        name: `主体${i}`,
        regNo: `R${i}`,
        regionCode: t.regions.gridA,
        sector: 'tertiary',
      } as EntityInput),
    );
  }
  other = await t.services.registry.createEntity(systemContext(), {
    kind: 'enterprise',
    name: '乙镇企业',
    regNo: 'RB',
    regionCode: t.regions.gridB,
    sector: 'secondary',
  } as EntityInput);
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
    expect((await town.post('/api/liaison/assignments', { entityIds: [ids[0], ids[1]], liaisonUserId: a })).json()).toEqual({
      assigned: 2,
    });
    const cov = (await town.get(`/api/liaison/coverage?regionCode=${t.regions.townA}`)).json();
    expect(cov.rows.find((r: { kind: string }) => r.kind === 'enterprise')).toEqual({
      kind: 'enterprise',
      total: 2,
      covered: 2,
      rate: 100,
    });
    expect(cov.total).toMatchObject({ total: 4, covered: 2, rate: 50 });
    const uncovered = (await town.get(`/api/registry/entities?regionCode=${t.regions.townA}&coverage=noLiaison`)).json();
    expect(uncovered.items.map((e: { id: number }) => e.id).sort()).toEqual([ids[2], ids[3]].sort());

    // a team of three with one leader takes the rest of the town (bulk by region)
    const users = (await (await t.login('admin')).get('/api/users?role=liaison')).json().items as {
      id: number;
      username: string;
    }[];
    const team = await town.post('/api/liaison/teams', {
      name: '帮扶工作组一组',
      regionCode: t.regions.townA,
      memberIds: users.map((u) => u.id),
      leaderId: a,
    });
    expect(team.statusCode).toBe(200);
    expect(team.json().members.filter((m: { leader: boolean }) => m.leader)).toHaveLength(1);
    expect((await town.post('/api/liaison/assignments', { regionCode: t.regions.townA, teamId: team.json().id })).json()).toEqual(
      { assigned: 2 },
    );
    expect((await town.get(`/api/liaison/coverage?regionCode=${t.regions.townA}`)).json().total.rate).toBe(100);

    // reassignment ends the old one with its reason
    await town.post('/api/liaison/assignments', { entityIds: [ids[0]], teamId: team.json().id, reason: '工作调整' });
    const hist = (await town.get(`/api/liaison/assignments?entityId=${ids[0]}&current=false`)).json().items;
    expect(
      hist.map((h: { teamName: string | null; liaisonName: string | null; endedReason: string | null }) => [
        h.teamName,
        h.liaisonName,
        h.endedReason,
      ]),
    ).toEqual([
      ['帮扶工作组一组', null, null],
      [null, 'liaison-a', '工作调整'],
    ]);
  });

  it('lists teams with members and load, cadres of the area, and filters assignments by team and name', async () => {
    const teams = (await town.get('/api/liaison/teams?q=一组')).json();
    expect(teams.total).toBe(1);
    expect(teams.items[0]).toMatchObject({ name: '帮扶工作组一组', regionCode: t.regions.townA, assigned: 3 });
    expect(teams.items[0].members[0]).toMatchObject({ displayName: 'liaison-a', leader: true });
    expect((await town.get('/api/liaison/teams?q=liaison-a2')).json().total).toBe(1);
    expect((await townB.get('/api/liaison/teams')).json().total).toBe(0);
    const cadres = (await town.get('/api/liaison/cadres')).json();
    expect(cadres.map((c: { displayName: string }) => c.displayName).sort()).toEqual(['liaison-a', 'liaison-a2', 'liaison-a3']);
    expect(cadres.find((c: { displayName: string }) => c.displayName === 'liaison-a').assigned).toBe(1);
    expect((await townB.get('/api/liaison/cadres')).json()).toEqual([]);
    expect((await liaisonA.get('/api/liaison/cadres')).statusCode).toBe(403);
    const byTeam = (await town.get(`/api/liaison/assignments?teamId=${teams.items[0].id}&q=主体0`)).json();
    expect(byTeam.items.map((a: { entityId: number }) => a.entityId)).toEqual([ids[0]]);
    // a liaison sees what they and their teams look after
    expect((await liaisonA.get('/api/liaison/assignments')).json().total).toBe(4);
  });

  it('matches a pasted list by credit code or name and assigns it in bulk, keeping the history', async () => {
    const body = '91120119000000777';
    const { usccCheckChar } = await import('@fugong/contract');
    const uscc = body + usccCheckChar(body);
    const coded = await t.services.registry.createEntity(systemContext(), {
      kind: 'enterprise',
      name: '甲镇恒达机械',
      uscc,
      regionCode: t.regions.gridA,
      sector: 'secondary',
    } as EntityInput);
    const res = (
      await town.post('/api/liaison/assignments/resolve', {
        lines: [uscc, '主体3', '  ', '主体', '不存在的企业', '乙镇企业', '主体3'],
      })
    ).json();
    expect(res.matched.map((m: { entityId: number }) => m.entityId)).toEqual([coded, ids[3]]);
    expect(res.unmatched).toEqual([
      { line: '主体', reason: 'ambiguous' },
      { line: '不存在的企业', reason: 'none' },
      { line: '乙镇企业', reason: 'none' },
    ]);
    const a3 = (await town.get('/api/liaison/cadres?q=liaison-a3')).json()[0].id;
    expect(
      (
        await town.post('/api/liaison/assignments', {
          entityIds: res.matched.map((m: { entityId: number }) => m.entityId),
          liaisonUserId: a3,
          reason: '按名单调整',
        })
      ).json(),
    ).toEqual({ assigned: 2 });
    const hist = (await town.get(`/api/liaison/assignments?entityId=${ids[3]}&current=false`)).json().items;
    expect(
      hist.map((h: { liaisonName: string | null; teamName: string | null; endedAt: string | null }) => [
        h.liaisonName,
        h.teamName,
        !!h.endedAt,
      ]),
    ).toEqual([
      ['liaison-a3', null, false],
      [null, '帮扶工作组一组', true],
    ]);
    expect((await liaisonA.post('/api/liaison/assignments/resolve', { lines: ['主体3'] })).statusCode).toBe(403);
  });

  it('refuses entities of another town, non-liaisons and a missing assignee', async () => {
    expect((await town.post('/api/liaison/assignments', { entityIds: [other], liaisonUserId: liaisonA.userId })).statusCode).toBe(
      400,
    );
    expect(
      (await townB.post('/api/liaison/assignments', { entityIds: [ids[0]], liaisonUserId: liaisonA.userId })).statusCode,
    ).toBe(400);
    expect((await town.post('/api/liaison/assignments', { entityIds: [ids[0]], liaisonUserId: townB.userId })).statusCode).toBe(
      400,
    );
    expect((await town.post('/api/liaison/assignments', { entityIds: [ids[0]] })).statusCode).toBe(400);
    expect(
      (await liaisonA.post('/api/liaison/assignments', { entityIds: [ids[0]], liaisonUserId: liaisonA.userId })).statusCode,
    ).toBe(403);
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
    expect(tk).toMatchObject({
      source: 'liaison_visit',
      status: 'assigned',
      department: 'industry',
      sourceRef: `visit:${v.id}#0`,
    });
    const list = (await liaisonA.get('/api/liaison/visits')).json();
    expect(list.items[0]).toMatchObject({ id: v.id, ticketIds: v.ticketIds });
    expect(
      (await liaisonA.post('/api/liaison/visits', { entityId: other, visitDate: '2026-11-23', mode: 'phone' })).statusCode,
    ).toBe(400);
    const tl = (await town.get(`/api/registry/entities/${ids[0]}/timeline`)).json();
    expect(JSON.stringify(tl)).toContain('liaison-a 走访（上门走访）');
  });
});
