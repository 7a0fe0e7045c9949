import { z } from 'zod';
import { localeSchema, pageQuerySchema } from './common';
import { roleSchema, departmentSchema } from './roles';
import { grantSchema, passwordPolicy } from './auth';
import { isValidMobile } from './validate/phone';
import type { PermissionRoles } from './roles';

export const grantInputSchema = z
  .object({
    role: roleSchema,
    regionCode: z.string().max(20).nullable().optional(),
    department: departmentSchema.nullable().optional(),
    entityId: z.number().int().positive().nullable().optional(),
    venueId: z.number().int().positive().nullable().optional(),
  })
  .superRefine((g, ctx) => {
    if (g.role === 'enterprise' && !g.entityId)
      ctx.addIssue({ code: 'custom', path: ['entityId'], message: 'validation.grant_entity' });
    if ((g.role === 'venue' || g.role === 'venueManager') && !g.venueId)
      ctx.addIssue({ code: 'custom', path: ['venueId'], message: 'validation.grant_venue' });
    if (g.role === 'department' && !g.department)
      ctx.addIssue({ code: 'custom', path: ['department'], message: 'validation.grant_department' });
    if (['commander', 'town', 'grid', 'liaison', 'inspector', 'department', 'checkpoint'].includes(g.role) && !g.regionCode)
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'validation.grant_region' });
  });
export type GrantInput = z.infer<typeof grantInputSchema>;

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  phoneMasked: z.string().nullable(),
  disabled: z.boolean(),
  locale: localeSchema,
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  grants: z.array(grantSchema),
});
export type User = z.infer<typeof userSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'validation.username')
  .max(32, 'validation.username')
  .regex(/^[a-zA-Z0-9_.-]+$/, 'validation.username');

export const createUserBodySchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1, 'validation.required').max(50),
  password: passwordPolicy,
  // empty means no phone; anything else must be a mainland mobile number
  phone: z
    .string()
    .trim()
    .max(20)
    .refine((p) => p === '' || isValidMobile(p), 'validation.mobile')
    .optional()
    .nullable(),
  grants: z.array(grantInputSchema).min(1, 'validation.grant_required').max(20),
});
export const updateUserBodySchema = z.object({
  displayName: z.string().trim().min(1, 'validation.required').max(50).optional(),
  disabled: z.boolean().optional(),
  grants: z.array(grantInputSchema).min(1, 'validation.grant_required').max(20).optional(),
});
export const resetPasswordBodySchema = z.object({ password: passwordPolicy });
export const userListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  role: roleSchema.optional(),
  disabled: z.enum(['true', 'false']).optional(),
});

/** Who may do what in this module: each permission and the roles that hold it (composed in permissions.ts). */
export const usersPermissions = {
  'users.manage': ['admin'],
  'users.read': ['admin'],
} as const satisfies PermissionRoles;
