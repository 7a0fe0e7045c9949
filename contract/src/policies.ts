import { z } from 'zod';
import { dateSchema, pageQuerySchema, transitionEventSchema } from './common';
import { departmentSchema } from './roles';
import { entityKindSchema, entityStatusSchema, sectorSchema, sizeClassSchema, smallVenueTypeSchema } from './registry';
import type { PermissionRoles } from './roles';

/** What a measure gives: 补贴 / 减免 / 缓缴缓还 / 减征 / 保险 / 奖励 / 服务. */
export const policyKinds = ['subsidy', 'relief', 'deferral', 'reduction', 'insurance', 'award', 'service'] as const;
export const policyKindSchema = z.enum(policyKinds);
export type PolicyKind = z.infer<typeof policyKindSchema>;

/** The ledger's headings, as the press figures group them. */
export const subsidyTypes = [
  'employment_training', // 就业、培训等援企稳岗补贴
  'social_insurance', // 减免缓社保费
  'medical_insurance', // 减征医保费
  'loan_deferral', // 临时性延期还本付息
  'rent_reduction', // 减免房租
  'export_insurance', // 出口信用保险
  'award', // 奖励、扶持资金兑现
  'other',
] as const;
export const subsidyTypeSchema = z.enum(subsidyTypes);
export type SubsidyType = z.infer<typeof subsidyTypeSchema>;

/** Amounts are integer minor units of their currency: fen for CNY, cents for USD (export insurance cover). */
export const policyCurrencies = ['CNY', 'USD'] as const;
export const policyCurrencySchema = z.enum(policyCurrencies);
export type PolicyCurrency = z.infer<typeof policyCurrencySchema>;

export const issuerLevels = ['national', 'province', 'city', 'district'] as const;
export const issuerLevelSchema = z.enum(issuerLevels);

export const packageStatuses = ['draft', 'published', 'withdrawn'] as const;
export const packageStatusSchema = z.enum(packageStatuses);
export type PackageStatus = z.infer<typeof packageStatusSchema>;

export const applicationStatuses = ['submitted', 'more_requested', 'approved', 'rejected', 'paid'] as const;
export const applicationStatusSchema = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

export const applicationActions = ['approve', 'reject', 'request_more', 'resubmit', 'pay'] as const;
export type ApplicationAction = (typeof applicationActions)[number];

const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));
const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max);

/**
 * Who a measure is for, as conditions over the registry's attributes; every condition given must
 * hold, an empty rule admits every entity. An attribute the registry does not know is refused.
 */
export const eligibilityRuleSchema = z
  .strictObject(
    {
      kinds: z.array(entityKindSchema).min(1).optional(),
      sectors: z.array(sectorSchema).min(1).optional(),
      sizeClasses: z.array(sizeClassSchema).min(1).optional(),
      smallVenueTypes: z.array(smallVenueTypeSchema).min(1).optional(),
      industries: z.array(z.string().trim().min(1).max(50)).min(1).max(50).optional(),
      statuses: z.array(entityStatusSchema).min(1).optional(),
      aboveScale: z.boolean().optional(),
      aboveQuota: z.boolean().optional(),
      fourAbove: z.boolean().optional(),
      minStaff: z.number().int().min(0).max(1_000_000).optional(),
      maxStaff: z.number().int().min(0).max(1_000_000).optional(),
    },
    { error: (iss) => (iss.code === 'unrecognized_keys' ? 'policies.unknown_attribute' : undefined) },
  )
  .superRefine((r, ctx) => {
    if (r.minStaff !== undefined && r.maxStaff !== undefined && r.minStaff > r.maxStaff)
      ctx.addIssue({ code: 'custom', path: ['maxStaff'], message: 'policies.staff_range' });
  });
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;

export const packageInputSchema = z
  .object({
    title: text(200),
    shortTitle: text(40),
    issuerLevel: issuerLevelSchema,
    issuer: text(100),
    regionCode: text(20),
    validFrom: dateSchema,
    validTo: dateSchema.nullish().transform((v) => v ?? null),
  })
  .superRefine((p, ctx) => {
    if (p.validTo && p.validTo < p.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'policies.valid_to_before_from' });
  });
export type PackageInput = z.input<typeof packageInputSchema>;
export const packageUpdateSchema = packageInputSchema.and(z.object({ version: z.number().int().positive() }));

export const measureInputSchema = z.object({
  seq: z.number().int().min(1).max(999),
  title: text(200),
  kind: policyKindSchema,
  subsidyType: subsidyTypeSchema,
  department: departmentSchema,
  currency: policyCurrencySchema.default('CNY'),
  /** the amount or formula as the policy states it (e.g. 按上年度失业保险费的50%返还) */
  amountNote: optText(500),
  interpretation: text(5000),
  guideMaterials: optText(2000),
  guideSteps: optText(2000),
  deadline: dateSchema.nullish().transform((v) => v ?? null),
  /** false: paid without an application (e.g. social-insurance relief computed by the department) */
  applicationRequired: z.boolean().default(true),
  eligibility: eligibilityRuleSchema.default({}),
});
export type MeasureInput = z.input<typeof measureInputSchema>;
export const measureUpdateSchema = measureInputSchema.extend({ version: z.number().int().positive() });

