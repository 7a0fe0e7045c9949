/**
 * Sweeps EVERY route the app registers (platform/http.ts trackRoutes), so a new module's routes
 * are checked the moment they are registered:
 *  1. without a session, every non-public /api/ route answers 401;
 *  2. a bank officer (a role that can do almost nothing) never gets a 2xx outside its own
 *     modules and the self-service routes;
 *  3. a town officer and a grid worker of town B never get town A's records: every GET :id route
 *     answers 401/403/404 for the town-A records an admin can list, and no GET answers with town A's
 *     region code in it.
 * Town-A records come from SEEDS: what an admin lists at a route's collection and mentions town A,
 * plus the ids a seed names for routes whose collection does not list them (sub-resources, records
 * without a region code in their summary). Every GET :id route must have one: the last test fails
 * for a route no seed covers, so a new module's detail route cannot slip past the sweep.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { idCardCheckChar, rolePermissions, usccCheckChar } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from './helpers';
import { postFile, sampleFiles } from './multipart';
import { systemContext } from '../src/platform/context';
import { localDate } from '../src/platform/clock';
import type { RouteInfo } from '../src/platform/http';

/** Never ends by itself; its access rules are tested in events.test.ts. */
const STREAMS = new Set(['GET /api/events']);
/** Seeded records that only the enterprise owning them reads (not even an admin); their seed reads them as the owner. */
const OWNER_READS = new Set(['GET /api/filings/staff/:id/qr']);
/** What any signed-in user may do about their own account. */
const SELF_SERVICE = new Set([
  'GET /api/auth/me',
  'POST /api/auth/password',
  'PUT /api/auth/locale',
  'GET /api/notifications',
  'POST /api/notifications/read',
]);

/** Town-A record ids a seed names per GET :id route ("GET /api/x/:id"), beyond what the collections list. */
type SeedIds = Record<string, (number | string)[]>;
type Seed = (t: TestApp, admin: Client) => Promise<SeedIds | void>;
const ok = <T = { id: number }>(res: { statusCode: number; body: string; json(): unknown }): T => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
/** The registry seed's enterprise: the town-A subject of the other modules' records. */
const townAEntity = async (admin: Client): Promise<number> =>
  ok<{ items: { id: number }[] }>(await admin.get('/api/registry/entities?q=甲镇扫描企业')).items[0]!.id;
