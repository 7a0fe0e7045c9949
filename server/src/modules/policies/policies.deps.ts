import type { ModuleDb } from '../../platform/module';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { Notifier } from '../../platform/notify';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import type { PoliciesTables } from './policies.tables';

/** What the policies services are built from. */
export interface PoliciesDeps {
  db: ModuleDb<PoliciesTables>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  notifier: Notifier;
  regions: Pick<RegionsService, 'resolve' | 'get' | 'namesOf'>;
  registry: Pick<RegistryService, 'getForService' | 'getManyForService' | 'list'>;
}
