import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { addDays, localDate, manualClock } from '../../platform/clock';
import { systemContext } from '../../platform/context';
import { endOfLocalDay } from './dashboard.service';
import { allMigrations } from '../index';

// The dashboard reads two rollups (entity counts per day from the status history, report sums
// per day) that every write keeps up to date; each must equal a recomputation from the raw rows.
let t: TestApp;
const clock = manualClock('2026-03-10T02:00:00Z');
const today = localDate(clock.now());
const ctx = systemContext();
const paths: Record<string, string> = {};
const ids: number[] = [];
const users: Client[] = [];

const entity = (regionCode: string, i: number, over: Partial<EntityInput> = {}): EntityInput =>
  ({
    kind: 'enterprise',
    name: `主体${i}`,
    regNo: `RU${i}`,
    regionCode,
    sector: 'secondary',
    industry: '制造业',
    sizeClass: 'small',
    registeredStaff: 10 + i,
    ...over,
  }) as EntityInput;

const report = (over: Record<string, unknown> = {}) => ({
  reportDate: today,
  staffOnDuty: 8,
  fromOtherProvinces: 2,
  underObservation: 0,
  abnormalTemperature: 0,
  suspectedCases: 0,
  capacityRate: 75.5,
  supplyDaysLeft: 7,
  problems: '',
  ...over,
});

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r, Object.keys(r as object).sort())).sort();

/** Every root (district, town, community, grid) and every day of the last three weeks: rollup = recomputation. */
async function expectRollupsMatch() {
  const s = t.services;
  for (const path of Object.values(paths)) {
    const childLen = path.split('/').filter(Boolean).length === 1 ? 12 : path.split('/').filter(Boolean).length <= 2 ? 12 : 15;
    // the days around every change above (registration, the two resumption days, today)
    for (const d of [-21, -20, -11, -10, -6, -5, -4, -1, 0]) {
      const date = addDays(today, d);
      for (const len of [childLen, null]) {
        expect(sorted(await s.registryStats.resumptionFacts(path, date, len)), `facts ${path} ${date}`).toEqual(
          sorted(await s.registryStats.resumptionFactsFromEntities(path, endOfLocalDay(date), len)),
        );
        expect(sorted(await s.dailyReports.sums(path, date, len)), `sums ${path} ${date}`).toEqual(
          sorted(await s.dailyReports.sumsFromReports(path, date, len)),
        );
      }
    }
    const byDay = await s.registryStats.resumptionTotalsByDay(path, addDays(today, -21), today);
    for (const [date, v] of byDay) {
      const facts = await s.registryStats.resumptionFactsFromEntities(path, endOfLocalDay(date), null);
      expect(v, `totals ${path} ${date}`).toEqual({
        total: facts.reduce((n, f) => n + f.total, 0),
        resumed: facts.reduce((n, f) => n + f.resumed, 0),
      });
    }
  }
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  for (const [k, code] of Object.entries(t.regions)) paths[k] = (await t.services.regions.resolve(code)).path;
  const s = t.services;
  // a mix of kinds, buildings (never counted), missing industry and size class, two towns
  const made = await s.registry.createEntities(ctx, [
    entity(t.regions.gridA, 0, { aboveScale: true, fourAbove: true, sizeClass: 'large' }),
    entity(t.regions.gridA, 1, { industry: null, sizeClass: null } as Partial<EntityInput>),
    entity(t.regions.gridA, 2, { kind: 'individual', sector: 'tertiary', industry: '零售业', sizeClass: 'micro' }),
    entity(t.regions.communityA, 3, { kind: 'building', sector: 'tertiary', industry: null } as Partial<EntityInput>),
    entity(t.regions.gridB, 4, { kind: 'individual', sector: 'tertiary', industry: '零售业', sizeClass: 'micro' }),
    entity(t.regions.gridB, 5, { sector: 'tertiary', industry: '零售业', aboveQuota: true, fourAbove: true }),
    entity(t.regions.communityB, 6, { kind: 'project', industry: '建筑业', sizeClass: 'large' }),
  ]);
  ids.push(...made);
  // registered three weeks ago, resumed on different days (past status lines)
  await s.registryStats.backfill(
    ctx,
    made,
    `${addDays(today, -20)}T00:00:00.000Z`,
    [
      { at: `${addDays(today, -10)}T01:00:00.000Z`, ids: [made[0]!, made[2]!, made[3]!] },
      { at: `${addDays(today, -5)}T17:00:00.000Z`, ids: [made[4]!, made[5]!] }, // 01:00 the next local day
    ],
    'test',
  );
  // one created today through the single-entity path
  ids.push(await s.registry.createEntity(ctx, entity(t.regions.gridA, 7, { sector: 'primary', industry: '农业' })));
  for (const id of [made[0]!, made[2]!, made[4]!, made[5]!]) {
    const name = `u${id}`;
    await s.users.createUser(ctx, {
      username: name,
      displayName: name,
      password: 'Passw0rd!',
      grants: [{ role: 'enterprise', entityId: id }],
    });
    users.push(await t.login(name));
  }
});
afterAll(() => t.close());

