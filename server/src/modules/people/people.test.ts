import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { idCard, mobile } from '../../../test/people-fixtures';

let t: TestApp;
let gridA: Client;
let gridB: Client;
let admin: Client;
const idA = idCard('120119', '19850312', 101);
const idB = idCard('120119', '19900704', 202);

beforeAll(async () => {
  t = await createTestApp();
  gridA = await t.userWith('grid-a', [{ role: 'grid', regionCode: t.regions.gridA }]);
  gridB = await t.userWith('grid-b', [{ role: 'grid', regionCode: t.regions.gridB }]);
  admin = await t.login('admin');
});
afterAll(async () => t.close());

async function register(c: Client, body: Record<string, unknown>) {
  return c.post('/api/people', { name: '张三', idType: 'id_card', category: 'resident', ...body });
}

describe('people registry', () => {
  let personA: number;

  it('registers a person with the ID number and phone only masked in the answer', async () => {
    const res = await register(gridA, {
      idNumber: idA,
      phone: mobile(1),
      regionCode: t.regions.gridA,
      address: '幸福小区3栋2单元501',
    });
    expect(res.statusCode).toBe(200);
    personA = res.json().id;
    const got = await gridA.get(`/api/people/${personA}`);
    expect(got.statusCode).toBe(200);
    const p = got.json();
    expect(p.idNumberMasked).toBe(idA.slice(0, 4) + '**********' + idA.slice(-4));
    expect(p.phoneMasked).toBe('139****' + mobile(1).slice(-4));
    expect(JSON.stringify(p)).not.toContain(idA);
    expect(JSON.stringify(p)).not.toContain(mobile(1));
    expect(p.abilities).toEqual({ update: true, reveal: false });
  });

  it('refuses an ID number whose check character is wrong, with a per-field message', async () => {
    const bad = idA.slice(0, 17) + (idA[17] === '1' ? '2' : '1');
    const res = await register(gridA, { idNumber: bad, regionCode: t.regions.gridA }).then((r) => r);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'idNumber', message: '身份证号码无效' }]);
  });

  it('de-duplicates by the ID hash: the same number (lower-case x or spaces) is a 409 naming the record', async () => {
    const res = await register(gridA, { idNumber: ` ${idA} `, regionCode: t.regions.gridA });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'people.duplicate' });
    expect(res.json().message).toContain(String(personA));
    // from another grid the duplicate is refused without naming the record
    const other = await register(gridB, { idNumber: idA, regionCode: t.regions.gridB });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('people.duplicate_elsewhere');
  });

  it('finds a person by the whole ID number (keyed-hash look-up) and logs the look-up', async () => {
    const res = await gridA.get(`/api/people?q=${idA}`);
    expect(res.json().items.map((p: { id: number }) => p.id)).toEqual([personA]);
    const log = await gridA.get(`/api/people/${personA}/access-log`);
    expect(log.json().items.map((e: { action: string }) => e.action)).toContain('people.lookup');
  });

  it('a grid worker of grid A cannot see grid B’s people: 404, and not in lists', async () => {
    const b = await register(gridB, { name: '李四', idNumber: idB, phone: mobile(2), regionCode: t.regions.gridB });
    expect(b.statusCode).toBe(200);
    const idOfB = b.json().id;
    expect((await gridA.get(`/api/people/${idOfB}`)).statusCode).toBe(404);
    expect((await gridA.patch(`/api/people/${idOfB}`, { address: 'x' })).statusCode).toBe(404);
    expect((await gridA.get(`/api/people/${idOfB}/access-log`)).statusCode).toBe(404);
    expect((await admin.post(`/api/people/${idOfB}/reveal`, { field: 'phone', reason: '核实' })).statusCode).toBe(200);
    const list = await gridA.get('/api/people?pageSize=100');
    expect(list.json().items.map((p: { id: number }) => p.id)).not.toContain(idOfB);
    expect((await gridA.get(`/api/people?q=${idB}`)).json().total).toBe(0);
    expect((await gridB.get(`/api/people/${personA}`)).statusCode).toBe(404);
  });

  it('refuses to place a person outside the worker’s grid', async () => {
    const res = await register(gridA, { idNumber: idCard('120119', '19700101', 303), regionCode: t.regions.gridB });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('regionCode');
  });

  it('reveals the clear number only to a role with people.reveal, with a reason, and logs it', async () => {
    expect((await gridA.post(`/api/people/${personA}/reveal`, { field: 'idNumber', reason: '核实身份' })).statusCode).toBe(403);
    expect((await admin.post(`/api/people/${personA}/reveal`, { field: 'idNumber' })).statusCode).toBe(400);
    const res = await admin.post(`/api/people/${personA}/reveal`, { field: 'idNumber', reason: '核实身份' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ field: 'idNumber', value: idA });
    const log = (await admin.get(`/api/people/${personA}/access-log`)).json().items as { action: string; actorName: string }[];
    expect(log[0]).toMatchObject({ action: 'people.reveal', actorName: 'admin' });
  });

  it('shows a person their own record and who viewed it, only with the right phone', async () => {
    const wrong = await t.anonymous().post('/api/public/people/self', { idNumber: idA, phone: mobile(9) });
    expect(wrong.statusCode).toBe(404);
    const res = await t.anonymous().post('/api/public/people/self', { idNumber: idA, phone: mobile(1) });
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.person).toMatchObject({ nameMasked: '张*', category: 'resident' });
    const actions = v.accessLog.map((e: { action: string; actorName: string }) => `${e.actorName}:${e.action}`);
    expect(actions).toContain('admin:people.reveal');
    expect(actions).toContain('grid-a:people.view');
    expect(JSON.stringify(v)).not.toContain(idA);
  });

  it('updates the phone: the old number no longer proves identity', async () => {
    expect((await gridA.patch(`/api/people/${personA}`, { phone: mobile(3) })).statusCode).toBe(200);
    expect((await t.anonymous().post('/api/public/people/self', { idNumber: idA, phone: mobile(1) })).statusCode).toBe(404);
    expect((await t.anonymous().post('/api/public/people/self', { idNumber: idA, phone: mobile(3) })).statusCode).toBe(200);
  });

  it('answers 401 without a session and 403 to a role without people.read', async () => {
    expect((await t.anonymous().get('/api/people')).statusCode).toBe(401);
    const cp = await t.userWith('cp-1', [{ role: 'checkpoint', regionCode: t.regions.townA }]);
    expect((await cp.get('/api/people')).statusCode).toBe(403);
  });
});
