import { createCatalogue } from './catalogue.service';
import { createApplications } from './applications.service';
import { createLedger } from './ledger.service';
import { createOutreach } from './outreach.service';
import type { PoliciesDeps } from './policies.deps';
import './policies.messages';

export type { PoliciesDeps } from './policies.deps';

/**
 * 惠企政策 (SPEC M11): the catalogue of packages and measures with their eligibility rules, the
 * 应享尽享 lists, applications and their review, and the disbursement ledger with its totals.
 */
export function createPoliciesService(d: PoliciesDeps) {
  const catalogue = createCatalogue(d);
  const ledger = createLedger(d);
  const applications = createApplications(d, catalogue, ledger);
  const outreach = createOutreach(d, catalogue);
  return { catalogue, ledger, applications, outreach };
}
export type PoliciesService = ReturnType<typeof createPoliciesService>;
