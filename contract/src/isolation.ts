import { z } from 'zod';
import { dateSchema, pageQuerySchema } from './common';
import { personAccessSchema, personCategorySchema } from './people';
import { passClassSchema, passStatusSchema } from './passes';
import { riskLevelSchema } from './registry';
import { healthCodeSchema } from './venues';
import type { PermissionRoles } from './roles';

export const contactKinds = ['none', 'suspected', 'confirmed'] as const;
export const contactKindSchema = z.enum(contactKinds);
export type ContactKind = z.infer<typeof contactKindSchema>;

/** 无需隔离 / 居家隔离 / 集中隔离观察, in increasing severity. */
export const measures = ['none', 'home', 'centralised'] as const;
export const measureSchema = z.enum(measures);
export type Measure = z.infer<typeof measureSchema>;

export const isolationKinds = ['home', 'centralised'] as const;
export const isolationKindSchema = z.enum(isolationKinds);
export type IsolationKind = z.infer<typeof isolationKindSchema>;

export const isolationStatuses = ['active', 'released'] as const;
export const isolationStatusSchema = z.enum(isolationStatuses);
export type IsolationStatus = z.infer<typeof isolationStatusSchema>;

export const symptoms = ['cough', 'fatigue', 'sore_throat', 'breathless', 'diarrhoea', 'other'] as const;
export const symptomSchema = z.enum(symptoms);

export const temperatureSchema = z
  .number()
  .min(34, 'isolation.validation.temperature')
  .max(43, 'isolation.validation.temperature');
/** 37.3 °C and above counts as fever, as checkpoints and clinics used it. */
export const FEVER_AT = 37.3;

/** One rule: every condition given must hold; the most severe matching rule decides. */
export const riskRuleSchema = z.object({
  name: z.string().trim().min(1).max(100),
  when: z.object({
    originRisk: z.array(riskLevelSchema).optional(),
    travelRisk: z.array(riskLevelSchema).optional(),
    healthCode: z.array(healthCodeSchema).optional(),
    temperatureAtLeast: temperatureSchema.optional(),
    contact: z.array(contactKindSchema).optional(),
  }),
  riskLevel: riskLevelSchema,
  measure: measureSchema,
  days: z.number().int().min(0).max(60),
});
export type RiskRule = z.infer<typeof riskRuleSchema>;

export const ruleSetSchema = z.object({
  version: z.number().int(),
  rules: z.array(riskRuleSchema),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;
/**
 * A rule set as saved: each rule needs at least one condition (a rule without any would hold for
 * everyone), a measure other than none needs at least one day, and names are unique.
 */
export const ruleSetInputSchema = z
  .object({ rules: z.array(riskRuleSchema).min(1, 'isolation.validation.rules_empty').max(50) })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.rules.forEach((r, i) => {
      const w = r.when;
      const conditions = [
        w.originRisk?.length,
        w.travelRisk?.length,
        w.healthCode?.length,
        w.contact?.length,
        w.temperatureAtLeast !== undefined ? 1 : 0,
      ];
      if (!conditions.some((n) => !!n))
        ctx.addIssue({ code: 'custom', message: 'isolation.validation.rule_condition', path: ['rules', i, 'when'] });
      if (r.measure !== 'none' && r.days < 1)
        ctx.addIssue({ code: 'custom', message: 'isolation.validation.rule_days', path: ['rules', i, 'days'] });
      if (seen.has(r.name))
        ctx.addIssue({ code: 'custom', message: 'isolation.validation.rule_name_unique', path: ['rules', i, 'name'] });
      seen.add(r.name);
    });
  });
/** One saved version of the rules, for the version list. */
export const ruleVersionSchema = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  ruleCount: z.number().int(),
});
export type RuleVersion = z.infer<typeof ruleVersionSchema>;

export const travelStopSchema = z.object({
  place: z.string().trim().min(1, 'validation.required').max(100),
  risk: riskLevelSchema,
  date: dateSchema.optional(),
});

