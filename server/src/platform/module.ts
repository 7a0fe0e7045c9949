import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Permission } from '@fugong/contract';
import type { Config } from '../config';
import type { Dialect } from '../db/database';
import type { MigrationModule } from '../db/migrate';
import type { PlatformTables } from '../db/schema';
import type { Clock } from './clock';
import type { Pii } from './pii';
import type { Audit } from './audit';
import type { EventBus } from './events';
import type { JobDef, Jobs } from './jobs';
import type { Sessions } from './auth/sessions';
import type { Notifier } from './notify';
import { registerMessages, type Messages } from './i18n/index';
import type { EventReaders } from './event-permissions';

/**
 * Every service a module provides, by name. Each module adds its own entries from its manifest file
 * (`declare module '../../platform/module' { interface ServiceMap { complaints: ComplaintsService } }`),
 * so the map is complete without a hand-kept list and a module's dependencies are typed by name.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ServiceMap {}
export type ServiceName = keyof ServiceMap;

/** Tables every module may read besides its own: the region tree every placed row refers to. */
export type SharedTables = Pick<PlatformTables, 'region'>;
/** A module's database handle: its own tables and the shared ones, so a query of another module's table does not compile. */
export type ModuleDb<T> = Kysely<T & SharedTables>;
export type ModuleTrx<T> = Transaction<T & SharedTables>;
export type Queryable<T> = ModuleDb<T> | ModuleTrx<T>;

/**
 * A transaction one module opens and hands to another's service (a filing approval changes the
 * entity's status in the same transaction). The receiver views it over its own tables with `own`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tx = Transaction<any>;
export function own<T>(tx: Tx | Queryable<T>): ModuleTrx<T> {
  return tx as ModuleTrx<T>;
}

/** The platform a module's services are built from; each factory takes the parts it uses. */
export interface ModuleCore {
  config: Config;
  dialect: Dialect;
  clock: Clock;
  pii: Pii;
  audit: Audit;
  events: EventBus;
  jobs: Jobs;
  sessions: Sessions;
  notifier: Notifier;
}

export interface ModuleContext<T> {
  core: ModuleCore;
  /** The database, typed over this module's tables only. */
  db: ModuleDb<T>;
}

/** What a module's demo step may return: logins it created, shown by `npm start`. */
export interface DemoLoginInfo {
  username: string;
  role: string;
  where: string;
}
export type DemoStep = (s: DemoServices, log: (m: string) => void) => Promise<void | DemoLoginInfo[]>;

/** A module as the app sees it: one value per module, listed once per side (modules/index.ts). */
export interface ModuleManifest {
  name: string;
  tables: readonly string[];
  migrations: Readonly<Record<string, MigrationModule>>;
  needs: readonly ServiceName[];
  provides: readonly ServiceName[];
  createServices(core: ModuleCore, db: Kysely<unknown>, deps: ServiceMap): Partial<ServiceMap>;
  routes?(app: FastifyInstance, services: AppServices): void;
  jobs?(services: ServiceMap): JobDef[];
  permissions: readonly Permission[];
  /** Event type → the permission whose holders (in the event's region) receive it on the live stream. */
  events: Readonly<Record<string, EventReaders>>;
  demo?: DemoStep;
}

export interface ModuleDefinition<T, P extends ServiceName, D extends ServiceName> {
  name: string;
  /** The module's own tables; its repo and service see only these (and `SharedTables`). */
  tables: readonly (keyof T & string)[];
  /** Named `NNNN_<what>` in the module's number range; never edited once landed. */
  migrations?: Readonly<Record<string, MigrationModule>>;
  /** Services of other modules this one calls. */
  needs?: readonly D[];
  provides: readonly P[];
  createServices(ctx: ModuleContext<T>, deps: Pick<ServiceMap, D>): Pick<ServiceMap, P>;
  routes?(app: FastifyInstance, services: AppServices): void;
  jobs?(services: ServiceMap): JobDef[];
  /** Error and message texts in the three languages. */
  messages?: readonly Messages[];
  /** The permissions the module checks (its contract's permission table). */
  permissions: readonly Permission[];
  /** Event type (or `<module>.*`) → the permission(s) whose holders, in its scope, receive it on the live stream. */
  events?: Readonly<Record<string, EventReaders>>;
  demo?: DemoStep;
}

/**
 * Declares a module once: its tables, migrations, services with their dependencies, routes, jobs,
 * messages, permissions, events and demo step. Called as `defineModule<OwnTables>()({ … })` so the
 * table type is given and the rest is inferred.
 */
export function defineModule<T>() {
  return <const P extends ServiceName, const D extends ServiceName = never>(def: ModuleDefinition<T, P, D>): ModuleManifest => {
    for (const m of def.messages ?? []) registerMessages(m);
    return {
      name: def.name,
      tables: def.tables,
      migrations: def.migrations ?? {},
      needs: def.needs ?? [],
      provides: def.provides,
      createServices: (core, db, deps) => def.createServices({ core, db: db as ModuleDb<T> }, deps as Pick<ServiceMap, D>),
      routes: def.routes,
      jobs: def.jobs,
      permissions: def.permissions,
      events: def.events ?? {},
      demo: def.demo,
    };
  };
}

/** The manifests in an order where every module comes after the services it needs; throws on a missing one or a circle. */
export function dependencyOrder(modules: readonly ModuleManifest[]): ModuleManifest[] {
  const provider = new Map<string, ModuleManifest>();
  for (const m of modules)
    for (const s of m.provides) {
      if (provider.has(s)) throw new Error(`service ${s} is provided by ${provider.get(s)!.name} and ${m.name}`);
      provider.set(s, m);
    }
  const out: ModuleManifest[] = [];
  const state = new Map<ModuleManifest, 'visiting' | 'done'>();
  const visit = (m: ModuleManifest, chain: string[]) => {
    if (state.get(m) === 'done') return;
    if (state.get(m) === 'visiting') throw new Error(`modules need each other: ${[...chain, m.name].join(' → ')}`);
    state.set(m, 'visiting');
    for (const n of m.needs) {
      const p = provider.get(n);
      if (!p) throw new Error(`module ${m.name} needs service ${n}, which no module provides`);
      if (p !== m) visit(p, [...chain, m.name]);
    }
    state.set(m, 'done');
    out.push(m);
  };
  for (const m of modules) visit(m, []);
  return out;
}

/** What a module's routes receive: every service by name, and the platform (config, clock …). */
export type AppServices = ServiceMap & { core: ModuleCore };
/**
 * What a demo step receives. The demo generator builds whole districts and may read any table
 * (`core.db`), which no module's service or repo may: it is test data, not product code.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DemoServices = AppServices & { core: ModuleCore & { db: Kysely<any> } };
