import type { Generated } from 'kysely';
import type { CategoryKeyColumns } from '../../db/category-key';

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

/**
 * Rollup of the status history for the dashboard's "as of a day" counts: per local day, leaf
 * region and category attributes, how many entities started (+1) or stopped (-1) being counted
 * and being resumed that day. The counts on day D are the sums over every day <= D. Written in
 * the same transaction as each entity and status write (`entity-counts.repo.ts`); null
 * industry and size class are stored as ''.
 */
export interface EntityCountDeltaTable extends CategoryKeyColumns {
  day: string;
  counted: number;
  resumed: number;
}

export interface RegistryTables {
  entity: EntityTable;
  entityCountDelta: EntityCountDeltaTable;
  entityStatusHistory: EntityStatusHistoryTable;
  entityImportJob: EntityImportJobTable;
}