export const policyMeasureSchema = z.object({
  id: z.number().int(),
  packageId: z.number().int(),
  publicToken: z.string(),
  seq: z.number().int(),
  title: z.string(),
  kind: policyKindSchema,
  subsidyType: subsidyTypeSchema,
  department: departmentSchema,
  currency: policyCurrencySchema,
  amountNote: z.string().nullable(),
  interpretation: z.string(),
  guideMaterials: z.string().nullable(),
  guideSteps: z.string().nullable(),
  deadline: z.string().nullable(),
  applicationRequired: z.boolean(),
  eligibility: eligibilityRuleSchema,
});
export type PolicyMeasure = z.infer<typeof policyMeasureSchema>;

export const packageSchema = z.object({
  id: z.number().int(),
  publicToken: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  issuerLevel: issuerLevelSchema,
  issuer: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  status: packageStatusSchema,
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  measureCount: z.number().int(),
});
export type PolicyPackage = z.infer<typeof packageSchema>;
export const packageDetailSchema = packageSchema.extend({
  measures: z.array(policyMeasureSchema),
  abilities: z.object({ manage: z.boolean() }),
});
export type PackageDetail = z.infer<typeof packageDetailSchema>;
export const packageListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  status: packageStatusSchema.optional(),
});
export const packageVersionSchema = z.object({
  version: z.number().int(),
  status: packageStatusSchema,
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  measureCount: z.number().int(),
});

/** The public page of one measure: the version in force of a published package. */
export const publicMeasureSchema = policyMeasureSchema.omit({ eligibility: true }).extend({
  packageTitle: z.string(),
  packageShortTitle: z.string(),
  packageToken: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  version: z.number().int(),
  /** the conditions in the reader's language, one line each */
  conditions: z.array(z.string()),
});
export type PublicMeasure = z.infer<typeof publicMeasureSchema>;
export const publicPackageSchema = z.object({
  title: z.string(),
  shortTitle: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  version: z.number().int(),
  measures: z.array(
    z.object({ seq: z.number().int(), title: z.string(), publicToken: z.string(), subsidyType: subsidyTypeSchema }),
  ),
});
export const publicTokenParamSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) });
export const packageIdParamSchema = z.object({ packageId: z.coerce.number().int().positive() });
export const measureIdParamSchema = z.object({ measureId: z.coerce.number().int().positive() });

// --- eligibility for one's own entities, and the 应享尽享 list ---

export const myEligibilitySchema = z.object({
  measureId: z.number().int(),
  applicationRequired: z.boolean(),
  entities: z.array(
    z.object({
      entityId: z.number().int(),
      entityName: z.string(),
      eligible: z.boolean(),
      /** conditions that do not hold, in the reader's language */
      unmet: z.array(z.string()),
      applicationId: z.number().int().nullable(),
      applicationStatus: applicationStatusSchema.nullable(),
    }),
  ),
});
export type MyEligibility = z.infer<typeof myEligibilitySchema>;

export const eligibleQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().trim().max(20).optional(),
  /** only those that have neither applied nor been paid (应享尽享 worklist) */
  pending: z.enum(['true', 'false']).optional(),
});
export const eligibleEntitySchema = z.object({
  entityId: z.number().int(),
  entityName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  applicationStatus: applicationStatusSchema.nullable(),
  paid: z.boolean(),
  deliveredOn: z.string().nullable(),
});
export const eligiblePageSchema = z.object({
  items: z.array(eligibleEntitySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  eligible: z.number().int(),
  applied: z.number().int(),
});
export type EligiblePage = z.infer<typeof eligiblePageSchema>;

export const deliveryBodySchema = z.object({
  measureId: z.number().int().positive(),
  entityId: z.number().int().positive(),
  visitId: z.number().int().positive().nullish(),
  deliveredOn: dateSchema,
});
export const deliverySchema = z.object({
  id: z.number().int(),
  measureId: z.number().int(),
  entityId: z.number().int(),
  deliveredOn: z.string(),
  visitId: z.number().int().nullable(),
});
export const policyRemindResultSchema = z.object({ entities: z.number().int(), notified: z.number().int() });

// --- applications 申报 ---

export const applicationBodySchema = z.object({
  measureId: z.number().int().positive(),
  entityId: z.number().int().positive(),
  requestedAmount: z.number().int().positive('policies.amount_positive').nullish(),
  contactName: text(50),
  note: text(2000),
});
export type ApplicationBody = z.input<typeof applicationBodySchema>;

export const applicationDecisionSchema = z
  .object({
    action: z.enum(['approve', 'reject', 'request_more']),
    /** approve: the amount granted, in minor units of the measure's currency */
    amount: z.number().int().positive('policies.amount_positive').nullish(),
    note: optText(1000),
    version: z.number().int().positive(),
  })
  .superRefine((b, ctx) => {
    if (b.action === 'approve' && !b.amount)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'policies.amount_positive' });
    if (b.action !== 'approve' && !b.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'policies.reason_required' });
  });