/** Records placed in town A, created the way their module creates them. One per module. */
const SEEDS: Record<string, Seed> = {
  users: async (t, admin) => {
    const res = await admin.post('/api/users', {
      username: 'sweep.town.a',
      displayName: '甲镇用户',
      password: 'Start1234',
      grants: [{ role: 'grid', regionCode: t.regions.gridA }],
    });
    expect(res.statusCode, res.body).toBe(200);
  },
  registry: async (t, admin) => {
    const body = '91120119000000001';
    const res = await admin.post('/api/registry/entities', {
      kind: 'enterprise',
      name: '甲镇扫描企业',
      sector: 'secondary',
      regionCode: t.regions.gridA,
      uscc: body + usccCheckChar(body),
    });
    expect(res.statusCode, res.body).toBe(200);
  },
  prevention: async (t, admin) => {
    const first17 = '12011919850312101';
    const person = await admin.post('/api/people', {
      name: '甲镇居民',
      idType: 'id_card',
      idNumber: first17 + idCardCheckChar(first17),
      regionCode: t.regions.gridA,
      category: 'resident',
      address: '甲镇1栋',
    });
    expect(person.statusCode, person.body).toBe(200);
    expect((await admin.post('/api/passes', { personId: person.json().id, passClass: 'A' })).statusCode).toBe(200);
    expect(
      (await admin.post('/api/checkpoints', { name: '甲镇卡点', kind: 'road', regionCode: t.regions.townA })).statusCode,
    ).toBe(200);
    const a = await admin.post('/api/isolation/assessments', {
      personId: person.json().id,
      originRegion: '某地',
      originRisk: 'high',
      healthCode: 'green',
      temperature: 36.5,
      contact: 'none',
    });
    expect(a.json().isolationId, a.body).toBeGreaterThan(0);
    expect(
      (
        await admin.post('/api/sealed-buildings', {
          name: '甲镇3栋',
          regionCode: t.regions.communityA,
          residents: 100,
          reason: '密接',
        })
      ).statusCode,
    ).toBe(200);
    const campaign = await admin.post('/api/screening', {
      name: '甲镇排查',
      regionCode: t.regions.townA,
      startDate: '2026-03-01',
      endDate: '2026-03-07',
      householdsPerGrid: 10,
    });
    expect(campaign.statusCode, campaign.body).toBe(200);
  },
  enforcement: async (t, admin) => {
    const round = await admin.post('/api/enforcement/rounds', {
      name: '甲镇专项检查',
      regionCode: t.regions.townA,
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      premisesTypes: ['mall'],
    });
    expect(round.statusCode, round.body).toBe(200);
    const entity = (await admin.get('/api/registry/entities?q=甲镇扫描企业')).json().items[0];
    const ins = await admin.post('/api/enforcement/inspections', {
      roundId: round.json().id,
      entityId: entity.id,
      inspectedOn: '2026-03-02',
      inspectorCount: 2,
      results: { masks: false },
      outcome: 'notice',
      noticeItems: '佩戴口罩',
      noticeDeadline: '2026-03-05',
    });
    const { id, noticeId } = ok<{ id: number; noticeId: number }>(ins);
    return { 'GET /api/enforcement/inspections/:id': [id], 'GET /api/enforcement/notices/:id': [noticeId] };
  },
  filings: async (t, admin) => {
    const entityId = await townAEntity(admin);
    const boss = await t.userWith('sweep.filer.a', [{ role: 'enterprise', entityId }]);
    const filing = ok(await boss.post('/api/filings', {}));
    const attachment = ok(
      await postFile(boss, '/api/filings/attachments', 'plan.pdf', sampleFiles.pdf, { kind: 'prevention_plan' }),
    );
    const staffId = '12011919900101102' + idCardCheckChar('12011919900101102');
    const staff = ok(await boss.post('/api/filings/staff', { name: '甲镇员工', idNumber: staffId, phone: '13812345678' }));
    ok(await boss.get(`/api/filings/staff/${staff.id}/qr`)); // its enterprise alone opens it (OWNER_READS)
    // The checklist configuration is district-wide: its versions belong to no town, so the probe is
    // the current version, which only holders of filings.configure may read.
    const version = ok<{ version: number }[]>(await admin.get('/api/filings/config/versions'))[0]!.version;
    return {
      'GET /api/filings/:id': [filing.id],
      'GET /api/filings/attachments/:id': [attachment.id],
      'GET /api/filings/staff/:id/qr': [staff.id],
      'GET /api/filings/config/versions/:id': [version],
    };
  },
  reports: async (t, admin) => {
    const entityId = await townAEntity(admin);
    await t.core.db
      .transaction()
      .execute((trx) => t.services.registry.changeStatus(trx, systemContext(), entityId, 'resumed', '扫描'));
    const boss = await t.login('sweep.filer.a');
    const today = localDate(t.core.clock.now());
    const report = ok(
      await boss.post('/api/reports/daily', {
        reportDate: today,
        staffOnDuty: 10,
        fromOtherProvinces: 0,
        underObservation: 0,
        abnormalTemperature: 0,
        suspectedCases: 0,
        capacityRate: 50,
        supplyDaysLeft: 10,
        problems: '',
      }),
    );
    return { 'GET /api/reports/daily/:id/versions': [report.id] };
  },
  venues: async (t, admin) => {
    const venue = ok(
      await admin.post('/api/venues', { kind: 'scenic', name: '甲镇景区', regionCode: t.regions.townA, normalCapacity: 1000 }),
    );
    const hotel = ok(
      await admin.post('/api/venues', { kind: 'hotel', name: '甲镇宾馆', regionCode: t.regions.townA, normalCapacity: 50 }),
    );
    const both = [venue.id, hotel.id];
    const ofAnyVenue = ['', '/bookings', '/bookings/export', '/gate/stats', '/gate/checkins/export'];
    // guest registers are kept by hotels only (a scenic spot answers 409)
    return {
      ...Object.fromEntries(ofAnyVenue.map((sub) => [`GET /api/venues/:id${sub}`, both])),
      'GET /api/venues/:id/guests': [hotel.id],
      'GET /api/venues/:id/guests/export': [hotel.id],
    };
  },
  tickets: async (t, admin) => {
    const categories = ok<{ id: number }[]>(await admin.get('/api/tickets/categories'));
    const ticket = ok(
      await admin.post('/api/tickets', {
        categoryId: categories[0]!.id,
        title: '甲镇口罩缺口',
        description: '库存仅够两天',
        entityId: await townAEntity(admin),
      }),
    );
    return { 'GET /api/tickets/:id': [ticket.id] };
  },
  complaints: async (t, admin) => {
    const { receiptNo } = ok<{ receiptNo: string }>(
      await admin.post('/api/complaints', {
        content: '甲镇超市不查验健康码',
        regionCode: t.regions.townA,
        phone: '13700137000',
        channel: 'phone',
      }),
    );
    const listed = ok<{ items: { id: number; receiptNo: string }[] }>(await admin.get('/api/complaints?pageSize=100')).items;
    return { 'GET /api/complaints/:id': listed.filter((c) => c.receiptNo === receiptNo).map((c) => c.id) };
  },
  liaison: async (t, admin) => {
    const visit = ok(
      await admin.post('/api/liaison/visits', { entityId: await townAEntity(admin), visitDate: '2026-03-02', mode: 'phone' }),
    );
    return { 'GET /api/liaison/visits/:id': [visit.id], 'GET /api/liaison/visits/:id/photos': [visit.id] };
  },
  projects: async (t, admin) => {
    const entity = ok(
      await admin.post('/api/registry/entities', {
        kind: 'project',
        name: '甲镇重点项目',
        sector: 'secondary',
        regionCode: t.regions.gridA,
        regNo: 'XM-SWEEP-A',
      }),
    );
    const project = ok(
      await admin.post('/api/projects', {
        name: '甲镇重点项目',
        entityId: entity.id,
        level: 'district',
        phase: 'continuing',
        investmentFen: 100,
      }),
    );
    const approval = ok(
      await admin.post(`/api/projects/${project.id}/approvals`, {
        kind: '施工许可',
        department: 'housing',
        decidedOn: '2026-03-01',
        status: 'pending_documents',
        documents: [{ name: '规划许可证', dueOn: '2026-03-10' }],
      }),
    );
    return {
      'GET /api/projects/:id': [project.id],
      'GET /api/projects/:id/plans': [project.id],
      'GET /api/projects/approvals/:id': [approval.id],
    };
  },
  audit: async (t) => {
    await t.core.audit.record(t.core.db, systemContext(), {
      action: 'sweep.town_a',
      targetType: 'sweep',
      targetId: 1,
      regionPath: `/120119/${t.regions.townA}/`,
    });
  },
};

