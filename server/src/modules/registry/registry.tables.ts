import type { Generated } from 'kysely';

export interface EntityTable {
  id: Generated<number>;
  kind: string;
  name: string;
  uscc: string | null;
  regNo: string | null;
  /** uscc when known, else reg-no + name + region: what an import row is matched by */
  identityKey: string;
  regionCode: string;
  regionPath: string;
  address: string | null;
  sector: string;
  industry: string | null;
  aboveScale: number;
  aboveQuota: number;
  fourAbove: number;
  sizeClass: string | null;
  smallVenueType: string | null;
  registeredStaff: number;
  contactName: string | null;
  contactPhoneEnc: string | null;
  contactPhoneHash: string | null;
  contactPhoneMasked: string | null;
  riskLevel: string;
  status: string;
  statusChangedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EntityStatusHistoryTable {
  id: Generated<number>;
  entityId: number;
  fromStatus: string | null;
  toStatus: string;
  reason: string;
  sourceType: string | null;
  sourceId: string | null;
  actorId: number | null;
  actorName: string | null;
  at: string;
}

export interface EntityImportJobTable {
  id: Generated<number>;
  token: string;
  createdBy: number;
  createdAt: string;
  expiresAt: string;
  fileName: string;
  status: string;
  summary: string;
  /** JSON: the parsed rows with their planned action and errors */
  rows: string;
  confirmedAt: string | null;
}

export interface RegistryTables {
  entity: EntityTable;
  entityStatusHistory: EntityStatusHistoryTable;
  entityImportJob: EntityImportJobTable;
}
