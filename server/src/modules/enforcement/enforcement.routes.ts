import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  inspectionChecklistBodySchema,
  inspectionChecklistSchema,
  createInspectionBodySchema,
  idParamSchema,
  inspectionListQuerySchema,
  inspectionSchema,
  liftClosureBodySchema,
  noticeSchema,
  okSchema,
  pageOf,
  premisesTypeSchema,
  reinspectBodySchema,
  tallyQuerySchema,
  tallySchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import type { Services } from '../../services';

export function enforcementRoutes(app: FastifyInstance, { enforcement }: Services): void {
  const tags = ['enforcement'];
  const typeParam = z.object({ type: premisesTypeSchema });
  route(app, { method: 'GET', url: '/api/enforcement/checklists/:type', summary: 'The checklist of a premises type', tags, params: typeParam, response: inspectionChecklistSchema, handler: ({ params, ctx }) => enforcement.checklist(ctx, params.type) });
  route(app, { method: 'PUT', url: '/api/enforcement/checklists/:type', summary: 'Replace the checklist of a premises type (admin)', tags, params: typeParam, body: inspectionChecklistBodySchema, response: inspectionChecklistSchema, handler: ({ params, body, ctx }) => enforcement.setChecklist(ctx, params.type, body.items) });
  route(app, { method: 'POST', url: '/api/enforcement/inspections', summary: 'Record an inspection: checklist, problems, fixed on the spot, and a notice or closure order', tags, body: createInspectionBodySchema, response: inspectionSchema, handler: ({ body, ctx }) => enforcement.inspect(ctx, body) });
  route(app, { method: 'GET', url: '/api/enforcement/inspections', summary: 'Inspections in the caller’s area', tags, query: inspectionListQuerySchema, response: pageOf(inspectionSchema), handler: ({ query, ctx }) => enforcement.list(ctx, query) });
  route(app, { method: 'GET', url: '/api/enforcement/inspections/:id', summary: 'One inspection', tags, params: idParamSchema, response: inspectionSchema, handler: ({ params, ctx }) => enforcement.get(ctx, params.id) });
  route(app, { method: 'GET', url: '/api/enforcement/notices/:id', summary: 'A rectification notice (printable)', tags, params: idParamSchema, response: noticeSchema, handler: ({ params, ctx }) => enforcement.notice(ctx, params.id) });
  route(app, { method: 'POST', url: '/api/enforcement/notices/:id/reinspect', summary: 'Re-inspect after the deadline: rectified, or a closure order', tags, params: idParamSchema, body: reinspectBodySchema, response: noticeSchema, handler: ({ params, body, ctx }) => enforcement.reinspect(ctx, params.id, body) });
  route(app, {
    method: 'POST',
    url: '/api/enforcement/closures/:id/lift',
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
  route(app, { method: 'GET', url: '/api/enforcement/tally', summary: 'Inspector-visits, premises, problems, fixed on the spot, notices, closures for a period and region', tags, query: tallyQuerySchema, response: tallySchema, handler: ({ query, ctx }) => enforcement.tally(ctx, query) });
}
