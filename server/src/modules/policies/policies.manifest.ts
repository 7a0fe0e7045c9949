import { policiesPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { PoliciesTables } from './policies.tables';
import * as m1100 from './migrations/1100_policies';
import { createPoliciesService, type PoliciesService } from './policies.service';
import { policiesRoutes } from './policies.routes';
import { policiesMessages } from './policies.messages';
import { policiesDemo } from './policies.demo';

declare module '../../platform/module' {
  interface ServiceMap {
    policies: PoliciesService;
  }
}

export const policiesModule = defineModule<PoliciesTables>()({
  name: 'policies',
  tables: [
    'policyPackage',
    'policyMeasure',
    'policyVersion',
    'policyApplication',
    'policyApplicationEvent',
    'policyDisbursement',
    'policyDelivery',
  ],
  migrations: { '1100_policies': m1100 },
  needs: ['regions', 'registry'],
  provides: ['policies'],
  createServices: ({ core, db }, d) => ({
    policies: createPoliciesService({
      db,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      notifier: core.notifier,
      regions: d.regions,
      registry: d.registry,
    }),
  }),
  routes: policiesRoutes,
  messages: [policiesMessages],
  permissions: Object.keys(policiesPermissions) as (keyof typeof policiesPermissions)[],
  events: { 'policies.*': 'policies.read' },
  demo: policiesDemo,
});
