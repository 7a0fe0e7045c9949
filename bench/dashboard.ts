// Dashboard summary of one district with 100,000 entities and 30 days of daily reports
// (3,000,000 rows), through the real HTTP API as the district commander: sequential requests
// for the latest day and for earlier days, p95 of the response time and the server's CPU time
// per request. The data is written in bulk through the same repository functions the demo
// loader uses, so the dashboard's rollups are filled as they would be by the writes themselves.
// SQLite always (unless BENCH_DB=postgres); PostgreSQL too when DATABASE_URL is given (a fresh
// database is created under it and dropped afterwards).
import os from 'node:os';
import { sql } from 'kysely';
import type { EntityInput } from '@fugong/contract';
import { closeCore } from '../server/src/bootstrap';
import { buildServices } from '../server/src/services';
import { addDays, localDate } from '../server/src/platform/clock';
import { systemContext } from '../server/src/platform/context';
import { buildDistrictRegions } from '../server/src/demo/regions.demo';
import { demoDistricts } from '../server/src/demo/districts';
import { rng } from '../server/src/demo/random';
import { own } from '../server/src/platform/module';
import { reportsRepo, type NewDailyReport } from '../server/src/modules/reports/reports.repo';
import type { ReportsOwnTables } from '../server/src/modules/reports/reports.tables';
import { freePort, freshDatabase, openCore, percentile, processCpuMs, startServer, stopServer } from './http-bench-kit';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 100_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const KINDS: Partial<EntityInput>[] = [
  { kind: 'enterprise', sector: 'secondary', industry: '制造业', aboveScale: true, fourAbove: true, sizeClass: 'large' },
  { kind: 'enterprise', sector: 'secondary', industry: '制造业', sizeClass: 'small' },
  { kind: 'enterprise', sector: 'tertiary', industry: '零售业', aboveQuota: true, fourAbove: true, sizeClass: 'medium' },
  { kind: 'enterprise', sector: 'tertiary', industry: '餐饮业', sizeClass: 'micro' },
  { kind: 'individual', sector: 'tertiary', industry: '零售业', sizeClass: 'micro' },
  { kind: 'individual', sector: 'tertiary', industry: '居民服务业', sizeClass: 'micro' },
  { kind: 'farm', sector: 'primary', industry: '农业', sizeClass: 'small' },
  { kind: 'project', sector: 'secondary', industry: '建筑业', fourAbove: true, sizeClass: 'large' },
];

