import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { idCard, mobile } from '../../../test/people-fixtures';
import { manualClock } from '../../platform/clock';
import { systemContext } from '../../platform/context';

const clock = manualClock('2026-03-01T02:00:00Z');
let t: TestApp;
let townA: Client;
let gridA: Client;
let gridB: Client;
let staffA: Client;
let resident: number;
let worker: number;
let gateA: number;
let gateB: number;
let roadA: number;

beforeAll(async () => {
  t = await createTestApp({ clock });
  townA = await t.userWith('town-a', [{ role: 'town', regionCode: t.regions.townA }]);
  gridA = await t.userWith('grid-a', [{ role: 'grid', regionCode: t.regions.gridA }]);
  gridB = await t.userWith('grid-b', [{ role: 'grid', regionCode: t.regions.gridB }]);
  staffA = await t.userWith('staff-a', [{ role: 'checkpoint', regionCode: t.regions.townA }]);
  resident = (
    await gridA.post('/api/people', {
      name: '王五',
      idType: 'id_card',
      idNumber: idCard('120119', '19800101', 11),
      phone: mobile(11),
      regionCode: t.regions.gridA,
      category: 'resident',
    })
  ).json().id;
  worker = (
    await gridA.post('/api/people', {
      name: '赵六',
      idType: 'id_card',
      idNumber: idCard('510402', '19920202', 12),
      regionCode: t.regions.gridA,
      category: 'outside_worker',
      employerEntityId: null,
    })
  ).json().id;
  gateA = (
    await townA.post('/api/checkpoints', { name: '幸福小区东门', kind: 'community_gate', regionCode: t.regions.communityA })
  ).json().id;
  roadA = (await townA.post('/api/checkpoints', { name: '国道卡口', kind: 'road', regionCode: t.regions.townA })).json().id;
  const admin = await t.login('admin');
  gateB = (
    await admin.post('/api/checkpoints', { name: '另一镇小区门', kind: 'community_gate', regionCode: t.regions.communityB })
  ).json().id;
});
afterAll(async () => t.close());

const verify = (c: Client, body: Record<string, unknown>) => c.post('/api/passes/verify', { direction: 'in', ...body });

