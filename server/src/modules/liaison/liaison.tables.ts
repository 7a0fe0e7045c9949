import type { Generated } from 'kysely';
import type { StoredFileRow } from '../../platform/stored-file';

export interface LiaisonTeamTable {
  id: Generated<number>;
  name: string;
  regionCode: string;
  regionPath: string;
  createdAt: string;
  /** raised by every edit; an edit names the version it read */
  version: Generated<number>;
  dissolvedAt: string | null;
}

export interface LiaisonTeamMemberTable {
  teamId: number;
  userId: number;
  leader: number;
}

export interface LiaisonAssignmentTable {
  id: Generated<number>;
  entityId: number;
  entityKind: string;
  entityName: string;
  regionPath: string;
  liaisonUserId: number | null;
  teamId: number | null;
  startedAt: string;
  endedAt: string | null;
  endedReason: string | null;
  assignedBy: string | null;
}

export interface LiaisonVisitTable {
  id: Generated<number>;
  entityId: number;
  entityName: string;
  regionPath: string;
  liaisonUserId: number;
  liaisonName: string;
  visitDate: string;
  mode: string;
  /** JSON array of policy names */
  policies: string;
  notes: string | null;
  problemCount: number;
  createdAt: string;
}

export interface LiaisonVisitPhotoTable extends StoredFileRow {
  id: Generated<number>;
  visitId: number;
}

export interface LiaisonTables {
  liaisonTeam: LiaisonTeamTable;
  liaisonTeamMember: LiaisonTeamMemberTable;
  liaisonAssignment: LiaisonAssignmentTable;
  liaisonVisit: LiaisonVisitTable;
  liaisonVisitPhoto: LiaisonVisitPhotoTable;
}
