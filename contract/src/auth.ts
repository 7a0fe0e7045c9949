import { z } from 'zod';
import { localeSchema } from './common';
import { roleSchema, departmentSchema } from './roles';

export const loginBodySchema = z.object({
  username: z.string().trim().min(1, 'validation.required').max(64),
  password: z.string().min(1, 'validation.required').max(200),
});

export const grantSchema = z.object({
  id: z.number().int(),
  role: roleSchema,
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  department: departmentSchema.nullable(),
  entityId: z.number().int().nullable(),
  venueId: z.number().int().nullable(),
});
export type Grant = z.infer<typeof grantSchema>;

export const meSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  grants: z.array(grantSchema),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const passwordPolicy = z
  .string()
  .min(8, 'validation.password_policy')
  .max(200)
  .regex(/[A-Za-z]/, 'validation.password_policy')
  .regex(/\d/, 'validation.password_policy');

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, 'validation.required'),
  newPassword: passwordPolicy,
});
export const localeBodySchema = z.object({ locale: localeSchema });
