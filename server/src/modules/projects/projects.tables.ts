import type { Generated } from 'kysely';

/** 重点项目: a registered entity of kind `project` followed as a key project. */
export interface KeyProjectTable {
  id: Generated<number>;
  name: string;
  entityId: number;
  entityName: string;
  level: string;
  phase: string;
  regionCode: string;
  regionPath: string;
  leadDepartment: string | null;
  investmentFen: number;
  status: string;
  statusChangedAt: string | null;
  workersOnSite: number;
  planVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface KeyProjectStatusTable {
  id: Generated<number>;
  projectId: number;
  fromStatus: string | null;
  toStatus: string;
  reason: string;
  changedBy: string;
  changedAt: string;
}

/** 一项一策: every version of a project's plan is kept; the project row names the current one. */
export interface KeyProjectPlanTable {
  id: Generated<number>;
  projectId: number;
  version: number;
  preventionPlan: string;
  emergencyPlan: string;
  measures: string;
  createdBy: string;
  createdAt: string;
}

export interface ProjectApprovalTable {
  id: Generated<number>;
  projectId: number;
  regionPath: string;
  kind: string;
  department: string;
  decidedOn: string;
  status: string;
  letterInsteadOfCertificate: number;
  online: number;
  closedOn: string | null;
  createdBy: string;
  createdAt: string;
}

/** 容缺后补: a document an approval was granted without, due by a date. */
export interface ApprovalDocumentTable {
  id: Generated<number>;
  approvalId: number;
  name: string;
  dueOn: string;
  receivedOn: string | null;
  receivedBy: string | null;
}

export interface ProjectsTables {
  keyProject: KeyProjectTable;
  keyProjectStatus: KeyProjectStatusTable;
  keyProjectPlan: KeyProjectPlanTable;
  projectApproval: ProjectApprovalTable;
  approvalDocument: ApprovalDocumentTable;
}
