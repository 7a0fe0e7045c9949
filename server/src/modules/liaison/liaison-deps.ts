import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { ModuleDb } from '../../platform/module';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import type { TicketsService } from '../tickets/tickets.service';
import type { LiaisonTables } from './liaison.tables';

export interface LiaisonDeps {
  db: ModuleDb<LiaisonTables>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  regions: RegionsService;
  registry: Pick<
    RegistryService,
    'getForService' | 'getManyForService' | 'registerTimelineSource' | 'registerCoverageFilter' | 'list'
  >;
  tickets: Pick<TicketsService, 'prepareTicket' | 'createTicket' | 'announceCreated' | 'bySourceRefs'>;
}

export const pageOf = (q: { page: number; pageSize: number }) => ({ offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
