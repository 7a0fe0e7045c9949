import type { Generated } from 'kysely';

export interface InspectionChecklistTable {
  premisesType: string;
  /** JSON [{code, text}] */
  items: string;
  updatedAt: string | null;
}

export interface InspectionTable {
  id: Generated<number>;
  no: string;
  kind: string;
  entityId: number;
  entityName: string;
  premisesType: string;
  regionPath: string;
  inspectedOn: string;
  inspectorCount: number;
  inspectorId: number | null;
  inspectorName: string;
  /** JSON {code: passed} */
  results: string;
  problemsFound: number;
  fixedOnSpot: number;
  outcome: string;
  notes: string | null;
  filingId: number | null;
  complaintId: number | null;
  noticeId: number | null;
  closureId: number | null;
  createdAt: string;
}

export interface RectificationNoticeTable {
  id: Generated<number>;
  no: string;
  inspectionId: number;
  entityId: number;
  entityName: string;
  regionPath: string;
  items: string;
  issuedOn: string;
  deadline: string;
  status: string;
  reinspectionId: number | null;
}

export interface ClosureOrderTable {
  id: Generated<number>;
  entityId: number;
  entityName: string;
  regionPath: string;
  inspectionId: number;
  reason: string;
  orderedOn: string;
  liftedAt: string | null;
  liftedReason: string | null;
}

export interface EnforcementTables {
  inspectionChecklist: InspectionChecklistTable;
  inspection: InspectionTable;
  rectificationNotice: RectificationNoticeTable;
  closureOrder: ClosureOrderTable;
}
