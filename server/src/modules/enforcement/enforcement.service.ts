import type { EnforcementDeps } from './enforcement-access';
import { createInspectionsPart } from './inspections.service';
import { createNoticesPart } from './notices.service';
import { createRoundsPart } from './rounds.service';
import { createTallyPart } from './tally.service';

export { premisesTypeOf, type VisitInput, type VisitInspection } from './inspections.service';
export type { EnforcementDeps } from './enforcement-access';

/**
 * 综合执法: rounds 专项行动 grouping visits 出动 of inspector teams, inspections with a checklist per
 * premises type, rectification notices with a deadline and re-inspection, closure orders (the entity
 * is suspended through the registry) and their lifting, the pre-opening review of 五小单位 filings,
 * and the tally the seeds quote.
 */
export function createEnforcementService(deps: EnforcementDeps) {
  const rounds = createRoundsPart(deps);
  const notices = createNoticesPart(deps);
  const inspections = createInspectionsPart(deps, { rounds, notices });
  const tally = createTallyPart(deps);
  return { ...inspections.api, ...rounds.api, ...notices.api, ...tally.api };
}
export type EnforcementService = ReturnType<typeof createEnforcementService>;
