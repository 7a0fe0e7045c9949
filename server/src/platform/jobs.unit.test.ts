import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { platformMigrations } from '../db/migrations/index';
import { manualClock } from './clock';
import { createJobs, type Jobs } from './jobs';

const HOUR = 3600_000;
let dir: string;
let nodeA: Database;
let nodeB: Database;

// two "nodes": two connections to one SQLite file, each with its own job runner, sharing one clock
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fugong-jobs-'));
  const url = `sqlite:${path.join(dir, 'jobs.db')}`;
  nodeA = openDatabase(url);
  await migrateToLatest(nodeA.db, 'sqlite', platformMigrations);
  nodeB = openDatabase(url);
});
afterAll(async () => {
  await nodeA.close();
  await nodeB.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function runners(name: string, run: (node: string) => Promise<string | void>) {
  const clock = manualClock('2026-03-01T00:00:00Z');
  const make = (db: Database, node: string) => {
    const jobs = createJobs({ db: db.db, clock });
    jobs.register({ name, everyMs: HOUR, run: () => run(node) });
    return jobs;
  };
  return { clock, a: make(nodeA, 'A'), b: make(nodeB, 'B') };
}

const lease = (name: string) => nodeA.db.selectFrom('jobLease').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

describe('jobs with database leases', () => {
  it('runs a job on one node per lease period and on the other after the lease expires', async () => {
    const ran: string[] = [];
    const { clock, a, b } = runners('test.lease', async (node) => {
      ran.push(node);
      return `ran on ${node}`;
    });
    expect(await a.runOnce('test.lease')).toBe(true);
    expect(await b.runOnce('test.lease')).toBe(false);
    expect(await a.runOnce('test.lease')).toBe(false);
    clock.advance(HOUR - 1);
    expect(await b.runOnce('test.lease')).toBe(false);
    expect(ran).toEqual(['A']);
    expect(await lease('test.lease')).toMatchObject({
      holder: a.holder,
      lastStatus: 'ran on A',
      lastRunAt: '2026-03-01T00:00:00.000Z',
    });

    clock.advance(1);
    expect(await b.runOnce('test.lease')).toBe(true);
    expect(await a.runOnce('test.lease')).toBe(false);
    expect(ran).toEqual(['A', 'B']);
    expect(await lease('test.lease')).toMatchObject({
      holder: b.holder,
      lastStatus: 'ran on B',
      expiresAt: '2026-03-01T02:00:00.000Z',
    });
  });

  it('lets exactly one of two simultaneous attempts win', async () => {
    const ran: string[] = [];
    const { clock, a, b } = runners('test.race', async (node) => void ran.push(node));
    for (let period = 0; period < 5; period++) {
      const won = await Promise.all([a.runOnce('test.race'), b.runOnce('test.race')]);
      expect(won.filter(Boolean)).toHaveLength(1);
      clock.advance(HOUR);
    }
    expect(ran).toHaveLength(5);
  });

  it('records a failure as the job status and keeps the lease', async () => {
    const { clock, a, b } = runners('test.fail', async () => {
      throw new Error('mail server down');
    });
    expect(await a.runOnce('test.fail')).toBe(true);
    expect((await lease('test.fail')).lastStatus).toBe('error: mail server down');
    expect(await b.runOnce('test.fail')).toBe(false);
    clock.advance(HOUR);
    expect(await b.runOnce('test.fail')).toBe(true);
  });

  it('refuses an unknown job name', async () => {
    const { a } = runners('test.known', async () => undefined);
    await expect(a.runOnce('test.unknown')).rejects.toThrow(/unknown job/);
  });

  it('stop() waits for a run in progress', async () => {
    let release!: () => void;
    let finished = false;
    const clock = manualClock('2026-03-01T00:00:00Z');
    const jobs: Jobs = createJobs({ db: nodeA.db, clock });
    jobs.register({
      name: 'test.slow',
      everyMs: 20,
      run: () =>
        new Promise<void>((resolve) => {
          release = () => {
            finished = true;
            resolve();
          };
        }),
    });
    jobs.start();
    await expect.poll(() => typeof release === 'function', { timeout: 2000 }).toBe(true);
    const stopped = jobs.stop();
    setTimeout(() => release(), 50);
    await stopped;
    expect(finished).toBe(true);
  });
});
