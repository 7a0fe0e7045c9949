import { z } from 'zod';
import { dateSchema, pageQuerySchema, recordFileSchema, transitionEventSchema } from './common';
import { departmentSchema } from './roles';
import type { PermissionRoles } from './roles';

/** Where a problem was collected (SPEC M4). */
export const ticketSources = ['self_report', 'liaison_visit', 'daily_report', 'inspection', 'complaint', 'staff'] as const;
export const ticketSourceSchema = z.enum(ticketSources);
export type TicketSource = z.infer<typeof ticketSourceSchema>;

/** 收集 → 交办 → 办理 → 反馈 → 销号; merged tickets live on in the one they were merged into. */
export const ticketStatuses = ['collected', 'assigned', 'handling', 'feedback', 'closed', 'merged'] as const;
export const ticketStatusSchema = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const ticketActions = ['assign', 'reassign', 'accept', 'handle', 'confirm', 'reopen', 'close', 'merge'] as const;
export const ticketActionSchema = z.enum(ticketActions);
export type TicketAction = z.infer<typeof ticketActionSchema>;

/** 提示 → 督办 → 区领导报到 (GLOSSARY). */
export const escalationLevels = ['reminder', 'supervision', 'leaders'] as const;
export const escalationLevelSchema = z.enum(escalationLevels);
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

export const slaUnits = ['hours', 'days'] as const;
export const slaUnitSchema = z.enum(slaUnits);
export type SlaUnit = z.infer<typeof slaUnitSchema>;

/** The categories the seeds name; admins add more. */
export const builtInTicketCategories = [
  'supplies',
  'financing',
  'labour',
  'logistics',
  'dining',
  'parking',
  'certificates',
  'utilities',
  'policy',
] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));

export const ticketCategorySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  department: departmentSchema,
  slaValue: z.number().int(),
  slaUnit: slaUnitSchema,
  active: z.boolean(),
});
export type TicketCategory = z.infer<typeof ticketCategorySchema>;

export const ticketCategoryBodySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,31}$/, 'validation.code'),
  name: text(60),
  department: departmentSchema,
  slaValue: z.number().int().min(1).max(720),
  slaUnit: slaUnitSchema,
  active: z.boolean().default(true),
});
export const ticketCategoryPatchSchema = ticketCategoryBodySchema.omit({ code: true }).partial();

export const createTicketBodySchema = z
  .object({
    categoryId: z.number().int().positive(),
    title: text(120),
    description: text(4000),
    entityId: z.number().int().positive().nullish(),
    /** where, when no entity is named (a building, a road) */
    regionCode: z.string().trim().max(20).nullish(),
    address: optText(200),
    major: z.boolean().default(false),
    source: ticketSourceSchema.default('staff'),
  })
  .refine((b) => b.entityId || b.regionCode, { message: 'tickets.where_required', path: ['entityId'] });
export type CreateTicketBody = z.infer<typeof createTicketBodySchema>;

export const ticketAbilitiesSchema = z.object({
  assign: z.boolean(),
  reassign: z.boolean(),
  accept: z.boolean(),
  handle: z.boolean(),
  confirm: z.boolean(),
  reopen: z.boolean(),
  close: z.boolean(),
  merge: z.boolean(),
  whistle: z.boolean(),
  acknowledge: z.boolean(),
  comment: z.boolean(),
});
export type TicketAbilities = z.infer<typeof ticketAbilitiesSchema>;