export const resubmitBodySchema = z.object({ note: text(2000), version: z.number().int().positive() });
export const payBodySchema = z.object({ paidOn: dateSchema, reference: text(60) });

export const applicationSchema = z.object({
  id: z.number().int(),
  measureId: z.number().int(),
  measureTitle: z.string(),
  packageShortTitle: z.string(),
  subsidyType: subsidyTypeSchema,
  currency: policyCurrencySchema,
  department: departmentSchema,
  entityId: z.number().int(),
  entityName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  channel: z.enum(['online', 'on_behalf']),
  requestedAmount: z.number().int().nullable(),
  approvedAmount: z.number().int().nullable(),
  contactName: z.string(),
  note: z.string(),
  decisionNote: z.string().nullable(),
  status: applicationStatusSchema,
  version: z.number().int(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  abilities: z.object({ decide: z.boolean(), pay: z.boolean(), resubmit: z.boolean() }),
});
export type PolicyApplication = z.infer<typeof applicationSchema>;
export const applicationDetailSchema = applicationSchema.extend({ events: z.array(transitionEventSchema) });
export const applicationListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  status: applicationStatusSchema.optional(),
  measureId: z.coerce.number().int().positive().optional(),
  regionCode: z.string().trim().max(20).optional(),
});
export const applicationExportQuerySchema = applicationListQuerySchema.omit({ page: true, pageSize: true });

// --- disbursement ledger 兑付台账 ---

export const disbursementBodySchema = z.object({
  measureId: z.number().int().positive(),
  entityId: z.number().int().positive(),
  amount: z.number().int().positive('policies.amount_positive'),
  paidOn: dateSchema,
  reference: text(60),
});
export const disbursementSchema = z.object({
  id: z.number().int(),
  measureId: z.number().int(),
  measureTitle: z.string(),
  subsidyType: subsidyTypeSchema,
  department: departmentSchema,
  entityId: z.number().int(),
  entityName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  applicationId: z.number().int().nullable(),
  currency: policyCurrencySchema,
  amount: z.number().int(),
  paidOn: z.string(),
  reference: z.string(),
  source: z.enum(['application', 'direct', 'import']),
  createdAt: z.string(),
});
export type Disbursement = z.infer<typeof disbursementSchema>;
export const disbursementListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  measureId: z.coerce.number().int().positive().optional(),
  packageId: z.coerce.number().int().positive().optional(),
  subsidyType: subsidyTypeSchema.optional(),
  regionCode: z.string().trim().max(20).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
export const disbursementExportQuerySchema = disbursementListQuerySchema.omit({ page: true, pageSize: true });

export const totalsQuerySchema = z.object({
  regionCode: z.string().trim().max(20).optional(),
  packageId: z.coerce.number().int().positive().optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
const totalRow = z.object({
  currency: policyCurrencySchema,
  amount: z.number().int(),
  entities: z.number().int(),
  rows: z.number().int(),
});
export const policyTotalsSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  byType: z.array(totalRow.extend({ subsidyType: subsidyTypeSchema })),
  byMeasure: z.array(totalRow.extend({ measureId: z.number().int(), title: z.string(), packageShortTitle: z.string() })),
  byRegion: z.array(totalRow.extend({ regionCode: z.string(), regionName: z.string().nullable() })),
  /** distinct entities with at least one row in the ledger */
  enterprisesReached: z.number().int(),
});
export type PolicyTotals = z.infer<typeof policyTotalsSchema>;

export const policiesPermissions = {
  /** catalogue, applications, ledger and figures of the caller's area */
  'policies.read': ['admin', 'commander', 'department', 'town', 'liaison'],
  /** write the catalogue and its eligibility rules; publish and withdraw */
  'policies.manage': ['admin', 'department'],
  /** decide applications to the caller's department's measures */
  'policies.review': ['admin', 'department'],
  /** record payments and reliefs in the ledger */
  'policies.disburse': ['admin', 'department'],
  /** an enterprise applies for its own entity */
  'policies.apply': ['enterprise'],
  /** staff apply on an entity's behalf; liaisons mark a policy delivered */
  'policies.assist': ['admin', 'town', 'liaison'],
} as const satisfies PermissionRoles;
