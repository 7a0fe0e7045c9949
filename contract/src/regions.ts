import { z } from 'zod';
import type { PermissionRoles } from './roles';

export const regionLevels = ['district', 'town', 'community', 'grid'] as const;
export const regionLevelSchema = z.enum(regionLevels);
export type RegionLevel = z.infer<typeof regionLevelSchema>;

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: regionLevelSchema,
  parentCode: z.string().nullable(),
  path: z.string(),
  childCount: z.number().int(),
});
export type Region = z.infer<typeof regionSchema>;

export const regionChildrenQuerySchema = z.object({ parent: z.string().optional() });
export const regionSearchQuerySchema = z.object({
  q: z.string().min(1).max(50),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const regionListSchema = z.object({ items: z.array(regionSchema) });

/** Who may do what in this module: each permission and the roles that hold it (composed in permissions.ts). */
export const regionsPermissions = {
  'regions.read': ['admin', 'commander', 'department', 'town', 'grid', 'liaison', 'inspector'],
  'regions.manage': ['admin'],
} as const satisfies PermissionRoles;