export const assessmentFactsSchema = z.object({
  originRegion: z.string().trim().min(1, 'validation.required').max(100),
  originRisk: riskLevelSchema,
  travelHistory: z.array(travelStopSchema).max(20).default([]),
  healthCode: healthCodeSchema,
  temperature: temperatureSchema,
  contact: contactKindSchema,
});
export type AssessmentFacts = z.infer<typeof assessmentFactsSchema>;

export const assessmentInputSchema = assessmentFactsSchema
  .extend({
    personId: z.number().int().positive(),
    /** centralised observation site, when that is the measure */
    site: z.string().trim().max(100).optional().nullable(),
    override: z
      .object({
        riskLevel: riskLevelSchema,
        measure: measureSchema,
        days: z.number().int().min(0).max(60),
        reason: z.string().trim().min(2, 'people.validation.reason').max(200),
      })
      .optional()
      .nullable(),
  })
  .superRefine((v, ctx) => {
    const m = v.override?.measure;
    if (m === 'centralised' && !v.site) ctx.addIssue({ code: 'custom', path: ['site'], message: 'isolation.validation.site' });
  });
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

export const outcomeSchema = z.object({
  riskLevel: riskLevelSchema,
  measure: measureSchema,
  days: z.number().int(),
  ruleName: z.string().nullable(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const assessmentSchema = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  /** the person's residence (grid) when assessed */
  regionCode: z.string(),
  riskLevel: riskLevelSchema,
  measure: measureSchema,
  days: z.number().int(),
  computed: outcomeSchema,
  overrideReason: z.string().nullable(),
  ruleVersion: z.number().int(),
  assessedAt: z.string(),
  assessedByName: z.string().nullable(),
  isolationId: z.number().int().nullable(),
  /** the health facts; null once purged by retention */
  facts: assessmentFactsSchema.nullable(),
});
export type Assessment = z.infer<typeof assessmentSchema>;
export const assessmentListQuerySchema = pageQuerySchema.extend({
  personId: z.coerce.number().int().positive().optional(),
  riskLevel: riskLevelSchema.optional(),
});

export const isolationSchema = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  idNumberMasked: z.string(),
  kind: isolationKindSchema,
  site: z.string().nullable(),
  address: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  startDate: dateSchema,
  endDate: dateSchema,
  status: isolationStatusSchema,
  lastCheckinDate: z.string().nullable(),
  checkinCount: z.number().int(),
  feverAlert: z.boolean(),
  releasedAt: z.string().nullable(),
  /** the phone check-in link's secret; only in the detail view */
  checkinToken: z.string().nullable(),
  abilities: z.object({ checkin: z.boolean(), release: z.boolean() }),
});
export type Isolation = z.infer<typeof isolationSchema>;
export const isolationListQuerySchema = pageQuerySchema.extend({
  status: isolationStatusSchema.optional(),
  kind: isolationKindSchema.optional(),
  regionCode: z.string().trim().max(20).optional(),
  q: z.string().trim().max(50).optional(),
});

export const isolationCheckinInputSchema = z.object({
  temperature: temperatureSchema,
  symptoms: z.array(symptomSchema).max(6).default([]),
});
export const isolationCheckinSchema = z.object({
  id: z.number().int(),
  date: dateSchema,
  at: z.string(),
  by: z.enum(['self', 'staff']),
  fever: z.boolean(),
  temperature: z.number().nullable(),
  symptoms: z.array(symptomSchema),
});
export type IsolationCheckin = z.infer<typeof isolationCheckinSchema>;
export const releaseInputSchema = isolationCheckinInputSchema.extend({ note: z.string().trim().max(200).optional() });

/** What the phone check-in page shows: nothing beyond the masked name and the dates. */
export const publicCheckinViewSchema = z.object({
  nameMasked: z.string(),
  kind: isolationKindSchema,
  startDate: dateSchema,
  endDate: dateSchema,
  status: isolationStatusSchema,
  today: dateSchema,
  checkedInToday: z.boolean(),
});

/** 隔离时限告知书: printed for the building board, so the name is masked. */
export const isolationNoticeSchema = z.object({
  isolationId: z.number().int(),
  nameMasked: z.string(),
  address: z.string().nullable(),
  regionName: z.string().nullable(),
  regionPathNames: z.array(z.string()),
  kind: isolationKindSchema,
  site: z.string().nullable(),
  startDate: dateSchema,
  endDate: dateSchema,
  days: z.number().int(),
  issuedOn: dateSchema,
});
export type IsolationNotice = z.infer<typeof isolationNoticeSchema>;

