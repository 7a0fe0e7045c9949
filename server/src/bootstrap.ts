import { loadConfig, type Config } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { allMigrations } from './modules/index';
import { systemClock, type Clock } from './platform/clock';
import { createPii, loadMasterKey } from './platform/pii';
import { createAudit } from './platform/audit';
import { createLocalBus, createPgBus } from './platform/events';
import { createJobs } from './platform/jobs';
import { createSessions } from './platform/auth/sessions';
import type { Core } from './core';
import { createNotifier } from './platform/notify';

/** Opens the database, migrates it and assembles the platform; used by the server, CLI and tests. */
export async function createCore(
  opts: { config?: Config; clock?: Clock; logger?: { error(o: unknown, m: string): void } } = {},
): Promise<Core> {
  const config = opts.config ?? loadConfig();
  const clock = opts.clock ?? systemClock;
  const database = openDatabase(config.databaseUrl, {
    onPoolError: (err) => opts.logger?.error({ err }, 'database: an idle connection was lost; the pool opens a new one'),
  });
  await migrateToLatest(database.db, database.dialect, allMigrations());
  const pii = createPii(loadMasterKey(config.secretKeyHex, config.dataDir));
  const events = database.pgPool
    ? await createPgBus(database.pgPool, {
        onError: (err) => opts.logger?.error({ err }, 'event bus: database connection lost, reconnecting'),
      })
    : createLocalBus();
  const jobs = createJobs({ db: database.db, clock, logger: opts.logger });
  const sessions = createSessions({ db: database.db, clock, hours: config.sessionHours });
  jobs.register({ name: 'sessions.purge', everyMs: 3600_000, run: async () => `purged ${await sessions.purgeExpired()}` });
  return {
    config,
    database,
    db: database.db,
    dialect: database.dialect,
    clock,
    pii,
    audit: createAudit({ clock }),
    events,
    jobs,
    sessions,
    notifier: createNotifier({ clock }),
  };
}

export async function closeCore(core: Core): Promise<void> {
  await core.jobs.stop();
  await core.events.close();
  await core.database.close();
}
