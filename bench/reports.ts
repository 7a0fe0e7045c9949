// Daily-report ingest through the real HTTP API: the server as its own process, signed-in
// enterprise sessions (cookie + CSRF header), autocannon -c 50 on the same machine. Each
// request is one entity's report for one of the last four days; an entity reporting a day
// again replaces its report (one more version row), as in real use.
import os from 'node:os';
import { sql } from 'kysely';
import type { EntityInput } from '@fugong/contract';
import { closeCore } from '../server/src/bootstrap';
import { buildServices } from '../server/src/services';
import { addDays, localDate } from '../server/src/platform/clock';
import { systemContext } from '../server/src/platform/context';
import { buildDistrictRegions } from '../server/src/demo/regions.demo';
import { cannon, freePort, freshDatabase, openCore, processCpuMs, startServer, stopServer } from './http-bench-kit';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 5000);

/** Resumed entities, each with an enterprise user and a session made directly (no password hashing: sign-in is not what is measured). */
async function prepare(db: Awaited<ReturnType<typeof freshDatabase>>) {
  const core = await openCore(db);
  const s = buildServices(core);
  const ctx = systemContext();
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
    gridsPerVillage: 1,
  });
  await s.regions.insertMany(rows);
  const grids = rows.filter((r) => r.level === 'grid').map((r) => r.code);
  const inputs = Array.from(
    { length: ENTITIES },
    (_, i) =>
      ({
        kind: 'enterprise',
        name: `压测企业${i}`,
        regNo: `B${i}`,
        regionCode: grids[i % grids.length]!,
        sector: 'secondary',
        industry: '制造业',
        sizeClass: 'small',
        registeredStaff: 50,
      }) as EntityInput,
  );
  const ids: number[] = [];
  for (let i = 0; i < inputs.length; i += 2000) ids.push(...(await s.registry.createEntities(ctx, inputs.slice(i, i + 2000))));
  await s.registryStats.backfill(ctx, [], new Date().toISOString(), [{ at: new Date().toISOString(), ids }], 'bench');
  const now = new Date().toISOString();
  const sessions: { cookie: string; csrf: string }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const users = await core.db
      .insertInto('appUser')
      .values(
        part.map((id) => ({
          username: `bench${id}`,
          displayName: `bench${id}`,
          passwordHash: '!',
          phoneEnc: null,
          phoneMasked: null,
          locale: 'zh-CN',
          disabled: 0,
          mustChangePassword: 0,
          failedLogins: 0,
          lockedUntil: null,
          createdAt: now,
          lastLoginAt: null,
        })),
      )
      .returning('id')
      .execute();
    await core.db
      .insertInto('userGrant')
      .values(
        users.map((u, k) => ({
          userId: Number(u.id),
          role: 'enterprise',
          regionCode: null,
          regionPath: null,
          department: null,
          entityId: part[k]!,
          venueId: null,
        })),
      )
      .execute();
    for (const u of users) {
      const sess = await core.sessions.create(Number(u.id), { ip: null, userAgent: 'bench' });
      sessions.push({ cookie: `fg_sid=${sess.token}`, csrf: sess.csrfToken });
    }
  }
  await closeCore(core);
  return sessions;
}

function reportRequests(sessions: { cookie: string; csrf: string }[], start: number) {
  let n = start;
  const today = localDate(new Date());
  return [
    {
      method: 'POST' as const,
      path: '/api/reports/daily',
      setupRequest: (req: Record<string, unknown>) => {
        const i = n++;
        const sess = sessions[i % sessions.length]!;
        const day = addDays(today, -(Math.floor(i / sessions.length) % 4));
        return {
          ...req,
          headers: { 'content-type': 'application/json', cookie: sess.cookie, 'x-csrf-token': sess.csrf },
          body: JSON.stringify({
            reportDate: day,
            staffOnDuty: 40 + (i % 10),
            fromOtherProvinces: 3,
            underObservation: 0,
            abnormalTemperature: 0,
            suspectedCases: 0,
            capacityRate: 80 + (i % 20),
            supplyDaysLeft: 10,
            problems: '',
          }),
        };
      },
    },
  ];
}

async function benchOn(label: string, adminUrl: string | null) {
  const db = await freshDatabase(adminUrl);
  const sessions = await prepare(db);
  const port = await freePort();
  const server = await startServer(db, port);
  try {
    const url = `http://127.0.0.1:${port}`;
    await cannon({ url, connections: 10, amount: 1000, requests: reportRequests(sessions, 7_000_000) });
    const cpu = processCpuMs(server.pid!);
    const r = await cannon({ url, connections: 50, duration: DURATION_S, requests: reportRequests(sessions, 0) });
    const cpuMs = processCpuMs(server.pid!) - cpu;
    const ok = r['2xx'];
    const reportsPerSec = Math.round(ok / (r.duration || DURATION_S));
    const core = await openCore(db);
    const rows = await core.db
      .selectFrom('dailyReport')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const versions = await core.db
      .selectFrom('dailyReportVersion')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    await closeCore(core);
    console.error(
      `[${label}] ${ok} reports in ${r.duration}s → ${reportsPerSec}/s; latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms; non-2xx ${r.non2xx}, errors ${r.errors}; ${rows.n} report rows, ${versions.n} versions; server CPU ${(cpuMs / Math.max(1, ok)).toFixed(2)} ms per report; load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    return {
      db: label,
      reportsPerSec,
      p99Ms: r.latency.p99,
      p50Ms: r.latency.p50,
      reports: ok,
      non2xx: r.non2xx,
      serverCpuMsPerReport: Number((cpuMs / Math.max(1, ok)).toFixed(3)),
    };
  } finally {
    await stopServer(server);
    await db.drop();
  }
}

export async function run(): Promise<void> {
  const sqlite = await benchOn('sqlite', null);
  const postgres = process.env.DATABASE_URL?.startsWith('postgres') ? await benchOn('postgres', process.env.DATABASE_URL) : null;
  console.log(
    JSON.stringify({
      reportsPerSec: sqlite.reportsPerSec,
      p99Ms: sqlite.p99Ms,
      reports: sqlite.reports,
      sqlite,
      postgres,
      cores: os.cpus().length,
      loadAverage: os.loadavg()[0],
      date: new Date().toISOString(),
    }),
  );
}
