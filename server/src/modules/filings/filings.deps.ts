import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { Jobs } from '../../platform/jobs';
import type { Pii } from '../../platform/pii';
import type { ModuleDb } from '../../platform/module';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import type { FilingsTables } from './filings.tables';

/** What the filings service is built from. */
export interface FilingsDeps {
  db: ModuleDb<FilingsTables>;
  dialect: 'sqlite' | 'postgres';
  clock: Clock;
  audit: Audit;
  events: EventBus;
  jobs: Jobs;
  pii: Pii;
  regions: RegionsService;
  registry: Pick<RegistryService, 'getForService' | 'changeStatus' | 'registerTimelineSource'>;
  dataDir: string;
}
