import { z } from 'zod';
import { dateSchema } from './common';
import type { PermissionRoles } from './roles';

/**
 * The categories a resumption rate is given for (definitions in docs/METRICS.md; the server's
 * dashboard/metrics.ts holds the one predicate of each).
 */
export const metricCategories = [
  'overall',
  'enterprise',
  'industrial',
  'industrialAboveScale',
  'commerce',
  'commerceAboveQuota',
  'servicesAboveScale',
  'smallMicro',
  'individual',
  'fourAbove',
  'fourBelow',
  'agriculture',
  'keyProject',
] as const;
export const metricCategorySchema = z.enum(metricCategories);
export type MetricCategory = z.infer<typeof metricCategorySchema>;

export const dashboardQuerySchema = z.object({
  /** region subtree; absent = the caller's own (first) region */
  regionCode: z.string().optional(),
  date: dateSchema.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** One population's figures for the day; rates are percents rounded to 0.1, null when nothing to divide by. */
export const metricRowSchema = z.object({
  key: z.string(),
  total: z.number().int(),
  resumed: z.number().int(),
  resumptionRate: z.number().nullable(),
  reporting: z.number().int(),
  capacityRate: z.number().nullable(),
  attendanceRate: z.number().nullable(),
  staffOnDuty: z.number().int(),
  fromOtherProvinces: z.number().int(),
});
export type MetricRow = z.infer<typeof metricRowSchema>;

export const dashboardSummarySchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  date: dateSchema,
  categories: z.array(metricRowSchema),
  sectors: z.array(metricRowSchema),
  industries: z.array(metricRowSchema),
  /** child regions (towns of a district …) ranked by resumption rate */
  children: z.array(metricRowSchema.extend({ name: z.string() })),
  alerts: z.object({ abnormalTemperature: z.number().int(), suspectedCases: z.number().int(), entities: z.number().int() }),
  /** the last day up to `date` with daily reports in the subtree (the date itself when it has some), or null */
  latestReportDate: dateSchema.nullable(),
  computedMs: z.number(),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

export const trendQuerySchema = dashboardQuerySchema.extend({ days: z.coerce.number().int().min(2).max(60).default(14) });
export const trendPointSchema = z.object({
  date: dateSchema,
  resumptionRate: z.number().nullable(),
  resumed: z.number().int(),
  capacityRate: z.number().nullable(),
  attendanceRate: z.number().nullable(),
});
export const trendSchema = z.object({ regionCode: z.string(), points: z.array(trendPointSchema) });
export type Trend = z.infer<typeof trendSchema>;

/** Who may do what in this module: each permission and the roles that hold it (composed in permissions.ts). */
export const dashboardPermissions = {
  'dashboard.read': ['admin', 'commander', 'department', 'town'],
} as const satisfies PermissionRoles;
