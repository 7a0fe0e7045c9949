import type { Generated } from 'kysely';

export interface PassRuleTable {
  passClass: string;
  category: string;
  validityDays: number;
  scopeLevel: string;
  /** JSON array of checkpoint kinds */
  checkpointKinds: string;
  /** JSON array of roles */
  issuerRoles: string;
  updatedAt: string | null;
  updatedBy: number | null;
}

export interface PassTable {
  id: Generated<number>;
  personId: number;
  passClass: string;
  status: string;
  token: string;
  validFrom: string;
  validUntil: string;
  scopeCode: string;
  scopePath: string;
  /** the holder's residence, which decides who may list and manage the pass */
  regionPath: string;
  employerEntityId: number | null;
  /** copied from the person at issue, so a scan needs no second lookup */
  personName: string;
  idNumberMasked: string;
  issuedAt: string;
  issuedBy: number | null;
  issuedByName: string | null;
  renewedAt: string | null;
  revokedAt: string | null;
  revokedBy: number | null;
  revokeReason: string | null;
  tokenRotatedAt: string | null;
}

export interface CheckpointTable {
  id: Generated<number>;
  name: string;
  kind: string;
  regionCode: string;
  regionPath: string;
  active: number;
  createdAt: string;
}

export interface CheckpointShiftTable {
  id: Generated<number>;
  checkpointId: number;
  date: string;
  startTime: string;
  endTime: string;
  team: string;
  /** JSON array of names */
  members: string;
  createdBy: number | null;
}

export interface PassScanTable {
  id: Generated<number>;
  at: string;
  date: string;
  checkpointId: number;
  regionPath: string;
  direction: string;
  valid: number;
  reason: string | null;
  passId: number | null;
  actorId: number | null;
}

/** What remains of scans after retention: counts only. */
export interface PassScanDailyTable {
  checkpointId: number;
  date: string;
  direction: string;
  valid: number;
  scans: number;
}

export interface PassesTables {
  passRule: PassRuleTable;
  pass: PassTable;
  checkpoint: CheckpointTable;
  checkpointShift: CheckpointShiftTable;
  passScan: PassScanTable;
  passScanDaily: PassScanDailyTable;
}
