import { z } from 'zod';
import { dateSchema, pageQuerySchema } from './common';
import { isValidMobile } from './validate/phone';
import { isValidIdCard } from './validate/id-card';
import type { PermissionRoles } from './roles';

/** 用工 (SPEC M9): job fairs, postings 岗位, applications, shared employees 共享员工, point-to-point transport, labour-export survey. */

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));
/** A business day that exists on the calendar (the shared date schema checks the shape only). */
const day = dateSchema.refine((d) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}, 'validation.date');
const count = z.number().int('labour.whole_number');
const mobile = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(20)
  .refine((p) => isValidMobile(p), 'validation.mobile');

// ---- job fairs 招聘会

export const jobFairKinds = ['online', 'live'] as const;
export const jobFairKindSchema = z.enum(jobFairKinds);
export type JobFairKind = z.infer<typeof jobFairKindSchema>;

export const jobFairBodySchema = z
  .object({
    name: text(100),
    kind: jobFairKindSchema,
    startsOn: day,
    endsOn: day,
    regionCode: text(20),
    description: optText(1000),
  })
  .superRefine((b, ctx) => {
    if (b.endsOn < b.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'labour.ends_before_start' });
  });
export type JobFairBody = z.input<typeof jobFairBodySchema>;

export const jobFairSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: jobFairKindSchema,
  startsOn: z.string(),
  endsOn: z.string(),
  organiser: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  description: z.string().nullable(),
  /** the public page's address part: /p/labour/fairs/<token> */
  token: z.string(),
  visits: z.number().int(),
  enterprises: z.number().int(),
  postings: z.number().int(),
  places: z.number().int(),
  applications: z.number().int(),
  intentions: z.number().int(),
  hires: z.number().int(),
});
export type JobFair = z.infer<typeof jobFairSchema>;

export const jobFairListQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().max(20).optional(),
  kind: jobFairKindSchema.optional(),
  q: z.string().trim().max(60).optional(),
});
export type JobFairListQuery = z.infer<typeof jobFairListQuerySchema>;
export const jobFairQrSchema = z.object({ url: z.string(), dataUrl: z.string() });

// ---- postings 岗位

/** pending_review → approved (public) | rejected; approved → filled (all places hired) | closed; expiry is a date. */
export const postingStatuses = ['pending_review', 'approved', 'rejected', 'filled', 'closed'] as const;
export const postingStatusSchema = z.enum(postingStatuses);
export type PostingStatus = z.infer<typeof postingStatusSchema>;

export const postingBodySchema = z
  .object({
    entityId: z.number().int().positive('validation.required'),
    fairId: z.number().int().positive().nullish(),
    title: text(100),
    places: count.min(1, 'labour.places_min').max(10_000),
    payMinFen: count.min(0, 'labour.pay_negative').max(100_000_000),
    payMaxFen: count.min(0, 'labour.pay_negative').max(100_000_000),
    /** where the work is; the employer's own place when left out */
    regionCode: optText(20),
    requirements: optText(1000),
    validUntil: day,
  })
  .superRefine((b, ctx) => {
    if (b.payMaxFen < b.payMinFen) ctx.addIssue({ code: 'custom', path: ['payMaxFen'], message: 'labour.pay_range' });
  });
export type PostingBody = z.input<typeof postingBodySchema>;

export const postingSchema = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  fairId: z.number().int().nullable(),
  fairName: z.string().nullable(),
  title: z.string(),
  places: z.number().int(),
  hired: z.number().int(),
  payMinFen: z.number().int(),
  payMaxFen: z.number().int(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  requirements: z.string().nullable(),
  validUntil: z.string(),
  status: postingStatusSchema,
  expired: z.boolean(),
  reviewNote: z.string().nullable(),
  applications: z.number().int(),
  createdAt: z.string(),
});
export type Posting = z.infer<typeof postingSchema>;

export const postingListQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().max(20).optional(),
  status: postingStatusSchema.optional(),
  fairId: z.coerce.number().int().positive().optional(),
  entityId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(60).optional(),
});
export type PostingListQuery = z.infer<typeof postingListQuerySchema>;

export const postingReviewBodySchema = z.object({ approve: z.boolean(), note: optText(500) }).superRefine((b, ctx) => {
  if (!b.approve && !b.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'labour.reason_required' });
});