describe('passes', () => {
  let passA: number;
  let token: string;

  it('issues a class A pass to a resident with the class’s validity and an unguessable token', async () => {
    const res = await gridA.post('/api/passes', { personId: resident, passClass: 'A' });
    expect(res.statusCode).toBe(200);
    passA = res.json().id;
    const p = (await gridA.get(`/api/passes/${passA}`)).json();
    expect(p).toMatchObject({
      passClass: 'A',
      status: 'active',
      validFrom: '2026-03-01',
      validUntil: '2026-03-30',
      scopeCode: t.regions.townA,
      expired: false,
    });
    expect(p.token).toMatch(/^[\w-]{24}$/);
    token = p.token;
    const qr = await gridA.get(`/api/passes/${passA}/qr.svg`);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
  });

  it('refuses a second live pass of the same class, the wrong class for the category, and an issuer the rule does not name', async () => {
    expect((await gridA.post('/api/passes', { personId: resident, passClass: 'A' })).json().code).toBe('passes.already_active');
    expect((await gridA.post('/api/passes', { personId: resident, passClass: 'B' })).json().code).toBe('passes.class_mismatch');
    // class B is issued by town officers only
    const byGrid = await gridA.post('/api/passes', { personId: worker, passClass: 'B' });
    expect(byGrid.statusCode).toBe(403);
    expect(byGrid.json().code).toBe('passes.not_issuer');
    expect((await townA.post('/api/passes', { personId: worker, passClass: 'B' })).statusCode).toBe(200);
    // and nobody issues to a person outside their area
    expect((await gridB.post('/api/passes', { personId: resident, passClass: 'C' })).statusCode).toBe(404);
  });

  it('verifies at a checkpoint: valid by token, by QR text and by ID number; every scan is logged', async () => {
    const ok = await verify(staffA, { checkpointId: gateA, token });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ valid: true, reason: null, pass: { passClass: 'A', personName: '王*' } });
    const byId = await verify(staffA, { checkpointId: roadA, idNumber: idCard('120119', '19800101', 11), direction: 'out' });
    expect(byId.json()).toMatchObject({ valid: true, pass: { id: passA } });
    const scans = (await staffA.get(`/api/checkpoints/${gateA}/scans`)).json().items;
    expect(scans[0]).toMatchObject({ direction: 'in', valid: true, passClass: 'A', personName: '王*' });
  });

  it('gives the reason when a pass does not open the checkpoint', async () => {
    expect((await verify(staffA, { checkpointId: gateA, token: 'no-such-token-000000' })).json()).toMatchObject({
      valid: false,
      reason: 'not_found',
      pass: null,
    });
    expect((await verify(staffA, { checkpointId: gateA, idNumber: idCard('120119', '19991231', 99) })).json()).toMatchObject({
      valid: false,
      reason: 'not_found',
    });
    // the A pass reaches town A only
    const admin = await t.login('admin');
    expect((await verify(admin, { checkpointId: gateB, token })).json()).toMatchObject({ valid: false, reason: 'out_of_scope' });
    // class C passes open community gates only
    const c = await gridA.post('/api/people', {
      name: '孙七',
      idType: 'id_card',
      idNumber: idCard('430102', '19750505', 13),
      regionCode: t.regions.gridA,
      category: 'scattered_outsider',
    });
    const passC = (await gridA.post('/api/passes', { personId: c.json().id, passClass: 'C' })).json().id;
    const tokenC = (await gridA.get(`/api/passes/${passC}`)).json().token;
    const roadInCommunity = (
      await townA.post('/api/checkpoints', { name: '社区路口', kind: 'road', regionCode: t.regions.communityA })
    ).json().id;
    expect((await verify(staffA, { checkpointId: roadInCommunity, token: tokenC })).json()).toMatchObject({
      valid: false,
      reason: 'checkpoint_kind',
    });
    expect((await verify(staffA, { checkpointId: roadA, token: tokenC })).json()).toMatchObject({
      valid: false,
      reason: 'out_of_scope',
    });
    expect((await verify(staffA, { checkpointId: gateA, token: tokenC })).json()).toMatchObject({ valid: true });
    // 7 days later the C pass has expired; renewing starts a new period
    clock.advance(8 * 86400_000);
    // sessions last hours, not days: sign in again on the new day
    [gridA, staffA, townA] = await Promise.all([t.login('grid-a'), t.login('staff-a'), t.login('town-a')]);
    expect((await verify(staffA, { checkpointId: gateA, token: tokenC })).json()).toMatchObject({
      valid: false,
      reason: 'expired',
    });
    expect((await gridA.get(`/api/passes?status=expired`)).json().items.map((p: { id: number }) => p.id)).toContain(passC);
    expect((await gridA.post(`/api/passes/${passC}/renew`)).statusCode).toBe(200);
    expect((await verify(staffA, { checkpointId: gateA, token: tokenC })).json()).toMatchObject({ valid: true });
    // a pass issued to start later is not yet valid
    const later = await gridA.post('/api/people', {
      name: '周八',
      idType: 'id_card',
      idNumber: idCard('120119', '19600606', 14),
      regionCode: t.regions.gridA,
      category: 'resident',
    });
    const passL = (await gridA.post('/api/passes', { personId: later.json().id, passClass: 'A', validFrom: '2026-04-01' })).json()
      .id;
    const tokenL = (await gridA.get(`/api/passes/${passL}`)).json().token;
    expect((await verify(staffA, { checkpointId: gateA, token: tokenL })).json()).toMatchObject({
      valid: false,
      reason: 'not_yet_valid',
    });
  });

  it('revokes with a reason: the pass stops working, cannot be revoked twice or renewed', async () => {
    expect((await gridA.post(`/api/passes/${passA}/revoke`, { reason: '' })).statusCode).toBe(400);
    // grid workers may not revoke; town officers may
    expect((await gridA.post(`/api/passes/${passA}/revoke`, { reason: '核酸阳性' })).statusCode).toBe(403);
    expect((await townA.post(`/api/passes/${passA}/revoke`, { reason: '核酸阳性' })).statusCode).toBe(200);
    expect((await verify(staffA, { checkpointId: gateA, token })).json()).toMatchObject({ valid: false, reason: 'revoked' });
    const again = await townA.post(`/api/passes/${passA}/revoke`, { reason: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('common.bad_transition');
    expect((await townA.post(`/api/passes/${passA}/renew`)).statusCode).toBe(409);
    // after revocation a new pass of the class may be issued
    expect((await gridA.post('/api/passes', { personId: resident, passClass: 'A' })).statusCode).toBe(200);
  });

  it('rotates the token: the old QR is unknown at once', async () => {
    const id = (await gridA.get(`/api/passes?personId=${resident}&status=active`)).json().items[0].id;
    const old = (await gridA.get(`/api/passes/${id}`)).json().token;
    expect((await gridA.post(`/api/passes/${id}/rotate`)).statusCode).toBe(200);
    const fresh = (await gridA.get(`/api/passes/${id}`)).json().token;
    expect(fresh).not.toBe(old);
    expect((await verify(staffA, { checkpointId: gateA, token: old })).json().reason).toBe('not_found');
    expect((await verify(staffA, { checkpointId: gateA, token: fresh })).json().valid).toBe(true);
  });

  it('checkpoint staff scan only at checkpoints in their area and see no people', async () => {
    expect((await verify(staffA, { checkpointId: gateB, token: 'whatever-000000000' })).statusCode).toBe(404);
    const mine = (await staffA.get('/api/checkpoints')).json().items.map((c: { id: number }) => c.id);
    expect(mine).toEqual(expect.arrayContaining([gateA, roadA]));
    expect(mine).not.toContain(gateB);
    expect((await staffA.get('/api/passes')).statusCode).toBe(403);
    expect((await staffA.get(`/api/people/${resident}`)).statusCode).toBe(403);
    expect((await verify(staffA, { checkpointId: gateA })).statusCode).toBe(400);
  });

  it('bulk-issues class B passes to an employer’s outside workers, skipping those who hold one', async () => {
    const employer = await t.services.registry.createEntity(systemContext(), {
      kind: 'enterprise',
      name: '蓟州机械厂',
      regNo: 'JZ-TEST-1',
      regionCode: t.regions.townA,
      sector: 'secondary',
    });
    expect(
      (
        await gridA.post('/api/people', {
          name: '无此单位',
          idType: 'id_card',
          idNumber: idCard('500101', '19950101', 199),
          regionCode: t.regions.gridA,
          category: 'outside_worker',
          employerEntityId: 999999,
        })
      ).json().fields[0].field,
    ).toBe('employerEntityId');
    for (let i = 0; i < 3; i++) {
      const r = await gridA.post('/api/people', {
        name: `工人${i}`,
        idType: 'id_card',
        idNumber: idCard('500101', '19950101', 200 + i),
        regionCode: t.regions.gridA,
        category: 'outside_worker',
        employerEntityId: employer,
      });
      expect(r.statusCode).toBe(200);
    }
    const first = await townA.post('/api/passes/bulk', { employerEntityId: employer, passClass: 'B' });
    expect(first.json()).toMatchObject({ issued: 3, skipped: 0 });
    const second = await townA.post('/api/passes/bulk', { employerEntityId: employer, passClass: 'B' });
    expect(second.json()).toMatchObject({ issued: 0, skipped: 3 });
    expect((await townA.get(`/api/passes?employerEntityId=${employer}`)).json().total).toBe(3);
  });

  it('puts teams on duty at a checkpoint', async () => {
    const s = await townA.post(`/api/checkpoints/${gateA}/shifts`, {
      date: '2026-03-09',
      startTime: '08:00',
      endTime: '20:00',
      team: '党员志愿队',
      members: ['甲', '乙'],
    });
    expect(s.statusCode).toBe(200);
    expect((await staffA.get(`/api/checkpoints/${gateA}/shifts?date=2026-03-09`)).json().items[0]).toMatchObject({
      team: '党员志愿队',
      members: ['甲', '乙'],
    });
    expect(
      (
        await staffA.post(`/api/checkpoints/${gateA}/shifts`, {
          date: '2026-03-09',
          startTime: '08:00',
          endTime: '20:00',
          team: 'x',
          members: ['y'],
        })
      ).statusCode,
    ).toBe(403);
  });
});
