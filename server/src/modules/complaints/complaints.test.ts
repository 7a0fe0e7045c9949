import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { manualClock } from '../../platform/clock';
import { systemContext } from '../../platform/context';

// Monday 2026-11-23 10:00 local
const clock = manualClock('2026-11-23T02:00:00.000Z');
let t: TestApp;
let townA: Client;
let townB: Client;
let commander: Client;
let entityA: number;
let ip = 1;

/** Each public submission from its own address, unless one is given: the rate limit is per address. */
function submit(body: Record<string, unknown>, from = `10.0.0.${ip++}`) {
  return t.anonymous().request({ method: 'POST', url: '/api/public/complaints', payload: body, remoteAddress: from });
}
const status = (receiptNo: string, secret: string) => t.anonymous().post('/api/public/complaints/status', { receiptNo, secret });

beforeAll(async () => {
  t = await createTestApp({ clock });
  entityA = await t.services.registry.createEntity(systemContext(), {
    kind: 'individual',
    name: '好邻居超市',
    regNo: 'R-1',
    regionCode: t.regions.gridA,
    sector: 'tertiary',
  } as EntityInput);
  townA = await t.userWith('town-a', [{ role: 'town', regionCode: t.regions.townA }]);
  townB = await t.userWith('town-b', [{ role: 'town', regionCode: t.regions.townB }]);
  commander = await t.userWith('commander', [{ role: 'commander', regionCode: t.regions.district }]);
  await t.userWith('finance', [{ role: 'department', regionCode: t.regions.district, department: 'market_regulation' }]);
});
afterAll(() => t.close());

describe('public complaint form', () => {
  it('offers districts and their towns without a sign-in', async () => {
    const districts = (await t.anonymous().get('/api/public/complaints/regions')).json();
    expect(districts.map((r: { code: string }) => r.code)).toEqual([t.regions.district]);
    const towns = (await t.anonymous().get(`/api/public/complaints/regions?parent=${t.regions.district}`)).json();
    expect(towns.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining([t.regions.townA, t.regions.townB]));
  });

  it('refuses short, over-long and contact-less complaints with per-field messages', async () => {
    const short = await submit({ content: '太贵了', regionCode: t.regions.townA, phone: '13800138000' });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields).toEqual([{ field: 'content', message: '请至少用 10 个字描述问题' }]);
    const long = await submit({ content: '价'.repeat(2001), regionCode: t.regions.townA, phone: '13800138000' });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields[0].field).toBe('content');
    const noPhone = await submit({ content: '超市口罩一只卖二十元，明显哄抬价格', regionCode: t.regions.townA });
    expect(noPhone.json().fields).toEqual([{ field: 'phone', message: '请留下手机号码，或选择匿名投诉' }]);
    const badPhone = await submit({ content: '超市口罩一只卖二十元，明显哄抬价格', regionCode: t.regions.townA, phone: '12345' });
    expect(badPhone.json().fields[0].field).toBe('phone');
  });

  it('keeps nothing a robot sends through the honeypot field', async () => {
    const before = (await townA.get('/api/complaints')).json().total;
    const res = await submit({
      content: 'buy cheap masks at http://spam.example now',
      regionCode: t.regions.townA,
      anonymous: true,
      website: 'http://spam.example',
    });
    expect(res.statusCode).toBe(200);
    expect((await townA.get('/api/complaints')).json().total).toBe(before);
  });
});

