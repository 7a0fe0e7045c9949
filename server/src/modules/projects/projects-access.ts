import { sql, type SqlBool } from 'kysely';
import type { Department, KeyProject, ProjectApproval } from '@fugong/contract';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import { AppError } from '../../platform/errors';
import type { ModuleDb } from '../../platform/module';
import { requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import { scopeWhere } from '../../platform/scope';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import type { ProjectsTables } from './projects.tables';
import type { ApprovalRow, DocumentRow, ProjectRow } from './projects.repo';

export interface ProjectsDeps {
  db: ModuleDb<ProjectsTables>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  regions: Pick<RegionsService, 'resolve' | 'namesOf'>;
  registry: Pick<RegistryService, 'getForService'>;
}

/**
 * Projects an actor sees: those of their regions, those led by their department (a district
 * department follows its projects wherever they are), and those their department has decided on.
 */
export function projectsVisible(actor: Actor, perm: 'projects.read' | 'projects.manage' = 'projects.read') {
  const scope = scopeOf(actor, perm);
  const own = scopeWhere(scope, { path: 'key_project.region_path', department: 'key_project.lead_department' });
  if (scope.all || scope.departments.length === 0) return own;
  return sql<SqlBool>`(${own} or exists (select 1 from project_approval pa where pa.project_id = key_project.id and pa.department in (${sql.join(scope.departments)})))`;
}
/** Approvals an actor sees or handles: those of their regions' projects, and those their department decides. */
export function approvalsVisible(actor: Actor, perm: 'projects.read' | 'projects.approve' = 'projects.read') {
  return scopeWhere(scopeOf(actor, perm), { path: 'key_project.region_path', department: 'project_approval.department' });
}

export function reader(actor: Actor | null): Actor {
  return requirePermission(actor, 'projects.read');
}
export const notFound = () => new AppError('common.not_found', 404);
export const pageOf = (q: { page: number; pageSize: number }) => ({ offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
/** A percent with one decimal; 0 when there is nothing to divide. */
export const rate = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : 0);

export const toProject = (r: ProjectRow, regionName: string | null): KeyProject => ({
  id: Number(r.id),
  name: r.name,
  entityId: Number(r.entityId),
  entityName: r.entityName,
  level: r.level as KeyProject['level'],
  phase: r.phase as KeyProject['phase'],
  regionCode: r.regionCode,
  regionName,
  leadDepartment: (r.leadDepartment as Department | null) ?? null,
  investmentFen: Number(r.investmentFen),
  status: r.status as KeyProject['status'],
  statusChangedAt: r.statusChangedAt,
  workersOnSite: Number(r.workersOnSite),
  planVersion: Number(r.planVersion),
  createdAt: r.createdAt,
});

export function toApproval(r: ApprovalRow, docs: DocumentRow[], today: string): ProjectApproval {
  const documents = docs.map((d) => ({
    id: Number(d.id),
    name: d.name,
    dueOn: d.dueOn,
    receivedOn: d.receivedOn,
    receivedBy: d.receivedBy,
    overdue: !d.receivedOn && d.dueOn < today,
  }));
  return {
    id: Number(r.id),
    projectId: Number(r.projectId),
    projectName: r.projectName,
    kind: r.kind,
    department: r.department as Department,
    decidedOn: r.decidedOn,
    status: r.status as ProjectApproval['status'],
    letterInsteadOfCertificate: Number(r.letterInsteadOfCertificate) === 1,
    online: Number(r.online) === 1,
    closedOn: r.closedOn,
    documents,
    overdue: documents.some((d) => d.overdue),
  };
}
