import type { Generated } from 'kysely';

/** A policy package (惠企21条, 暖企7条 …) as it stands now; each save also writes a `policy_version`. */
export interface PolicyPackageTable {
  id: Generated<number>;
  /** random, for the public page and the QR code; never the id */
  publicToken: string;
  title: string;
  shortTitle: string;
  issuerLevel: string;
  issuer: string;
  /** the district (or town) the package applies to */
  regionCode: string;
  regionPath: string;
  validFrom: string;
  validTo: string | null;
  status: string;
  publishedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PolicyMeasureTable {
  id: Generated<number>;
  packageId: number;
  publicToken: string;
  seq: number;
  title: string;
  kind: string;
  subsidyType: string;
  department: string;
  currency: string;
  amountNote: string | null;
  interpretation: string;
  guideMaterials: string | null;
  guideSteps: string | null;
  deadline: string | null;
  applicationRequired: number;
  /** the eligibility rule as JSON (contract `eligibilityRuleSchema`) */
  eligibility: string;
  createdAt: string;
  updatedAt: string;
}

/** Every saved state of a package with its measures, so what was in force on a day can be shown again. */
export interface PolicyVersionTable {
  id: Generated<number>;
  packageId: number;
  version: number;
  status: string;
  snapshot: string;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
}

export interface PolicyApplicationTable {
  id: Generated<number>;
  measureId: number;
  department: string;
  entityId: number;
  entityName: string;
  regionCode: string;
  regionPath: string;
  channel: string;
  requestedAmount: number | null;
  approvedAmount: number | null;
  contactName: string;
  note: string;
  decisionNote: string | null;
  status: string;
  decidedBy: number | null;
  decidedAt: string | null;
  version: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface PolicyApplicationEventTable {
  id: Generated<number>;
  applicationId: number;
  at: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorId: number | null;
  actorName: string | null;
  note: string | null;
}

/** 兑付台账: one row per payment, relief or deferral; UPDATE and DELETE are refused by triggers. */
export interface PolicyDisbursementTable {
  id: Generated<number>;
  measureId: number;
  packageId: number;
  subsidyType: string;
  department: string;
  entityId: number;
  entityName: string;
  regionCode: string;
  regionPath: string;
  /** the town the entity lies in (second path segment), so totals per town are one GROUP BY */
  townCode: string;
  applicationId: number | null;
  currency: string;
  amount: number;
  paidOn: string;
  reference: string;
  source: string;
  /** `app:<id>` or `ref:<measure>:<entity>:<reference>`: a second attempt runs into it */
  dedupeKey: string;
  createdBy: number | null;
  createdAt: string;
}

/** A policy handed to an entity on a visit ("policy delivered"), once per measure and entity. */
export interface PolicyDeliveryTable {
  id: Generated<number>;
  measureId: number;
  entityId: number;
  regionPath: string;
  visitId: number | null;
  deliveredOn: string;
  deliveredBy: number | null;
  deliveredByName: string | null;
  createdAt: string;
}

export interface PoliciesTables {
  policyPackage: PolicyPackageTable;
  policyMeasure: PolicyMeasureTable;
  policyVersion: PolicyVersionTable;
  policyApplication: PolicyApplicationTable;
  policyApplicationEvent: PolicyApplicationEventTable;
  policyDisbursement: PolicyDisbursementTable;
  policyDelivery: PolicyDeliveryTable;
}
