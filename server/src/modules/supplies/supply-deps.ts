import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { ModuleDb, ServiceMap } from '../../platform/module';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import type { SuppliesTables } from './supplies.tables';

/** What the parts of the supplies service are built from. */
export interface SupplyDeps {
  db: ModuleDb<SuppliesTables>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  regions: Pick<RegionsService, 'resolve' | 'namesOf'>;
  registry: Pick<RegistryService, 'getForService' | 'getManyForService'>;
  reportFacts: ServiceMap['reportFacts'];
}

export const pageArgs = (q: { page: number; pageSize: number }) => ({ offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
export const lastCode = (path: string) => path.split('/').filter(Boolean).pop() ?? '';
