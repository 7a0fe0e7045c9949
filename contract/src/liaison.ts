import { z } from 'zod';
import { dateSchema, pageQuerySchema } from './common';
import { entityKindSchema } from './registry';
import type { PermissionRoles } from './roles';

/** 走访 modes. */
export const visitModes = ['onsite', 'phone', 'online'] as const;
export const visitModeSchema = z.enum(visitModes);
export type VisitMode = z.infer<typeof visitModeSchema>;

export const liaisonAssignmentSchema = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  entityKind: z.string(),
  liaisonUserId: z.number().int().nullable(),
  liaisonName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  teamName: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  endedReason: z.string().nullable(),
  assignedBy: z.string().nullable(),
});
export type LiaisonAssignment = z.infer<typeof liaisonAssignmentSchema>;

export const assignLiaisonBodySchema = z
  .object({
    /** a list of entities … */
    entityIds: z.array(z.number().int().positive()).max(1000).optional(),
    /** … or every entity (of a kind) in a region that has no liaison yet */
    regionCode: z.string().max(20).optional(),
    kind: entityKindSchema.optional(),
    liaisonUserId: z.number().int().positive().nullish(),
    teamId: z.number().int().positive().nullish(),
    reason: z.string().trim().max(200).nullish(),
  })
  .refine((b) => !!b.liaisonUserId !== !!b.teamId, { message: 'liaison.one_assignee', path: ['liaisonUserId'] })
  .refine((b) => (b.entityIds && b.entityIds.length > 0) || b.regionCode, {
    message: 'liaison.targets_required',
    path: ['entityIds'],
  });

export const liaisonTeamBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  regionCode: z.string().trim().min(1).max(20),
  memberIds: z.array(z.number().int().positive()).min(1).max(10),
  leaderId: z.number().int().positive(),
});
/** Rename a team or change its members and leader; `version` is the one read, so two editors cannot overwrite each other. */
export const liaisonTeamUpdateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  memberIds: z.array(z.number().int().positive()).min(1).max(10),
  leaderId: z.number().int().positive(),
  version: z.number().int().positive(),
});
export const liaisonTeamSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  members: z.array(z.object({ userId: z.number().int(), displayName: z.string(), leader: z.boolean() })),
  /** entities the team looks after now */
  assigned: z.number().int(),
});
export type LiaisonTeam = z.infer<typeof liaisonTeamSchema>;
export const teamListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  regionCode: z.string().max(20).optional(),
});

/** A cadre who may be assigned (holds the liaison role in the caller's area). */
export const liaisonCadreSchema = z.object({
  id: z.number().int(),
  displayName: z.string(),
  username: z.string(),
  regionName: z.string().nullable(),
  assigned: z.number().int(),
});
export type LiaisonCadre = z.infer<typeof liaisonCadreSchema>;
export const cadreQuerySchema = z.object({ q: z.string().trim().max(50).optional() });

/** A pasted list (one name or credit code per line) matched against the registry. */
export const resolveListBodySchema = z.object({ lines: z.array(z.string().trim().max(200)).min(1).max(1000) });
export const resolvedListSchema = z.object({
  matched: z.array(
    z.object({ line: z.string(), entityId: z.number().int(), name: z.string(), kind: z.string(), uscc: z.string().nullable() }),
  ),
  unmatched: z.array(z.object({ line: z.string(), reason: z.enum(['none', 'ambiguous']) })),
});
export type ResolvedList = z.infer<typeof resolvedListSchema>;

export const coverageRowSchema = z.object({
  kind: z.string(),
  total: z.number().int(),
  covered: z.number().int(),
  rate: z.number().nullable(),
});
export const coverageSchema = z.object({ regionCode: z.string(), rows: z.array(coverageRowSchema), total: coverageRowSchema });
export type Coverage = z.infer<typeof coverageSchema>;

export const visitProblemSchema = z.object({
  categoryId: z.number().int().positive(),
  title: z.string().trim().min(1).max(120),
  description: z.string().trim().min(1).max(2000),
});
export const createVisitBodySchema = z.object({
  entityId: z.number().int().positive(),
  visitDate: dateSchema,
  mode: visitModeSchema,
  policies: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  notes: z.string().trim().max(2000).nullish(),
  problems: z.array(visitProblemSchema).max(10).default([]),
});
export const visitSchema = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  liaisonName: z.string(),
  visitDate: z.string(),
  mode: visitModeSchema,
  policies: z.array(z.string()),
  notes: z.string().nullable(),
  problemCount: z.number().int(),
  ticketIds: z.array(z.number().int()),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof visitSchema>;
/** The visit log's filters; the export takes the same ones. */
export const visitFilterSchema = z.object({
  entityId: z.coerce.number().int().positive().optional(),
  regionCode: z.string().max(20).optional(),
  mine: z.enum(['true', 'false']).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  mode: visitModeSchema.optional(),
  /** part of the liaison's name */
  liaison: z.string().trim().max(50).optional(),
  /** part of the entity's name */
  q: z.string().trim().max(50).optional(),
});
export const visitListQuerySchema = pageQuerySchema.extend(visitFilterSchema.shape);
/** A visit with the problems it found (each became a ticket, shown with the ticket's state). */
export const visitDetailSchema = visitSchema.extend({
  regionName: z.string().nullable(),
  problems: z.array(z.object({ ticketId: z.number().int(), title: z.string(), status: z.string() })),
});
export type VisitDetail = z.infer<typeof visitDetailSchema>;
export const assignmentListQuerySchema = pageQuerySchema.extend({
  entityId: z.coerce.number().int().positive().optional(),
  liaisonUserId: z.coerce.number().int().positive().optional(),
  teamId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
  regionCode: z.string().max(20).optional(),
  current: z.enum(['true', 'false']).optional(),
});

/** Who may do what in this module: each permission and the roles that hold it (composed in permissions.ts). */
export const liaisonPermissions = {
  'liaison.read': ['admin', 'commander', 'town'],
  'liaison.assign': ['admin', 'town'],
  'liaison.visit': ['admin', 'liaison'],
} as const satisfies PermissionRoles;
