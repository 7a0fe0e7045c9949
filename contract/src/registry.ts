import { z } from 'zod';
import { pageQuerySchema } from './common';
import { isValidUscc } from './validate/uscc';
import type { PermissionRoles } from './roles';

/** 市场主体 kinds (GLOSSARY). */
export const entityKinds = ['enterprise', 'individual', 'building', 'site', 'project', 'hotel', 'venue', 'farm'] as const;
export const entityKindSchema = z.enum(entityKinds);
export type EntityKind = z.infer<typeof entityKindSchema>;

/** 一产 / 二产 / 三产 */
export const sectors = ['primary', 'secondary', 'tertiary'] as const;
export const sectorSchema = z.enum(sectors);
export type Sector = z.infer<typeof sectorSchema>;

/** 大 / 中 / 小 / 微 */
export const sizeClasses = ['large', 'medium', 'small', 'micro'] as const;
export const sizeClassSchema = z.enum(sizeClasses);
export type SizeClass = z.infer<typeof sizeClassSchema>;

/** 五小单位 (the first five) and the other 九小场所 types. */
export const fiveSmallVenueTypes = [
  'small_restaurant',
  'small_food_shop',
  'small_supermarket',
  'small_barbershop',
  'small_pharmacy',
] as const;
export const smallVenueTypes = [
  ...fiveSmallVenueTypes,
  'small_school', // 小学校/幼儿园/培训机构
  'small_clinic', // 小医院/诊所
  'small_hotel', // 小旅馆
  'small_entertainment', // 小歌舞娱乐场所
  'small_internet_cafe', // 小网吧
  'small_bath', // 小美容洗浴场所
  'small_workshop', // 小生产加工企业
] as const;
export const smallVenueTypeSchema = z.enum(smallVenueTypes);
export type SmallVenueType = z.infer<typeof smallVenueTypeSchema>;
export function isFiveSmall(t: SmallVenueType | null | undefined): boolean {
  return !!t && (fiveSmallVenueTypes as readonly string[]).includes(t);
}

/** Entity status; allowed transitions live in the server's registry/entity-status.ts. */
export const entityStatuses = ['not_resumed', 'filing', 'resumed', 'suspended', 'closed'] as const;
export const entityStatusSchema = z.enum(entityStatuses);
export type EntityStatus = z.infer<typeof entityStatusSchema>;

export const riskLevels = ['low', 'medium', 'high'] as const;
export const riskLevelSchema = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

/** 统一社会信用代码, upper-cased; the check character is verified. */
export const usccSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => isValidUscc(s), 'validation.uscc');

const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));

/** Create/update body. Without a USCC, an entity is identified by registration number + name + region. */
export const entityInputSchema = z
  .object({
    kind: entityKindSchema,
    name: z.string().trim().min(1, 'validation.required').max(100),
    uscc: z
      .union([usccSchema, z.literal(''), z.null()])
      .optional()
      .transform((s) => (s ? s : null)),
    regNo: optText(30),
    regionCode: z.string().trim().min(1, 'validation.required').max(20),
    address: optText(200),
    sector: sectorSchema,
    industry: optText(50),
    aboveScale: z.boolean().default(false),
    aboveQuota: z.boolean().default(false),
    fourAbove: z.boolean().default(false),
    sizeClass: sizeClassSchema.nullish().transform((v) => v ?? null),
    smallVenueType: smallVenueTypeSchema.nullish().transform((v) => v ?? null),
    registeredStaff: z.number().int().min(0).max(1_000_000).default(0),
    contactName: optText(50),
    /** on update, leaving the phone out keeps the stored one (clients only ever see it masked); null or '' clears it */
    contactPhone: z
      .string()
      .trim()
      .max(20)
      .refine((v) => !v || /^\+?[\d\s()-]{5,20}$/.test(v), 'registry.bad_phone')
      .nullish(),
    riskLevel: riskLevelSchema.default('low'),
  })
  .superRefine((e, ctx) => {
    if (!e.uscc && !e.regNo) ctx.addIssue({ code: 'custom', path: ['regNo'], message: 'registry.identity_required' });
    // 规上 / 限上 are 四上 by definition
    if ((e.aboveScale || e.aboveQuota) && !e.fourAbove)
      ctx.addIssue({ code: 'custom', path: ['fourAbove'], message: 'registry.four_above_implied' });
  });
export type EntityInput = z.input<typeof entityInputSchema>;
export type EntityInputParsed = z.output<typeof entityInputSchema>;

