import { z } from 'zod';
import { dateSchema, pageQuerySchema, recordFileSchema, transitionEventSchema } from './common';
import { escalationLevelSchema } from './tickets';
import { isValidMobile } from './validate/phone';
import type { PermissionRoles } from './roles';

/** 受理 → 核实 → 属实 / 不属实 → 处理 → 答复 (12315-style). */
export const complaintStatuses = ['received', 'verifying', 'substantiated', 'unfounded', 'handled', 'replied'] as const;
export const complaintStatusSchema = z.enum(complaintStatuses);
export type ComplaintStatus = z.infer<typeof complaintStatusSchema>;

export const complaintActions = ['verify', 'substantiate', 'dismiss', 'handle', 'reply'] as const;
export const complaintActionSchema = z.enum(complaintActions);
export type ComplaintAction = z.infer<typeof complaintActionSchema>;

export const complaintChannels = ['web', 'phone'] as const;
export const complaintChannelSchema = z.enum(complaintChannels);

/** Limits shared by the public form and the server. */
export const COMPLAINT_CONTENT_MAX = 2000;

const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));

const complaintFields = {
  content: z.string().trim().min(10, 'complaints.content_short').max(COMPLAINT_CONTENT_MAX),
  /** where: an entity from the registry (staff intake) or a free address */
  entityId: z.number().int().positive().nullish(),
  entityName: optText(100),
  address: optText(200),
  regionCode: z.string().trim().min(1, 'validation.required').max(20),
  occurredOn: dateSchema.nullish(),
  anonymous: z.boolean().default(false),
  contactName: optText(50),
  phone: optText(20).refine((p) => !p || isValidMobile(p), 'validation.mobile'),
};

function contactRule(b: { anonymous: boolean; phone: string | null }, ctx: z.RefinementCtx) {
  // a named complaint is answered by phone; an anonymous one through its receipt and query code
  if (!b.anonymous && !b.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'complaints.phone_required' });
}

export const publicComplaintBodySchema = z
  .object({
    ...complaintFields,
    /** honeypot: invisible on the form, so only robots fill it */
    website: z.string().max(200).optional(),
  })
  .superRefine(contactRule);
export type PublicComplaintBody = z.input<typeof publicComplaintBodySchema>;

export const staffComplaintBodySchema = z
  .object({ ...complaintFields, channel: complaintChannelSchema.default('phone') })
  .superRefine(contactRule);

export const complaintReceiptSchema = z.object({
  receiptNo: z.string(),
  /** shown once: with the receipt number it opens the status page when no phone was given */
  queryCode: z.string(),
  deadline: z.string(),
});
export type ComplaintReceipt = z.infer<typeof complaintReceiptSchema>;

export const complaintStatusQuerySchema = z.object({
  receiptNo: z.string().trim().min(1, 'validation.required').max(32),
  /** the phone given with the complaint, or the query code of the receipt */
  secret: z.string().trim().min(1, 'validation.required').max(32),
});

/** What the complainant sees: steps and the reply, never staff notes or names. */
export const publicComplaintStatusSchema = z.object({
  receiptNo: z.string(),
  status: complaintStatusSchema,
  createdAt: z.string(),
  deadline: z.string(),
  steps: z.array(z.object({ status: complaintStatusSchema, at: z.string() })),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
});
export type PublicComplaintStatus = z.infer<typeof publicComplaintStatusSchema>;

export const complaintAbilitiesSchema = z.object({
  verify: z.boolean(),
  substantiate: z.boolean(),
  dismiss: z.boolean(),
  handle: z.boolean(),
  reply: z.boolean(),
});

export const complaintSchema = z.object({
  id: z.number().int(),
  receiptNo: z.string(),
  channel: complaintChannelSchema,
  content: z.string(),
  entityId: z.number().int().nullable(),
  entityName: z.string().nullable(),
  address: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  occurredOn: z.string().nullable(),
  anonymous: z.boolean(),
  contactName: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  status: complaintStatusSchema,
  deadline: z.string(),
  overdue: z.boolean(),
  escalationLevel: escalationLevelSchema.nullable(),
  verifyNote: z.string().nullable(),
  handlingNote: z.string().nullable(),
  ticketId: z.number().int().nullable(),
  inspectionId: z.number().int().nullable(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  createdAt: z.string(),
  abilities: complaintAbilitiesSchema.optional(),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const complaintEventSchema = transitionEventSchema;
export const complaintDetailSchema = complaintSchema.extend({
  events: z.array(complaintEventSchema),
  attachments: z.array(recordFileSchema),
});
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;

export const complaintListQuerySchema = pageQuerySchema.extend({
  status: complaintStatusSchema.optional(),
  regionCode: z.string().max(20).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(60).optional(),
});
export type ComplaintListQuery = z.infer<typeof complaintListQuerySchema>;

export const complaintNoteBodySchema = z.object({ note: z.string().trim().min(1, 'validation.required').max(2000) });
export const complaintHandleBodySchema = z.object({
  note: z.string().trim().min(1, 'validation.required').max(2000),
  /** hand the problem on as a ticket to a department (category code) */
  ticketCategoryId: z.number().int().positive().nullish(),
});
export const complaintReplyBodySchema = z.object({ reply: z.string().trim().min(1, 'validation.required').max(2000) });

export const complaintStatsQuerySchema = z.object({
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  regionCode: z.string().max(20).optional(),
});
export const complaintStatsSchema = z.object({
  received: z.number().int(),
  answered: z.number().int(),
  substantiated: z.number().int(),
  unfounded: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  answeredOnTime: z.number().int(),
});
export type ComplaintStats = z.infer<typeof complaintStatsSchema>;

export const publicRegionSchema = z.object({ code: z.string(), name: z.string() });

/** Who may do what in this module: each permission and the roles that hold it (composed in permissions.ts). */
export const complaintsPermissions = {
  'complaints.read': ['admin', 'commander', 'town'],
  'complaints.intake': ['admin', 'town'],
  'complaints.handle': ['admin', 'town'],
} as const satisfies PermissionRoles;
