import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { EntityInput, GrantInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { manualClock } from '../../platform/clock';
import { systemContext } from '../../platform/context';

// Monday 2026-11-23 09:00 local (UTC+8)
const clock = manualClock('2026-11-23T01:00:00.000Z');
const HOUR = 3600_000;
let t: TestApp;
let entityA: number;
let entityB: number;
const users: Record<string, GrantInput[]> = {};

const sessions = new Map<string, { client: Client; at: number }>();
/** Signed in as `name`; signs in again when the moved clock would have expired the session (12 h). */
async function as(name: string): Promise<Client> {
  const s = sessions.get(name);
  if (s && Math.abs(clock.now().getTime() - s.at) < 10 * HOUR) return s.client;
  const client = await t.login(name);
  sessions.set(name, { client, at: clock.now().getTime() });
  return client;
}

async function user(name: string, grants: GrantInput[]) {
  users[name] = grants;
  await t.userWith(name, grants);
}

function entity(name: string, regionCode: string): EntityInput {
  return { kind: 'enterprise', name, regNo: `REG-${name}`, regionCode, sector: 'secondary' } as EntityInput;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  entityA = await t.services.registry.createEntity(systemContext(), entity('甲企业', t.regions.gridA));
  entityB = await t.services.registry.createEntity(systemContext(), entity('乙企业', t.regions.gridB));
  await user('town-a', [{ role: 'town', regionCode: t.regions.townA }]);
  await user('town-b', [{ role: 'town', regionCode: t.regions.townB }]);
  await user('industry', [{ role: 'department', regionCode: t.regions.district, department: 'industry' }]);
  await user('finance', [{ role: 'department', regionCode: t.regions.district, department: 'finance' }]);
  await user('commander', [{ role: 'commander', regionCode: t.regions.district }]);
  await user('boss-a', [{ role: 'enterprise', entityId: entityA }]);
  await user('liaison-a', [{ role: 'liaison', regionCode: t.regions.townA }]);
});
afterAll(() => t.close());

async function categoryId(code: string): Promise<number> {
  const res = await (await as('town-a')).get('/api/tickets/categories');
  return res.json().find((c: { code: string }) => c.code === code).id;
}

async function notificationsOf(name: string): Promise<string[]> {
  const res = await (await as(name)).get('/api/notifications?limit=100');
  return res.json().items.map((n: { title: string }) => n.title);
}