/** What the public sees of a posting: no review notes, contact only through the platform. */
export const publicPostingSchema = postingSchema.pick({
  id: true,
  entityName: true,
  title: true,
  places: true,
  hired: true,
  payMinFen: true,
  payMaxFen: true,
  regionName: true,
  requirements: true,
  validUntil: true,
});
export type PublicPosting = z.infer<typeof publicPostingSchema>;
export const publicFairSchema = z.object({
  name: z.string(),
  kind: jobFairKindSchema,
  startsOn: z.string(),
  endsOn: z.string(),
  organiser: z.string(),
  description: z.string().nullable(),
  postings: z.array(publicPostingSchema),
});
export type PublicFair = z.infer<typeof publicFairSchema>;
export const publicPostingQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().max(20).optional(),
  q: z.string().trim().max(60).optional(),
});

// ---- applications 求职

/** applied → interview → intention 意向 → hired | rejected (from any open step). */
export const jobApplicationStatuses = ['applied', 'interview', 'intention', 'hired', 'rejected'] as const;
export const jobApplicationStatusSchema = z.enum(jobApplicationStatuses);
export type JobApplicationStatus = z.infer<typeof jobApplicationStatusSchema>;

export const jobApplicationBodySchema = z.object({
  name: text(50),
  phone: mobile,
  note: optText(500),
});
export type JobApplicationBody = z.input<typeof jobApplicationBodySchema>;
export const jobApplicationReceiptSchema = z.object({ postingTitle: z.string(), entityName: z.string() });

export const jobApplicationSchema = z.object({
  id: z.number().int(),
  postingId: z.number().int(),
  postingTitle: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  note: z.string().nullable(),
  channel: z.enum(['public', 'officer']),
  status: jobApplicationStatusSchema,
  appliedAt: z.string(),
  hiredOn: z.string().nullable(),
});
export type JobApplication = z.infer<typeof jobApplicationSchema>;
export const jobApplicationListQuerySchema = pageQuerySchema.extend({
  postingId: z.coerce.number().int().positive().optional(),
  status: jobApplicationStatusSchema.optional(),
});
export type JobApplicationListQuery = z.infer<typeof jobApplicationListQuerySchema>;
export const jobApplicationStatusBodySchema = z.object({
  status: z.enum(['interview', 'intention', 'hired', 'rejected']),
});

// ---- shared employees 共享员工

export const sharedStaffKinds = ['offer', 'request'] as const;
export const sharedStaffKindSchema = z.enum(sharedStaffKinds);
export const sharedStaffBodySchema = z
  .object({
    kind: sharedStaffKindSchema,
    entityId: z.number().int().positive('validation.required'),
    headcount: count.min(1, 'labour.places_min').max(10_000),
    fromDate: day,
    toDate: day,
    note: optText(500),
  })
  .superRefine((b, ctx) => {
    if (b.toDate < b.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'labour.ends_before_start' });
  });
export type SharedStaffBody = z.input<typeof sharedStaffBodySchema>;
export const sharedStaffSchema = z.object({
  id: z.number().int(),
  kind: sharedStaffKindSchema,
  entityId: z.number().int(),
  entityName: z.string(),
  regionCode: z.string(),
  headcount: z.number().int(),
  matched: z.number().int(),
  fromDate: z.string(),
  toDate: z.string(),
  note: z.string().nullable(),
});
export type SharedStaff = z.infer<typeof sharedStaffSchema>;
export const sharedStaffListQuerySchema = pageQuerySchema.extend({
  kind: sharedStaffKindSchema.optional(),
  regionCode: z.string().max(20).optional(),
  open: z.enum(['true', 'false']).optional(),
});
export const placementBodySchema = z.object({
  offerId: z.number().int().positive('validation.required'),
  requestId: z.number().int().positive('validation.required'),
  headcount: count.min(1, 'labour.places_min'),
});
export const placementSchema = z.object({
  id: z.number().int(),
  offerId: z.number().int(),
  requestId: z.number().int(),
  lenderName: z.string(),
  borrowerName: z.string(),
  headcount: z.number().int(),
  fromDate: z.string(),
  toDate: z.string(),
  lenderConfirmed: z.boolean(),
  borrowerConfirmed: z.boolean(),
  status: z.enum(['proposed', 'confirmed']),
});
export type Placement = z.infer<typeof placementSchema>;