export const sealedBuildingSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  residents: z.number().int(),
  reason: z.string(),
  sealedOn: dateSchema,
  releasedOn: z.string().nullable(),
  status: z.enum(['sealed', 'released']),
  lastStatusDate: z.string().nullable(),
  lastStatusNote: z.string().nullable(),
});
export type SealedBuilding = z.infer<typeof sealedBuildingSchema>;
export const sealedBuildingInputSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(100),
  regionCode: z.string().trim().min(1, 'validation.required').max(20),
  residents: z.number().int().min(1).max(100000),
  reason: z.string().trim().min(2, 'people.validation.reason').max(200),
  sealedOn: dateSchema.optional(),
});
export const sealedStatusInputSchema = z.object({
  date: dateSchema.optional(),
  note: z.string().trim().min(1, 'validation.required').max(300),
});
export const sealedListQuerySchema = pageQuerySchema.extend({
  status: z.enum(['sealed', 'released']).optional(),
  regionCode: z.string().trim().max(20).optional(),
});
export const sealedReportRowSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  buildings: z.number().int(),
  people: z.number().int(),
  sealedNow: z.number().int(),
  peopleSealedNow: z.number().int(),
});
export const sealedReportSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  rows: z.array(sealedReportRowSchema),
  total: sealedReportRowSchema,
});
export type SealedReport = z.infer<typeof sealedReportSchema>;

export const campaignSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  startDate: dateSchema,
  endDate: dateSchema,
  householdsTarget: z.number().int(),
  householdsVisited: z.number().int(),
  peopleRecorded: z.number().int(),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignInputSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(100),
  regionCode: z.string().trim().min(1, 'validation.required').max(20),
  startDate: dateSchema,
  endDate: dateSchema,
  /** households expected in each grid below the region, unless set per grid later */
  householdsPerGrid: z.number().int().min(1).max(100000),
});
export const gridProgressSchema = z.object({
  gridCode: z.string(),
  gridName: z.string(),
  householdsTarget: z.number().int(),
  householdsVisited: z.number().int(),
  peopleRecorded: z.number().int(),
  progress: z.number(),
});
export type GridProgress = z.infer<typeof gridProgressSchema>;
export const screeningVisitInputSchema = z.object({
  gridCode: z.string().trim().min(1, 'validation.required').max(20),
  date: dateSchema.optional(),
  householdsVisited: z.number().int().min(0).max(100000),
  peopleRecorded: z.number().int().min(0).max(1000000),
  note: z.string().trim().max(300).optional(),
});

/** What a person sees about themselves after proving ID number and phone. */
export const selfViewSchema = z.object({
  person: z.object({
    nameMasked: z.string(),
    idNumberMasked: z.string(),
    phoneMasked: z.string().nullable(),
    regionName: z.string().nullable(),
    category: personCategorySchema,
  }),
  passes: z.array(
    z.object({
      passClass: passClassSchema,
      status: passStatusSchema,
      expired: z.boolean(),
      validFrom: dateSchema,
      validUntil: dateSchema,
      token: z.string(),
    }),
  ),
  isolations: z.array(
    z.object({
      kind: isolationKindSchema,
      startDate: dateSchema,
      endDate: dateSchema,
      status: isolationStatusSchema,
      checkinToken: z.string().nullable(),
    }),
  ),
  accessLog: z.array(personAccessSchema),
});
export type SelfView = z.infer<typeof selfViewSchema>;

/** Who may do what in this module: each permission and the roles that hold it (composed in permissions.ts). */
export const isolationPermissions = {
  'isolation.read': ['admin', 'commander', 'town', 'grid'],
  'isolation.manage': ['admin', 'town', 'grid'],
  'isolation.configure': ['admin'],
  'isolation.seal': ['admin', 'town'],
  'isolation.screening': ['admin', 'town', 'grid'],
} as const satisfies PermissionRoles;
