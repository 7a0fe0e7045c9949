import { z } from 'zod';
import { dateSchema, pageQuerySchema } from './common';
import { escalationLevelSchema } from './tickets';
import { isValidMobile } from './validate/phone';
import type { PermissionRoles } from './roles';

/**
 * 银企对接 (SPEC M10). The financial affairs centre 金融事务中心 is a `department` grant with
 * department `finance`; bank officers hold the `bank` role and are tied to one institution by the
 * finance module itself.
 */
export const financePermissions = {
  /** file a financing request: the enterprise for itself, a liaison for the entities of its area */
  'finance.request': ['admin', 'enterprise', 'liaison'],
  /** the centre's view of every request of its area, white list, rollovers, meetings (department grants: finance only) */
  'finance.manage': ['admin', 'department'],
  /** a bank officer answers the requests shared with its institution */
  'finance.answer': ['bank'],
  /** totals without any enterprise's financial details */
  'finance.figures': ['admin', 'commander', 'department', 'town'],
} as const satisfies PermissionRoles;

/** A sane cap on one request or one answer: 50 亿元. */
export const FINANCE_MAX_FEN = 500_000_000_000;

const fen = (field = 'finance.amount_positive') =>
  z.number({ message: 'finance.amount_positive' }).int(field).positive(field).max(FINANCE_MAX_FEN, 'finance.amount_cap');
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));
const required = (max: number) => z.string().trim().min(1, 'validation.required').max(max);

export const institutionKinds = ['bank', 'rural_bank', 'guarantee', 'microloan', 'insurance', 'other'] as const;
export const institutionKindSchema = z.enum(institutionKinds);
export type InstitutionKind = z.infer<typeof institutionKindSchema>;

export const financingPurposes = ['wages', 'raw_materials', 'rollover', 'equipment', 'epidemic_supplies', 'other'] as const;
export const financingPurposeSchema = z.enum(financingPurposes);
export const collateralKinds = ['none', 'mortgage', 'guarantee', 'pledge', 'credit'] as const;
export const collateralKindSchema = z.enum(collateralKinds);
export const urgencies = ['normal', 'urgent', 'critical'] as const;
export const urgencySchema = z.enum(urgencies);

/** received → contacted → under_review → approved | declined | info_requested; approved → disbursed (all tranches). */
export const answerStatuses = [
  'received',
  'contacted',
  'under_review',
  'info_requested',
  'approved',
  'declined',
  'disbursed',
] as const;
export const answerStatusSchema = z.enum(answerStatuses);
export type AnswerStatus = z.infer<typeof answerStatusSchema>;
export const answerActions = ['contact', 'review', 'request_info', 'approve', 'decline', 'open_account'] as const;
export const answerActionSchema = z.enum(answerActions);
export type AnswerAction = z.infer<typeof answerActionSchema>;

/** open: waiting for answers; served: money disbursed; closed: every institution declined. */
export const financingStatuses = ['open', 'served', 'closed'] as const;
export const financingStatusSchema = z.enum(financingStatuses);
export type FinancingStatus = z.infer<typeof financingStatusSchema>;

export const whitelistCriteria = [
  'key_supply',
  'key_project',
  'above_scale',
  'epidemic_supplies',
  'small_micro',
  'other',
] as const;
export const whitelistCriterionSchema = z.enum(whitelistCriteria);

// ---- institutions and officers ----

export const institutionBodySchema = z.object({
  name: required(100),
  kind: institutionKindSchema,
  branch: text(100),
  contactName: text(50),
  contactPhone: text(20).refine((p) => !p || isValidMobile(p) || /^0\d{2,3}-?\d{7,8}$/.test(p), 'finance.phone'),
  /** the district it serves */
  regionCode: required(20),
  active: z.boolean().default(true),
});
export type InstitutionBody = z.input<typeof institutionBodySchema>;