// ---- point-to-point transport 点对点

export const transportStatuses = ['planned', 'departed', 'arrived'] as const;
export const transportStatusSchema = z.enum(transportStatuses);
export type TransportStatus = z.infer<typeof transportStatusSchema>;
export const transportBatchBodySchema = z.object({
  originProvince: text(20),
  originCity: text(30),
  regionCode: text(20),
  employerId: z.number().int().positive().nullish(),
  departOn: day,
  vehicle: text(50),
  seats: count.min(1, 'labour.places_min').max(100),
});
export const transportBatchSchema = z.object({
  id: z.number().int(),
  originProvince: z.string(),
  originCity: z.string(),
  regionCode: z.string(),
  employerId: z.number().int().nullable(),
  employerName: z.string().nullable(),
  departOn: z.string(),
  vehicle: z.string(),
  seats: z.number().int(),
  booked: z.number().int(),
  status: transportStatusSchema,
});
export type TransportBatch = z.infer<typeof transportBatchSchema>;
export const transportListQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().max(20).optional(),
  status: transportStatusSchema.optional(),
});
export const passengerBodySchema = z.object({
  name: text(50),
  idNumber: text(18).refine((s) => isValidIdCard(s), 'validation.id_card'),
  phone: mobile,
});
export const passengerSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string(),
  personId: z.number().int().nullable(),
});
export const transportStatusBodySchema = z.object({ status: z.enum(['departed', 'arrived']) });

// ---- labour-export survey 劳务输出意愿

export const labourIntentions = ['stay', 'local', 'away'] as const;
export const labourIntentionSchema = z.enum(labourIntentions);
export const intentionBodySchema = z.object({
  regionCode: text(20),
  household: text(100),
  personName: text(50),
  intention: labourIntentionSchema,
  trade: optText(50),
  destination: optText(50),
  surveyedOn: day,
});
export const intentionSchema = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  household: z.string(),
  personName: z.string(),
  intention: labourIntentionSchema,
  trade: z.string().nullable(),
  destination: z.string().nullable(),
  surveyedOn: z.string(),
});
export const intentionListQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().max(20).optional(),
  intention: labourIntentionSchema.optional(),
});
export const surveyProgressSchema = z.array(
  z.object({
    regionCode: z.string(),
    regionName: z.string().nullable(),
    households: z.number().int(),
    persons: z.number().int(),
    away: z.number().int(),
    local: z.number().int(),
    stay: z.number().int(),
  }),
);

// ---- figures

export const labourStatsQuerySchema = z.object({
  regionCode: z.string().max(20).optional(),
  from: day.optional(),
  to: day.optional(),
});
export const labourFiguresSchema = z.object({
  fairs: z.number().int(),
  onlineFairs: z.number().int(),
  liveFairs: z.number().int(),
  visits: z.number().int(),
  enterprises: z.number().int(),
  postings: z.number().int(),
  places: z.number().int(),
  applications: z.number().int(),
  intentions: z.number().int(),
  hires: z.number().int(),
  placements: z.number().int(),
  sharedWorkers: z.number().int(),
  transportBatches: z.number().int(),
  transported: z.number().int(),
  provinces: z.array(z.string()),
  surveyed: z.number().int(),
  wishAway: z.number().int(),
});
export type LabourFigures = z.infer<typeof labourFiguresSchema>;
export const labourStatsSchema = labourFiguresSchema.extend({
  regionCode: z.string(),
  regionName: z.string(),
  children: z.array(labourFiguresSchema.extend({ regionCode: z.string(), regionName: z.string() })),
});
export type LabourStats = z.infer<typeof labourStatsSchema>;

/** Who may do what: the labour department 人社局 runs fairs and reviews postings; enterprises post for themselves. */
export const labourPermissions = {
  'labour.read': ['admin', 'commander', 'department', 'town'],
  'labour.fairs': ['admin', 'department'],
  'labour.review': ['admin', 'department'],
  'labour.post': ['admin', 'department', 'enterprise'],
  'labour.shared': ['admin', 'department', 'enterprise'],
  'labour.match': ['admin', 'department'],
  'labour.transport': ['admin', 'department', 'town'],
  'labour.survey': ['admin', 'department', 'town', 'grid'],
} as const satisfies PermissionRoles;
