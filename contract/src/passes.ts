import { z } from 'zod';
import { dateSchema, pageQuerySchema } from './common';
import { roleSchema } from './roles';
import { personCategorySchema } from './people';
import { normaliseIdCard } from './validate/id-card';
import type { PermissionRoles } from './roles';

/** A 常住居民, B 外来务工人员, C 零散外来人员. */
export const passClasses = ['A', 'B', 'C'] as const;
export const passClassSchema = z.enum(passClasses);
export type PassClass = z.infer<typeof passClassSchema>;

export const passStatuses = ['active', 'revoked'] as const;
export const passStatusSchema = z.enum(passStatuses);
export type PassStatus = z.infer<typeof passStatusSchema>;

export const checkpointKinds = ['road', 'community_gate', 'workplace'] as const;
export const checkpointKindSchema = z.enum(checkpointKinds);
export type CheckpointKind = z.infer<typeof checkpointKindSchema>;

/** How far from the holder's residence a pass reaches. */
export const passScopeLevels = ['community', 'town', 'district'] as const;
export const passScopeLevelSchema = z.enum(passScopeLevels);
export type PassScopeLevel = z.infer<typeof passScopeLevelSchema>;

export const passRuleSchema = z.object({
  passClass: passClassSchema,
  category: personCategorySchema,
  validityDays: z.number().int().min(1).max(366),
  scopeLevel: passScopeLevelSchema,
  checkpointKinds: z.array(checkpointKindSchema).min(1),
  issuerRoles: z.array(roleSchema).min(1),
  updatedAt: z.string().nullable(),
});
export type PassRule = z.infer<typeof passRuleSchema>;
export const passRuleUpdateSchema = passRuleSchema.omit({ passClass: true, updatedAt: true, category: true });

export const passSchema = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  idNumberMasked: z.string(),
  passClass: passClassSchema,
  status: passStatusSchema,
  /** active but past validUntil */
  expired: z.boolean(),
  validFrom: dateSchema,
  validUntil: dateSchema,
  scopeCode: z.string(),
  scopeName: z.string().nullable(),
  employerEntityId: z.number().int().nullable(),
  issuedAt: z.string(),
  issuedByName: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** present only where the caller may hand the QR to the holder */
  token: z.string().nullable(),
  abilities: z.object({ renew: z.boolean(), revoke: z.boolean(), rotate: z.boolean() }),
});
export type Pass = z.infer<typeof passSchema>;

export const passListQuerySchema = pageQuerySchema.extend({
  passClass: passClassSchema.optional(),
  status: z.enum(['active', 'revoked', 'expired']).optional(),
  personId: z.coerce.number().int().positive().optional(),
  employerEntityId: z.coerce.number().int().positive().optional(),
  regionCode: z.string().trim().max(20).optional(),
});
export type PassListQuery = z.infer<typeof passListQuerySchema>;

export const issuePassBodySchema = z.object({
  personId: z.number().int().positive(),
  passClass: passClassSchema,
  validFrom: dateSchema.optional(),
});
export const bulkIssueBodySchema = z.object({
  employerEntityId: z.number().int().positive(),
  passClass: passClassSchema.default('B'),
  validFrom: dateSchema.optional(),
});
export const bulkIssueResultSchema = z.object({
  issued: z.number().int(),
  skipped: z.number().int(),
  passIds: z.array(z.number().int()),
});
export const revokeBodySchema = z.object({ reason: z.string().trim().min(2, 'people.validation.reason').max(200) });

export const scanDirections = ['in', 'out'] as const;
export const scanDirectionSchema = z.enum(scanDirections);
export type ScanDirection = z.infer<typeof scanDirectionSchema>;

export const verifyReasons = ['not_found', 'revoked', 'expired', 'not_yet_valid', 'out_of_scope', 'checkpoint_kind'] as const;
export type VerifyReason = (typeof verifyReasons)[number];

export const verifyBodySchema = z
  .object({
    checkpointId: z.number().int().positive(),
    direction: scanDirectionSchema,
    token: z.string().trim().min(10).max(100).optional(),
    idNumber: z.string().trim().min(5).max(30).transform(normaliseIdCard).optional(),
  })
  .refine((v) => !!v.token !== !!v.idNumber, { message: 'passes.validation.token_or_id', path: ['token'] });
export type VerifyBody = z.infer<typeof verifyBodySchema>;

export const verifyResultSchema = z.object({
  valid: z.boolean(),
  reason: z.enum(verifyReasons).nullable(),
  scanId: z.number().int(),
  pass: z
    .object({
      id: z.number().int(),
      passClass: passClassSchema,
      personName: z.string(),
      idNumberMasked: z.string(),
      validUntil: dateSchema,
    })
    .nullable(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

export const scanSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  checkpointId: z.number().int(),
  direction: scanDirectionSchema,
  valid: z.boolean(),
  reason: z.string().nullable(),
  passClass: passClassSchema.nullable(),
  personName: z.string().nullable(),
});
export type Scan = z.infer<typeof scanSchema>;

export const checkpointSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: checkpointKindSchema,
  regionCode: z.string(),
  regionName: z.string().nullable(),
  active: z.boolean(),
  scansToday: z.number().int(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;
export const checkpointInputSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(100),
  kind: checkpointKindSchema,
  regionCode: z.string().trim().min(1, 'validation.required').max(20),
});

export const shiftSchema = z.object({
  id: z.number().int(),
  checkpointId: z.number().int(),
  date: dateSchema,
  startTime: z.string(),
  endTime: z.string(),
  team: z.string(),
  members: z.array(z.string()),
});
export type Shift = z.infer<typeof shiftSchema>;
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'passes.validation.time');
export const shiftInputSchema = z.object({
  date: dateSchema,
  startTime: timeSchema,
  endTime: timeSchema,
  team: z.string().trim().min(1, 'validation.required').max(100),
  members: z.array(z.string().trim().min(1).max(50)).min(1, 'validation.required').max(50),
});
export const shiftListQuerySchema = z.object({ date: dateSchema.optional() });

/** Who may do what in this module: each permission and the roles that hold it (composed in permissions.ts). */
export const passesPermissions = {
  'passes.read': ['admin', 'commander', 'town', 'grid'],
  'passes.issue': ['admin', 'town', 'grid'],
  'passes.revoke': ['admin', 'town'],
  'passes.verify': ['admin', 'town', 'grid', 'checkpoint'],
  'passes.configure': ['admin'],
  'passes.checkpoints': ['admin', 'town'],
} as const satisfies PermissionRoles;
