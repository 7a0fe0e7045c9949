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
  visitId: number | null;
  roundId: number | null;
}

/** 专项执法行动: a named campaign over a period and region. */
export interface InspectionRoundTable {
  id: Generated<number>;
  name: string;
  regionCode: string;
  regionPath: string;
  startsOn: string;
  endsOn: string;
  /** JSON array of premises types */
  premisesTypes: string;
  notes: string | null;
  /** active | closed */
  status: string;
  createdBy: string;
  createdAt: string;
}

/** 出动: one team of inspectors out on a day; its inspections are the premises it visited. */
export interface InspectionVisitTable {
  id: Generated<number>;
  roundId: number | null;
  visitedOn: string;
  regionPath: string;
  inspectorCount: number;
  /** JSON array of the inspectors' names (may be shorter than the count) */
  inspectors: string;
  createdById: number | null;
  createdBy: string;
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
  inspectionRound: InspectionRoundTable;
  inspectionVisit: InspectionVisitTable;
  rectificationNotice: RectificationNoticeTable;
  closureOrder: ClosureOrderTable;
}
