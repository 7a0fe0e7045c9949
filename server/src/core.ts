import type { Kysely } from 'kysely';
import type { Config } from './config';
import type { Database, Dialect } from './db/database';
import type { DB } from './modules/schema';
import type { Clock } from './platform/clock';
import type { Pii } from './platform/pii';
import type { Audit } from './platform/audit';
import type { EventBus } from './platform/events';
import type { Jobs } from './platform/jobs';
import type { Sessions } from './platform/auth/sessions';
import type { Notifier } from './platform/notify';

/** The platform every module's service is built from; each factory names the parts it uses. */
export interface Core {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  pii: Pii;
  audit: Audit;
  events: EventBus;
  jobs: Jobs;
  sessions: Sessions;
  notifier: Notifier;
}
