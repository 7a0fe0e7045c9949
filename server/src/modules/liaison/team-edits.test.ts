import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { systemContext } from '../../platform/context';

// Teams after their formation: renamed, members and leader changed, dissolved once they look after nothing.
let t: TestApp;
let town: Client;
let townB: Client;
const cadre: Record<string, number> = {};
let entity: number;

beforeAll(async () => {
  t = await createTestApp();
  entity = await t.services.registry.createEntity(systemContext(), {
    kind: 'enterprise',
    name: '甲镇恒达机械',
    regNo: 'T1',
    regionCode: t.regions.gridA,
    sector: 'secondary',
  } as EntityInput);
  town = await t.userWith('town-a', [{ role: 'town', regionCode: t.regions.townA }]);
  townB = await t.userWith('town-b', [{ role: 'town', regionCode: t.regions.townB }]);
  for (const name of ['liaison-a1', 'liaison-a2', 'liaison-a3', 'liaison-a4'])
    cadre[name] = (await t.userWith(name, [{ role: 'liaison', regionCode: t.regions.townA }])).userId!;
  cadre['liaison-b1'] = (await t.userWith('liaison-b1', [{ role: 'liaison', regionCode: t.regions.townB }])).userId!;
  cadre['grid-a'] = (await t.userWith('grid-a', [{ role: 'grid', regionCode: t.regions.gridA }])).userId!;
});
afterAll(() => t.close());

const form = async () => {
  const res = await town.post('/api/liaison/teams', {
    name: '帮扶一组',
    regionCode: t.regions.townA,
    memberIds: [cadre['liaison-a1'], cadre['liaison-a2'], cadre['liaison-a3']],
    leaderId: cadre['liaison-a1'],
  });
  expect(res.statusCode).toBe(200);
  return res.json() as { id: number; version: number };
};
const audits = async (action: string) => t.core.db.selectFrom('auditLog').selectAll().where('action', '=', action).execute();

describe('team edits', () => {
  it('renames a team and changes its leader and members, audited with before and after', async () => {
    const team = await form();
    expect(team.version).toBe(1);
    const res = await town.put(`/api/liaison/teams/${team.id}`, {
      name: '帮扶二组',
      memberIds: [cadre['liaison-a2'], cadre['liaison-a4']],
      leaderId: cadre['liaison-a4'],
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '帮扶二组', version: 2 });
    expect(res.json().members).toEqual([
      { userId: cadre['liaison-a4'], displayName: 'liaison-a4', leader: true },
      { userId: cadre['liaison-a2'], displayName: 'liaison-a2', leader: false },
    ]);
    const [a] = await audits('liaison.team_update');
    expect(JSON.parse(a!.detail!)).toMatchObject({
      before: { name: '帮扶一组', leaderId: cadre['liaison-a1'] },
      after: { name: '帮扶二组', leaderId: cadre['liaison-a4'] },
    });
    // an editor holding the old version is told the team changed, and nothing is overwritten
    const stale = await town.put(`/api/liaison/teams/${team.id}`, {
      name: '帮扶三组',
      memberIds: [cadre['liaison-a1']],
      leaderId: cadre['liaison-a1'],
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('刷新');
    expect((await town.get('/api/liaison/teams?q=帮扶二组')).json().items[0].members).toHaveLength(2);
  });

  it('keeps the checks of creation: leader among members, liaisons of the area only, teams of the area only', async () => {
    const team = await form();
    const put = (body: Record<string, unknown>, who = town) =>
      who.put(`/api/liaison/teams/${team.id}`, { name: '帮扶一组', version: 1, ...body });
    const leaderOut = await put({ memberIds: [cadre['liaison-a2']], leaderId: cadre['liaison-a1'] });
    expect(leaderOut.statusCode).toBe(400);
    expect(leaderOut.json().fields[0].field).toBe('leaderId');
    expect(
      (await put({ memberIds: [cadre['liaison-a1'], cadre['grid-a']], leaderId: cadre['liaison-a1'] })).json().fields[0],
    ).toMatchObject({ field: 'memberIds' });
    // a liaison of another town is not in this town's area
    expect((await put({ memberIds: [cadre['liaison-a1'], cadre['liaison-b1']], leaderId: cadre['liaison-a1'] })).statusCode).toBe(
      400,
    );
    expect((await put({ name: '', memberIds: [cadre['liaison-a1']], leaderId: cadre['liaison-a1'] })).statusCode).toBe(400);
    expect((await put({ memberIds: [cadre['liaison-b1']], leaderId: cadre['liaison-b1'] }, townB)).statusCode).toBe(404);
    const liaison = await t.login('liaison-a1');
    expect((await put({ memberIds: [cadre['liaison-a1']], leaderId: cadre['liaison-a1'] }, liaison)).statusCode).toBe(403);
    expect(
      (
        await town.put('/api/liaison/teams/999999', {
          name: 'x',
          memberIds: [cadre['liaison-a1']],
          leaderId: cadre['liaison-a1'],
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses to dissolve a team that still looks after entities, saying how many; dissolves it once reassigned', async () => {
    const team = await form();
    expect((await town.post('/api/liaison/assignments', { entityIds: [entity], teamId: team.id })).json()).toEqual({
      assigned: 1,
    });
    const busy = await town.post(`/api/liaison/teams/${team.id}/dissolve`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json().message).toContain('1 个市场主体');
    expect((await townB.post(`/api/liaison/teams/${team.id}/dissolve`)).statusCode).toBe(404);

    await town.post('/api/liaison/assignments', {
      entityIds: [entity],
      liaisonUserId: cadre['liaison-a1'],
      reason: '工作组解散',
    });
    expect((await town.post(`/api/liaison/teams/${team.id}/dissolve`)).json()).toEqual({ ok: true });
    expect((await town.get(`/api/liaison/teams?q=帮扶一组`)).json().items.map((x: { id: number }) => x.id)).not.toContain(
      team.id,
    );
    // the history still names the dissolved team; it can be neither assigned, edited nor dissolved again
    const hist = (await town.get(`/api/liaison/assignments?entityId=${entity}&current=false`)).json().items;
    expect(hist.map((h: { teamName: string | null }) => h.teamName)).toContain('帮扶一组');
    expect((await town.post('/api/liaison/assignments', { entityIds: [entity], teamId: team.id })).statusCode).toBe(400);
    expect(
      (
        await town.put(`/api/liaison/teams/${team.id}`, {
          name: 'x',
          memberIds: [cadre['liaison-a1']],
          leaderId: cadre['liaison-a1'],
          version: 2,
        })
      ).statusCode,
    ).toBe(404);
    expect((await town.post(`/api/liaison/teams/${team.id}/dissolve`)).statusCode).toBe(404);
    expect(await audits('liaison.team_dissolve')).toHaveLength(1);
  });

  it('lets only one of two concurrent edits of the same version through', async () => {
    const team = await form();
    const body = (name: string) => ({
      name,
      memberIds: [cadre['liaison-a1'], cadre['liaison-a2']],
      leaderId: cadre['liaison-a2'],
      version: team.version,
    });
    const res = await Promise.all([
      town.put(`/api/liaison/teams/${team.id}`, body('甲')),
      town.put(`/api/liaison/teams/${team.id}`, body('乙')),
    ]);
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});
