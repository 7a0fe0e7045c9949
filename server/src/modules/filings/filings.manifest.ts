import { filingsPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { FilingsTables } from './filings.tables';
import * as m0200 from '../../db/migrations/0200_filings';
import { createFilingsService, type FilingsService } from './filings.service';
import { filingsRoutes } from './filings.routes';
import { filingsMessages } from './filings.messages';
import { filingsDemo } from './filings.demo';

declare module '../../platform/module' {
  interface ServiceMap {
    filings: FilingsService;
  }
}

export const filingsModule = defineModule<FilingsTables>()({
  name: 'filings',
  tables: [
    'filingConfigVersion',
    'filing',
    'filingRevision',
    'filingEvent',
    'filingCommitment',
    'filingAttachment',
    'filingBatch',
    'filingWhitelist',
    'filingStaff',
    'filingQuizAttempt',
  ],
  migrations: { '0200_filings': m0200 },
  needs: ['regions', 'registry'],
  provides: ['filings'],
  createServices({ core, db }, d) {
    const filings = createFilingsService({
      db,
      dialect: core.dialect,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      jobs: core.jobs,
      pii: core.pii,
      regions: d.regions,
      registry: d.registry,
      dataDir: core.config.dataDir,
    });
    return { filings };
  },
  routes: filingsRoutes,
  messages: [filingsMessages],
  permissions: Object.keys(filingsPermissions) as (keyof typeof filingsPermissions)[],
  events: { 'filings.*': ['filings.read', 'filings.submit'] },
  demo: filingsDemo,
});