const t = await createTestApp();
afterAll(async () => t.close());
const admin = await t.login('admin');
const seedFailures: string[] = [];
const seededIds: SeedIds = {};
for (const [name, seed] of Object.entries(SEEDS)) {
  await seed(t, admin)
    .then((ids) => Object.assign(seededIds, ids))
    .catch((err: Error) => seedFailures.push(`${name}: ${err.message}`));
}
const anonymous = t.anonymous();
const bank = await t.userWith('sweep.bank', [{ role: 'bank' }]);
const outsiders: [string, Client, string][] = [
  ['town officer of town B', await t.userWith('sweep.town.b', [{ role: 'town', regionCode: t.regions.townB }]), t.regions.townB],
  ['grid worker of town B', await t.userWith('sweep.grid.b', [{ role: 'grid', regionCode: t.regions.gridB }]), t.regions.gridB],
];
/** Every region code of town A's subtree: a response mentioning one of them is about town A. */
const townACodes = (
  await t.core.db.selectFrom('region').select('code').where('path', 'like', `/120119/${t.regions.townA}/%`).execute()
).map((r) => r.code);
const aboutTownA = (text: string) => townACodes.find((c) => text.includes(c));

const key = (r: RouteInfo) => `${r.method} ${r.url}`;
const api = t.routes.filter((r) => r.url.startsWith('/api/') && !r.public && !STREAMS.has(key(r)));
const fill = (url: string, values: Record<string, string> = {}) =>
  url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? '1');
