import type { Generated } from 'kysely';
import type { StoredFileRow } from '../../platform/stored-file';

export interface ComplaintTable {
  id: Generated<number>;
  receiptNo: string;
  /** HMAC of the query code given with the receipt; the code itself is never stored */
  queryCodeHash: string;
  channel: string;
  content: string;
  entityId: number | null;
  entityName: string | null;
  address: string | null;
  regionCode: string;
  regionPath: string;
  occurredOn: string | null;
  anonymous: number;
  contactName: string | null;
  phoneEnc: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  status: string;
  deadline: string;
  escalationLevel: string | null;
  escalatedAt: string | null;
  /** substantiated / unfounded, kept after the reply for the statistics */
  verdict: string | null;
  verifyNote: string | null;
  handlingNote: string | null;
  ticketId: number | null;
  inspectionId: number | null;
  reply: string | null;
  repliedAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ComplaintEventTable {
  id: Generated<number>;
  complaintId: number;
  at: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorId: number | null;
  actorName: string | null;
  note: string | null;
}

/** uploaded_by null: sent with the public form */
export interface ComplaintAttachmentTable extends StoredFileRow {
  id: Generated<number>;
  complaintId: number;
}

export interface ComplaintsTables {
  complaint: ComplaintTable;
  complaintEvent: ComplaintEventTable;
  complaintAttachment: ComplaintAttachmentTable;
}
