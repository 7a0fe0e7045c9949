import { z } from 'zod';
import { dateSchema, pageQuerySchema } from './common';
import { departmentSchema } from './roles';
import { entityKindSchema, entitySummarySchema, sectorSchema, smallVenueTypeSchema } from './registry';
import type { PermissionRoles } from './roles';

import { filingDataSchema } from './filing-content';

// the filing's content and the staff readiness exam are in their own files; the module's contract is all of them
export * from './filing-content';
export * from './filing-staff';

// ---------------------------------------------------------------- states and routes

/** Filing states; the allowed transitions live in server/src/modules/filings/filing-states.ts. */
export const filingStatuses = [
  'draft',
  'submitted',
  'under_review',
  'changes_requested',
  'resubmitted',
  'awaiting_onsite',
  'awaiting_batch',
  'approved',
  'rejected',
  'suspended',
] as const;
export const filingStatusSchema = z.enum(filingStatuses);
export type FilingStatus = z.infer<typeof filingStatusSchema>;

export const filingActions = [
  'submit',
  'resubmit',
  'auto_approve',
  'await_onsite',
  'await_batch',
  'start_review',
  'approve',
  'reject',
  'request_changes',
  'onsite_pass',
  'onsite_fail',
  'release_batch',
  'suspend',
  'reopen',
] as const;
export const filingActionSchema = z.enum(filingActions);
export type FilingAction = z.infer<typeof filingActionSchema>;

/** 备案即复工 / 零见面审核 / 现场审核 / 分批次 */
export const filingRoutes = ['commitment', 'online', 'onsite', 'batch'] as const;
export const filingRouteSchema = z.enum(filingRoutes);
export type FilingRoute = z.infer<typeof filingRouteSchema>;

export const batchNos = [1, 2, 3, 4, 5] as const;
export const batchNoSchema = z.number().int().min(1).max(5);

export const attachmentKinds = ['prevention_plan', 'emergency_plan'] as const;
export const attachmentKindSchema = z.enum(attachmentKinds);
export type AttachmentKind = z.infer<typeof attachmentKindSchema>;

// ---------------------------------------------------------------- configuration (versioned)

export const checklistItemSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, 'filings.code_format'),
  text: z.string().trim().min(1, 'validation.required').max(300),
  required: z.boolean().default(true),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, 'filings.code_format'),
  title: z.string().trim().min(1, 'validation.required').max(100),
  items: z.array(checklistItemSchema).min(1, 'validation.required').max(120),
});
export type Checklist = z.infer<typeof checklistSchema>;

/** Which entities a rule covers; every list given must contain the entity's value (empty = any). */
export const categoryMatchSchema = z.object({
  kinds: z.array(entityKindSchema).max(10).default([]),
  smallVenueTypes: z.array(smallVenueTypeSchema).max(20).default([]),
  sectors: z.array(sectorSchema).max(3).default([]),
  industries: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
});
export type CategoryMatch = z.infer<typeof categoryMatchSchema>;

export const routeRuleSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(60),
    match: categoryMatchSchema,
    route: filingRouteSchema,
    batchNo: batchNoSchema.nullable().default(null),
    /** the department whose officers review it online (besides the town) */
    department: departmentSchema.nullable().default(null),
    /** an entity on the white list is approved on submit whatever the route */
    whitelistFastTrack: z.boolean().default(false),
    checklistKey: z.string().trim().min(1, 'validation.required').max(40),
  })
  .superRefine((r, ctx) => {
    if (r.route === 'batch' && r.batchNo == null)
      ctx.addIssue({ code: 'custom', path: ['batchNo'], message: 'filings.batch_required' });
  });
export type RouteRule = z.infer<typeof routeRuleSchema>;

export const quizQuestionSchema = z.object({
  text: z.string().trim().min(1, 'validation.required').max(300),
  options: z.array(z.string().trim().min(1, 'validation.required').max(200)).min(2).max(6),
  answer: z.number().int().min(0),
});
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

export const quizSchema = z
  .object({
    passMark: z.number().int().min(1).max(100),
    questions: z.array(quizQuestionSchema).min(1, 'validation.required').max(50),
  })
  .superRefine((q, ctx) => {
    q.questions.forEach((qq, i) => {
      if (qq.answer >= qq.options.length)
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'answer'], message: 'filings.answer_out_of_range' });
    });
  });
export type Quiz = z.infer<typeof quizSchema>;

export const filingConfigSchema = z
  .object({
    /** rules are tried in order; the first that matches decides */
    rules: z.array(routeRuleSchema).max(100),
    fallback: z.object({
      route: filingRouteSchema,
      checklistKey: z.string().trim().min(1).max(40),
      department: departmentSchema.nullable().default(null),
    }),
    checklists: z.array(checklistSchema).min(1).max(50),
    commitmentText: z.string().trim().min(20, 'filings.commitment_too_short').max(4000),
    quiz: quizSchema,
  })
  .superRefine((c, ctx) => {
    const keys = new Set(c.checklists.map((l) => l.key));
    c.rules.forEach((r, i) => {
      if (!keys.has(r.checklistKey))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'checklistKey'], message: 'filings.unknown_checklist' });
    });
    if (!keys.has(c.fallback.checklistKey))
      ctx.addIssue({ code: 'custom', path: ['fallback', 'checklistKey'], message: 'filings.unknown_checklist' });
    if (c.fallback.route === 'batch')
      ctx.addIssue({ code: 'custom', path: ['fallback', 'route'], message: 'filings.batch_required' });
  });
