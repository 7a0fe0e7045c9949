import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  closureListQuerySchema,
  closureSchema,
  inspectionChecklistBodySchema,
  inspectionChecklistSchema,
  createInspectionBodySchema,
  dateSchema,
  idParamSchema,
  inspectionListQuerySchema,
  inspectionSchema,
  inspectionVisitSchema,
  liftClosureBodySchema,
  noticeListQuerySchema,
  noticeSchema,
  okSchema,
  pageOf,
  pageQuerySchema,
  premisesTypeSchema,
  reinspectBodySchema,
  roundBodySchema,
  roundListQuerySchema,
  roundSchema,
  tallyQuerySchema,
  tallyReportSchema,
  tallySchema,
} from '@fugong/contract';
import { localDate } from '../../platform/clock';
import { sendXlsx } from '../../platform/excel';
import { route } from '../../platform/http';
import type { AppServices } from '../../platform/module';

export function enforcementRoutes(app: FastifyInstance, { enforcement, core }: AppServices): void {
  const tags = ['enforcement'];
  const typeParam = z.object({ type: premisesTypeSchema });
  route(app, {
    method: 'GET',
    url: '/api/enforcement/checklists/:type',
    operationId: 'getEnforcementChecklistsByType',
    summary: 'The checklist of a premises type (deactivated items included, marked)',
    tags,
    params: typeParam,
    response: inspectionChecklistSchema,
    handler: ({ params, ctx }) => enforcement.checklist(ctx, params.type),
  });
  route(app, {
    method: 'PUT',
    url: '/api/enforcement/checklists/:type',
    operationId: 'putEnforcementChecklistsByType',
    summary: 'Replace the checklist of a premises type (admin); items are deactivated, never removed',
    tags,
    params: typeParam,
    body: inspectionChecklistBodySchema,
    response: inspectionChecklistSchema,
    handler: ({ params, body, ctx }) => enforcement.setChecklist(ctx, params.type, body.items),
  });

  route(app, {
    method: 'GET',
    url: '/api/enforcement/rounds',
    operationId: 'getEnforcementRounds',
    summary: 'Inspection rounds 专项行动 of the caller’s area and those covering it',
    tags,
    query: roundListQuerySchema,
    response: pageOf(roundSchema),
    handler: ({ query, ctx }) => enforcement.rounds(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/enforcement/rounds',
    operationId: 'postEnforcementRounds',
    summary: 'Start a round: a named campaign over a period and region',
    tags,
    body: roundBodySchema,
    response: roundSchema,
    handler: ({ body, ctx }) => enforcement.createRound(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/enforcement/rounds/:id',
    operationId: 'getEnforcementRoundsById',
    summary: 'One round',
    tags,
    params: idParamSchema,
    response: roundSchema,
    handler: ({ params, ctx }) => enforcement.round(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/enforcement/rounds/:id/close',
    operationId: 'postEnforcementRoundsByIdClose',
    errors: [409],
    summary: 'Close a round: no more visits are recorded for it',
    tags,
    params: idParamSchema,
    response: roundSchema,
    handler: ({ params, ctx }) => enforcement.closeRound(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/enforcement/visits',
    operationId: 'getEnforcementVisits',
    summary: 'The caller’s own visits 出动 (to add the next premises to one)',
    tags,
    query: pageQuerySchema.extend({ visitedOn: dateSchema.optional(), roundId: z.coerce.number().int().positive().optional() }),
    response: pageOf(inspectionVisitSchema),
    handler: ({ query, ctx }) => enforcement.visits(ctx, query),
  });

  route(app, {
    method: 'POST',
    url: '/api/enforcement/inspections',
    operationId: 'postEnforcementInspections',
    errors: [409],
    summary:
      'Record an inspection (a new visit, or the next premises of one): checklist, problems, fixed on the spot, and a notice or closure order; a pre-opening inspection decides the filing’s on-site review',
    tags,
    body: createInspectionBodySchema,
    response: inspectionSchema,
    handler: ({ body, ctx }) => enforcement.inspect(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/enforcement/inspections',
    operationId: 'getEnforcementInspections',
    summary: 'Inspections in the caller’s area',
    tags,
    query: inspectionListQuerySchema,
    response: pageOf(inspectionSchema),
    handler: ({ query, ctx }) => enforcement.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/enforcement/inspections/:id',
    operationId: 'getEnforcementInspectionsById',
    summary: 'One inspection',
    tags,
    params: idParamSchema,
    response: inspectionSchema,
    handler: ({ params, ctx }) => enforcement.get(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/enforcement/notices',
    operationId: 'getEnforcementNotices',
    summary: 'Rectification notices in the caller’s area',
    tags,
    query: noticeListQuerySchema,
    response: pageOf(noticeSchema),
    handler: ({ query, ctx }) => enforcement.notices(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/enforcement/notices/:id',
    operationId: 'getEnforcementNoticesById',
    summary: 'A rectification notice (printable)',
    tags,
    params: idParamSchema,
    response: noticeSchema,
    handler: ({ params, ctx }) => enforcement.notice(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/enforcement/notices/:id/reinspect',
    operationId: 'postEnforcementNoticesByIdReinspect',
    errors: [409],
    summary: 'Re-inspect after the deadline: rectified closes the notice, otherwise a closure order',
    tags,
    params: idParamSchema,
    body: reinspectBodySchema,
    response: noticeSchema,
    handler: ({ params, body, ctx }) => enforcement.reinspect(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/enforcement/closures',
    operationId: 'getEnforcementClosures',
    summary: 'Closure orders 关停 in the caller’s area (active=true: still in force)',
    tags,
    query: closureListQuerySchema,
    response: pageOf(closureSchema),
    handler: ({ query, ctx }) => enforcement.closures(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/enforcement/closures/:id/lift',
    operationId: 'postEnforcementClosuresByIdLift',
    errors: [409],
    summary: 'Lift a closure order; the entity reopens',
    tags,
    params: idParamSchema,
    body: liftClosureBodySchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => {
      await enforcement.liftClosure(ctx, params.id, body.reason);
      return { ok: true as const };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/enforcement/tally',
    operationId: 'getEnforcementTally',
    summary: 'Inspector-visits, premises visited, problems, fixed on the spot, notices, closures for a period, region and round',
    tags,
    query: tallyQuerySchema,
    response: tallySchema,
    handler: ({ query, ctx }) => enforcement.tally(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/enforcement/tally/report',
    operationId: 'getEnforcementTallyReport',
    summary: 'The tally of a region and of each child region',
    tags,
    query: tallyQuerySchema,
    response: tallyReportSchema,
    handler: ({ query, ctx }) => enforcement.tallyReport(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/enforcement/tally/export',
    operationId: 'getEnforcementTallyExport',
    summary: 'The tally report as .xlsx',
    tags,
    query: tallyQuerySchema,
    handler: async ({ query, ctx, reply }) => {
      const buf = await enforcement.tallyXlsx(ctx, query);
      return sendXlsx(reply, `enforcement-tally-${localDate(core.clock.now())}.xlsx`, buf);
    },
  });
}
