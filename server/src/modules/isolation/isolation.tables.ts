import type { Generated } from 'kysely';

export interface RiskRuleSetTable {
  id: Generated<number>;
  version: number;
  /** JSON array of RiskRule */
  rules: string;
  createdAt: string;
  createdBy: number | null;
  createdByName: string | null;
}

export interface RiskAssessmentTable {
  id: Generated<number>;
  personId: number;
  personName: string;
  regionPath: string;
  /** origin, travel, health code, temperature, contacts: encrypted; null once purged */
  factsEnc: string | null;
  ruleVersion: number;
  computedLevel: string;
  computedMeasure: string;
  computedDays: number;
  computedRule: string | null;
  riskLevel: string;
  measure: string;
  days: number;
  overrideReason: string | null;
  assessedAt: string;
  assessedBy: number | null;
  assessedByName: string | null;
  isolationId: number | null;
  purgedAt: string | null;
}

export interface IsolationTable {
  id: Generated<number>;
  personId: number;
  personName: string;
  idNumberMasked: string;
  assessmentId: number | null;
  kind: string;
  site: string | null;
  address: string | null;
  regionCode: string;
  regionPath: string;
  startDate: string;
  endDate: string;
  status: string;
  checkinToken: string;
  /** the grid worker alerted about missed check-ins and fever */
  responsibleUserId: number | null;
  lastCheckinDate: string | null;
  checkinCount: number;
  feverAlert: number;
  /** last day a missed check-in was alerted, so the job alerts once per day */
  missedAlertDate: string | null;
  createdAt: string;
  releasedAt: string | null;
  releasedBy: number | null;
  purgedAt: string | null;
}

export interface IsolationCheckinTable {
  id: Generated<number>;
  isolationId: number;
  date: string;
  at: string;
  by: string;
  actorId: number | null;
  fever: number;
  /** temperature and symptoms, encrypted */
  detailEnc: string;
}

/** Anonymous daily counts kept after check-ins are purged. */
export interface IsolationDailyTable {
  date: string;
  regionPath: string;
  checkins: number;
  fevers: number;
}

export interface SealedBuildingTable {
  id: Generated<number>;
  name: string;
  regionCode: string;
  regionPath: string;
  residents: number;
  reason: string;
  sealedOn: string;
  releasedOn: string | null;
  status: string;
  createdAt: string;
  createdBy: number | null;
}

export interface SealedBuildingStatusTable {
  id: Generated<number>;
  buildingId: number;
  date: string;
  note: string;
  at: string;
  by: number | null;
}

export interface ScreeningCampaignTable {
  id: Generated<number>;
  name: string;
  regionCode: string;
  regionPath: string;
  startDate: string;
  endDate: string;
  createdAt: string;
  createdBy: number | null;
}

export interface ScreeningTargetTable {
  campaignId: number;
  gridCode: string;
  gridPath: string;
  households: number;
}

export interface ScreeningVisitTable {
  id: Generated<number>;
  campaignId: number;
  gridCode: string;
  gridPath: string;
  date: string;
  householdsVisited: number;
  peopleRecorded: number;
  note: string | null;
  at: string;
  by: number | null;
}

export interface IsolationTables {
  riskRuleSet: RiskRuleSetTable;
  riskAssessment: RiskAssessmentTable;
  isolation: IsolationTable;
  isolationCheckin: IsolationCheckinTable;
  isolationDaily: IsolationDailyTable;
  sealedBuilding: SealedBuildingTable;
  sealedBuildingStatus: SealedBuildingStatusTable;
  screeningCampaign: ScreeningCampaignTable;
  screeningTarget: ScreeningTargetTable;
  screeningVisit: ScreeningVisitTable;
}
