import { z } from 'zod';
import { dateSchema, pageQuerySchema } from './common';
import type { PermissionRoles } from './roles';

/** A query-string flag: only the text 'true' is true. */
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const count = z.coerce.number().int().min(0).max(1_000_000);

/** 一日一报: what a resumed entity reports for one business day. */
export const dailyReportInputSchema = z.object({
  reportDate: dateSchema,
  staffOnDuty: count,
  fromOtherProvinces: count,
  underObservation: count,
  abnormalTemperature: count,
  suspectedCases: count,
  /** 复产率: share of normal capacity in use, percent */
  capacityRate: z.coerce.number().min(0).max(100),
  supplyDaysLeft: z.coerce.number().int().min(0).max(3650),
  problems: z.string().trim().max(2000).default(''),
});
export type DailyReportInput = z.infer<typeof dailyReportInputSchema>;

export const dailyReportSchema = dailyReportInputSchema.extend({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  registeredStaff: z.number().int(),
  /** how many times this day's report was submitted; earlier versions are in the history */
  version: z.number().int(),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
  abnormal: z.boolean(),
});
export type DailyReport = z.infer<typeof dailyReportSchema>;

export const dailyReportVersionSchema = dailyReportInputSchema.extend({
  version: z.number().int(),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
});
export type DailyReportVersion = z.infer<typeof dailyReportVersionSchema>;

export const myReportsSchema = z.object({
  entityId: z.number().int(),
  entityName: z.string(),
  entityStatus: z.string(),
  registeredStaff: z.number().int(),
  today: dateSchema,
  canReport: z.boolean(),
  items: z.array(dailyReportSchema),
});
export type MyReports = z.infer<typeof myReportsSchema>;

export const reportListQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().optional(),
  date: dateSchema.optional(),
  abnormalOnly: flag.optional(),
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

export const missingReportsQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().optional(),
  date: dateSchema.optional(),
});
export type MissingReportsQuery = z.infer<typeof missingReportsQuerySchema>;

export const missingReportSchema = z.object({
  entityId: z.number().int(),
  name: z.string(),
  kind: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  lastReportDate: dateSchema.nullable(),
  remindedAt: z.string().nullable(),
});
export type MissingReport = z.infer<typeof missingReportSchema>;

export const remindBodySchema = z.object({
  date: dateSchema.optional(),
  /** absent = every entity missing that day in the caller's scope (or regionCode) */
  entityIds: z.array(z.number().int().positive()).max(5000).optional(),
  regionCode: z.string().optional(),
});
export const remindResultSchema = z.object({ entities: z.number().int(), recipients: z.number().int() });

/** 五日一复核 */
export const reviewMethods = ['onsite', 'phone'] as const;
export const reviewMethodSchema = z.enum(reviewMethods);
export type ReviewMethod = z.infer<typeof reviewMethodSchema>;
export const REVIEW_INTERVAL_DAYS = 5;

export const reviewInputSchema = z.object({
  entityId: z.number().int().positive(),
  method: reviewMethodSchema,
  reviewedOn: dateSchema,
  preventionOk: z.boolean(),
  findings: z.string().trim().min(1).max(2000),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const reviewSchema = reviewInputSchema.extend({
  id: z.number().int(),
  entityName: z.string(),
  reviewerName: z.string(),
  createdAt: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewDueQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().optional(),
  /** only those past their five days */
  overdueOnly: flag.optional(),
});
export type ReviewDueQuery = z.infer<typeof reviewDueQuerySchema>;

export const reviewDueSchema = z.object({
  entityId: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  lastReviewedOn: dateSchema.nullable(),
  dueOn: dateSchema,
  overdueDays: z.number().int(),
});
export type ReviewDue = z.infer<typeof reviewDueSchema>;

export const reportAlertSchema = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  regionPath: z.string(),
  reportDate: dateSchema,
  abnormalTemperature: z.number().int(),
  suspectedCases: z.number().int(),
  at: z.string(),
});
export type ReportAlert = z.infer<typeof reportAlertSchema>;

/** Daily reports whose problems field is filled, for staff to turn into tickets (问题单). */
export const reportProblemsQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().optional(),
  /** default: the last 30 days */
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  converted: flag.optional(),
  reportId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
});
export type ReportProblemsQuery = z.infer<typeof reportProblemsQuerySchema>;

export const reportProblemTicketSchema = z.object({
  ticketId: z.number().int(),
  ticketNo: z.string(),
  convertedAt: z.string(),
  convertedBy: z.string().nullable(),
});
export type ReportProblemTicket = z.infer<typeof reportProblemTicketSchema>;

export const reportProblemSchema = z.object({
  reportId: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  regionName: z.string().nullable(),
  reportDate: dateSchema,
  problems: z.string(),
  submittedAt: z.string(),
  ticket: reportProblemTicketSchema.nullable(),
  canConvert: z.boolean(),
});
export type ReportProblem = z.infer<typeof reportProblemSchema>;

/** 转为问题单: the ticket's category, optionally a shorter title, and whether to 交办 at once to the category's department. */
export const convertProblemBodySchema = z.object({
  categoryId: z.number().int().positive(),
  title: z.string().trim().min(1).max(100).optional(),
  assignNow: z.boolean().default(true),
  major: z.boolean().default(false),
});
export type ConvertProblemBody = z.input<typeof convertProblemBodySchema>;

export const convertProblemResultSchema = reportProblemTicketSchema.extend({
  /** false when the report had been converted already (the earlier ticket is returned) */
  created: z.boolean(),
});
export type ConvertProblemResult = z.infer<typeof convertProblemResultSchema>;

/** Who may do what in this module: each permission and the roles that hold it (composed in permissions.ts). */
export const reportsPermissions = {
  'reports.read': ['admin', 'commander', 'town'],
  'reports.remind': ['admin', 'town'],
  'reports.review': ['admin', 'grid', 'liaison'],
  'reports.convert': ['admin', 'commander', 'town'],
  'reports.submit': ['enterprise'],
} as const satisfies PermissionRoles;
