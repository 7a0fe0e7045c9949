import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { Pii } from '../../platform/pii';
import type { Dialect } from '../../db/database';
import type { ModuleDb } from '../../platform/module';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import type { PeopleService } from '../people/people.service';
import type { LabourTables } from './labour.tables';

/** What the labour services are built from. Other modules only through their services. */
export interface LabourDeps {
  db: ModuleDb<LabourTables>;
  dialect: Dialect;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  pii: Pii;
  regions: Pick<RegionsService, 'resolve' | 'namesOf' | 'get'>;
  registry: Pick<RegistryService, 'getForService' | 'getManyForService'>;
  people: Pick<PeopleService, 'idOfNumber'>;
}

/** The most rows one export writes. */
export const MAX_EXPORT_ROWS = 20_000;
