import type { ProjectsDeps } from './projects-access';
import { createKeyProjectsPart } from './key-projects.service';
import { createApprovalsPart } from './approvals.service';

export type { ProjectsDeps } from './projects-access';

/**
 * 重点项目: key projects followed one by one (their registry entity, status and history, workers on
 * site, a versioned plan 一项一策), their approvals with documents to follow 容缺后补 tracked to
 * closure, and the figures the seeds quote (continuing projects resumed, approvals pending or overdue).
 */
export function createProjectsService(deps: ProjectsDeps) {
  return { ...createKeyProjectsPart(deps).api, ...createApprovalsPart(deps).api };
}
export type ProjectsService = ReturnType<typeof createProjectsService>;
