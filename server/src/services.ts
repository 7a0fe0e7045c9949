import type { Kysely } from 'kysely';
import type { Core } from './core';
import { dependencyOrder, type ModuleCore, type ModuleManifest, type ServiceMap } from './platform/module';
import { declareEventPermissions } from './platform/event-permissions';
import { serverModules } from './modules/index';

/**
 * Every module's services, built once from the core in dependency order. Each module receives the
 * database typed over its own tables and the services it declared it needs, nothing else.
 */
export function buildServices(core: Core, modules: readonly ModuleManifest[] = serverModules) {
  // the platform pieces a module may use; the whole database stays out of it
  const moduleCore: ModuleCore = core;
  const built: Partial<ServiceMap> = {};
  for (const m of dependencyOrder(modules)) {
    Object.assign(built, m.createServices(moduleCore, core.db as Kysely<unknown>, built as ServiceMap));
    declareEventPermissions(m.events);
  }
  const services = built as ServiceMap;
  for (const m of modules) for (const job of m.jobs?.(services) ?? []) core.jobs.register(job);
  return {
    ...services,
    core,
    sessions: core.sessions,
    notifications: core.notifier,
  };
}
export type Services = ReturnType<typeof buildServices>;
