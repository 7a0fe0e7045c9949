import type { Generated } from 'kysely';
import type { ReportRollupTables } from './report-rollup.tables';

export interface DailyReportTable {
  id: Generated<number>;
  entityId: number;
  entityName: string;
  reportDate: string;
  regionPath: string;
  kind: string;
  sector: string;
  industry: string | null;
  aboveScale: number;
  aboveQuota: number;
  fourAbove: number;
  sizeClass: string | null;
  registeredStaff: number;
  staffOnDuty: number;
  fromOtherProvinces: number;
  underObservation: number;
  abnormalTemperature: number;
  suspectedCases: number;
  capacityTenths: number;
  supplyDaysLeft: number;
  problems: string;
  version: number;
  submittedBy: string | null;
  submittedAt: string;
}

export interface DailyReportVersionTable {
  id: Generated<number>;
  reportId: number;
  version: number;
  /** JSON: the submission as entered */
  data: string;
  submittedBy: string | null;
  submittedAt: string;
}

export interface ReportAlertTable {
  id: Generated<number>;
  entityId: number;
  entityName: string;
  regionPath: string;
  reportDate: string;
  abnormalTemperature: number;
  suspectedCases: number;
  at: string;
}

export interface ReportReminderTable {
  id: Generated<number>;
  entityId: number;
  reportDate: string;
  sentBy: string | null;
  at: string;
}

export interface EntityReviewTable {
  id: Generated<number>;
  entityId: number;
  entityName: string;
  regionPath: string;
  method: string;
  reviewedOn: string;
  preventionOk: number;
  findings: string;
  reviewerId: number | null;
  reviewerName: string;
  createdAt: string;
}

/** 转为问题单: which ticket a report's problems became (one per report). */
export interface ReportProblemTicketTable {
  reportId: number;
  ticketId: number;
  ticketNo: string;
  convertedBy: string | null;
  convertedAt: string;
}

export interface ReportsTables {
  dailyReport: DailyReportTable;
  dailyReportVersion: DailyReportVersionTable;
  reportAlert: ReportAlertTable;
  reportReminder: ReportReminderTable;
  entityReview: EntityReviewTable;
  reportProblemTicket: ReportProblemTicketTable;
}

/** Every table of the reports module: what its repos and services see (with the shared region tree). */
export type ReportsOwnTables = ReportsTables & ReportRollupTables;
