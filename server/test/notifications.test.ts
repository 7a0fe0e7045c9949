import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from './helpers';

let t: TestApp;
let alice: Client;
let bob: Client;
const titles = (res: { json(): unknown }) => (res.json() as { items: { title: string }[] }).items.map((n) => n.title);

beforeAll(async () => {
  t = await createTestApp();
  alice = await t.userWith('alice', [{ role: 'town', regionCode: t.regions.townA }]);
  bob = await t.userWith('bob', [{ role: 'town', regionCode: t.regions.townB }]);
  // modules send notifications inside their own transactions; the routes only read them
  for (const title of ['第一条', '第二条', '第三条'])
    await t.services.notifications.send(t.core.db, [alice.userId!], { kind: 'test', title });
  await t.services.notifications.send(t.core.db, [bob.userId!], { kind: 'test', title: '乙镇通知' });
});
afterAll(async () => t.close());

describe('notifications', () => {
  it('lists the caller’s own, newest first, with the unread count and a limit', async () => {
    const res = await alice.get('/api/notifications');
    expect(res.statusCode).toBe(200);
    expect(titles(res)).toEqual(['第三条', '第二条', '第一条']);
    expect(res.json().unread).toBe(3);
    expect(titles(await alice.get('/api/notifications?limit=2'))).toEqual(['第三条', '第二条']);
    expect(titles(await bob.get('/api/notifications'))).toEqual(['乙镇通知']);
    expect((await alice.get('/api/notifications?limit=0')).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/notifications')).statusCode).toBe(401);
  });

  it('marks one, then all, as read; never another user’s', async () => {
    const items = (await alice.get('/api/notifications')).json().items as { id: number; title: string }[];
    const bobs = (await bob.get('/api/notifications')).json().items[0].id as number;
    expect((await alice.post('/api/notifications/read', { id: bobs })).statusCode).toBe(200);
    expect((await bob.get('/api/notifications')).json().unread).toBe(1);

    expect((await alice.post('/api/notifications/read', { id: items[0]!.id })).statusCode).toBe(200);
    const unread = await alice.get('/api/notifications?unread=true');
    expect(titles(unread)).toEqual(['第二条', '第一条']);
    expect(unread.json().unread).toBe(2);

    expect((await alice.post('/api/notifications/read', {})).statusCode).toBe(200);
    expect((await alice.get('/api/notifications')).json().unread).toBe(0);
    expect((await bob.get('/api/notifications')).json().unread).toBe(1);
    expect((await alice.post('/api/notifications/read', { id: 'x' })).statusCode).toBe(400);
  });
});
