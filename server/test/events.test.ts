import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDb, type TestApp } from './helpers';
import { declareEventPermissions } from '../src/platform/event-permissions';
import { createLocalBus, createPgBus, type DomainEvent, type EventBus } from '../src/platform/events';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => t.close());

interface Frame {
  event: string;
  data: DomainEvent;
}

/** A real HTTP client of GET /api/events (its own connection) that collects the frames it receives. */
async function openStream(cookie: string) {
  const req = http.get(`${base}/api/events`, { headers: { cookie }, agent: false });
  const [res] = (await once(req, 'response')) as [http.IncomingMessage];
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
  res.setEncoding('utf8');
  const frames: Frame[] = [];
  let buffer = '';
  let connected = false;
  let ended = false;
  res.on('data', (chunk: string) => {
    buffer += chunk;
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      if (block.startsWith(': connected')) connected = true;
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) frames.push({ event, data: JSON.parse(data) });
    }
  });
  res.on('end', () => (ended = true));
  await expect.poll(() => connected, { timeout: 5000 }).toBe(true);
  return {
    frames,
    ids: () => frames.map((f) => f.data.data.id),
    ended: () => ended,
    waitFor: (id: string) => expect.poll(() => frames.some((f) => f.data.data.id === id), { timeout: 5000 }).toBe(true),
    close: () => req.destroy(),
  };
}

// a test event read by region officers and by the entity's own users
declareEventPermissions({ 'test.changed': ['registry.read', 'registry.own'] });

