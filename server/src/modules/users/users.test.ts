import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from '@fugong/contract';
import { createTestApp, type Client, type TestApp, TEST_PASSWORD } from '../../../test/helpers';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => t.close());

type Field = { field: string; message: string };
const fieldsOf = (body: { fields?: Field[] }) => Object.fromEntries((body.fields ?? []).map((f) => [f.field, f.message]));
const newUser = (username: string, extra: Record<string, unknown> = {}) => ({
  username,
  displayName: `用户 ${username}`,
  password: 'Start1234',
  grants: [{ role: 'town', regionCode: t.regions.townA }],
  ...extra,
});
const login = (username: string, password: string) =>
  t.anonymous().post('/api/auth/login', { username, password }, { 'accept-language': 'en-GB,en;q=0.9' });

describe('creating users', () => {
  it('creates a user with grants, a masked phone and an encrypted one at rest', async () => {
    const res = await admin.post(
      '/api/users',
      newUser('wang.town', {
        phone: '+86 138 0013 8000',
        grants: [
          { role: 'town', regionCode: t.regions.townA },
          { role: 'liaison', regionCode: t.regions.communityA },
        ],
      }),
    );
    expect(res.statusCode).toBe(200);
    const id = res.json().id as number;
    const user = (await admin.get(`/api/users/${id}`)).json();
    expect(user).toMatchObject({
      id,
      username: 'wang.town',
      displayName: '用户 wang.town',
      phoneMasked: '138****8000',
      disabled: false,
      locale: 'zh-CN',
      lastLoginAt: null,
    });
    expect(user.grants).toEqual([
      expect.objectContaining({ role: 'town', regionCode: t.regions.townA, regionName: expect.stringMatching(/./) }),
      expect.objectContaining({ role: 'liaison', regionCode: t.regions.communityA }),
    ]);
    const row = await t.core.db
      .selectFrom('appUser')
      .select(['phoneEnc', 'phoneMasked', 'passwordHash'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.phoneEnc).not.toContain('13800138000');
    expect(t.core.pii.decrypt(row.phoneEnc!)).toBe('13800138000');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const grants = await t.core.db
      .selectFrom('userGrant')
      .select(['role', 'regionPath'])
      .where('userId', '=', id)
      .orderBy('id')
      .execute();
    expect(grants[0]!.regionPath).toBe(`/120119/${t.regions.townA}/`);

    // the first sign-in must change the password
    const first = await login('wang.town', 'Start1234');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      mustChangePassword: true,
      permissions: expect.arrayContaining(['registry.manage', 'liaison.visit']),
    });
  });

  it('refuses a taken username with 409 naming the field, in the asked language', async () => {
    const res = await admin.post('/api/users', newUser('wang.town'), { 'x-locale': 'en' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'users.username_taken', message: 'The username "wang.town" is taken' });
    expect(res.json().fields).toEqual([{ field: 'username', message: 'The username "wang.town" is taken' }]);
    const zh = await admin.post('/api/users', newUser('wang.town'));
    expect(fieldsOf(zh.json())).toEqual({ username: '用户名“wang.town”已被使用' });
  });

  it('answers bad input on every field with one message per field, in zh-CN and en', async () => {
    const bad = { username: 'a!', displayName: '  ', password: 'short', phone: '12345', grants: [] };
    const zh = await admin.post('/api/users', bad);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().code).toBe('common.validation_failed');
    expect(fieldsOf(zh.json())).toEqual({
      username: '用户名为 3–32 位字母、数字或 _ . -',
      displayName: '必填',
      password: '密码至少 8 位，且须同时包含字母和数字',
      phone: '手机号码无效',
      grants: '至少授予一个角色',
    });
    const en = await admin.post('/api/users', bad, { 'x-locale': 'en' });
    expect(fieldsOf(en.json())).toEqual({
      username: 'Usernames are 3–32 letters, digits or _ . -',
      displayName: 'Required',
      password: 'Passwords need at least 8 characters with letters and digits',
      phone: 'Invalid mobile number',
      grants: 'Grant at least one role',
    });
    const missing = await admin.post('/api/users', {}, { 'x-locale': 'en' });
    expect(Object.keys(fieldsOf(missing.json())).sort()).toEqual(['displayName', 'grants', 'password', 'username']);
    expect(fieldsOf(missing.json()).username).toBe('Required');
    expect((await admin.get('/api/users?q=a!')).json().total).toBe(0);
  });

  it('validates each grant and names the grant field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ role: 'town' }, 'grants.0.regionCode', 'This role needs a region'],
      [{ role: 'department', regionCode: '120119' }, 'grants.0.department', 'A department officer needs a department'],
      [{ role: 'enterprise' }, 'grants.0.entityId', 'An enterprise user needs an entity'],
      [{ role: 'town', regionCode: '999999' }, 'grants.0.regionCode', 'Unknown region code 999999'],
      [{ role: 'mayor', regionCode: '120119' }, 'grants.0.role', ''],
    ];
    for (const [grant, field, message] of cases) {
      const res = await admin.post('/api/users', newUser('grant.check', { grants: [grant] }), { 'x-locale': 'en' });
      expect(res.statusCode, JSON.stringify(grant)).toBe(400);
      const fields = fieldsOf(res.json());
      expect(Object.keys(fields)).toEqual([field]);
      if (message) expect(fields[field]).toBe(message);
    }
    const second = await admin.post('/api/users', newUser('grant.check', { grants: [{ role: 'admin' }, { role: 'grid' }] }));
    expect(Object.keys(fieldsOf(second.json()))).toEqual(['grants.1.regionCode']);
    expect((await admin.get('/api/users?q=grant.check')).json().total).toBe(0);
  });
});

