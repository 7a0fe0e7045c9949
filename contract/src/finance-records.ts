import { z } from 'zod';
import { dateSchema, pageQuerySchema } from './common';

// Rollovers, meetings and the figures of the finance module (SPEC M10); re-exported by finance.ts.

const fen = () =>
  z
    .number({ message: 'finance.amount_positive' })
    .int('finance.amount_positive')
    .positive('finance.amount_positive')
    .max(500_000_000_000, 'finance.amount_cap');
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));
const required = (max: number) => z.string().trim().min(1, 'validation.required').max(max);

export const rolloverKinds = ['rollover', 'deferral'] as const;
export const rolloverKindSchema = z.enum(rolloverKinds);
export const rolloverBodySchema = z
  .object({
    kind: rolloverKindSchema,
    entityId: z.number({ message: 'validation.required' }).int().positive(),
    institutionId: z.number({ message: 'validation.required' }).int().positive(),
    amountFen: fen(),
    originalDueOn: dateSchema,
    newDueOn: dateSchema,
    note: text(300),
  })
  .superRefine((b, ctx) => {
    if (b.newDueOn <= b.originalDueOn) ctx.addIssue({ code: 'custom', path: ['newDueOn'], message: 'finance.due_after' });
  });
export const rolloverSchema = z.object({
  id: z.number().int(),
  kind: rolloverKindSchema,
  entityId: z.number().int(),
  entityName: z.string(),
  regionCode: z.string(),
  institutionId: z.number().int(),
  institutionName: z.string(),
  amountFen: z.number().int(),
  originalDueOn: z.string(),
  newDueOn: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type Rollover = z.infer<typeof rolloverSchema>;
export const rolloverQuerySchema = pageQuerySchema.extend({
  kind: rolloverKindSchema.optional(),
  regionCode: z.string().max(20).optional(),
  q: z.string().trim().max(50).optional(),
});

export const meetingBodySchema = z.object({
  title: required(200),
  heldOn: dateSchema,
  regionCode: required(20),
  institutionIds: z.array(z.number().int().positive()).max(50).default([]),
  enterprises: z.number().int().min(0).max(100_000),
  note: text(1000),
});
export const meetingSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  heldOn: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  institutions: z.number().int(),
  enterprises: z.number().int(),
  note: z.string().nullable(),
});
export const meetingQuerySchema = pageQuerySchema.extend({ regionCode: z.string().max(20).optional() });

// ---- figures ----

export const financeFiguresQuerySchema = z.object({
  regionCode: z.string().max(20).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
const figureRow = z.object({
  requests: z.number().int(),
  enterprises: z.number().int(),
  institutions: z.number().int(),
  askedFen: z.number().int(),
  approvedFen: z.number().int(),
  disbursedFen: z.number().int(),
});
export const financeFiguresSchema = z.object({
  regionCode: z.string(),
  regionName: z.string().nullable(),
  totals: figureRow.extend({
    /** enterprises and institutions listed on the platform in the area */
    institutionsListed: z.number().int(),
    whitelisted: z.number().int(),
    whitelistedRequests: z.number().int(),
    medianHoursToFirstAnswer: z.number().nullable(),
    medianHoursToMoney: z.number().nullable(),
    rolloverFen: z.number().int(),
    rolloverEnterprises: z.number().int(),
    deferralFen: z.number().int(),
    deferralEnterprises: z.number().int(),
    fastTrackFen: z.number().int(),
    /** of it, disbursed within the product's promised hours of the account opening */
    fastTrackOnTimeFen: z.number().int(),
  }),
  byRegion: z.array(figureRow.extend({ regionCode: z.string(), regionName: z.string().nullable() })),
  byInstitution: z.array(figureRow.extend({ institutionId: z.number().int(), institutionName: z.string() })),
});
export type FinanceFigures = z.infer<typeof financeFiguresSchema>;