const call = (c: Client, r: RouteInfo, url = fill(r.url)) =>
  c.request({ method: r.method as never, url, ...(r.method === 'GET' ? {} : { payload: {} }) });

it('creates every seed', () => {
  expect(seedFailures).toEqual([]);
});

describe('without a session', () => {
  it.each(api.map((r) => [key(r), r] as const))('%s answers 401', async (_, r) => {
    const res = await call(anonymous, r);
    expect(res.statusCode, res.body).toBe(401);
    expect(res.json().code).toBe('auth.required');
  });
});

describe('a bank officer outside its own modules', () => {
  const ownModules = new Set(rolePermissions.bank.map((p) => p.split('.')[0]));
  const foreign = api.filter((r) => !SELF_SERVICE.has(key(r)) && !ownModules.has(r.url.split('/')[2]!));
  it.each(foreign.map((r) => [key(r), r] as const))('%s gives no 2xx', async (_, r) => {
    const res = await call(bank, r);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
  });
});

// Town-A records per GET :id route: what an admin lists at the route's collection and mentions town A.
const getsById = api.filter((r) => r.method === 'GET' && /:id\b/.test(r.url) && r.url.match(/:\w+/g)!.length === 1);
const townARecords = new Map<string, string[]>();
for (const r of getsById) {
  const collection = r.url.slice(0, r.url.indexOf('/:id'));
  const res = await admin.get(`${collection}?pageSize=100`);
  const items: { id?: unknown }[] = res.statusCode === 200 && Array.isArray(res.json()?.items) ? res.json().items : [];
  const listed = items.filter((i) => i.id != null && aboutTownA(JSON.stringify(i))).map((i) => String(i.id));
  const ids = [...new Set([...listed.slice(0, 3), ...(seededIds[key(r)] ?? []).map(String)])];
  if (ids.length) townARecords.set(key(r), ids);
}

describe.each(outsiders)('a %s', (_, outsider, ownRegion) => {
  const covered = getsById.filter((r) => townARecords.has(key(r)));
  it.each(covered.map((r) => [key(r), r] as const))('%s refuses town A’s records', async (_, r) => {
    for (const id of townARecords.get(key(r))!) {
      const res = await call(outsider, r, fill(r.url, { id }));
      expect([401, 403, 404], `${fill(r.url, { id })}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
    }
  });

  const lists = api.filter((r) => r.method === 'GET' && !r.url.includes(':'));
  it.each(lists.map((r) => [key(r), r] as const))('%s never mentions town A', async (_, r) => {
    for (const url of [r.url, `${r.url}?q=${t.regions.townA}`, `${r.url}?parent=${t.regions.townA}`]) {
      const res = await call(outsider, r, url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      expect(aboutTownA(res.rawPayload.toString('latin1')), url).toBeUndefined();
    }
  });

  it('still sees its own region (so the probes above could have succeeded)', async () => {
    const res = await outsider.get(`/api/regions/search?q=${ownRegion}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(ownRegion);
  });
});

describe('GET :id routes', () => {
  it('each have a town-A record to sweep', () => {
    expect(
      getsById.filter((r) => !townARecords.has(key(r))).map(key),
      'add a town-A seed to SEEDS in permission-sweep.test.ts',
    ).toEqual([]);
  });
  it('name records an admin can read (so a refusal above is about the caller, not a bad id)', async () => {
    const unreadable: string[] = [];
    for (const [k, ids] of Object.entries(seededIds).filter(([route]) => !OWNER_READS.has(route))) {
      for (const id of ids) {
        const url = fill(k.split(' ')[1]!, { id: String(id) });
        const res = await admin.get(url);
        if (res.statusCode !== 200) unreadable.push(`${url}: ${res.statusCode}`);
      }
    }
    expect(unreadable).toEqual([]);
  });
  it('name only routes that exist', () => {
    expect(Object.keys(seededIds).filter((k) => !getsById.some((r) => key(r) === k))).toEqual([]);
  });
});
