import { z } from 'zod';
import { dateSchema } from './common';

/** Limits shared by the upload form and the server. */
export const attachmentLimits = { maxBytes: 10 * 1024 * 1024, types: ['pdf', 'png', 'jpg', 'docx'] as const, perPlan: 5 };

const count = z.number({ message: 'filings.count' }).int('filings.count').min(0, 'filings.count').max(1_000_000, 'filings.count');

export const staffCountsSchema = z.object({
  total: count,
  returning: count,
  fromOtherProvinces: count,
  fromHighRiskAreas: count,
});
export type StaffCounts = z.infer<typeof staffCountsSchema>;

export const supplyStockSchema = z.object({ masks: count, thermometers: count, disinfectantLitres: count });

const planSchema = z.object({
  text: z.string().trim().min(10, 'filings.plan_too_short').max(5000),
  attachmentIds: z.array(z.number().int().positive()).max(attachmentLimits.perPlan, 'filings.too_many_attachments').default([]),
});

/** The relations between the staff counts; each broken rule is an error on the field that breaks it. */
function refineStaff(s: StaffCounts, ctx: z.RefinementCtx, at: (string | number)[]) {
  if (s.returning > s.total) ctx.addIssue({ code: 'custom', path: [...at, 'returning'], message: 'filings.returning_gt_total' });
  if (s.fromOtherProvinces > s.returning)
    ctx.addIssue({ code: 'custom', path: [...at, 'fromOtherProvinces'], message: 'filings.other_provinces_gt_returning' });
  if (s.fromHighRiskAreas > s.returning)
    ctx.addIssue({ code: 'custom', path: [...at, 'fromHighRiskAreas'], message: 'filings.high_risk_gt_returning' });
}

export const filingDataSchema = z
  .object({
    plannedDate: dateSchema,
    staff: staffCountsSchema,
    preventionPlan: planSchema,
    emergencyPlan: planSchema,
    supplies: supplyStockSchema,
    /** checklist item code → done */
    checklist: z.record(z.string(), z.boolean()).default({}),
  })
  .superRefine((d, ctx) => refineStaff(d.staff, ctx, ['staff']));
export type FilingData = z.infer<typeof filingDataSchema>;
export type FilingDataInput = z.input<typeof filingDataSchema>;

/** A draft may be incomplete; only what is given is checked. */
export const filingDraftSchema = z.object({
  plannedDate: dateSchema.optional(),
  staff: staffCountsSchema.partial().optional(),
  preventionPlan: z
    .object({
      text: z.string().max(5000).optional(),
      attachmentIds: z.array(z.number().int().positive()).max(attachmentLimits.perPlan).optional(),
    })
    .optional(),
  emergencyPlan: z
    .object({
      text: z.string().max(5000).optional(),
      attachmentIds: z.array(z.number().int().positive()).max(attachmentLimits.perPlan).optional(),
    })
    .optional(),
  supplies: supplyStockSchema.partial().optional(),
  checklist: z.record(z.string(), z.boolean()).optional(),
});
export type FilingDraft = z.infer<typeof filingDraftSchema>;

export const commitmentInputSchema = z.object({
  signerName: z.string().trim().min(2, 'filings.signer_name').max(50, 'filings.signer_name'),
  /** the text the signer was shown; must be the text of the filing's configuration version */
  text: z.string().min(1, 'validation.required').max(4000),
  accepted: z.literal(true, { message: 'filings.must_accept' }),
});

export const submitFilingBodySchema = z.object({ data: filingDataSchema, commitment: commitmentInputSchema });
export type SubmitFilingBody = z.input<typeof submitFilingBodySchema>;
export const createFilingBodySchema = z.object({ entityId: z.number().int().positive().optional() });
export const saveDraftBodySchema = z.object({ data: filingDraftSchema });

export const decisionBodySchema = z
  .object({
    action: z.enum(['start_review', 'approve', 'reject', 'request_changes']),
    reason: z.string().trim().max(1000).default(''),
  })
  .superRefine((b, ctx) => {
    if ((b.action === 'reject' || b.action === 'request_changes') && b.reason.length < 2)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'filings.reason_required' });
  });
export const reasonBodySchema = z.object({ reason: z.string().trim().min(2, 'filings.reason_required').max(1000) });
export const onsiteBodySchema = z
  .object({
    passed: z.boolean(),
    notes: z.string().trim().max(1000).default(''),
  })
  .superRefine((b, ctx) => {
    if (!b.passed && b.notes.length < 2) ctx.addIssue({ code: 'custom', path: ['notes'], message: 'filings.reason_required' });
  });
export type OnsiteResult = z.infer<typeof onsiteBodySchema>;
