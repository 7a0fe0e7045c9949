// Pass verification through the real HTTP endpoint: a server process listening on a port, a signed-in
// checkpoint officer, autocannon (-c 50) on the same machine posting QR tokens to /api/passes/verify.
// Each request resolves the session, checks the checkpoint and the pass, and writes a scan row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idCardCheckChar } from '@fugong/contract';
import { loadConfig } from '../server/src/config';
import { createCore, closeCore } from '../server/src/bootstrap';
import { buildServices } from '../server/src/services';
import { makeActor } from '../server/src/platform/permissions';
import { systemContext } from '../server/src/platform/context';
import { buildDistrictRegions } from '../server/src/demo/regions.demo';
import { cannon, freePort, processCpuMs, startServer } from './http-bench-kit';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);
const HOLDERS = 2_000;
const PASSWORD = 'Bench-pass-2026';

/** 2,000 residents with class A passes (one in ten revoked), a community gate, a checkpoint officer. */
export async function prepare(dataDir: string, databaseUrl: string) {
  const config = { ...loadConfig({}), dataDir, databaseUrl, dialect: 'sqlite', demoOnEmpty: false } as const;
  const core = await createCore({ config });
  const s = buildServices(core);
  const rows = buildDistrictRegions({
    code: '120119',
    name: '蓟州区',
    shortName: 'jizhou',
    city: '天津市',
    towns: 1,
    streets: 0,
    villages: 0,
    communities: 1,
    gridsPerCommunity: 1,
    gridsPerVillage: 1,
  });
  await s.regions.insertMany(rows);
  const town = rows.find((r) => r.level === 'town')!.code;
  const community = rows.find((r) => r.level === 'community')!.code;
  const grid = rows.find((r) => r.level === 'grid')!.code;
  const admin = makeActor({ id: 0, username: 'bench', displayName: 'bench' }, [
    { role: 'admin', regionPath: null, department: null, entityId: null, venueId: null },
  ]);
  const ctx = { ...systemContext(), actor: admin };
  const checkpointId = await s.checkpoints.create(ctx, { name: '小区东门', kind: 'community_gate', regionCode: community });
  const tokens: string[] = [];
  for (let i = 0; i < HOLDERS; i++) {
    // distinct numbers: vary the birth year digit and the sequence
    const first17 = `1201191980${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}${String(Math.floor(i / 336)).padStart(3, '0')}`;
    const personId = await s.people.create(ctx, {
      name: `居民${i}`,
      idType: 'id_card',
      idNumber: first17 + idCardCheckChar(first17),
      phone: null,
      regionCode: grid,
      category: 'resident',
      address: null,
      employerEntityId: null,
    });
    const passId = await s.passes.issue(ctx, { personId, passClass: 'A' });
    tokens.push((await s.passes.get(ctx, passId)).token!);
    if (i % 10 === 9) await s.passes.revoke(ctx, passId, 'bench');
  }
  await s.users.createUser(systemContext(), {
    username: 'gate1',
    displayName: '卡点值守',
    password: PASSWORD,
    grants: [{ role: 'checkpoint', regionCode: town }],
  });
  await closeCore(core);
  return { checkpointId, tokens };
}

export async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fugong-bench-passes-'));
  const url = `sqlite:${path.join(dataDir, 'bench.db')}`;
  const { checkpointId, tokens } = await prepare(dataDir, url);
  const port = await freePort();
  const server = await startServer({ dataDir, url }, port);
  try {
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'gate1', password: PASSWORD }),
    });
    const cookie = String(login.headers.get('set-cookie')).split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    let n = 0;
    const requests = [
      {
        method: 'POST' as const,
        path: '/api/passes/verify',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        setupRequest: (req: Record<string, unknown>) => {
          const i = n++;
          return {
            ...req,
            body: JSON.stringify({ checkpointId, direction: i % 2 ? 'out' : 'in', token: tokens[i % tokens.length] }),
          };
        },
      },
    ];
    await cannon({ url: base, connections: 10, amount: 2_000, requests });
    const cpuBefore = processCpuMs(server.pid!);
    const r = await cannon({ url: base, connections: 50, duration: DURATION_S, requests });
    const cpuMsPerVerification = Number(((processCpuMs(server.pid!) - cpuBefore) / Math.max(1, r['2xx'])).toFixed(3));
    const verificationsPerSec = Math.round(r['2xx'] / (r.duration || DURATION_S));
    const probe = (await fetch(`${base}/api/checkpoints/${checkpointId}/scans?limit=1`, { headers: { cookie } }).then((x) =>
      x.json(),
    )) as { items: unknown[] };
    console.error(
      `[sqlite] ${r['2xx']} verifications in ${r.duration}s → ${verificationsPerSec}/s; latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms; non-2xx ${r.non2xx}, errors ${r.errors}; scans logged: ${probe.items.length ? 'yes' : 'no'}; server CPU ${cpuMsPerVerification} ms per verification; cores ${os.cpus().length}; load ${os.loadavg()[0]!.toFixed(1)}`,
    );
    console.log(
      JSON.stringify({
        verificationsPerSec,
        p99Ms: r.latency.p99,
        p50Ms: r.latency.p50,
        non2xx: r.non2xx,
        cpuMsPerVerification,
        loadAverage: Number(os.loadavg()[0]!.toFixed(1)),
        cores: os.cpus().length,
        date: new Date().toISOString(),
      }),
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
