import { z } from 'zod';
import { dateSchema, pageQuerySchema } from './common';
import type { PermissionRoles } from './roles';

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

/** A checklist item; a deactivated one stays for the inspections that used it but is no longer asked. */
export const inspectionChecklistItemSchema = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,32}$/, 'enforcement.item_code'),
  text: z.string().trim().min(1).max(200),
  active: z.boolean().default(true),
});
export type InspectionChecklistItem = z.infer<typeof inspectionChecklistItemSchema>;
export const inspectionChecklistSchema = z.object({
  premisesType: premisesTypeSchema,
  items: z.array(inspectionChecklistItemSchema),
  updatedAt: z.string().nullable(),
});
export type InspectionChecklist = z.infer<typeof inspectionChecklistSchema>;
export const inspectionChecklistBodySchema = z
  .object({ items: z.array(inspectionChecklistItemSchema).min(1).max(60) })
  .refine((b) => new Set(b.items.map((i) => i.code)).size === b.items.length, {
    message: 'enforcement.item_code_taken',
    path: ['items'],
  });

export const roundStatuses = ['active', 'closed'] as const;
/** 专项执法行动: a named campaign over a period and region, grouping the visits made for it. */
export const roundBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    regionCode: z.string().trim().min(1).max(20),
    startsOn: dateSchema,
    endsOn: dateSchema,
    premisesTypes: z.array(premisesTypeSchema).min(1).max(premisesTypes.length),
    notes: z.string().trim().max(2000).nullish(),
  })
  .refine((b) => b.endsOn >= b.startsOn, { message: 'enforcement.round_period', path: ['endsOn'] });
export const roundSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  premisesTypes: z.array(premisesTypeSchema),
  notes: z.string().nullable(),
  status: z.enum(roundStatuses),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type InspectionRound = z.infer<typeof roundSchema>;
export const roundListQuerySchema = pageQuerySchema.extend({
  status: z.enum(roundStatuses).optional(),
  q: z.string().trim().max(50).optional(),
});

/** 出动: a team out on a day; inspector-visits 人次 are counted per visit. */
export const inspectionVisitSchema = z.object({
  id: z.number().int(),
  roundId: z.number().int().nullable(),
  visitedOn: z.string(),
  inspectorCount: z.number().int(),
  inspectors: z.array(z.string()),
  createdBy: z.string(),
  inspections: z.number().int(),
});
export type InspectionVisit = z.infer<typeof inspectionVisitSchema>;

export const createInspectionBodySchema = z
  .object({
    entityId: z.number().int().positive(),
    kind: inspectionKindSchema.default('routine'),
    premisesType: premisesTypeSchema.optional(),
    inspectedOn: dateSchema,
    /** the round (专项行动) this inspection belongs to */
    roundId: z.number().int().positive().nullish(),
    /** a visit already under way (the next premises of the same outing) … */
    visitId: z.number().int().positive().nullish(),
    /** … or a new visit by these inspectors (names) … */
    inspectors: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
    /** … of this many inspectors (at least the names given): the seeds count inspector-visits */
    inspectorCount: z.number().int().min(1).max(50).optional(),
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
  .refine((b) => b.outcome !== 'notice' || (b.noticeItems && b.noticeDeadline), {
    message: 'enforcement.notice_required',
    path: ['noticeDeadline'],
  })
  .refine((b) => b.kind !== 'pre_opening' || b.filingId, { message: 'enforcement.filing_required', path: ['filingId'] })
  .refine((b) => b.visitId || b.inspectorCount || b.inspectors?.length, {
    message: 'enforcement.inspectors_required',
    path: ['inspectorCount'],
  });

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
  visitId: z.number().int().nullable(),
  roundId: z.number().int().nullable(),
  filingId: z.number().int().nullable(),
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
  closureId: z.number().int().nullable(),
});
export type RectificationNotice = z.infer<typeof noticeSchema>;

export const reinspectBodySchema = z.object({
  passed: z.boolean(),
  inspectedOn: dateSchema,
  inspectorCount: z.number().int().min(1).max(50),
  notes: z.string().trim().max(2000).nullish(),
});
export const liftClosureBodySchema = z.object({ reason: z.string().trim().min(1).max(500) });
export const noticeListQuerySchema = pageQuerySchema.extend({
  status: z.enum(noticeStatuses).optional(),
  regionCode: z.string().max(20).optional(),
  q: z.string().trim().max(50).optional(),
});
export const closureSchema = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  inspectionId: z.number().int(),
  reason: z.string(),
  orderedOn: z.string(),
  liftedAt: z.string().nullable(),
  liftedReason: z.string().nullable(),
});
export type ClosureOrder = z.infer<typeof closureSchema>;
export const closureListQuerySchema = pageQuerySchema.extend({
  active: z.enum(['true', 'false']).optional(),
  regionCode: z.string().max(20).optional(),
  q: z.string().trim().max(50).optional(),
});

export const inspectionListQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().max(20).optional(),
  entityId: z.coerce.number().int().positive().optional(),
  outcome: inspectionOutcomeSchema.optional(),
  roundId: z.coerce.number().int().positive().optional(),
  visitId: z.coerce.number().int().positive().optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

/**
 * The seeds' tally: inspector-visits 人次 (inspectors summed over visits), premises visited 家次 (one
 * per inspection), problems, fixed on the spot, notices, closures; plus distinct premises.
 */
export const tallySchema = z.object({
  inspectorVisits: z.number().int(),
  premises: z.number().int(),
  distinctPremises: z.number().int(),
  visits: z.number().int(),
  inspections: z.number().int(),
  problems: z.number().int(),
  fixedOnSpot: z.number().int(),
  notices: z.number().int(),
  closures: z.number().int(),
});
export type Tally = z.infer<typeof tallySchema>;
export const tallyQuerySchema = z.object({
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  regionCode: z.string().max(20).optional(),
  roundId: z.coerce.number().int().positive().optional(),
});
/** The tally of a region and of each of its child regions. */
export const tallyReportSchema = z.object({
  total: tallySchema.extend({ regionCode: z.string().nullable(), regionName: z.string() }),
  rows: z.array(tallySchema.extend({ regionCode: z.string().nullable(), regionName: z.string() })),
});
export type TallyReport = z.infer<typeof tallyReportSchema>;

/** Who may do what in this module: each permission and the roles that hold it (composed in permissions.ts). */
export const enforcementPermissions = {
  'enforcement.read': ['admin', 'commander', 'town', 'inspector'],
  'enforcement.inspect': ['admin', 'inspector'],
  'enforcement.configure': ['admin'],
} as const satisfies PermissionRoles;