describe('complaint handling', () => {
  it('goes received → verifying → substantiated → handled (with a ticket) → replied, and the reply shows on the status page', async () => {
    const content = '<script>alert(1)</script> 好邻居超市口罩一只卖二十元，哄抬物价';
    const res = await submit({
      content,
      regionCode: t.regions.townA,
      address: '城关镇中街 8 号',
      occurredOn: '2026-11-22',
      contactName: '张先生',
      phone: '13800138000',
    });
    expect(res.statusCode).toBe(200);
    const receipt = res.json();
    expect(receipt.receiptNo).toMatch(/^TS20261123\d{6}$/);
    // five working days: Monday → next Monday 17:00 local
    expect(receipt.deadline).toBe('2026-11-30T09:00:00.000Z');

    const st0 = await status(receipt.receiptNo, '138 0013 8000');
    expect(st0.statusCode).toBe(200);
    expect(st0.json()).toMatchObject({ status: 'received', reply: null });
    expect((await status(receipt.receiptNo, '13900139000')).statusCode).toBe(404);
    expect((await status(receipt.receiptNo, receipt.queryCode)).statusCode).toBe(200);
    expect((await status('TS20261123999999', '13800138000')).statusCode).toBe(404);

    const list = (await townA.get('/api/complaints')).json();
    const c = list.items.find((i: { receiptNo: string }) => i.receiptNo === receipt.receiptNo);
    // stored as typed; the pages render it as text
    expect(c).toMatchObject({ content, channel: 'web', contactName: '张先生', phoneMasked: '138****8000', status: 'received' });
    expect(c.abilities).toEqual({ verify: true, substantiate: false, dismiss: false, handle: false, reply: false });
    expect((await townB.get(`/api/complaints/${c.id}`)).statusCode).toBe(404);
    expect((await townB.post(`/api/complaints/${c.id}/verify`, { note: 'x' })).statusCode).toBe(404);
    // the commander reads but does not handle
    expect((await commander.get(`/api/complaints/${c.id}`)).statusCode).toBe(200);
    expect((await commander.post(`/api/complaints/${c.id}/verify`, { note: 'x' })).statusCode).toBe(403);

    expect((await townA.post(`/api/complaints/${c.id}/reply`, { reply: 'x' })).statusCode).toBe(409);
    expect((await townA.post(`/api/complaints/${c.id}/verify`, { note: '派市场监管所核实' })).json().status).toBe('verifying');
    expect((await townA.post(`/api/complaints/${c.id}/substantiate`, { note: '现场核实，价格属实' })).json().status).toBe(
      'substantiated',
    );
    const categories = (await townA.get('/api/tickets/categories')).json();
    const supplies = categories.find((x: { code: string }) => x.code === 'supplies').id;
    const handled = (
      await townA.post(`/api/complaints/${c.id}/handle`, { note: '责令整改并移交价格执法', ticketCategoryId: supplies })
    ).json();
    expect(handled.status).toBe('handled');
    expect(handled.ticketId).toBeGreaterThan(0);
    const ticket = (await townA.get(`/api/tickets/${handled.ticketId}`)).json();
    expect(ticket).toMatchObject({
      source: 'complaint',
      sourceRef: `complaint:${c.id}`,
      status: 'assigned',
      department: 'industry',
    });

    clock.advance(3600_000);
    const replied = await townA.post(`/api/complaints/${c.id}/reply`, {
      reply: '经核实，该超市已退还差价并被处以罚款。感谢您的监督。',
    });
    expect(replied.json().status).toBe('replied');
    const st = (await status(receipt.receiptNo, '13800138000')).json();
    expect(st).toMatchObject({ status: 'replied', reply: '经核实，该超市已退还差价并被处以罚款。感谢您的监督。' });
    expect(st.steps.map((s: { status: string }) => s.status)).toEqual([
      'received',
      'verifying',
      'substantiated',
      'handled',
      'replied',
    ]);
    // staff notes and names stay inside
    expect(JSON.stringify(st)).not.toContain('现场核实');
    expect(JSON.stringify(st)).not.toContain('town-a');
  });

  it('answers an unfounded anonymous complaint, reachable only by its query code', async () => {
    const receipt = (
      await submit({
        content: '某餐馆后厨卫生很差，员工不戴口罩',
        regionCode: t.regions.townA,
        anonymous: true,
        contactName: '不该保存',
      })
    ).json();
    const c = (await townA.get(`/api/complaints?q=${receipt.receiptNo}`)).json().items[0];
    expect(c).toMatchObject({ anonymous: true, contactName: null, phoneMasked: null });
    await townA.post(`/api/complaints/${c.id}/verify`, { note: '核实' });
    expect((await townA.post(`/api/complaints/${c.id}/dismiss`, { note: '现场检查员工均佩戴口罩' })).json().status).toBe(
      'unfounded',
    );
    await townA.post(`/api/complaints/${c.id}/reply`, { reply: '经现场核查，未发现所反映问题。' });
    const st = (await status(receipt.receiptNo, receipt.queryCode.toLowerCase())).json();
    expect(st.steps.map((s: { status: string }) => s.status)).toEqual(['received', 'verifying', 'unfounded', 'replied']);
  });

  it('takes a complaint by phone about a registered entity, inside the officer’s town only', async () => {
    const res = await townA.post('/api/complaints', {
      content: '好邻居超市不查验健康码，顾客扎堆',
      regionCode: t.regions.townA,
      entityId: entityA,
      phone: '13700137000',
      channel: 'phone',
    });
    expect(res.statusCode).toBe(200);
    const c = (await townA.get(`/api/complaints?q=${res.json().receiptNo}`)).json().items[0];
    expect(c).toMatchObject({ channel: 'phone', entityId: entityA, entityName: '好邻居超市' });
    expect(
      (
        await townB.post('/api/complaints', {
          content: '好邻居超市不查验健康码，顾客扎堆',
          regionCode: t.regions.townA,
          phone: '13700137000',
        })
      ).statusCode,
    ).toBe(400);
    const tl = (await townA.get(`/api/registry/entities/${entityA}/timeline`)).json();
    expect(JSON.stringify(tl)).toContain(res.json().receiptNo);
  });

  it('escalates an unanswered complaint after its deadline and reports received vs answered', async () => {
    clock.set('2026-12-01T02:00:00.000Z'); // past the five working days of every open complaint
    // the sessions of a week ago have expired
    [townA, townB, commander] = await Promise.all([t.login('town-a'), t.login('town-b'), t.login('commander')]);
    expect(await t.core.jobs.runOnce('complaints.escalate')).toBe(true);
    const overdue = (await townA.get('/api/complaints?overdue=true')).json();
    expect(overdue.total).toBe(1);
    expect(overdue.items[0]).toMatchObject({ escalationLevel: 'reminder', channel: 'phone' });
    const notes = (await townA.get('/api/notifications?limit=50')).json().items.map((n: { title: string }) => n.title);
    expect(notes).toContain(`【提示】投诉 ${overdue.items[0].receiptNo} 已超期未答复`);

    const stats = (await commander.get('/api/complaints/stats')).json();
    expect(stats).toEqual({ received: 3, answered: 2, substantiated: 1, unfounded: 1, open: 1, overdue: 1, answeredOnTime: 2 });
    expect((await townB.get('/api/complaints/stats')).json().received).toBe(0);
    const xlsx = await commander.get('/api/complaints/export');
    expect(xlsx.statusCode).toBe(200);
  });

  it('rate-limits the public form per address', async () => {
    const body = { content: '第六次提交同一条投诉内容，应被限流', regionCode: t.regions.townA, anonymous: true };
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await submit(body, '10.9.9.9')).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200]);
    expect((await submit(body, '10.9.9.9')).statusCode).toBe(429);
    // another address is not affected
    expect((await submit(body, '10.9.9.10')).statusCode).toBe(200);
  });
});
