// Venue booking through the real public HTTP API: a server process listening on a port, autocannon
// (-c 50) on the same machine. Throughput and p99 on a roomy venue, then the oversell run: 30,000
// attempts on a day with 20,000 places. SQLite always; PostgreSQL too when DATABASE_URL is set.
import os from 'node:os';
import { idCardCheckChar } from '@fugong/contract';
import { closeCore } from '../server/src/bootstrap';
import { buildServices } from '../server/src/services';
import { makeActor } from '../server/src/platform/permissions';
import { localDate } from '../server/src/platform/clock';
import { buildDistrictRegions } from '../server/src/demo/regions.demo';
import { cannon, freePort, freshDatabase, openCore, processCpuMs, startServer, stopServer } from './http-bench-kit';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);

/** The n-th distinct valid 身份证 number (a birth date per 1,000 people). */
function idCard(n: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(n / 1000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `110101${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

/** Migrates the database and creates the two venues, as an administrator would, before the server starts. */
async function prepare(db: Parameters<typeof openCore>[0]) {
  const core = await openCore(db);
  const s = buildServices(core);
  const rows = buildDistrictRegions({
    code: '120119',
    name: '蓟州区',
    shortName: 'jizhou',
    city: '天津市',
    towns: 1,
    streets: 0,
    villages: 1,
    communities: 1,
    gridsPerCommunity: 1,
    gridsPerVillage: 1,
  });
  await s.regions.insertMany(rows);
  const regionCode = rows.find((r) => r.level === 'town')!.code;
  const admin = makeActor({ id: 0, username: 'bench', displayName: 'bench' }, [
    { role: 'admin', regionPath: null, department: null, entityId: null, venueId: null },
  ]);
  const ctx = { actor: admin, ip: null, requestId: null, locale: 'zh-CN' as const };
  const roomy = await s.venues.create(ctx, {
    name: '盘山 (throughput)',
    kind: 'scenic',
    regionCode,
    address: '',
    phone: '',
    normalCapacity: 1_000_000,
    openingDays: '1234567',
    bookingDaysAhead: 7,
    bookable: true,
  });
  const tight = await s.venues.create(ctx, {
    name: '盘山 (oversell)',
    kind: 'scenic',
    regionCode,
    address: '',
    phone: '',
    normalCapacity: 40_000,
    openingDays: '1234567',
    bookingDaysAhead: 7,
    bookable: true,
  });
  await s.venues.addRule(ctx, tight, {
    mode: 'absolute',
    capacity: 20_000,
    ratioPct: null,
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    note: 'bench',
  });
  const day = localDate(new Date());
  await closeCore(core);
  return { roomy, tight, day };
}

function bookingRequests(venueId: number, day: string, start: number) {
  let n = start;
  return [
    {
      method: 'POST' as const,
      path: '/api/public/venue-bookings',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req: Record<string, unknown>) => {
        const i = n++;
        return {
          ...req,
          body: JSON.stringify({
            venueId,
            day,
            phone: `139${String(i % 1e8).padStart(8, '0')}`,
            healthAttested: true,
            visitors: [{ name: '游客' + i, idType: 'id_card', idNumber: idCard(i) }],
          }),
        };
      },
    },
  ];
}

async function benchOn(label: string, databaseUrl: string | null) {
  const fresh = await freshDatabase(databaseUrl);
  const { roomy, tight, day } = await prepare(fresh);
  const port = await freePort();
  // the public per-address limit would otherwise refuse a load generator on one address
  const server = await startServer(fresh, port, { PUBLIC_RATE_PER_MINUTE: '1000000' });
  try {
    const base = `http://127.0.0.1:${port}`;
    // warm-up: JIT and connection pools
    await cannon({ url: base, connections: 10, amount: 500, requests: bookingRequests(roomy, day, 5_000_000) });
    const cpuBefore = processCpuMs(server.pid!);
    const t = await cannon({ url: base, connections: 50, duration: DURATION_S, requests: bookingRequests(roomy, day, 0) });
    const serverCpuMs = processCpuMs(server.pid!) - cpuBefore;
    const booked = t['2xx'];
    const bookingsPerSec = Math.round(booked / (t.duration || DURATION_S));
    console.error(
      `[${label}] throughput: ${booked} bookings in ${t.duration}s → ${bookingsPerSec}/s; latency p50 ${t.latency.p50} ms, p99 ${t.latency.p99} ms; non-2xx ${t.non2xx}, errors ${t.errors}; server CPU ${(serverCpuMs / Math.max(1, booked)).toFixed(2)} ms per booking; load average ${os.loadavg()[0]!.toFixed(1)}`,
    );

    const o = await cannon({ url: base, connections: 50, amount: 30_000, requests: bookingRequests(tight, day, 10_000_000) });
    const admitted = o['2xx'];
    const check = await fetch(`${base}/api/public/venues/${tight}/availability?day=${day}`).then(
      (r) => r.json() as Promise<{ capacity: number; remaining: number }>,
    );
    const core = await openCore(fresh);
    const rows = await core.db
      .selectFrom('venueBooking')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('venueId', '=', tight)
      .executeTakeFirstOrThrow();
    await closeCore(core);
    const rowCount = Number(rows.n);
    const oversold = Math.max(0, rowCount - 20_000, admitted - 20_000);
    console.error(
      `[${label}] oversell: 30,000 attempts on 20,000 places → ${admitted} booked (rows ${rowCount}), ${o.non2xx} refused, remaining ${check.remaining}; oversold ${oversold}`,
    );
    return {
      db: label,
      bookingsPerSec,
      p99Ms: t.latency.p99,
      p50Ms: t.latency.p50,
      attempted: o.requests.total,
      admitted,
      oversold,
      rows: rowCount,
    };
  } finally {
    await stopServer(server);
    await fresh.drop();
  }
}

export async function run(): Promise<void> {
  const sqlite = await benchOn('sqlite', null);
  const postgres = process.env.DATABASE_URL?.startsWith('postgres') ? await benchOn('postgres', process.env.DATABASE_URL) : null;
  console.log(
    JSON.stringify({
      bookingsPerSec: sqlite.bookingsPerSec,
      p99Ms: sqlite.p99Ms,
      attempted: sqlite.attempted,
      admitted: sqlite.admitted,
      oversold: sqlite.oversold,
      sqlite,
      postgres,
      cores: os.cpus().length,
      date: new Date().toISOString(),
    }),
  );
}
