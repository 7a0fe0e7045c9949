import type { Generated } from 'kysely';

/** One version of the filing configuration (routes, checklists, commitment text, quiz) as JSON. */
export interface FilingConfigVersionTable {
  id: Generated<number>;
  version: number;
  config: string;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface FilingTable {
  id: Generated<number>;
  entityId: number;
  entityName: string;
  regionPath: string;
  status: string;
  route: string;
  batchNo: number | null;
  department: string | null;
  whitelisted: number;
  checklistKey: string;
  configVersion: number;
  /** number of submitted revisions so far */
  revision: number;
  /** the working copy while editable (JSON) */
  draft: string;
  plannedDate: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FilingRevisionTable {
  id: Generated<number>;
  filingId: number;
  revision: number;
  data: string;
  submittedAt: string;
  submittedBy: string | null;
}

export interface FilingEventTable {
  id: Generated<number>;
  filingId: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  revision: number | null;
}

/** Append-only: the database refuses updates and deletions. */
export interface FilingCommitmentTable {
  id: Generated<number>;
  filingId: number;
  revision: number;
  text: string;
  signerName: string;
  signedAt: string;
  ip: string | null;
  hash: string;
}

export interface FilingAttachmentTable {
  id: Generated<number>;
  entityId: number;
  regionPath: string;
  kind: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: number | null;
}

export interface FilingBatchTable {
  batchNo: number;
  releaseDate: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface FilingWhitelistTable {
  entityId: number;
  entityName: string;
  reason: string;
  addedAt: string;
  addedBy: string | null;
}

export interface FilingStaffTable {
  id: Generated<number>;
  entityId: number;
  regionPath: string;
  name: string;
  idEnc: string;
  idHash: string;
  idMasked: string;
  phoneEnc: string;
  phoneMasked: string;
  quizToken: string;
  passed: number;
  bestScore: number | null;
  attempts: number;
  passedAt: string | null;
  createdAt: string;
}

export interface FilingQuizAttemptTable {
  id: Generated<number>;
  staffId: number;
  configVersion: number;
  score: number;
  passed: number;
  answers: string;
  at: string;
}

export interface FilingsTables {
  filingConfigVersion: FilingConfigVersionTable;
  filing: FilingTable;
  filingRevision: FilingRevisionTable;
  filingEvent: FilingEventTable;
  filingCommitment: FilingCommitmentTable;
  filingAttachment: FilingAttachmentTable;
  filingBatch: FilingBatchTable;
  filingWhitelist: FilingWhitelistTable;
  filingStaff: FilingStaffTable;
  filingQuizAttempt: FilingQuizAttemptTable;
}