describe('dashboard rollups', () => {
  it('equal the recomputation after backfilled history and creations', async () => {
    const facts = await t.services.registryStats.resumptionFacts(paths.district!, today, null);
    // eight entities, the building never counts; four resumed
    expect([facts.reduce((n, f) => n + f.total, 0), facts.reduce((n, f) => n + f.resumed, 0)]).toEqual([7, 4]);
    await expectRollupsMatch();
  });

  it('follow submissions, late reports and replacements of the same day', async () => {
    const [u0, u2, u4, u5] = users as [Client, Client, Client, Client];
    expect((await u0.post('/api/reports/daily', report())).statusCode).toBe(200);
    expect((await u0.post('/api/reports/daily', report({ reportDate: addDays(today, -1), staffOnDuty: 5 }))).statusCode).toBe(
      200,
    );
    expect((await u2.post('/api/reports/daily', report({ staffOnDuty: 1, fromOtherProvinces: 0 }))).statusCode).toBe(200);
    expect((await u4.post('/api/reports/daily', report({ abnormalTemperature: 1 }))).statusCode).toBe(200);
    await expectRollupsMatch();
    // second reports of the same day replace the first: different sums, alert raised then cleared
    expect((await u0.post('/api/reports/daily', report({ staffOnDuty: 9, capacityRate: 90 }))).json().version).toBe(2);
    expect((await u4.post('/api/reports/daily', report({ abnormalTemperature: 0, suspectedCases: 1 }))).json().version).toBe(2);
    expect((await u4.post('/api/reports/daily', report({ abnormalTemperature: 0, suspectedCases: 0 }))).json().version).toBe(3);
    expect((await u5.post('/api/reports/daily', report())).statusCode).toBe(200);
    await expectRollupsMatch();
    const overall = (await t.services.dailyReports.sums(paths.district!, today, null)).reduce((n, r) => n + r.reporting, 0);
    expect(overall).toBe(4);
  });

  it('stay exact when submissions of the same entity and day race each other', async () => {
    const res = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => users[3]!.post('/api/reports/daily', report({ staffOnDuty: n + 2, capacityRate: 10 * n }))),
    );
    expect(
      res.map((r) => (r.statusCode === 409 ? 200 : r.statusCode)),
      res.map((r) => r.body).join('\n'),
    ).toEqual([200, 200, 200, 200, 200, 200]);
    for (const path of [paths.district!, paths.townB!]) {
      for (const len of [12, null])
        expect(sorted(await t.services.dailyReports.sums(path, today, len))).toEqual(
          sorted(await t.services.dailyReports.sumsFromReports(path, today, len)),
        );
    }
  });

  it('follow a replacement after the entity moved and changed category (the old group loses it, the new one gains it)', async () => {
    const id = ids[0]!;
    const e = (await t.services.registry.getManyForService([id])).get(id)!;
    const admin = await t.userWith('reg-admin', [{ role: 'admin' }]);
    const moved = {
      ...entity(t.regions.gridB, 0, { aboveScale: false, fourAbove: false, sizeClass: 'medium', industry: '食品制造业' }),
      name: e.name,
    };
    expect((await admin.put(`/api/registry/entities/${id}`, moved)).statusCode).toBe(200);
    await expectRollupsMatch(); // the whole history of the entity moved to its new town and category
    expect((await users[0]!.post('/api/reports/daily', report({ staffOnDuty: 3 }))).json().version).toBe(3);
    await expectRollupsMatch();
  });

  it('follow status changes: suspended, resumed again, closed', async () => {
    const s = t.services;
    const change = (id: number, to: 'suspended' | 'resumed' | 'closed') =>
      t.core.db.transaction().execute((trx) => s.registry.changeStatus(trx, ctx, id, to, 'test'));
    await change(ids[2]!, 'suspended');
    await expectRollupsMatch();
    clock.advance(24 * 3600_000); // a day later (the comparisons below still use the first day's dates)
    await change(ids[2]!, 'resumed');
    await change(ids[5]!, 'closed');
    await change(ids[7]!, 'resumed');
    clock.advance(-24 * 3600_000);
    await expectRollupsMatch();
    const tomorrow = addDays(today, 1);
    for (const path of [paths.district!, paths.townA!]) {
      expect(sorted(await s.registryStats.resumptionFacts(path, tomorrow, 12))).toEqual(
        sorted(await s.registryStats.resumptionFactsFromEntities(path, endOfLocalDay(tomorrow), 12)),
      );
    }
  });

  it('are rebuilt from the raw rows to the same figures', async () => {
    const s = t.services;
    const before = {
      facts: sorted(await s.registryStats.resumptionFacts(paths.district!, today, 12)),
      sums: sorted(await s.dailyReports.sums(paths.district!, today, 12)),
    };
    expect(await s.registryStats.rebuildCounts()).toBe(ids.length);
    expect(await s.dailyReports.rebuildRollup()).toBeGreaterThan(0);
    expect(sorted(await s.registryStats.resumptionFacts(paths.district!, today, 12))).toEqual(before.facts);
    expect(sorted(await s.dailyReports.sums(paths.district!, today, 12))).toEqual(before.sums);
    await expectRollupsMatch();
  });

  it('are filled by their migrations on an existing database to the rows the live rebuild writes', async () => {
    const s = t.services;
    // a reporting entity without industry and size class, with an alert: the cases the fill must key and count alike
    await t.core.db.transaction().execute((trx) => s.registry.changeStatus(trx, ctx, ids[1]!, 'resumed', 'test'));
    await s.users.createUser(ctx, {
      username: 'u-plain',
      displayName: 'u-plain',
      password: 'Passw0rd!',
      grants: [{ role: 'enterprise', entityId: ids[1]! }],
    });
    const plain = await t.login('u-plain');
    expect((await plain.post('/api/reports/daily', report({ suspectedCases: 2, capacityRate: 33.3 }))).statusCode).toBe(200);
    const rows = async () => ({
      counts: sorted(await t.core.db.selectFrom('entityCountDelta').selectAll().execute()),
      sums: sorted(await t.core.db.selectFrom('dailyReportRollup').selectAll().execute()),
    });
    await s.registryStats.rebuildCounts();
    await s.dailyReports.rebuildRollup();
    const rebuilt = await rows();
    expect(rebuilt.counts.length).toBeGreaterThanOrEqual(4);
    expect(rebuilt.sums.length).toBeGreaterThanOrEqual(4);
    // each migration drops and refills its rollup; the collation ones follow, as on a database that runs them in order
    for (const name of ['0103_entity_count', '0104_entity_count_collation', '0321_report_rollup', '0322_report_rollup_collation'])
      await allMigrations()[name]!.up(t.core.db, t.core.dialect);
    expect(await rows()).toEqual(rebuilt);
    await expectRollupsMatch();
  });
});
