import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDb, type TestApp } from './helpers';
import { VERSION } from '../src/version';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('platform endpoints', () => {
  it('reports health: status, database kind and version', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: testDb, version: VERSION });
  });

  it('documents every API route in the OpenAPI document, with the session requirement of non-public ones', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.0.3');
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>))
      for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${p}`);
    // the document itself and the docs UI are not API operations
    const api = t.routes.filter(
      (r) => r.url.startsWith('/api/') && r.url !== '/api/openapi.json' && !r.url.startsWith('/api/docs'),
    );
    expect(api.length).toBeGreaterThan(10);
    const missing = api.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`).filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
    const createUser = doc.paths['/api/users'].post;
    expect(createUser.security).toEqual([{ session: [] }]);
    expect(createUser.requestBody.content['application/json'].schema.properties).toHaveProperty('username');
    expect(doc.paths['/api/auth/login'].post.security).toBeUndefined();
    expect(doc.paths['/api/users/{id}'].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path' })]),
    );
  });

  it('serves the browsable docs page', async () => {
    const res = await t.anonymous().get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });

  it('sets security headers on API responses', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('error responses', () => {
  it('answers an oversized body with a JSON 413 in the caller’s language', async () => {
    const big = { username: 'x'.repeat(1024 * 1024 + 10), password: 'y' };
    const res = await t.anonymous().post('/api/auth/login', big, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toMatchObject({
      code: 'common.body_too_large',
      message: 'The request is too large',
      requestId: expect.any(String),
    });
    const zh = await t.anonymous().post('/api/auth/login', big);
    expect(zh.json().message).toBe('提交的内容过大');
  });

  it('answers malformed JSON with a JSON 400 and no internals', async () => {
    const res = await t.anonymous().request({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username": ',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'common.bad_json', message: 'Malformed request body', requestId: expect.any(String) });
  });

  it('carries a caller-given request id into the error body, and makes one up for a malformed id', async () => {
    const given = await t.anonymous().get('/api/auth/me', { 'x-request-id': 'trace-abc-123' });
    expect(given.statusCode).toBe(401);
    expect(given.json().requestId).toBe('trace-abc-123');
    const made = await t.anonymous().get('/api/auth/me', { 'x-request-id': 'bad id with spaces' });
    expect(made.json().requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rate-limits sign-in attempts per client address with a localised JSON 429', async () => {
    const from = (remoteAddress: string) =>
      t.anonymous().request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nobody', password: 'x' },
        headers: { 'accept-language': 'en' },
        remoteAddress,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await from('10.9.9.9')).statusCode);
    expect(statuses).toEqual(Array(30).fill(401));
    const limited = await from('10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'common.rate_limited',
      message: 'Too many requests; please wait and try again',
    });
    expect((await from('10.9.9.10')).statusCode).toBe(401);
  });

  it('hides unexpected failures behind a 500 with only the request id', async () => {
    const admin = await t.login('admin');
    // a failure the code does not expect: the database went away under one request
    const spy = t.core.db.selectFrom;
    t.core.db.selectFrom = (() => {
      throw new Error('secret internal detail');
    }) as never;
    let res;
    try {
      res = await admin.get('/api/regions/search?q=1');
    } finally {
      t.core.db.selectFrom = spy;
    }
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret internal detail');
    expect(res.json()).toMatchObject({ code: 'common.internal', requestId: expect.any(String) });
    expect(res.json().message).toContain(res.json().requestId);
  });
});
