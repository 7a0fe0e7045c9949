import { z } from 'zod';
import { dateSchema, pageQuerySchema } from './common';

/** 商超 / 五小单位 / 九小场所 / 农贸市场 / other premises. */
export const premisesTypes = ['mall', 'five_small', 'nine_small', 'market', 'other'] as const;
export const premisesTypeSchema = z.enum(premisesTypes);
export type PremisesType = z.infer<typeof premisesTypeSchema>;

export const inspectionKinds = ['routine', 'reinspection', 'pre_opening', 'complaint'] as const;
export const inspectionKindSchema = z.enum(inspectionKinds);
export type InspectionKind = z.infer<typeof inspectionKindSchema>;

/** What the inspection ended in: all well, a rectification notice 整改通知书, or a closure order 关停. */
export const inspectionOutcomes = ['pass', 'notice', 'closure'] as const;
export const inspectionOutcomeSchema = z.enum(inspectionOutcomes);

export const noticeStatuses = ['issued', 'rectified', 'escalated'] as const;

export const inspectionChecklistItemSchema = z.object({ code: z.string().regex(/^[a-z0-9_]{1,32}$/), text: z.string().trim().min(1).max(200) });
export const inspectionChecklistSchema = z.object({ premisesType: premisesTypeSchema, items: z.array(inspectionChecklistItemSchema), updatedAt: z.string().nullable() });
export type InspectionChecklist = z.infer<typeof inspectionChecklistSchema>;
export const inspectionChecklistBodySchema = z.object({ items: z.array(inspectionChecklistItemSchema).min(1).max(60) });

export const createInspectionBodySchema = z
  .object({
    entityId: z.number().int().positive(),
    kind: inspectionKindSchema.default('routine'),
    premisesType: premisesTypeSchema.optional(),
    inspectedOn: dateSchema,
    /** inspectors in the visiting team: the seeds count inspector-visits */
    inspectorCount: z.number().int().min(1).max(50),
    /** checklist item code → passed */
    results: z.record(z.string(), z.boolean()).default({}),
    /** problems beyond the checklist */
    extraProblems: z.number().int().min(0).max(100).default(0),
    fixedOnSpot: z.number().int().min(0).max(200).default(0),
    outcome: inspectionOutcomeSchema,
    notes: z.string().trim().max(2000).nullish(),
    /** for a notice: what to rectify and by when */
    noticeItems: z.string().trim().max(2000).nullish(),
    noticeDeadline: dateSchema.nullish(),
    filingId: z.number().int().positive().nullish(),
    complaintId: z.number().int().positive().nullish(),
  })
  .refine((b) => b.outcome !== 'notice' || (b.noticeItems && b.noticeDeadline), { message: 'enforcement.notice_required', path: ['noticeDeadline'] })
  .refine((b) => b.kind !== 'pre_opening' || b.filingId, { message: 'enforcement.filing_required', path: ['filingId'] });

export const inspectionSchema = z.object({
  id: z.number().int(),
  no: z.string(),
  kind: inspectionKindSchema,
  entityId: z.number().int(),
  entityName: z.string(),
  premisesType: premisesTypeSchema,
  inspectedOn: z.string(),
  inspectorCount: z.number().int(),
  inspectorName: z.string(),
  results: z.record(z.string(), z.boolean()),
  problemsFound: z.number().int(),
  fixedOnSpot: z.number().int(),
  outcome: inspectionOutcomeSchema,
  notes: z.string().nullable(),
  noticeId: z.number().int().nullable(),
  closureId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const noticeSchema = z.object({
  id: z.number().int(),
  no: z.string(),
  inspectionId: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  address: z.string().nullable(),
  items: z.string(),
  issuedOn: z.string(),
  deadline: z.string(),
  status: z.enum(noticeStatuses),
  reinspectionId: z.number().int().nullable(),
});
export type RectificationNotice = z.infer<typeof noticeSchema>;

export const reinspectBodySchema = z.object({ passed: z.boolean(), inspectedOn: dateSchema, inspectorCount: z.number().int().min(1).max(50), notes: z.string().trim().max(2000).nullish() });
export const liftClosureBodySchema = z.object({ reason: z.string().trim().min(1).max(500) });

export const inspectionListQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().max(20).optional(),
  entityId: z.coerce.number().int().positive().optional(),
  outcome: inspectionOutcomeSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

/** The seeds' tally: inspector-visits, premises, problems, fixed on the spot, notices, closures. */
export const tallySchema = z.object({
  inspectorVisits: z.number().int(),
  premises: z.number().int(),
  inspections: z.number().int(),
  problems: z.number().int(),
  fixedOnSpot: z.number().int(),
  notices: z.number().int(),
  closures: z.number().int(),
});
export type Tally = z.infer<typeof tallySchema>;
export const tallyQuerySchema = z.object({ from: dateSchema.optional(), to: dateSchema.optional(), regionCode: z.string().max(20).optional() });