export const institutionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: institutionKindSchema,
  branch: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  active: z.boolean(),
  officers: z.number().int(),
});
export type Institution = z.infer<typeof institutionSchema>;

export const officerSchema = z.object({ userId: z.number().int(), username: z.string(), displayName: z.string() });
export type Officer = z.infer<typeof officerSchema>;
export const institutionDetailSchema = institutionSchema.extend({
  officers: z.number().int(),
  officerList: z.array(officerSchema),
});
export type InstitutionDetail = z.infer<typeof institutionDetailSchema>;
export const officerBodySchema = z.object({ userId: z.number().int().positive() });
export const officerCandidatesQuerySchema = z.object({ q: z.string().trim().max(50).optional() });
export const institutionListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  regionCode: z.string().max(20).optional(),
  kind: institutionKindSchema.optional(),
  /** only the active institutions serving this entity's area (what its request form offers) */
  entityId: z.coerce.number().int().positive().optional(),
});

/** The signed-in bank officer's institution (null when no institution has taken the officer on yet). */
export const myInstitutionSchema = z.object({ institution: institutionSchema.nullable() });

// ---- requests ----

export const financingRequestBodySchema = z
  .object({
    entityId: z.number({ message: 'validation.required' }).int().positive(),
    amountFen: fen(),
    purpose: financingPurposeSchema,
    purposeNote: text(200),
    termMonths: z.number({ message: 'finance.term' }).int('finance.term').min(1, 'finance.term').max(360, 'finance.term'),
    collateral: collateralKindSchema,
    collateralNote: text(200),
    urgency: urgencySchema.default('normal'),
    /** the institutions that may see it; empty = let the financial affairs centre route it */
    institutionIds: z.array(z.number().int().positive()).max(16).default([]),
    /** one lender only: the first to approve takes it, the others are told it is taken */
    exclusive: z.boolean().default(false),
    contactName: required(50),
    contactPhone: required(20).refine((p) => isValidMobile(p), 'validation.mobile'),
  })
  .strict();
export type FinancingRequestBody = z.input<typeof financingRequestBodySchema>;

export const routeBodySchema = z.object({
  institutionIds: z.array(z.number().int().positive()).min(1, 'finance.pick_institution').max(16),
});

export const loanDisbursementSchema = z.object({
  id: z.number().int(),
  answerId: z.number().int(),
  institutionId: z.number().int(),
  amountFen: z.number().int(),
  disbursedOn: z.string(),
  recordedAt: z.string(),
  /** hours from account opening to this tranche, when the account was opened through the platform */
  hoursFromAccount: z.number().nullable(),
  confirmedAt: z.string().nullable(),
});
export type LoanDisbursement = z.infer<typeof loanDisbursementSchema>;

export const answerSchema = z.object({
  id: z.number().int(),
  requestId: z.number().int(),
  institutionId: z.number().int(),
  institutionName: z.string(),
  status: answerStatusSchema,
  approvedFen: z.number().int().nullable(),
  disbursedFen: z.number().int(),
  declineReason: z.string().nullable(),
  note: z.string().nullable(),
  productId: z.number().int().nullable(),
  accountOpenedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** the moves the state table allows from here */
  nextActions: z.array(answerActionSchema),
  disbursements: z.array(loanDisbursementSchema),
});
export type FinancingAnswer = z.infer<typeof answerSchema>;

export const financingRequestSchema = z.object({
  id: z.number().int(),
  no: z.string(),
  entityId: z.number().int(),
  entityName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  amountFen: z.number().int(),
  purpose: financingPurposeSchema,
  purposeNote: z.string().nullable(),
  termMonths: z.number().int(),
  collateral: collateralKindSchema,
  collateralNote: z.string().nullable(),
  urgency: urgencySchema,
  exclusive: z.boolean(),
  routedByCentre: z.boolean(),
  whitelisted: z.boolean(),
  status: financingStatusSchema,
  approvedFen: z.number().int(),
  disbursedFen: z.number().int(),
  takenByInstitutionId: z.number().int().nullable(),
  firstAnswerDue: z.string(),
  firstAnsweredAt: z.string().nullable(),
  escalationLevel: escalationLevelSchema.nullable(),
  createdAt: z.string(),
  /** 'answer' rows the caller may see: the enterprise and the centre all, a bank its own */
  answers: z.array(answerSchema),
});
export type FinancingRequest = z.infer<typeof financingRequestSchema>;

