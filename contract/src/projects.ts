import { z } from 'zod';
import { dateSchema, pageQuerySchema } from './common';
import { departmentSchema, type PermissionRoles } from './roles';

/** 重点项目 keyProject: provincial, city or district key project. */
export const projectLevels = ['provincial', 'city', 'district'] as const;
export const projectLevelSchema = z.enum(projectLevels);
export type ProjectLevel = z.infer<typeof projectLevelSchema>;

/** 新建 / 续建: the resumption rate the seeds quote is over continuing projects. */
export const projectPhases = ['new', 'continuing'] as const;
export const projectPhaseSchema = z.enum(projectPhases);
export type ProjectPhase = z.infer<typeof projectPhaseSchema>;

/** 未复工 / 已复工（开工） / 停工. */
export const projectStatuses = ['not_resumed', 'resumed', 'suspended'] as const;
export const projectStatusSchema = z.enum(projectStatuses);
export type ProjectStatus = z.infer<typeof projectStatusSchema>;
/** The moves a project's status may make. */
export const projectTransitions: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  not_resumed: ['resumed'],
  resumed: ['suspended'],
  suspended: ['resumed'],
};

const text = (max: number) => z.string().trim().max(max);
const count = z.number({ message: 'validation.required' }).int().min(0, 'projects.negative').max(1_000_000);

export const projectBodySchema = z.object({
  name: text(100).min(1, 'validation.required'),
  entityId: z.number().int().positive(),
  level: projectLevelSchema,
  phase: projectPhaseSchema,
  leadDepartment: departmentSchema.nullish(),
  investmentFen: z.number().int().min(0, 'projects.negative').max(1e16),
  workersOnSite: count.default(0),
});
export type ProjectBody = z.infer<typeof projectBodySchema>;

export const projectStatusBodySchema = z.object({
  /** the status the caller saw: a move from a status since changed answers 409 */
  from: projectStatusSchema,
  to: projectStatusSchema,
  reason: text(500).min(1, 'validation.required'),
  workersOnSite: count.optional(),
});
export const projectWorkersBodySchema = z.object({ workersOnSite: count });

/** 一项一策: a new version of the project's plan, based on the version the caller saw (0 for the first). */
export const projectPlanBodySchema = z.object({
  basedOn: z.number().int().min(0),
  preventionPlan: text(20_000).min(1, 'validation.required'),
  emergencyPlan: text(20_000).min(1, 'validation.required'),
  measures: text(5_000).default(''),
});
export const projectPlanSchema = z.object({
  version: z.number().int(),
  preventionPlan: z.string(),
  emergencyPlan: z.string(),
  measures: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type ProjectPlan = z.infer<typeof projectPlanSchema>;

export const projectStatusChangeSchema = z.object({
  from: projectStatusSchema.nullable(),
  to: projectStatusSchema,
  reason: z.string(),
  changedBy: z.string(),
  changedAt: z.string(),
});

export const projectSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  entityId: z.number().int(),
  entityName: z.string(),
  level: projectLevelSchema,
  phase: projectPhaseSchema,
  regionCode: z.string(),
  regionName: z.string().nullable(),
  leadDepartment: departmentSchema.nullable(),
  investmentFen: z.number().int(),
  status: projectStatusSchema,
  statusChangedAt: z.string().nullable(),
  workersOnSite: z.number().int(),
  planVersion: z.number().int(),
  createdAt: z.string(),
});
export type KeyProject = z.infer<typeof projectSchema>;

export const projectListQuerySchema = pageQuerySchema.extend({
  q: text(50).optional(),
  level: projectLevelSchema.optional(),
  phase: projectPhaseSchema.optional(),
  status: projectStatusSchema.optional(),
  regionCode: text(20).optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;

/** 审批事项: approved outright, refused, or approved with documents to follow 容缺后补 (pendingDocuments). */
export const approvalStatuses = ['approved', 'pending_documents', 'refused'] as const;
export const approvalStatusSchema = z.enum(approvalStatuses);
export type ApprovalStatus = z.infer<typeof approvalStatusSchema>;

export const approvalBodySchema = z
  .object({
    kind: text(100).min(1, 'validation.required'),
    department: departmentSchema,
    decidedOn: dateSchema,
    status: approvalStatusSchema,
    /** 以函代证: a letter stands in for the certificate until it is issued */
    letterInsteadOfCertificate: z.boolean().default(false),
    online: z.boolean().default(false),
    documents: z
      .array(z.object({ name: text(200).min(1, 'validation.required'), dueOn: dateSchema }))
      .max(30)
      .default([]),
  })
  .superRefine((b, ctx) => {
    if (b.status === 'pending_documents' && b.documents.length === 0)
      ctx.addIssue({ code: 'custom', path: ['documents'], message: 'projects.documents_required' });
    if (b.status !== 'pending_documents' && b.documents.length > 0)
      ctx.addIssue({ code: 'custom', path: ['documents'], message: 'projects.documents_only_pending' });
    b.documents.forEach((d, i) => {
      if (d.dueOn < b.decidedOn)
        ctx.addIssue({ code: 'custom', path: ['documents', i, 'dueOn'], message: 'projects.due_before_decision' });
    });
  });
export const documentReceiveBodySchema = z.object({ receivedOn: dateSchema });

export const pendingDocumentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  dueOn: z.string(),
  receivedOn: z.string().nullable(),
  receivedBy: z.string().nullable(),
  overdue: z.boolean(),
});
export const approvalSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  kind: z.string(),
  department: departmentSchema,
  decidedOn: z.string(),
  status: approvalStatusSchema,
  letterInsteadOfCertificate: z.boolean(),
  online: z.boolean(),
  closedOn: z.string().nullable(),
  documents: z.array(pendingDocumentSchema),
  overdue: z.boolean(),
});
export type ProjectApproval = z.infer<typeof approvalSchema>;
export const approvalListQuerySchema = pageQuerySchema.extend({
  status: approvalStatusSchema.optional(),
  department: departmentSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  projectId: z.coerce.number().int().positive().optional(),
  q: text(50).optional(),
});

export const projectDetailSchema = projectSchema.extend({
  plan: projectPlanSchema.nullable(),
  history: z.array(projectStatusChangeSchema),
  approvals: z.array(approvalSchema),
  abilities: z.object({ manage: z.boolean(), approve: z.boolean() }),
});
export type KeyProjectDetail = z.infer<typeof projectDetailSchema>;

const rateRow = z.object({ total: z.number().int(), resumed: z.number().int(), rate: z.number() });
export const projectStatsQuerySchema = z.object({ regionCode: text(20).optional() });
export const projectStatsSchema = z.object({
  regionCode: z.string().nullable(),
  total: rateRow,
  byPhase: z.array(rateRow.extend({ phase: projectPhaseSchema })),
  byLevel: z.array(rateRow.extend({ level: projectLevelSchema })),
  workersOnSite: z.number().int(),
  investmentFen: z.number().int(),
  investmentResumedFen: z.number().int(),
  approvals: z.object({
    total: z.number().int(),
    online: z.number().int(),
    pendingDocuments: z.number().int(),
    overdue: z.number().int(),
  }),
});
export type ProjectStats = z.infer<typeof projectStatsSchema>;

export const projectsPermissions = {
  'projects.read': ['admin', 'commander', 'department', 'town'],
  'projects.manage': ['admin', 'department', 'town'],
  'projects.approve': ['admin', 'department'],
} as const satisfies PermissionRoles;