async function prepare(db: Awaited<ReturnType<typeof freshDatabase>>) {
  const started = Date.now();
  const core = await openCore(db);
  const s = buildServices(core);
  const ctx = systemContext();
  const r = rng(100_000);
  const regions = buildDistrictRegions(demoDistricts[0]!);
  await s.regions.insertMany(regions);
  const grids = regions.filter((x) => x.level === 'grid').map((x) => x.code);
  const today = localDate(new Date());
  const ids: number[] = [];
  for (let i = 0; i < ENTITIES; i += 2000) {
    const inputs = Array.from(
      { length: Math.min(2000, ENTITIES - i) },
      (_, k) =>
        ({
          name: `主体${i + k}`,
          regNo: `D${i + k}`,
          regionCode: r.pick(grids),
          registeredStaff: r.int(1, 300),
          ...r.pick(KINDS),
        }) as EntityInput,
    );
    ids.push(...(await s.registry.createEntities(ctx, inputs)));
  }
  // 80 % resume over the month, so "as of" earlier days differ
  const resumed = ids.filter(() => r.next() < 0.8);
  const byDay = new Map<string, number[]>();
  for (const id of resumed) {
    const at = `${addDays(today, -r.int(0, DAYS))}T01:00:00.000Z`;
    if (!byDay.has(at)) byDay.set(at, []);
    byDay.get(at)!.push(id);
  }
  await s.registryStats.backfill(
    ctx,
    ids,
    `${addDays(today, -DAYS - 5)}T00:00:00.000Z`,
    [...byDay.entries()].map(([at, list]) => ({ at, ids: list })),
    'bench',
  );
  const all = await s.registryStats.entitiesUnder('/120119/');
  const byId = new Map(all.map((e) => [Number(e.id), e]));
  let reports = 0;
  // one report per entity per day, as if every entity had reported every day (the worst case)
  for (let d = 0; d < DAYS; d++) {
    const day = addDays(today, -d);
    const rows: NewDailyReport[] = [];
    for (let k = 0; k < ids.length; k++) {
      const e = byId.get(ids[k]!)!;
      rows.push({
        entityId: Number(e.id),
        entityName: e.name,
        reportDate: day,
        regionPath: e.regionPath,
        kind: e.kind,
        sector: e.sector,
        industry: e.industry,
        aboveScale: Number(e.aboveScale),
        aboveQuota: Number(e.aboveQuota),
        fourAbove: Number(e.fourAbove),
        sizeClass: e.sizeClass,
        registeredStaff: e.registeredStaff,
        staffOnDuty: Math.floor(e.registeredStaff * 0.8),
        fromOtherProvinces: 1,
        underObservation: 0,
        abnormalTemperature: k % 5000 === 0 ? 1 : 0,
        suspectedCases: 0,
        capacityTenths: 700 + (k % 300),
        supplyDaysLeft: 10,
        problems: '',
        submittedBy: 'bench',
        submittedAt: `${day}T02:00:00.000Z`,
      });
    }
    await core.db.transaction().execute((trx) => reportsRepo.insertMany(own<ReportsOwnTables>(trx), rows));
    reports += rows.length;
    if (d % 5 === 4) console.error(`  ${reports} reports (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  await sql`analyze`.execute(core.db);
  await s.users.createUser(ctx, {
    username: 'bench-commander',
    displayName: 'bench',
    password: 'Bench-2026!',
    grants: [{ role: 'commander', regionCode: '120119' }],
  });
  await closeCore(core);
  console.error(`  prepared ${ENTITIES} entities and ${reports} reports in ${Math.round((Date.now() - started) / 1000)} s`);
  return { reports, today, towns: regions.filter((x) => x.level === 'town').map((x) => x.code) };
}

async function benchOn(label: string, adminUrl: string | null) {
  const db = await freshDatabase(adminUrl);
  const t0 = Date.now();
  const { reports, today, towns } = await prepare(db);
  const prepareS = Math.round((Date.now() - t0) / 1000);
  const port = await freePort();
  const server = await startServer(db, port);
  try {
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-commander', password: 'Bench-2026!' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const timeOne = async (date: string, more = '') => {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/dashboard/summary?date=${date}${more}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`summary ${res.status}`);
      await res.json();
      return performance.now() - t0;
    };
    for (let i = 0; i < 5; i++) await timeOne(today);
    const latest: number[] = [];
    const earlier: number[] = [];
    const town: number[] = [];
    const cpu0 = processCpuMs(server.pid!);
    for (let i = 0; i < REQUESTS; i++) latest.push(await timeOne(today));
    const cpu1 = processCpuMs(server.pid!);
    for (let i = 0; i < REQUESTS; i++) earlier.push(await timeOne(addDays(today, -(1 + (i % (DAYS - 1))))));
    const cpu2 = processCpuMs(server.pid!);
    // a town (its communities as rows), the next most common view
    for (let i = 0; i < REQUESTS; i++) town.push(await timeOne(today, `&regionCode=${towns[i % towns.length]}`));
    for (const l of [latest, earlier, town]) l.sort((a, b) => a - b);
    const out = {
      db: label,
      p95Ms: Math.round(percentile(latest, 95)),
      p50Ms: Math.round(percentile(latest, 50)),
      earlierDaysP95Ms: Math.round(percentile(earlier, 95)),
      townP95Ms: Math.round(percentile(town, 95)),
      cpuMsPerRequest: Math.round(((cpu1 - cpu0) / REQUESTS) * 10) / 10,
      cpuMsPerRequestEarlierDays: Math.round(((cpu2 - cpu1) / REQUESTS) * 10) / 10,
      entities: ENTITIES,
      reports,
      prepareS: prepareS,
      loadAverage: Math.round(os.loadavg()[0]! * 10) / 10,
    };
    console.error(
      `[${label}] summary of the district, latest day p50 ${out.p50Ms} ms, p95 ${out.p95Ms} ms (server CPU ${out.cpuMsPerRequest} ms each); earlier days p95 ${out.earlierDaysP95Ms} ms (CPU ${out.cpuMsPerRequestEarlierDays} ms); a town p95 ${out.townP95Ms} ms; load average ${out.loadAverage}`,
    );
    return out;
  } finally {
    await stopServer(server);
    await db.drop();
  }
}

export async function run(): Promise<void> {
  const sqlite = process.env.BENCH_DB === 'postgres' ? null : await benchOn('sqlite', null);
  const postgres = process.env.DATABASE_URL?.startsWith('postgres') ? await benchOn('postgres', process.env.DATABASE_URL) : null;
  const main = (sqlite ?? postgres)!;
  console.log(
    JSON.stringify({
      p95Ms: main.p95Ms,
      entities: main.entities,
      reports: main.reports,
      sqlite,
      postgres,
      cores: os.cpus().length,
      loadAverage: os.loadavg()[0],
      date: new Date().toISOString(),
    }),
  );
}