export type FilingConfig = z.infer<typeof filingConfigSchema>;
export type FilingConfigInput = z.input<typeof filingConfigSchema>;

export const filingConfigVersionSchema = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  note: z.string().nullable(),
  config: filingConfigSchema,
});
export type FilingConfigVersion = z.infer<typeof filingConfigVersionSchema>;
export const saveFilingConfigBodySchema = z.object({ note: z.string().trim().max(200).optional(), config: filingConfigSchema });

export const batchSchema = z.object({ batchNo: z.number().int(), releaseDate: z.string().nullable(), waiting: z.number().int() });
export type Batch = z.infer<typeof batchSchema>;
export const setBatchBodySchema = z.object({ releaseDate: dateSchema.nullable() });
export const batchParamSchema = z.object({ no: z.coerce.number().int().min(1).max(5) });

export const whitelistItemSchema = z.object({
  entityId: z.number().int(),
  entityName: z.string(),
  reason: z.string(),
  addedAt: z.string(),
  addedBy: z.string().nullable(),
});
export type WhitelistItem = z.infer<typeof whitelistItemSchema>;
export const addWhitelistBodySchema = z.object({
  entityId: z.number().int().positive(),
  reason: z.string().trim().min(1, 'validation.required').max(200),
});
export const entityIdParamSchema = z.object({ entityId: z.coerce.number().int().positive() });

// ---------------------------------------------------------------- responses

export const attachmentSchema = z.object({
  id: z.number().int(),
  kind: attachmentKindSchema,
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const commitmentSchema = z.object({
  id: z.number().int(),
  revision: z.number().int(),
  text: z.string(),
  signerName: z.string(),
  signedAt: z.string(),
  ip: z.string().nullable(),
  hash: z.string(),
  /** whether the stored hash still matches text + signer + time */
  intact: z.boolean(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const filingEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  fromStatus: filingStatusSchema.nullable(),
  toStatus: filingStatusSchema,
  reason: z.string().nullable(),
  revision: z.number().int().nullable(),
});
export type FilingEvent = z.infer<typeof filingEventSchema>;

export const filingSummarySchema = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  regionPath: z.string(),
  status: filingStatusSchema,
  route: filingRouteSchema,
  batchNo: z.number().int().nullable(),
  department: departmentSchema.nullable(),
  whitelisted: z.boolean(),
  configVersion: z.number().int(),
  revision: z.number().int(),
  plannedDate: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FilingSummary = z.infer<typeof filingSummarySchema>;

export const filingAbilitiesSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  review: z.boolean(),
  onsite: z.boolean(),
  suspend: z.boolean(),
  reopen: z.boolean(),
});
export type FilingAbilities = z.infer<typeof filingAbilitiesSchema>;

export const staffReadinessSchema = z.object({ total: z.number().int(), passed: z.number().int() });

export const filingDetailSchema = filingSummarySchema.extend({
  entity: entitySummarySchema.nullable(),
  /** the working copy: the draft, or the last submitted revision */
  data: z.unknown(),
  checklist: checklistSchema,
  commitmentText: z.string(),
  revisions: z.array(z.object({ revision: z.number().int(), submittedAt: z.string(), submittedBy: z.string().nullable() })),
  events: z.array(filingEventSchema),
  commitments: z.array(commitmentSchema),
  attachments: z.array(attachmentSchema),
  staffReadiness: staffReadinessSchema,
  batchReleaseDate: z.string().nullable(),
  abilities: filingAbilitiesSchema,
});
export type FilingDetail = z.infer<typeof filingDetailSchema>;

export const filingRevisionSchema = z.object({
  revision: z.number().int(),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
  data: filingDataSchema,
});
export type FilingRevision = z.infer<typeof filingRevisionSchema>;
export const revisionParamSchema = z.object({
  id: z.coerce.number().int().positive(),
  revision: z.coerce.number().int().positive(),
});

export const filingListQuerySchema = pageQuerySchema.extend({
  status: filingStatusSchema.optional(),
  route: filingRouteSchema.optional(),
  regionCode: z.string().trim().max(20).optional(),
  q: z.string().trim().max(50).optional(),
  /** the reviewer's inbox: only filings waiting for a decision they can make */
  inbox: z.enum(['review', 'onsite']).optional(),
});
export type FilingListQuery = z.infer<typeof filingListQuerySchema>;

/** Who may do what in this module: each permission and the roles that hold it (composed in permissions.ts). */
export const filingsPermissions = {
  'filings.read': ['admin', 'commander', 'department', 'town', 'inspector'],
  'filings.review': ['admin', 'department', 'town'],
  'filings.configure': ['admin'],
  'filings.onsite': ['admin', 'inspector'],
  'filings.submit': ['enterprise'],
} as const satisfies PermissionRoles;
