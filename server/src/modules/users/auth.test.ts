import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TEST_PASSWORD } from '../../../test/helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('sign-in and sessions', () => {
  it('signs in, returns the CSRF token and sets an HttpOnly SameSite cookie', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'admin', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/fg_sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(res.json().permissions).toContain('users.manage');
  });

  it('answers 401 with a localised message for a wrong password', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'admin', password: 'nope' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.bad_credentials', message: 'Wrong username or password' });
  });

  it('answers 400 with per-field messages in the asked language', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: '' }, { 'x-locale': 'zh-TW' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields as { field: string; message: string }[];
    expect(fields.map((f) => f.field).sort()).toEqual(['password', 'username']);
    expect(fields.find((f) => f.field === 'username')!.message).toBe('必填');
  });

  it('requires a session for /api/auth/me', async () => {
    expect((await t.anonymous().get('/api/auth/me')).statusCode).toBe(401);
    const admin = await t.login('admin');
    const me = await admin.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('admin');
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const admin = await t.login('admin');
    const res = await admin.request({
      method: 'PUT',
      url: '/api/auth/locale',
      payload: { locale: 'en' },
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf');
    expect((await admin.put('/api/auth/locale', { locale: 'en' })).statusCode).toBe(200);
    expect((await admin.get('/api/auth/me')).json().locale).toBe('en');
  });

  it('locks the account after repeated failures, then refuses even the right password', async () => {
    await t.userWith('lockme', [{ role: 'grid', regionCode: t.regions.gridA }]);
    for (let i = 0; i < 4; i++)
      expect((await t.anonymous().post('/api/auth/login', { username: 'lockme', password: 'bad' })).statusCode).toBe(401);
    expect((await t.anonymous().post('/api/auth/login', { username: 'lockme', password: 'bad' })).statusCode).toBe(429);
    const res = await t.anonymous().post('/api/auth/login', { username: 'lockme', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('auth.locked');
  });

  it('logs out: the old cookie no longer works', async () => {
    const admin = await t.login('admin');
    expect((await admin.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await admin.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes the password and signs other sessions out', async () => {
    await t.userWith('changer', [{ role: 'grid', regionCode: t.regions.gridA }]);
    const a = await t.login('changer');
    const b = await t.login('changer');
    const bad = await a.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'short' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['newPassword']);
    const wrongCurrent = await a.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'NewPass123' });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().fields[0].field).toBe('currentPassword');
    expect((await a.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'NewPass123' })).statusCode).toBe(
      200,
    );
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    await t.login('changer', 'NewPass123');
  });
});

describe('platform endpoints', () => {
  it('reports health with the database kind', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.json()).toMatchObject({ status: 'ok', db: process.env.FUGONG_TEST_DB ?? 'sqlite' });
  });
  it('serves an OpenAPI 3 document that lists the auth routes', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/auth/login');
  });
  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.anonymous().get('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('common.route_not_found');
  });
});