describe('listing users', () => {
  it('searches, filters by role and status, and paginates', async () => {
    await admin.post(
      '/api/users',
      newUser('li.grid', { displayName: '李网格', grants: [{ role: 'grid', regionCode: t.regions.gridA }] }),
    );
    await admin.post(
      '/api/users',
      newUser('zhao.grid', { displayName: '赵网格', grants: [{ role: 'grid', regionCode: t.regions.gridB }] }),
    );
    const grid = (await admin.get('/api/users?role=grid')).json();
    expect(grid.items.map((u: { username: string }) => u.username).sort()).toEqual(['li.grid', 'zhao.grid']);
    expect(
      (await admin.get(`/api/users?q=${encodeURIComponent('李网')}`)).json().items.map((u: { username: string }) => u.username),
    ).toEqual(['li.grid']);
    expect((await admin.get('/api/users?q=ZHAO')).json().total).toBe(1);
    // LIKE wildcards are matched literally
    expect((await admin.get('/api/users?q=%25')).json().total).toBe(0);
    const page = (await admin.get('/api/users?page=2&pageSize=2')).json();
    expect(page).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(Math.min(2, page.total - 2));
    expect((await admin.get('/api/users?pageSize=1000')).statusCode).toBe(400);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await admin.get('/api/users/999999')).statusCode).toBe(404);
    const res = await admin.get('/api/users/abc');
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toHaveProperty('id');
  });
});

describe('disabling, enabling and resetting', () => {
  it('disabling signs the user out at once and refuses their sign-in with auth.disabled', async () => {
    const user = await t.userWith('sun.disable', [{ role: 'grid', regionCode: t.regions.gridA }]);
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${user.userId}`, { disabled: true })).statusCode).toBe(200);
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
    const res = await login('sun.disable', TEST_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'auth.disabled', message: 'This account is disabled; contact an administrator' });
    // a wrong password still says only "wrong credentials", revealing nothing about the account
    expect((await login('sun.disable', 'Wrong1234')).json().code).toBe('auth.bad_credentials');
    expect((await admin.get(`/api/users/${user.userId}`)).json().disabled).toBe(true);
    expect((await admin.get('/api/users?disabled=true')).json().items.map((u: { username: string }) => u.username)).toContain(
      'sun.disable',
    );

    expect((await admin.patch(`/api/users/${user.userId}`, { disabled: false })).statusCode).toBe(200);
    expect((await login('sun.disable', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('does not let an admin disable themself', async () => {
    const res = await admin.patch(`/api/users/${admin.userId}`, { disabled: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('users.cannot_disable_self');
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('replacing grants signs the user out and changes their permissions', async () => {
    const user = await t.userWith('qian.regrant', [{ role: 'grid', regionCode: t.regions.gridA }]);
    const res = await admin.patch(`/api/users/${user.userId}`, {
      displayName: '钱',
      grants: [{ role: 'town', regionCode: t.regions.townB }],
    });
    expect(res.statusCode).toBe(200);
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
    const again = await t.login('qian.regrant');
    const me = (await again.get('/api/auth/me')).json();
    expect(me).toMatchObject({
      displayName: '钱',
      grants: [expect.objectContaining({ role: 'town', regionCode: t.regions.townB })],
    });
    expect(me.permissions).toEqual([...permissionsOf(['town'])].sort());
    expect((await admin.patch(`/api/users/${user.userId}`, { grants: [{ role: 'town' }] })).statusCode).toBe(400);
    expect((await admin.patch('/api/users/999999', { displayName: 'x' })).statusCode).toBe(404);
  });

  it('resets a password: old sessions end, the old password stops working, the new one must be changed', async () => {
    const user = await t.userWith('zhou.reset', [{ role: 'grid', regionCode: t.regions.gridA }]);
    const weak = await admin.post(`/api/users/${user.userId}/reset-password`, { password: 'weak' });
    expect(weak.statusCode).toBe(400);
    expect(Object.keys(fieldsOf(weak.json()))).toEqual(['password']);
    expect((await admin.post(`/api/users/${user.userId}/reset-password`, { password: 'Temp5678x' })).statusCode).toBe(200);
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('zhou.reset', TEST_PASSWORD)).statusCode).toBe(401);
    const res = await login('zhou.reset', 'Temp5678x');
    expect(res.statusCode).toBe(200);
    expect(res.json().mustChangePassword).toBe(true);
    expect((await admin.post('/api/users/999999/reset-password', { password: 'Temp5678x' })).statusCode).toBe(404);
  });
});

describe('who may administer users', () => {
  it('answers 401 without a session and 403 to non-admins, on every users route', async () => {
    const town = await t.userWith('wu.town', [{ role: 'town', regionCode: t.regions.townA }]);
    const commander = await t.userWith('zheng.cmd', [{ role: 'commander', regionCode: t.regions.district }]);
    const calls = (c: Client) => [
      c.get('/api/users'),
      c.get(`/api/users/${admin.userId}`),
      c.post('/api/users', newUser('intruder')),
      c.patch(`/api/users/${admin.userId}`, { disabled: true }),
      c.post(`/api/users/${admin.userId}/reset-password`, { password: 'Hacked123' }),
    ];
    for (const res of await Promise.all(calls(t.anonymous()))) expect(res.statusCode).toBe(401);
    for (const c of [town, commander]) {
      for (const res of await Promise.all(calls(c))) {
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('common.forbidden');
      }
    }
    expect((await admin.get('/api/users?q=intruder')).json().total).toBe(0);
    expect((await login('admin', TEST_PASSWORD)).statusCode).toBe(200);
  });
});