describe('GET /api/events (Server-Sent Events)', () => {
  it('delivers each event only to the users whose regions or entities it concerns', async () => {
    const a = await t.userWith('sse.town.a', [{ role: 'town', regionCode: t.regions.townA }]);
    const b = await t.userWith('sse.town.b', [{ role: 'town', regionCode: t.regions.townB }]);
    const ent = await t.userWith('sse.ent', [{ role: 'enterprise', entityId: 42 }]);
    const admin = await t.login('admin');
    const sa = await openStream(a.cookie!);
    const sb = await openStream(b.cookie!);
    const se = await openStream(ent.cookie!);
    const sadmin = await openStream(admin.cookie!);
    const inA = `/120119/${t.regions.townA}/${t.regions.communityA}/`;
    const inB = `/120119/${t.regions.townB}/${t.regions.communityB}/`;

    t.core.events.publish({ type: 'test.changed', regionPath: inA, data: { id: 'e1' } });
    await sa.waitFor('e1');
    await sadmin.waitFor('e1');
    t.core.events.publish({ type: 'test.changed', regionPath: inB, data: { id: 'e2', entityId: 42 } });
    await sb.waitFor('e2');
    await se.waitFor('e2');
    // e1 was written to every stream it went to before e2 was published: B never got it
    expect(sb.ids()).toEqual(['e2']);
    t.core.events.publish({ type: 'test.changed', regionPath: inA, data: { id: 'e3', entityId: 43 } });
    t.core.events.publish({ type: 'test.changed', regionPath: null, data: { id: 'e4' } });
    await sa.waitFor('e3');
    await sadmin.waitFor('e4');
    expect(sa.ids()).toEqual(['e1', 'e3']);
    expect(se.ids()).toEqual(['e2']);
    expect(sadmin.ids()).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(sa.frames[0]).toMatchObject({
      event: 'test.changed',
      data: { type: 'test.changed', regionPath: inA, at: expect.stringMatching(/Z$/) },
    });
    for (const s of [sa, sb, se, sadmin]) s.close();
  });

  it('delivers an event only to holders of the permission its type is declared with', async () => {
    const town = await t.userWith('sse.alert.town', [{ role: 'town', regionCode: t.regions.townA }]);
    const liaison = await t.userWith('sse.alert.liaison', [{ role: 'liaison', regionCode: t.regions.townA }]);
    const st = await openStream(town.cookie!);
    const sl = await openStream(liaison.cookie!);
    const inA = `/120119/${t.regions.townA}/${t.regions.communityA}/`;
    // a health alert is for those who read reports (town, commander), not for the area's liaisons
    t.core.events.publish({ type: 'reports.alert', regionPath: inA, data: { id: 'a1' } });
    t.core.events.publish({ type: 'undeclared.kind', regionPath: inA, data: { id: 'u1' } });
    t.core.events.publish({ type: 'test.changed', regionPath: inA, data: { id: 'c1' } });
    await st.waitFor('c1');
    await sl.waitFor('c1');
    expect(st.ids()).toEqual(['a1', 'c1']);
    expect(sl.ids()).toEqual(['c1']);
    for (const s of [st, sl]) s.close();
  });

  it('answers 401 without a session', async () => {
    const res = await fetch(`${base}/api/events`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('auth.required');
  });

  it('ends open streams when the server shuts down', async () => {
    const admin = await t.login('admin');
    const s = await openStream(admin.cookie!);
    const started = Date.now();
    await t.app.close();
    await expect.poll(() => s.ended(), { timeout: 5000 }).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('in-process event bus', () => {
  it('delivers to every subscriber until it unsubscribes', async () => {
    const bus = createLocalBus();
    const got: string[] = [];
    const off = bus.subscribe((e) => got.push(`1:${e.type}`));
    bus.subscribe((e) => got.push(`2:${e.type}`));
    bus.publish({ type: 'x', regionPath: null, data: {} });
    off();
    bus.publish({ type: 'y', regionPath: null, data: {} });
    expect(got).toEqual(['1:x', '2:x', '2:y']);
    await bus.close();
  });
});

describe.runIf(testDb === 'postgres')('PostgreSQL event bus (LISTEN/NOTIFY)', () => {
  const pools: pg.Pool[] = [];
  const buses: EventBus[] = [];
  afterAll(async () => {
    for (const b of buses) await b.close();
    for (const p of pools) await p.end();
  });
  const node = async (name: string, errors: unknown[] = []) => {
    const pool = new pg.Pool({ connectionString: t.core.config.databaseUrl, application_name: name, max: 3 });
    pools.push(pool);
    const bus = await createPgBus(pool, { onError: (err) => errors.push(err) });
    buses.push(bus);
    const got: DomainEvent[] = [];
    bus.subscribe((e) => got.push(e));
    return { bus, got, ids: () => got.map((e) => e.data.id) };
  };

  it('delivers one publish exactly once to each of two nodes on the same database', async () => {
    const n1 = await node('fg-bus-1');
    const n2 = await node('fg-bus-2');
    n1.bus.publish({ type: 'test.once', regionPath: '/120119/', data: { id: 'p1' } });
    await expect.poll(() => n1.got.length + n2.got.length, { timeout: 5000 }).toBe(2);
    // a duplicate would arrive within the same round trip; give it time to show
    await new Promise((r) => setTimeout(r, 300));
    expect(n1.ids()).toEqual(['p1']);
    expect(n2.ids()).toEqual(['p1']);
    expect(n2.got[0]).toMatchObject({ type: 'test.once', regionPath: '/120119/', at: expect.any(String) });
  });

  it('listens again after its database connection is killed', async () => {
    const errors: unknown[] = [];
    const n3 = await node('fg-bus-3', errors);
    const n4 = await node('fg-bus-4');
    const admin = new pg.Client({ connectionString: t.core.config.databaseUrl });
    await admin.connect();
    const killed = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'fg-bus-3' AND datname = current_database()`,
    );
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    await expect.poll(() => errors.length, { timeout: 5000 }).toBeGreaterThan(0);
    // keep publishing until node 3 hears again (it retries every second)
    let n = 0;
    await expect
      .poll(
        () => {
          n4.bus.publish({ type: 'test.ping', regionPath: null, data: { id: `ping${++n}` } });
          return n3.got.length;
        },
        { timeout: 8000, interval: 300 },
      )
      .toBeGreaterThan(0);
    await expect.poll(() => n4.got.length, { timeout: 5000 }).toBe(n);
    expect(new Set(n4.ids()).size).toBe(n);
  });
});
