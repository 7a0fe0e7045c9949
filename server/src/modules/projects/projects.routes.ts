import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  approvalBodySchema,
  approvalListQuerySchema,
  approvalSchema,
  documentReceiveBodySchema,
  idParamSchema,
  pageOf,
  projectBodySchema,
  projectDetailSchema,
  projectListQuerySchema,
  projectPlanBodySchema,
  projectPlanSchema,
  projectSchema,
  projectStatsQuerySchema,
  projectStatsSchema,
  projectStatusBodySchema,
  projectWorkersBodySchema,
} from '@fugong/contract';
import { localDate } from '../../platform/clock';
import { sendXlsx } from '../../platform/excel';
import { route } from '../../platform/http';
import type { AppServices } from '../../platform/module';
import { approvalsXlsx, projectsXlsx } from './projects.export';

export function projectsRoutes(app: FastifyInstance, { projects, core }: AppServices): void {
  const tags = ['projects'];
  const today = () => localDate(core.clock.now());
  const { page: _p, pageSize: _s, ...projectFilters } = projectListQuerySchema.shape;
  const { page: _ap, pageSize: _as, ...approvalFilters } = approvalListQuerySchema.shape;

  route(app, {
    method: 'GET',
    url: '/api/projects',
    operationId: 'getProjects',
    summary: 'Key projects of the caller’s area or department, filtered by level, new/continuing, status and region',
    tags,
    query: projectListQuerySchema,
    response: pageOf(projectSchema),
    handler: ({ query, ctx }) => projects.projects(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/projects/export',
    operationId: 'getProjectsExport',
    summary: 'The filtered key projects as .xlsx',
    tags,
    query: z.object(projectFilters),
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(reply, `key-projects-${today()}.xlsx`, await projectsXlsx(ctx.locale, await projects.allProjects(ctx, query))),
  });
  route(app, {
    method: 'POST',
    url: '/api/projects',
    operationId: 'postProjects',
    errors: [409],
    summary: 'Follow a registered project entity as a key project (once per entity)',
    tags,
    body: projectBodySchema,
    response: projectSchema,
    handler: ({ body, ctx }) => projects.createProject(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/projects/stats',
    operationId: 'getProjectsStats',
    summary: 'Resumed / total by new-continuing and level, investment, workers, approvals pending documents and overdue',
    tags,
    query: projectStatsQuerySchema,
    response: projectStatsSchema,
    handler: ({ query, ctx }) => projects.stats(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/projects/approvals',
    operationId: 'getProjectsApprovals',
    summary: 'Approvals of key projects; overdue=true lists those with a document past its due date',
    tags,
    query: approvalListQuerySchema,
    response: pageOf(approvalSchema),
    handler: ({ query, ctx }) => projects.approvals(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/projects/approvals/export',
    operationId: 'getProjectsApprovalsExport',
    summary: 'The filtered approvals as .xlsx',
    tags,
    query: z.object(approvalFilters),
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(
        reply,
        `project-approvals-${today()}.xlsx`,
        await approvalsXlsx(ctx.locale, await projects.allApprovals(ctx, query)),
      ),
  });
  route(app, {
    method: 'GET',
    url: '/api/projects/approvals/:id',
    operationId: 'getProjectsApprovalsById',
    summary: 'One approval with its documents to follow',
    tags,
    params: idParamSchema,
    response: approvalSchema,
    handler: ({ params, ctx }) => projects.approval(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/projects/approvals/:id/documents/:documentId/receive',
    operationId: 'postProjectsApprovalsByIdDocumentsByDocumentIdReceive',
    errors: [409],
    summary: 'A document to follow is in; the approval closes when the last one is',
    tags,
    params: idParamSchema.extend({ documentId: z.coerce.number().int().positive() }),
    body: documentReceiveBodySchema,
    response: approvalSchema,
    handler: ({ params, body, ctx }) => projects.receiveDocument(ctx, params.id, params.documentId, body.receivedOn),
  });
  route(app, {
    method: 'GET',
    url: '/api/projects/:id',
    operationId: 'getProjectsById',
    summary: 'A key project with its current plan, status history and approvals',
    tags,
    params: idParamSchema,
    response: projectDetailSchema,
    handler: ({ params, ctx }) => projects.project(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/projects/:id/status',
    operationId: 'postProjectsByIdStatus',
    errors: [409],
    summary: 'Move the project’s status from the one the caller saw (409 when it changed meanwhile)',
    tags,
    params: idParamSchema,
    body: projectStatusBodySchema,
    response: projectSchema,
    handler: ({ params, body, ctx }) => projects.changeStatus(ctx, params.id, body),
  });
  route(app, {
    method: 'PUT',
    url: '/api/projects/:id/workers',
    operationId: 'putProjectsByIdWorkers',
    summary: 'Workers on site today',
    tags,
    params: idParamSchema,
    body: projectWorkersBodySchema,
    response: projectSchema,
    handler: ({ params, body, ctx }) => projects.setWorkers(ctx, params.id, body.workersOnSite),
  });
  route(app, {
    method: 'GET',
    url: '/api/projects/:id/plans',
    operationId: 'getProjectsByIdPlans',
    summary: 'Every version of the project’s plan 一项一策, newest first',
    tags,
    params: idParamSchema,
    response: z.array(projectPlanSchema),
    handler: ({ params, ctx }) => projects.plans(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/projects/:id/plans',
    operationId: 'postProjectsByIdPlans',
    errors: [409],
    summary: 'A new version of the plan, based on the version the caller saw (409 when another landed first)',
    tags,
    params: idParamSchema,
    body: projectPlanBodySchema,
    response: projectPlanSchema,
    handler: ({ params, body, ctx }) => projects.addPlan(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/projects/:id/approvals',
    operationId: 'postProjectsByIdApprovals',
    summary: 'Record an approval: approved, refused, or approved with named documents to follow, each with a due date',
    tags,
    params: idParamSchema,
    body: approvalBodySchema,
    response: approvalSchema,
    handler: ({ params, body, ctx }) => projects.createApproval(ctx, params.id, body),
  });
}
