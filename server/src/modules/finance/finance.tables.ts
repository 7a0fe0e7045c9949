import type { Generated } from 'kysely';

export interface FinanceInstitutionTable {
  id: Generated<number>;
  name: string;
  kind: string;
  branch: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** the district (or town) it serves */
  regionCode: string;
  regionPath: string;
  active: number;
  createdAt: string;
  updatedAt: string;
}

/** A bank officer (a user with the `bank` role) works for one institution. */
export interface FinanceOfficerTable {
  userId: number;
  institutionId: number;
  addedAt: string;
}

export interface FinancingRequestTable {
  id: Generated<number>;
  no: string;
  entityId: number;
  entityName: string;
  regionCode: string;
  regionPath: string;
  amountFen: number;
  purpose: string;
  purposeNote: string | null;
  termMonths: number;
  collateral: string;
  collateralNote: string | null;
  urgency: string;
  exclusive: number;
  /** the enterprise named no institution: the financial affairs centre routes it */
  routedByCentre: number;
  /** white-listed when filed: the fast-track first-answer deadline applies */
  whitelisted: number;
  status: string;
  /** sums over the answers, moved in the same transaction as each answer */
  approvedFen: number;
  disbursedFen: number;
  /** an exclusive request belongs to the first institution that approves it */
  takenByInstitutionId: number | null;
  firstAnswerDue: string;
  firstAnsweredAt: string | null;
  firstDisbursedAt: string | null;
  escalationLevel: string | null;
  escalatedAt: string | null;
  contactName: string;
  contactPhoneEnc: string;
  contactPhoneMasked: string;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** One institution's answer to one request; its existence is what shares the request with the institution. */
export interface FinancingAnswerTable {
  id: Generated<number>;
  requestId: number;
  institutionId: number;
  status: string;
  approvedFen: number | null;
  disbursedFen: number;
  declineReason: string | null;
  note: string | null;
  productId: number | null;
  accountOpenedAt: string | null;
  /** raised by every move; a move names the version it read */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface FinancingDisbursementTable {
  id: Generated<number>;
  answerId: number;
  requestId: number;
  institutionId: number;
  amountFen: number;
  disbursedOn: string;
  recordedAt: string;
  /** minutes from the account opening to this record, when the account was opened through the platform */
  minutesFromAccount: number | null;
  confirmedAt: string | null;
  recordedBy: number | null;
}

export interface FinanceWhitelistTable {
  id: Generated<number>;
  entityId: number;
  entityName: string;
  regionCode: string;
  regionPath: string;
  criterion: string;
  reason: string;
  addedVersion: number;
  addedAt: string;
  removedVersion: number | null;
  removedReason: string | null;
}

/** One row per change of the white list: the primary key makes two concurrent changes one winner. */
export interface FinanceWhitelistVersionTable {
  version: number;
  changedAt: string;
  changedBy: number | null;
  change: string;
}

/** A fast-track loan product (复工闪贷) with its quota; `used_fen` rises by conditional update only. */
export interface FinanceProductTable {
  id: Generated<number>;
  institutionId: number;
  name: string;
  quotaFen: number;
  usedFen: number;
  targetHours: number;
  createdAt: string;
}

/** 续贷 (rollover) or 延期还本付息 (deferral) of one loan. */
export interface FinanceRolloverTable {
  id: Generated<number>;
  kind: string;
  entityId: number;
  entityName: string;
  regionCode: string;
  regionPath: string;
  institutionId: number;
  amountFen: number;
  originalDueOn: string;
  newDueOn: string;
  note: string | null;
  recordedAt: string;
  recordedBy: number | null;
}

/** 政银企对接会 */
export interface FinanceMeetingTable {
  id: Generated<number>;
  title: string;
  heldOn: string;
  regionCode: string;
  regionPath: string;
  /** JSON array of institution ids */
  institutionIds: string;
  enterprises: number;
  note: string | null;
  createdAt: string;
  createdBy: number | null;
}

export interface FinanceTables {
  financeInstitution: FinanceInstitutionTable;
  financeOfficer: FinanceOfficerTable;
  financingRequest: FinancingRequestTable;
  financingAnswer: FinancingAnswerTable;
  financingDisbursement: FinancingDisbursementTable;
  financeWhitelist: FinanceWhitelistTable;
  financeWhitelistVersion: FinanceWhitelistVersionTable;
  financeProduct: FinanceProductTable;
  financeRollover: FinanceRolloverTable;
  financeMeeting: FinanceMeetingTable;
}
