import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  assignLiaisonBodySchema,
  assignmentListQuerySchema,
  cadreQuerySchema,
  coverageSchema,
  createVisitBodySchema,
  liaisonAssignmentSchema,
  liaisonCadreSchema,
  liaisonTeamBodySchema,
  liaisonTeamSchema,
  liaisonTeamUpdateSchema,
  okSchema,
  visitDetailSchema,
  visitFilterSchema,
  pageOf,
  resolveListBodySchema,
  resolvedListSchema,
  teamListQuerySchema,
  visitListQuerySchema,
  recordFileSchema,
  idParamSchema,
  visitSchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import { recordFileRoutes } from '../../platform/files';
import { sendXlsx } from '../../platform/excel';
import { localDate } from '../../platform/clock';
import type { AppServices } from '../../platform/module';

export function liaisonRoutes(app: FastifyInstance, { liaison, visitPhotos, visitLog, core }: AppServices): void {
  const tags = ['liaison'];
  route(app, {
    method: 'POST',
    url: '/api/liaison/assignments',
    operationId: 'postLiaisonAssignments',
    summary:
      'Assign a liaison or a team to entities (a list, or all uncovered ones of a region); the previous assignment is kept in the history',
    tags,
    body: assignLiaisonBodySchema,
    response: z.object({ assigned: z.number().int() }),
    handler: ({ body, ctx }) => liaison.assign(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/liaison/assignments',
    operationId: 'getLiaisonAssignments',
    summary: 'Current (or all) assignments in the caller’s area, or a liaison’s own',
    tags,
    query: assignmentListQuerySchema,
    response: pageOf(liaisonAssignmentSchema),
    handler: ({ query, ctx }) => liaison.assignments(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/liaison/assignments/resolve',
    operationId: 'postLiaisonAssignmentsResolve',
    summary: 'Match a pasted list (one credit code or entity name per line) against the registry, for a bulk assignment',
    tags,
    body: resolveListBodySchema,
    response: resolvedListSchema,
    handler: ({ body, ctx }) => liaison.resolveList(ctx, body.lines),
  });
  route(app, {
    method: 'GET',
    url: '/api/liaison/teams',
    operationId: 'getLiaisonTeams',
    summary: 'Liaison teams in the caller’s area (search by team or member name)',
    tags,
    query: teamListQuerySchema,
    response: pageOf(liaisonTeamSchema),
    handler: ({ query, ctx }) => liaison.teams(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/liaison/cadres',
    operationId: 'getLiaisonCadres',
    summary: 'Cadres holding the liaison role in the caller’s area, with how many entities each looks after',
    tags,
    query: cadreQuerySchema,
    response: z.array(liaisonCadreSchema),
    handler: ({ query, ctx }) => liaison.cadres(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/liaison/teams',
    operationId: 'postLiaisonTeams',
    summary: 'Form a team (e.g. three cadres, one leader)',
    tags,
    body: liaisonTeamBodySchema,
    response: liaisonTeamSchema,
    handler: ({ body, ctx }) => liaison.createTeam(ctx, body),
  });
  route(app, {
    method: 'PUT',
    url: '/api/liaison/teams/:id',
    operationId: 'putLiaisonTeamsById',
    errors: [409],
    summary: 'Rename a team or change its members and leader; 409 when it changed since `version` was read',
    tags,
    params: idParamSchema,
    body: liaisonTeamUpdateSchema,
    response: liaisonTeamSchema,
    handler: ({ params, body, ctx }) => liaison.updateTeam(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/liaison/teams/:id/dissolve',
    operationId: 'postLiaisonTeamsByIdDissolve',
    errors: [409],
    summary: 'Dissolve a team; 409 with the count while it still looks after entities (reassign them first)',
    tags,
    params: idParamSchema,
    response: okSchema,
    handler: async ({ params, ctx }) => (await liaison.dissolveTeam(ctx, params.id), { ok: true as const }),
  });
  route(app, {
    method: 'GET',
    url: '/api/liaison/coverage',
    operationId: 'getLiaisonCoverage',
    summary: 'Per entity kind: how many have a liaison (uncovered: /api/registry/entities?coverage=noLiaison)',
    tags,
    query: z.object({ regionCode: z.string().max(20).optional() }),
    response: coverageSchema,
    handler: ({ query, ctx }) => liaison.coverage(ctx, query.regionCode),
  });
  route(app, {
    method: 'POST',
    url: '/api/liaison/visits',
    operationId: 'postLiaisonVisits',
    summary: 'Log a visit; each problem found becomes a ticket',
    tags,
    body: createVisitBodySchema,
    response: visitSchema,
    handler: ({ body, ctx }) => liaison.logVisit(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/liaison/visits',
    operationId: 'getLiaisonVisits',
    summary: 'Visit log of the caller’s area (a liaison’s own), by date range, mode, liaison name, entity name and region',
    tags,
    query: visitListQuerySchema,
    response: pageOf(visitSchema),
    handler: ({ query, ctx }) => visitLog.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/liaison/visits/export',
    operationId: 'getLiaisonVisitsExport',
    summary: 'The filtered visit log as .xlsx (same filters and area as the list; audited)',
    tags,
    query: visitFilterSchema,
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(reply, `liaison-visits-${localDate(core.clock.now())}.xlsx`, await visitLog.exportXlsx(ctx, query)),
  });
  route(app, {
    method: 'GET',
    url: '/api/liaison/visits/:id',
    operationId: 'getLiaisonVisitsById',
    summary: 'One visit with the tickets its problems became',
    tags,
    params: idParamSchema,
    response: visitDetailSchema,
    handler: ({ params, ctx }) => visitLog.get(ctx, params.id),
  });
  // 走访照片: PNG/JPG added by the liaison right after logging the visit
  recordFileRoutes(app, { base: '/api/liaison/visits', tags, what: 'visit', attach: visitPhotos.attach, open: visitPhotos.open });
  route(app, {
    method: 'GET',
    url: '/api/liaison/visits/:id/photos',
    operationId: 'getLiaisonVisitsByIdPhotos',
    summary: 'Photos of a visit',
    tags,
    params: idParamSchema,
    response: z.array(recordFileSchema),
    handler: ({ params, ctx }) => visitPhotos.list(ctx, params.id),
  });
}
