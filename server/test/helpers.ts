import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { GrantInput } from '@fugong/contract';
import { loadConfig } from '../src/config';
import { createCore, closeCore } from '../src/bootstrap';
import { buildApp } from '../src/app';
import { checkResponses } from '../src/platform/http';
import { takeMismatches } from '../src/platform/response-check';
import type { Services } from '../src/services';
import type { RouteInfo } from '../src/platform/http';
import type { Core } from '../src/core';
import { systemClock, type Clock } from '../src/platform/clock';
import { systemContext } from '../src/platform/context';
import { buildDistrictRegions } from '../src/demo/regions.demo';

export const TEST_PASSWORD = 'Passw0rd!';
export const testDb = (process.env.FUGONG_TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';

/** A fresh, empty database for one test file: a SQLite file in a temp dir, or a new PostgreSQL database. */
async function freshDatabaseUrl(dataDir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (testDb === 'sqlite') return { url: `sqlite:${path.join(dataDir, 'test.db')}`, drop: async () => undefined };
  const admin = process.env.DATABASE_URL;
  if (!admin) throw new Error('FUGONG_TEST_DB=postgres needs DATABASE_URL');
  const name = `fg_t_${crypto.randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const u = new URL(admin);
  u.pathname = '/' + name;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  core: Core;
  /** Every route the app registered, for sweeps over all of them. */
  routes: RouteInfo[];
  /** The small region tree of every test: district 120119 with real-shaped codes below it. */
  regions: {
    district: string;
    townA: string;
    townB: string;
    communityA: string;
    gridA: string;
    communityB: string;
    gridB: string;
  };
  /** Creates a user with the given grants; returns a client signed in as them. */
  userWith(username: string, grants: GrantInput[]): Promise<Client>;
  login(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export interface Client {
  userId: number | null;
  /** The session cookie ("fg_sid=…"), for requests made outside app.inject (real HTTP). */
  cookie: string | null;
  csrf: string | null;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

function client(app: FastifyInstance, cookie: string | null, csrf: string | null, userId: number | null): Client {
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...(opts.headers ?? {}) },
    });
  return {
    userId,
    cookie,
    csrf,
    request,
    get: (url, headers) => request({ method: 'GET', url, headers }),
    post: (url, body, headers) => request({ method: 'POST', url, payload: body as never, headers }),
    put: (url, body) => request({ method: 'PUT', url, payload: body as never }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as never }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/**
 * One app on a fresh database with a small region tree and an admin user. Use one per test file
 * (beforeAll) and close it in afterAll.
 */
export async function createTestApp(
  opts: { clock?: Clock; /** no region tree and no admin: for loading the demo */ empty?: boolean } = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fugong-test-'));
  const db = await freshDatabaseUrl(dataDir);
  const config = {
    ...loadConfig({}),
    dataDir,
    databaseUrl: db.url,
    dialect: testDb,
    secretKeyHex: crypto.randomBytes(32).toString('hex'),
    demoOnEmpty: false,
  } as const;
  const core = await createCore({ config, clock: opts.clock ?? systemClock });
  // every answer a test receives is checked against the OpenAPI document (platform/http.ts)
  checkResponses(true);
  const { app, services, routes } = await buildApp(core, { logger: false });
  await app.ready();

  // a trimmed Jizhou: 2 towns, each with 2 communities of 2 grids
  const rows = buildDistrictRegions({
    code: '120119',
    name: '蓟州区',
    shortName: 'jizhou',
    city: '天津市',
    towns: 2,
    streets: 1,
    villages: 2,
    communities: 2,
    gridsPerCommunity: 2,
    gridsPerVillage: 2,
  });
  if (!opts.empty) await services.regions.insertMany(rows);
  const towns = rows.filter((r) => r.level === 'town');
  const commOf = (t: string) => rows.find((r) => r.parentCode === t && r.level === 'community')!.code;
  const gridOf = (c: string) => rows.find((r) => r.parentCode === c && r.level === 'grid')!.code;
  const regions = {
    district: '120119',
    townA: towns[0]!.code,
    townB: towns[1]!.code,
    communityA: commOf(towns[0]!.code),
    gridA: gridOf(commOf(towns[0]!.code)),
    communityB: commOf(towns[1]!.code),
    gridB: gridOf(commOf(towns[1]!.code)),
  };

  async function login(username: string, password = TEST_PASSWORD): Promise<Client> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const setCookie = res.headers['set-cookie'];
    const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie);
    const body = res.json() as { csrfToken: string; id: number };
    return client(app, raw.split(';')[0]!, body.csrfToken, body.id);
  }

  async function userWith(username: string, grants: GrantInput[]): Promise<Client> {
    await services.users.createUser(systemContext(), { username, displayName: username, password: TEST_PASSWORD, grants });
    return login(username);
  }

  if (!opts.empty)
    await services.users.createUser(systemContext(), {
      username: 'admin',
      displayName: 'Admin',
      password: TEST_PASSWORD,
      grants: [{ role: 'admin' }],
    });

  return {
    app,
    services,
    core,
    routes,
    regions,
    userWith,
    login,
    anonymous: () => client(app, null, null, null),
    async close() {
      await app.close();
      await closeCore(core);
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      const off = takeMismatches();
      if (off.length > 0) throw new Error(`answers that do not match the OpenAPI document:\n  ${off.join('\n  ')}`);
    },
  };
}
