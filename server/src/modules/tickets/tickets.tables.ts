import type { Generated } from 'kysely';
import type { StoredFileRow } from '../../platform/stored-file';

export interface TicketCategoryTable {
  id: Generated<number>;
  code: string;
  name: string;
  department: string;
  slaValue: number;
  slaUnit: string;
  active: number;
}

export interface TicketTable {
  id: Generated<number>;
  no: string;
  source: string;
  sourceRef: string | null;
  categoryId: number;
  title: string;
  description: string;
  entityId: number | null;
  entityName: string | null;
  regionCode: string;
  regionPath: string;
  address: string | null;
  department: string | null;
  status: string;
  major: number;
  deadline: string | null;
  originalDeadline: string | null;
  escalationLevel: string | null;
  escalatedAt: string | null;
  leaderAckAt: string | null;
  leaderAckBy: string | null;
  result: string | null;
  satisfaction: number | null;
  reopenCount: number;
  onTime: number | null;
  handlingMinutes: number | null;
  mergedInto: number | null;
  reporterId: number | null;
  reporterName: string | null;
  createdAt: string;
  updatedAt: string;
  assignedAt: string | null;
  handledAt: string | null;
  closedAt: string | null;
}

export interface TicketEventTable {
  id: Generated<number>;
  ticketId: number;
  at: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorId: number | null;
  actorName: string | null;
  note: string | null;
  /** JSON */
  detail: string | null;
}

export interface TicketAttachmentTable extends StoredFileRow {
  id: Generated<number>;
  ticketId: number;
}

export interface TicketsTables {
  ticketCategory: TicketCategoryTable;
  ticket: TicketTable;
  ticketEvent: TicketEventTable;
  ticketAttachment: TicketAttachmentTable;
}
