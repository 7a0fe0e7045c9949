import { z } from 'zod';
import { pageQuerySchema } from './common';
import { isValidIdCard, normaliseIdCard } from './validate/id-card';
import { isValidMobile, normalisePhone } from './validate/phone';
import { idTypeSchema, type IdType } from './venues';
import type { PermissionRoles } from './roles';

/** 常住居民 / 外来务工人员 / 零散外来人员: the three groups the A/B/C passes were made for. */
export const personCategories = ['resident', 'outside_worker', 'scattered_outsider'] as const;
export const personCategorySchema = z.enum(personCategories);
export type PersonCategory = z.infer<typeof personCategorySchema>;

export const phoneInputSchema = z
  .string()
  .trim()
  .refine((v) => isValidMobile(v), 'validation.mobile')
  .transform((v) => normalisePhone(v));

/** A 身份证 number must pass GB 11643; other documents only need to look like one. */
function idRefine(v: { idType: IdType; idNumber: string }, ctx: z.RefinementCtx) {
  if (v.idType === 'id_card' && !isValidIdCard(v.idNumber))
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'validation.id_card' });
  if (v.idType !== 'id_card' && !/^[A-Za-z0-9-]{5,30}$/.test(v.idNumber))
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'people.validation.id_number' });
}

export const personInputSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(50),
    idType: idTypeSchema.default('id_card'),
    idNumber: z.string().trim().min(1, 'validation.required').max(30).transform(normaliseIdCard),
    phone: phoneInputSchema.optional().nullable(),
    regionCode: z.string().trim().min(1, 'validation.required').max(20),
    address: z.string().trim().max(200).optional().nullable(),
    category: personCategorySchema,
    employerEntityId: z.number().int().positive().optional().nullable(),
  })
  .superRefine(idRefine);
export type PersonInput = z.infer<typeof personInputSchema>;

export const personUpdateSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(50).optional(),
  phone: phoneInputSchema.optional().nullable(),
  regionCode: z.string().trim().min(1).max(20).optional(),
  address: z.string().trim().max(200).optional().nullable(),
  category: personCategorySchema.optional(),
  employerEntityId: z.number().int().positive().optional().nullable(),
});
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

export const personSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  idType: idTypeSchema,
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  category: personCategorySchema,
  employerEntityId: z.number().int().nullable(),
  createdAt: z.string(),
  abilities: z.object({ update: z.boolean(), reveal: z.boolean() }),
});
export type Person = z.infer<typeof personSchema>;

export const personListQuerySchema = pageQuerySchema.extend({
  /** a name fragment, or a whole ID number (looked up by its keyed hash) */
  q: z.string().trim().max(50).optional(),
  category: personCategorySchema.optional(),
  regionCode: z.string().trim().max(20).optional(),
  employerEntityId: z.coerce.number().int().positive().optional(),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

export const revealFields = ['idNumber', 'phone'] as const;
export const revealBodySchema = z.object({
  field: z.enum(revealFields),
  reason: z.string().trim().min(2, 'people.validation.reason').max(200),
});
export const revealResultSchema = z.object({ field: z.enum(revealFields), value: z.string().nullable() });

/** One official's access to a person's record, as the person sees it on the self-service page. */
export const personAccessSchema = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
});
export type PersonAccess = z.infer<typeof personAccessSchema>;

export const selfLookupBodySchema = z.object({
  idNumber: z.string().trim().min(1, 'validation.required').max(30).transform(normaliseIdCard),
  phone: phoneInputSchema,
});

/** Who may do what in this module: each permission and the roles that hold it (composed in permissions.ts). */
export const peoplePermissions = {
  'people.read': ['admin', 'commander', 'town', 'grid'],
  'people.reveal': ['admin', 'commander'],
  'people.manage': ['admin', 'town', 'grid'],
} as const satisfies PermissionRoles;