export const financingDetailSchema = financingRequestSchema.extend({
  contactName: z.string(),
  contactPhone: z.string(),
  institutionIds: z.array(z.number().int()),
  abilities: z.object({ route: z.boolean(), confirm: z.boolean() }),
});
export type FinancingDetail = z.infer<typeof financingDetailSchema>;

const boolQuery = z.enum(['true', 'false']).optional();
export const financingListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  status: financingStatusSchema.optional(),
  answerStatus: answerStatusSchema.optional(),
  regionCode: z.string().max(20).optional(),
  institutionId: z.coerce.number().int().positive().optional(),
  whitelisted: boolQuery,
  unrouted: boolQuery,
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
export type FinancingListQuery = z.infer<typeof financingListQuerySchema>;

export const answerActBodySchema = z
  .object({
    action: answerActionSchema,
    /** the version read: two officers acting on the same answer at once get one 409 */
    version: z.number().int().min(0),
    approvedFen: fen().optional(),
    declineReason: text(500),
    note: text(500),
    /** a fast-track product (复工闪贷) whose quota the approval draws on */
    productId: z.number().int().positive().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.action === 'approve' && b.approvedFen === undefined)
      ctx.addIssue({ code: 'custom', path: ['approvedFen'], message: 'finance.amount_positive' });
    if (b.action === 'decline' && !b.declineReason)
      ctx.addIssue({ code: 'custom', path: ['declineReason'], message: 'finance.reason_required' });
    if (b.action === 'request_info' && !b.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'finance.note_required' });
  });
export type AnswerActBody = z.input<typeof answerActBodySchema>;

export const loanDisbursementBodySchema = z.object({ amountFen: fen(), disbursedOn: dateSchema });
export type LoanDisbursementBody = z.input<typeof loanDisbursementBodySchema>;

// ---- white list, products, rollovers, meetings ----

export const whitelistBodySchema = z.object({
  entityId: z.number({ message: 'validation.required' }).int().positive(),
  criterion: whitelistCriterionSchema,
  reason: required(300),
});
export const whitelistRemoveBodySchema = z.object({ reason: required(300) });
export const whitelistEntrySchema = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  regionCode: z.string(),
  criterion: whitelistCriterionSchema,
  reason: z.string(),
  addedVersion: z.number().int(),
  addedAt: z.string(),
  removedVersion: z.number().int().nullable(),
  removedReason: z.string().nullable(),
});
export type WhitelistEntry = z.infer<typeof whitelistEntrySchema>;
export const whitelistQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  /** the list as it stood at this version; the current one when absent */
  version: z.coerce.number().int().positive().optional(),
});
export const whitelistPageSchema = z.object({
  items: z.array(whitelistEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  version: z.number().int(),
});

export const productBodySchema = z.object({
  institutionId: z.number({ message: 'validation.required' }).int().positive(),
  name: required(100),
  quotaFen: fen(),
  /** the promise: money within this many hours of the account being opened */
  targetHours: z.number().int().min(1).max(720).default(24),
});
export const productSchema = z.object({
  id: z.number().int(),
  institutionId: z.number().int(),
  institutionName: z.string(),
  name: z.string(),
  quotaFen: z.number().int(),
  usedFen: z.number().int(),
  targetHours: z.number().int(),
});
export type FinanceProduct = z.infer<typeof productSchema>;

export * from './finance-records';
