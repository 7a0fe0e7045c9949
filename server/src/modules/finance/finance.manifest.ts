import { financePermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { FinanceTables } from './finance.tables';
import * as m1000 from './migrations/1000_finance';
import { createFinanceRequests } from './finance.service';
import { createFinanceAdmin } from './finance-admin.service';
import { createFinanceFigures } from './finance-figures';
import { createFinanceRecords } from './finance-records.service';
import { financeRoutes } from './finance.routes';
import { financeDemo } from './finance.demo';

export type FinanceService = ReturnType<typeof createFinanceRequests> &
  ReturnType<typeof createFinanceAdmin> &
  ReturnType<typeof createFinanceRecords> &
  ReturnType<typeof createFinanceFigures>;

declare module '../../platform/module' {
  interface ServiceMap {
    finance: FinanceService;
  }
}

export const financeModule = defineModule<FinanceTables>()({
  name: 'finance',
  tables: [
    'financeInstitution',
    'financeOfficer',
    'financingRequest',
    'financingAnswer',
    'financingDisbursement',
    'financeWhitelist',
    'financeWhitelistVersion',
    'financeProduct',
    'financeRollover',
    'financeMeeting',
  ],
  migrations: { '1000_finance': m1000 },
  needs: ['regions', 'registry'],
  provides: ['finance'],
  createServices({ core, db }, d) {
    const deps = {
      db,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      pii: core.pii,
      notifier: core.notifier,
      regions: d.regions,
      registry: d.registry,
    };
    const requests = createFinanceRequests(deps);
    return {
      finance: {
        ...requests,
        ...createFinanceAdmin(deps, requests),
        ...createFinanceRecords(deps),
        ...createFinanceFigures(deps),
      },
    };
  },
  routes: financeRoutes,
  jobs: (s) => [{ name: 'finance.escalate', everyMs: 5 * 60_000, run: async () => `escalated ${await s.finance.escalateDue()}` }],
  permissions: Object.keys(financePermissions) as (keyof typeof financePermissions)[],
  // the live stream carries ids only; the centre refreshes its queue and the figures
  events: { 'finance.*': ['finance.manage', 'finance.figures'] },
  demo: financeDemo,
});