describe('the problem loop', () => {
  it('runs collected → assigned → handling → feedback → reopened → closed with every step on the timeline', async () => {
    const boss = await as('boss-a');
    const supplies = await categoryId('supplies');
    const created = await boss.post('/api/tickets', {
      categoryId: supplies,
      title: '口罩缺口 5000 只',
      description: '复工后每日需口罩 500 只，库存仅够两天',
      entityId: entityA,
    });
    expect(created.statusCode).toBe(200);
    const tk = created.json();
    expect(tk).toMatchObject({ status: 'collected', source: 'self_report', entityName: '甲企业', department: null });
    expect(tk.no).toMatch(/^WT20261123\d{6}$/);
    // supplies: 8 working hours from Monday 09:00 → Monday 17:00 local
    expect(tk.deadline).toBe('2026-11-23T09:00:00.000Z');

    const town = await as('town-a');
    const detail0 = (await town.get(`/api/tickets/${tk.id}`)).json();
    expect(detail0.abilities).toMatchObject({ assign: true, accept: false, handle: false, confirm: false, merge: true });
    const assigned = await town.post(`/api/tickets/${tk.id}/assign`, { department: 'industry', note: '请工信局协调' });
    expect(assigned.json()).toMatchObject({ status: 'assigned', department: 'industry' });
    expect(await notificationsOf('industry')).toContain(`新交办问题 ${tk.no}：口罩缺口 5000 只`);

    // another department, another town: as if it did not exist
    expect((await (await as('finance')).get(`/api/tickets/${tk.id}`)).statusCode).toBe(404);
    expect((await (await as('town-b')).get(`/api/tickets/${tk.id}`)).statusCode).toBe(404);
    expect((await (await as('finance')).post(`/api/tickets/${tk.id}/accept`, {})).statusCode).toBe(404);
    // the enterprise cannot do the department's part
    expect((await boss.post(`/api/tickets/${tk.id}/accept`, {})).statusCode).toBe(403);

    const industry = await as('industry');
    expect((await industry.post(`/api/tickets/${tk.id}/handle`, { result: 'x' })).statusCode).toBe(409);
    expect((await industry.post(`/api/tickets/${tk.id}/accept`, {})).json().status).toBe('handling');
    clock.advance(2 * HOUR);
    const handled = await industry.post(`/api/tickets/${tk.id}/handle`, { result: '已从区储备调拨口罩 5000 只' });
    expect(handled.json()).toMatchObject({ status: 'feedback', result: '已从区储备调拨口罩 5000 只' });
    expect(await notificationsOf('boss-a')).toContain(`问题 ${tk.no} 已办理，请确认：口罩缺口 5000 只`);

    const reopened = await boss.post(`/api/tickets/${tk.id}/reopen`, { note: '只到了 3000 只' });
    expect(reopened.json()).toMatchObject({ status: 'handling', reopenCount: 1, result: null });
    clock.advance(HOUR);
    await industry.post(`/api/tickets/${tk.id}/handle`, { result: '余下 2000 只已送达' });
    expect((await boss.post(`/api/tickets/${tk.id}/confirm`, { satisfaction: 6 })).statusCode).toBe(400);
    const closed = await boss.post(`/api/tickets/${tk.id}/confirm`, { satisfaction: 4, note: '已收到' });
    expect(closed.json()).toMatchObject({ status: 'closed', satisfaction: 4 });
    expect((await boss.post(`/api/tickets/${tk.id}/reopen`, { note: 'again' })).statusCode).toBe(409);

    const timeline = (await boss.get(`/api/tickets/${tk.id}`)).json().events;
    expect(timeline.map((e: { action: string; toStatus: string | null }) => [e.action, e.toStatus])).toEqual([
      ['collect', 'collected'],
      ['assign', 'assigned'],
      ['accept', 'handling'],
      ['handle', 'feedback'],
      ['reopen', 'handling'],
      ['handle', 'feedback'],
      ['confirm', 'closed'],
    ]);
    expect(timeline[1]).toMatchObject({ actorName: 'town-a', note: '请工信局协调' });
    expect(timeline.every((e: { at: string }) => /^2026-11-23T/.test(e.at))).toBe(true);

    // the entity's 一企一档 shows the ticket
    const tl = await (await as('town-a')).get(`/api/registry/entities/${entityA}/timeline`);
    expect(tl.statusCode).toBe(200);
    expect(JSON.stringify(tl.json())).toContain(tk.no);

    // statistics: handled on time (2 h after collection, deadline 8 h), reopened once, satisfaction 4
    const stats = (await (await as('commander')).get('/api/tickets/stats?by=department')).json();
    const ind = stats.rows.find((r: { key: string }) => r.key === 'industry');
    expect(ind).toMatchObject({
      received: 1,
      closed: 1,
      onTime: 1,
      onTimeRate: 100,
      avgHandlingHours: 2,
      reopened: 1,
      reopenRate: 100,
      satisfaction: 4,
    });
    const byRegion = (await (await as('commander')).get(`/api/tickets/stats?by=region&regionCode=${t.regions.district}`)).json();
    expect(byRegion.rows.find((r: { key: string }) => r.key === t.regions.townA)).toMatchObject({ received: 1, closed: 1 });
    // a department's statistics cover only its own tickets
    expect((await (await as('finance')).get('/api/tickets/stats')).json().total.received).toBe(0);
  });

  it('refuses a ticket without an entity or region, an unknown category, and another town’s entity', async () => {
    const town = await as('town-a');
    const supplies = await categoryId('supplies');
    const none = await town.post('/api/tickets', { categoryId: supplies, title: 't', description: 'd' });
    expect(none.statusCode).toBe(400);
    expect(none.json().fields[0].field).toBe('entityId');
    expect(
      (await town.post('/api/tickets', { categoryId: 9999, title: 't', description: 'd', entityId: entityA })).statusCode,
    ).toBe(400);
    const other = await town.post('/api/tickets', { categoryId: supplies, title: 't', description: 'd', entityId: entityB });
    expect(other.statusCode).toBe(400);
    expect(other.json().fields[0]).toMatchObject({ field: 'entityId' });
    const boss = await as('boss-a');
    expect(
      (await boss.post('/api/tickets', { categoryId: supplies, title: 't', description: 'd', entityId: entityB })).statusCode,
    ).toBe(400);
  });

  it('merges a duplicate into the original and closes it there', async () => {
    const town = await as('town-a');
    const fin = await categoryId('financing');
    const a = (
      await town.post('/api/tickets', { categoryId: fin, title: '贷款展期', description: '原', entityId: entityA })
    ).json();
    const b = (
      await town.post('/api/tickets', { categoryId: fin, title: '贷款展期（重复）', description: '重复', entityId: entityA })
    ).json();
    expect((await town.post(`/api/tickets/${b.id}/merge`, { intoId: b.id })).statusCode).toBe(400);
    const merged = await town.post(`/api/tickets/${b.id}/merge`, { intoId: a.id, note: '同一问题' });
    expect(merged.json()).toMatchObject({ status: 'merged', mergedInto: a.id });
    const orig = (await town.get(`/api/tickets/${a.id}`)).json();
    expect(orig.events.map((e: { action: string }) => e.action)).toContain('merged_in');
    expect((await town.post(`/api/tickets/${b.id}/assign`, { department: 'finance' })).statusCode).toBe(409);
  });

  it('lets only admins configure categories', async () => {
    const admin = await as('admin');
    const res = await admin.post('/api/tickets/categories', {
      code: 'heating',
      name: '供暖',
      department: 'housing',
      slaValue: 1,
      slaUnit: 'days',
    });
    expect(res.statusCode).toBe(200);
    expect(
      (
        await admin.post('/api/tickets/categories', {
          code: 'heating',
          name: '供暖',
          department: 'housing',
          slaValue: 1,
          slaUnit: 'days',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await (
          await as('town-a')
        ).post('/api/tickets/categories', { code: 'x_y', name: 'x', department: 'housing', slaValue: 1, slaUnit: 'days' })
      ).statusCode,
    ).toBe(403);
    const off = await admin.patch(`/api/tickets/categories/${res.json().id}`, { active: false });
    expect(off.json().active).toBe(false);
    const town = await as('town-a');
    expect((await town.get('/api/tickets/categories')).json().some((c: { code: string }) => c.code === 'heating')).toBe(false);
    expect(
      (await town.post('/api/tickets', { categoryId: res.json().id, title: 't', description: 'd', entityId: entityA }))
        .statusCode,
    ).toBe(400);
  });

  it('exports the list the caller sees as .xlsx', async () => {
    const res = await (await as('industry')).get('/api/tickets/export');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('编号');
    // industry sees one ticket (the first test's); the finance ones are not its business
    expect(ws.rowCount).toBe(2);
    const stats = await (await as('commander')).get('/api/tickets/stats/export?by=department');
    expect(stats.statusCode).toBe(200);
  });
});

describe('escalation', () => {
  it('climbs reminder → supervision (new deadline) → leaders on the job scheduler, notifying each step', async () => {
    clock.set('2026-11-24T01:00:00.000Z'); // Tuesday 09:00 local
    const town = await as('town-a');
    const labour = await categoryId('labour'); // 3 working days
    const tk = (
      await town.post('/api/tickets', {
        categoryId: labour,
        title: '缺普工 40 人',
        description: '订单恢复，急需普工',
        entityId: entityA,
      })
    ).json();
    await town.post(`/api/tickets/${tk.id}/assign`, { department: 'finance', deadline: '2026-11-24T08:00:00.000Z' });
    const run = () => t.core.jobs.runOnce('tickets.escalate');

    clock.set('2026-11-24T07:00:00.000Z'); // not yet due
    expect(await run()).toBe(true);
    expect((await (await as('finance')).get(`/api/tickets/${tk.id}`)).json().escalationLevel).toBeNull();

    clock.set('2026-11-24T08:30:00.000Z'); // overdue → 提示
    await run();
    let now = (await (await as('finance')).get(`/api/tickets/${tk.id}`)).json();
    expect(now).toMatchObject({ escalationLevel: 'reminder', overdue: true });
    expect(await notificationsOf('finance')).toContain(`【提示】问题 ${tk.no} 已逾期：缺普工 40 人`);
    // the lease keeps a second node (or a second tick) from running it again at once
    expect(await run()).toBe(false);

    clock.set('2026-11-24T09:00:00.000Z'); // a reminder waits one working day
    await run();
    expect((await (await as('finance')).get(`/api/tickets/${tk.id}`)).json().escalationLevel).toBe('reminder');

    clock.set('2026-11-25T09:30:00.000Z'); // Wed 17:30 local: a working day after the reminder → 督办
    await run();
    now = (await (await as('finance')).get(`/api/tickets/${tk.id}`)).json();
    expect(now.escalationLevel).toBe('supervision');
    // two working days after Wednesday: Friday 17:00 local
    expect(now.deadline).toBe('2026-11-27T09:00:00.000Z');
    expect(await notificationsOf('commander')).toContain(`【督办】问题 ${tk.no} 已逾期：缺普工 40 人`);
    expect((await (await as('commander')).get('/api/tickets/leaders-queue')).json().total).toBe(0);

    clock.set('2026-11-27T10:00:00.000Z'); // the supervision deadline passed → 区领导报到
    await run();
    const queue = (await (await as('commander')).get('/api/tickets/leaders-queue')).json();
    expect(queue.items.find((i: { id: number }) => i.id === tk.id)).toMatchObject({
      escalationLevel: 'leaders',
      department: 'finance',
    });
    expect(await notificationsOf('commander')).toContain(`【区领导报到】问题 ${tk.no} 已逾期：缺普工 40 人`);
    // other departments and towns do not see it; the commander district-wide does
    expect((await (await as('industry')).get(`/api/tickets/${tk.id}`)).statusCode).toBe(404);
    expect((await (await as('town-b')).get('/api/tickets?escalation=leaders')).json().total).toBe(0);
    // nothing more to climb
    clock.set('2026-11-30T10:00:00.000Z');
    await run();
    const events = (await (await as('commander')).get(`/api/tickets/${tk.id}`)).json().events;
    expect(
      events.filter((e: { action: string }) => e.action === 'escalate').map((e: { detail: { level: string } }) => e.detail.level),
    ).toEqual(['reminder', 'supervision', 'leaders']);

    // 区领导报到: the leader takes it up; only commanders may
    expect((await (await as('town-a')).post(`/api/tickets/${tk.id}/acknowledge`, {})).statusCode).toBe(403);
    const ack = await (await as('commander')).post(`/api/tickets/${tk.id}/acknowledge`, { note: '周一现场协调' });
    expect(ack.statusCode).toBe(200);
    expect(await notificationsOf('finance')).toContain(`【吹哨·区领导报到】问题 ${tk.no}：缺普工 40 人`);
  });

  it('lets a liaison blow the whistle straight to the leaders, never downwards', async () => {
    clock.set('2026-12-01T02:00:00.000Z');
    const liaison = await as('liaison-a');
    const util = await categoryId('utilities');
    const tk = (
      await liaison.post('/api/tickets', {
        categoryId: util,
        title: '停电三天',
        description: '变压器故障',
        entityId: entityA,
        source: 'liaison_visit',
      })
    ).json();
    expect(tk.source).toBe('liaison_visit');
    const w1 = await liaison.post(`/api/tickets/${tk.id}/whistle`, { note: '影响生产' });
    expect(w1.json().escalationLevel).toBe('reminder');
    expect((await liaison.post(`/api/tickets/${tk.id}/whistle`, { level: 'reminder', note: 'x' })).statusCode).toBe(400);
    const w2 = await liaison.post(`/api/tickets/${tk.id}/whistle`, { level: 'leaders', note: '联络员吹哨' });
    expect(w2.json().escalationLevel).toBe('leaders');
    expect((await liaison.post(`/api/tickets/${tk.id}/whistle`, { note: 'x' })).statusCode).toBe(409);
    // the enterprise may not whistle; a department may not either
    expect((await (await as('boss-a')).post(`/api/tickets/${tk.id}/whistle`, { note: 'x' })).statusCode).toBe(403);
    const queue = (await (await as('commander')).get('/api/tickets/leaders-queue')).json();
    expect(queue.items.map((i: { id: number }) => i.id)).toContain(tk.id);
    expect((await (await as('town-b')).get('/api/tickets/leaders-queue')).statusCode).toBe(403);
  });
});
