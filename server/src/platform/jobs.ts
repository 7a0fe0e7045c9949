import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/schema';
import type { Clock } from './clock';

export interface JobDef {
  name: string;
  everyMs: number;
  run(): Promise<string | void>;
}

export interface Jobs {
  register(job: JobDef): void;
  /** Take the lease if free and run the job once; returns whether this node ran it. */
  runOnce(name: string): Promise<boolean>;
  start(): void;
  stop(): Promise<void>;
  readonly holder: string;
}

/**
 * Scheduled jobs with database leases: a node runs a job only while it holds the job's lease
 * (a conditional update), so with several nodes each run happens on exactly one.
 */
export function createJobs({
  db,
  clock,
  logger,
}: {
  db: Kysely<PlatformTables>;
  clock: Clock;
  logger?: { error(o: unknown, m: string): void };
}): Jobs {
  const holder = crypto.randomUUID();
  const defs = new Map<string, JobDef>();
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();

  async function acquire(job: JobDef): Promise<boolean> {
    const now = clock.now();
    const until = new Date(now.getTime() + job.everyMs).toISOString();
    await db
      .insertInto('jobLease')
      .values({ name: job.name, holder: null, expiresAt: new Date(0).toISOString(), lastRunAt: null, lastStatus: null })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const res = await db
      .updateTable('jobLease')
      .set({ holder, expiresAt: until })
      .where('name', '=', job.name)
      .where('expiresAt', '<=', now.toISOString())
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async function runOnce(name: string): Promise<boolean> {
    const job = defs.get(name);
    if (!job) throw new Error(`unknown job ${name}`);
    if (!(await acquire(job))) return false;
    let status = 'ok';
    try {
      status = (await job.run()) || 'ok';
    } catch (err) {
      status = 'error: ' + (err instanceof Error ? err.message : String(err)).slice(0, 180);
      logger?.error({ err, job: name }, 'job failed');
    }
    await db
      .updateTable('jobLease')
      .set({ lastRunAt: clock.now().toISOString(), lastStatus: status })
      .where('name', '=', name)
      .execute();
    return true;
  }

  return {
    holder,
    register(job) {
      defs.set(job.name, job);
    },
    runOnce,
    start() {
      for (const job of defs.values()) {
        const tick = () => {
          const p = runOnce(job.name).catch((err) => logger?.error({ err, job: job.name }, 'job lease failed'));
          running.add(p);
          void p.finally(() => running.delete(p));
        };
        timers.push(setInterval(tick, Math.min(job.everyMs, 60_000)).unref());
      }
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running]);
    },
  };
}
