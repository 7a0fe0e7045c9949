import type { LiaisonDeps } from './liaison-deps';
import { createAssignmentsPart } from './assignments.service';
import { createTeamsPart } from './teams.service';
import { createVisitsPart } from './visits.service';

export type { LiaisonDeps } from './liaison-deps';

/**
 * 驻企联络员 / 帮扶工作组: who looks after which entity (with the history of changes), the teams,
 * the coverage of a region, and the visit log whose problems become tickets in one step.
 */
export function createLiaisonService(deps: LiaisonDeps) {
  const assignments = createAssignmentsPart(deps);
  const teams = createTeamsPart(deps);
  const visits = createVisitsPart(deps);
  return { ...teams, ...assignments, ...visits };
}
export type LiaisonService = ReturnType<typeof createLiaisonService>;