export const entitySummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: entityKindSchema,
  uscc: z.string().nullable(),
  regionCode: z.string(),
  regionPath: z.string(),
  sector: sectorSchema,
  industry: z.string().nullable(),
  aboveScale: z.boolean(),
  aboveQuota: z.boolean(),
  fourAbove: z.boolean(),
  sizeClass: sizeClassSchema.nullable(),
  smallVenueType: smallVenueTypeSchema.nullable(),
  status: entityStatusSchema,
  registeredStaff: z.number().int(),
  riskLevel: riskLevelSchema,
});
export type EntitySummary = z.infer<typeof entitySummarySchema>;

export const entitySchema = entitySummarySchema.extend({
  regNo: z.string().nullable(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** what the caller may do; nextStatuses are the moves the status table allows from here */
  abilities: z.object({ edit: z.boolean(), changeStatus: z.boolean(), nextStatuses: z.array(entityStatusSchema) }),
});
export type Entity = z.infer<typeof entitySchema>;

const boolQuery = z.enum(['true', 'false']).optional();

/** List filters; `coverage` names a filter a later module registers (e.g. entities without a liaison). */
export const entityListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  regionCode: z.string().trim().max(20).optional(),
  kind: entityKindSchema.optional(),
  sector: sectorSchema.optional(),
  industry: z.string().trim().max(50).optional(),
  aboveScale: boolQuery,
  aboveQuota: boolQuery,
  fourAbove: boolQuery,
  sizeClass: sizeClassSchema.optional(),
  smallVenueType: smallVenueTypeSchema.optional(),
  status: entityStatusSchema.optional(),
  riskLevel: riskLevelSchema.optional(),
  coverage: z.string().trim().max(40).optional(),
});
export type EntityListQuery = z.infer<typeof entityListQuerySchema>;
export const entityExportQuerySchema = entityListQuerySchema.omit({ page: true, pageSize: true });

export const changeStatusBodySchema = z.object({
  to: entityStatusSchema,
  reason: z.string().trim().min(1, 'validation.required').max(500),
});

export const statusHistoryItemSchema = z.object({
  id: z.number().int(),
  from: entityStatusSchema.nullable(),
  to: entityStatusSchema,
  reason: z.string(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type StatusHistoryItem = z.infer<typeof statusHistoryItemSchema>;

/** One line of the entity timeline 一企一档; any module may contribute items. */
export const timelineItemSchema = z.object({
  /** UTC ISO timestamp */
  at: z.string(),
  kind: z.string(),
  /** already localised for the request's locale */
  title: z.string(),
  detail: z.string().optional(),
  link: z.string().optional(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;
export const timelineSchema = z.object({ items: z.array(timelineItemSchema) });

// --- bulk import ---

export const importRowActions = ['create', 'update', 'unchanged', 'error'] as const;
export type ImportRowAction = (typeof importRowActions)[number];

export const importRowSchema = z.object({
  /** 1-based row number as the user sees it in the spreadsheet (header is row 1) */
  row: z.number().int(),
  action: z.enum(importRowActions),
  name: z.string().nullable(),
  uscc: z.string().nullable(),
  regionCode: z.string().nullable(),
  entityId: z.number().int().nullable(),
  /** localised messages, one per problem */
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
  /** fields that differ from the stored entity, for updates */
  changes: z.array(z.string()),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importSummarySchema = z.object({
  total: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importStatuses = ['preview', 'confirmed', 'expired'] as const;
export const importPreviewSchema = z.object({
  token: z.string(),
  fileName: z.string(),
  status: z.enum(importStatuses),
  summary: importSummarySchema,
  rows: z.array(importRowSchema),
  rowsTotal: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export const importPreviewQuerySchema = pageQuerySchema.extend({
  only: z.enum(['all', 'error', 'create', 'update', 'unchanged']).default('all'),
});
export const importTokenParamSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
export const importConfirmResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
});
export type ImportConfirmResult = z.infer<typeof importConfirmResultSchema>;

/** Who may do what in this module: each permission and the roles that hold it (composed in permissions.ts). */
export const registryPermissions = {
  'registry.read': ['admin', 'commander', 'department', 'town', 'grid', 'liaison', 'inspector'],
  'registry.manage': ['admin', 'town'],
  'registry.import': ['admin', 'town'],
  'registry.own': ['enterprise'],
} as const satisfies PermissionRoles;
