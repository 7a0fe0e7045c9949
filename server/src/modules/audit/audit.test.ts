import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp, TEST_PASSWORD } from '../../../test/helpers';
import { localDate } from '../../platform/clock';
import { systemContext } from '../../platform/context';

let t: TestApp;
let admin: Client;
let created: number;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  // the writes whose audit rows these tests look for, each with its own request id and client address
  const as = (requestId: string) => ({ 'x-request-id': requestId });
  const res = await admin.request({
    method: 'POST',
    url: '/api/users',
    payload: {
      username: 'audited',
      displayName: '被审计',
      password: 'Start1234',
      grants: [{ role: 'grid', regionCode: t.regions.gridA }],
    },
    headers: as('req-create'),
    remoteAddress: '10.1.2.3',
  });
  created = res.json().id;
  await admin.request({
    method: 'PATCH',
    url: `/api/users/${created}`,
    payload: { displayName: '改名' },
    headers: as('req-update'),
  });
  await admin.request({
    method: 'POST',
    url: `/api/users/${created}/reset-password`,
    payload: { password: 'Temp5678x' },
    headers: as('req-reset'),
  });
  await t.anonymous().post('/api/auth/login', { username: 'audited', password: 'wrong-one' }, as('req-badlogin'));
  const user = await t.login('audited', 'Temp5678x');
  await user.request({
    method: 'POST',
    url: '/api/auth/password',
    payload: { currentPassword: 'Temp5678x', newPassword: 'Mine9876x' },
    headers: as('req-password'),
  });
});
afterAll(async () => t.close());

type Entry = {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  requestId: string | null;
  detail: string | null;
};
const list = async (query = ''): Promise<{ items: Entry[]; total: number }> => {
  const res = await admin.get(`/api/audit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the audit trail', () => {
  it('records every write above with actor, action, target, IP and request id', async () => {
    const { items } = await list('?pageSize=100');
    const byRequest = (id: string) => items.filter((e) => e.requestId === id);
    expect(byRequest('req-create')).toEqual([
      expect.objectContaining({
        actorId: admin.userId,
        actorName: 'admin',
        action: 'users.create',
        targetType: 'user',
        targetId: String(created),
        ip: '10.1.2.3',
      }),
    ]);
    expect(JSON.parse(byRequest('req-create')[0]!.detail!)).toEqual({ username: 'audited', roles: ['grid'] });
    expect(byRequest('req-update')).toEqual([
      expect.objectContaining({ actorName: 'admin', action: 'users.update', targetId: String(created), ip: '127.0.0.1' }),
    ]);
    expect(byRequest('req-reset')).toEqual([
      expect.objectContaining({ actorName: 'admin', action: 'users.password_reset', targetId: String(created) }),
    ]);
    expect(byRequest('req-badlogin')).toEqual([
      expect.objectContaining({ actorId: null, action: 'auth.login_failed', targetId: String(created) }),
    ]);
    expect(byRequest('req-password')).toEqual([
      expect.objectContaining({ actorName: 'audited', action: 'users.password_changed', targetId: String(created) }),
    ]);
    expect(items.filter((e) => e.action === 'auth.login' && e.targetId === String(created))).toHaveLength(1);
    // timestamps are UTC instants, newest first
    expect(items.every((e) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(e.at))).toBe(true);
    expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('never stores a password or its hash in the detail', async () => {
    const { items } = await list('?pageSize=100');
    const text = JSON.stringify(items);
    for (const secret of ['Start1234', 'Temp5678x', 'Mine9876x', TEST_PASSWORD, 'argon2']) expect(text).not.toContain(secret);
  });

  it('filters by actor, action prefix, target and local date', async () => {
    expect((await list('?actor=audited')).items.map((e) => e.action)).toEqual(['users.password_changed']);
    const users = await list('?action=users.');
    // the test admin's own creation and the four changes to "audited"
    expect(users.items.map((e) => e.action).sort()).toEqual([
      'users.create',
      'users.create',
      'users.password_changed',
      'users.password_reset',
      'users.update',
    ]);
    expect((await list('?action=%25')).total).toBe(0);
    expect((await list(`?targetType=user&targetId=${created}`)).total).toBe(6);
    const today = localDate(new Date());
    expect((await list(`?from=${today}&to=${today}`)).total).toBe((await list()).total);
    expect((await list('?from=2020-01-01&to=2020-01-31')).total).toBe(0);
    const bad = await admin.get('/api/audit?from=2020-13', { 'x-locale': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([{ field: 'from', message: 'Use the date format YYYY-MM-DD' }]);
  });

  it('is append-only: the database refuses updates and deletions', async () => {
    const before = (await list()).total;
    await expect(t.core.db.updateTable('auditLog').set({ action: 'forged' }).where('id', '=', 1).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.core.db.updateTable('auditLog').set({ detail: null }).execute()).rejects.toThrow(/append-only/);
    await expect(t.core.db.deleteFrom('auditLog').where('id', '=', 1).execute()).rejects.toThrow(/append-only/);
    await expect(t.core.db.deleteFrom('auditLog').execute()).rejects.toThrow(/append-only/);
    expect((await list()).total).toBe(before);
    expect((await list('?action=forged')).total).toBe(0);
  });

  it('shows a regional reader only the entries of their subtree, and nobody without audit.read', async () => {
    const ctx = systemContext();
    const path = (town: string) => `/120119/${town}/`;
    await t.core.audit.record(t.core.db, ctx, { action: 'test.in_a', regionPath: path(t.regions.townA) });
    await t.core.audit.record(t.core.db, ctx, { action: 'test.in_b', regionPath: path(t.regions.townB) });
    const commander = await t.userWith('cmd.a', [{ role: 'commander', regionCode: t.regions.townA }]);
    const seen = (await commander.get('/api/audit?pageSize=100')).json();
    expect(seen.items.map((e: Entry) => e.action)).toEqual(['test.in_a']);
    expect(seen.total).toBe(1);
    expect((await admin.get('/api/audit?action=test.')).json().total).toBe(2);
    const town = await t.userWith('town.a', [{ role: 'town', regionCode: t.regions.townA }]);
    expect((await town.get('/api/audit')).statusCode).toBe(403);
    expect((await town.get('/api/audit/export')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/audit/export')).statusCode).toBe(401);
  });
});

describe('the audit export', () => {
  const readXlsx = async (body: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as never);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it('is a real .xlsx with Chinese headers and the filtered rows', async () => {
    const res = await admin.get('/api/audit/export?action=users.');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''audit\.xlsx/);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(['编号', '时间(UTC)', '操作人', '操作', '对象类型', '对象编号', 'IP', '请求编号', '详情']);
    const { items, total } = await list('?action=users.&pageSize=100');
    expect(rows).toHaveLength(total + 1);
    expect(rows.slice(1).map((r) => r[3])).toEqual(items.map((e) => e.action));
    const create = rows.find((r) => r[7] === 'req-create')!;
    expect(create.slice(2, 7)).toEqual(['admin', 'users.create', 'user', String(created), '10.1.2.3']);
  });

  it('uses the caller’s language for the headers', async () => {
    const rows = await readXlsx((await admin.get('/api/audit/export', { 'x-locale': 'en' })).rawPayload);
    expect(rows[0]).toEqual(['ID', 'Time (UTC)', 'Actor', 'Action', 'Target type', 'Target ID', 'IP', 'Request ID', 'Detail']);
    const tw = await readXlsx((await admin.get('/api/audit/export', { 'x-locale': 'zh-TW' })).rawPayload);
    expect(tw[0]![1]).toBe('時間(UTC)');
  });
});