export const ticketSchema = z.object({
  id: z.number().int(),
  no: z.string(),
  source: ticketSourceSchema,
  sourceRef: z.string().nullable(),
  categoryId: z.number().int(),
  categoryCode: z.string(),
  categoryName: z.string(),
  title: z.string(),
  description: z.string(),
  entityId: z.number().int().nullable(),
  entityName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  department: departmentSchema.nullable(),
  status: ticketStatusSchema,
  major: z.boolean(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  escalationLevel: escalationLevelSchema.nullable(),
  escalatedAt: z.string().nullable(),
  result: z.string().nullable(),
  satisfaction: z.number().int().nullable(),
  reopenCount: z.number().int(),
  mergedInto: z.number().int().nullable(),
  reporterName: z.string().nullable(),
  createdAt: z.string(),
  assignedAt: z.string().nullable(),
  handledAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  abilities: ticketAbilitiesSchema.optional(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const ticketEventSchema = transitionEventSchema.extend({
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type TicketEvent = z.infer<typeof ticketEventSchema>;

export const ticketDetailSchema = ticketSchema.extend({
  events: z.array(ticketEventSchema),
  attachments: z.array(recordFileSchema),
});
export type TicketDetail = z.infer<typeof ticketDetailSchema>;

export const ticketListQuerySchema = pageQuerySchema.extend({
  status: ticketStatusSchema.optional(),
  /** open = not closed and not merged */
  open: z.enum(['true', 'false']).optional(),
  department: departmentSchema.optional(),
  categoryId: z.coerce.number().int().positive().optional(),
  escalation: z.enum(['any', 'reminder', 'supervision', 'leaders']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  entityId: z.coerce.number().int().positive().optional(),
  regionCode: z.string().max(20).optional(),
  source: ticketSourceSchema.optional(),
  q: z.string().trim().max(60).optional(),
});
export type TicketListQuery = z.infer<typeof ticketListQuerySchema>;

export const assignTicketBodySchema = z.object({
  department: departmentSchema,
  /** default: the category's SLA from now */
  deadline: z.string().datetime().nullish(),
  note: optText(500),
});
export const handleTicketBodySchema = z.object({ result: text(2000) });
export const confirmTicketBodySchema = z.object({ satisfaction: z.number().int().min(1).max(5), note: optText(500) });
export const noteBodySchema = z.object({ note: text(1000) });
export const optionalNoteBodySchema = z.object({ note: optText(1000) });
export const mergeTicketBodySchema = z.object({ intoId: z.number().int().positive(), note: optText(500) });

export const ticketStatsQuerySchema = z.object({
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  regionCode: z.string().max(20).optional(),
  by: z.enum(['department', 'region']).default('department'),
});
export const ticketStatsRowSchema = z.object({
  key: z.string(),
  name: z.string().nullable(),
  received: z.number().int(),
  closed: z.number().int(),
  onTime: z.number().int(),
  onTimeRate: z.number().nullable(),
  avgHandlingHours: z.number().nullable(),
  reopened: z.number().int(),
  reopenRate: z.number().nullable(),
  satisfaction: z.number().nullable(),
  escalated: z.number().int(),
  open: z.number().int(),
});
export type TicketStatsRow = z.infer<typeof ticketStatsRowSchema>;
export const ticketStatsSchema = z.object({ rows: z.array(ticketStatsRowSchema), total: ticketStatsRowSchema });
export type TicketStats = z.infer<typeof ticketStatsSchema>;

export const whistleBodySchema = z.object({ level: escalationLevelSchema.nullish(), note: text(500) });
export const ticketExportQuerySchema = ticketListQuerySchema.omit({ page: true, pageSize: true });

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const notificationListSchema = z.object({ items: z.array(notificationSchema), unread: z.number().int() });
export type NotificationList = z.infer<typeof notificationListSchema>;

/** Who may do what in this module: each permission and the roles that hold it (composed in permissions.ts). */
export const ticketsPermissions = {
  'tickets.read': ['admin', 'commander', 'town', 'liaison'],
  'tickets.report': ['admin', 'department', 'town', 'grid', 'liaison', 'inspector', 'enterprise'],
  'tickets.assign': ['admin', 'commander', 'town'],
  'tickets.whistle': ['admin', 'commander', 'town', 'liaison'],
  'tickets.lead': ['admin', 'commander'],
  'tickets.stats': ['admin', 'commander', 'department', 'town'],
  'tickets.configure': ['admin'],
  'tickets.handle': ['department'],
  'tickets.own': ['enterprise'],
} as const satisfies PermissionRoles;
