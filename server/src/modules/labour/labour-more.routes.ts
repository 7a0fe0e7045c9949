import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  idParamSchema,
  intentionBodySchema,
  intentionListQuerySchema,
  intentionSchema,
  labourStatsQuerySchema,
  labourStatsSchema,
  pageOf,
  passengerBodySchema,
  passengerSchema,
  placementBodySchema,
  placementSchema,
  pageQuerySchema,
  sharedStaffBodySchema,
  sharedStaffListQuerySchema,
  sharedStaffSchema,
  surveyProgressSchema,
  transportBatchBodySchema,
  transportBatchSchema,
  transportListQuerySchema,
  transportStatusBodySchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import { sendXlsx } from '../../platform/excel';
import { localDate } from '../../platform/clock';
import type { AppServices } from '../../platform/module';

const batchDetailSchema = transportBatchSchema.extend({ passengers: z.array(passengerSchema) });

/** Shared employees, point-to-point transport, the labour-export survey and the figures. */
export function labourMoreRoutes(app: FastifyInstance, { labour, core }: AppServices): void {
  const tags = ['labour'];
  const today = () => localDate(core.clock.now());

  route(app, {
    method: 'POST',
    url: '/api/labour/shared',
    operationId: 'postLabourShared',
    summary: 'Offer idle staff or request workers for a period (共享员工)',
    tags,
    body: sharedStaffBodySchema,
    response: sharedStaffSchema,
    handler: ({ body, ctx }) => labour.shared.create(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/shared',
    operationId: 'getLabourShared',
    summary: 'Offers and requests of the caller’s area or own entity',
    tags,
    query: sharedStaffListQuerySchema,
    response: pageOf(sharedStaffSchema),
    handler: ({ query, ctx }) => labour.shared.list(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/labour/placements',
    operationId: 'postLabourPlacements',
    errors: [409],
    summary: 'Match an offer to a request (commerce or labour bureau); never more workers than either has left',
    tags,
    body: placementBodySchema,
    response: placementSchema,
    handler: ({ body, ctx }) => labour.shared.match(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/placements',
    operationId: 'getLabourPlacements',
    summary: 'Shared-employee placements of the caller’s area or own entity',
    tags,
    query: pageQuerySchema,
    response: pageOf(placementSchema),
    handler: ({ query, ctx }) => labour.shared.placements(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/labour/placements/:id/confirm',
    operationId: 'postLabourPlacementsByIdConfirm',
    errors: [409],
    summary: 'The lending or the borrowing enterprise confirms its side',
    tags,
    params: idParamSchema,
    response: placementSchema,
    handler: ({ params, ctx }) => labour.shared.confirm(ctx, params.id),
  });

  route(app, {
    method: 'POST',
    url: '/api/labour/transport',
    operationId: 'postLabourTransport',
    summary: 'Plan a point-to-point batch bringing workers back (点对点)',
    tags,
    body: transportBatchBodySchema,
    response: transportBatchSchema,
    handler: ({ body, ctx }) => labour.transport.create(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/transport',
    operationId: 'getLabourTransport',
    summary: 'Transport batches of the caller’s area',
    tags,
    query: transportListQuerySchema,
    response: pageOf(transportBatchSchema),
    handler: ({ query, ctx }) => labour.transport.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/transport/:id',
    operationId: 'getLabourTransportById',
    summary: 'One batch with its passengers (masked)',
    tags,
    params: idParamSchema,
    response: batchDetailSchema,
    handler: ({ params, ctx }) => labour.transport.get(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/labour/transport/:id/passengers',
    operationId: 'postLabourTransportByIdPassengers',
    errors: [409],
    summary: 'Name a passenger; a seat is taken (409 when none is left or the vehicle has left)',
    tags,
    params: idParamSchema,
    body: passengerBodySchema,
    response: batchDetailSchema,
    handler: ({ params, body, ctx }) => labour.transport.addPassenger(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/labour/transport/:id/status',
    operationId: 'postLabourTransportByIdStatus',
    errors: [409],
    summary: 'planned → departed → arrived',
    tags,
    params: idParamSchema,
    body: transportStatusBodySchema,
    response: batchDetailSchema,
    handler: ({ params, body, ctx }) => labour.transport.advance(ctx, params.id, body.status),
  });

  route(app, {
    method: 'POST',
    url: '/api/labour/survey',
    operationId: 'postLabourSurvey',
    summary: 'Record a household member’s labour-export intention (a later visit updates it)',
    tags,
    body: intentionBodySchema,
    response: intentionSchema,
    handler: ({ body, ctx }) => labour.survey.record(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/survey',
    operationId: 'getLabourSurvey',
    errors: [404],
    summary: 'Recorded intentions of the caller’s area',
    tags,
    query: intentionListQuerySchema,
    response: pageOf(intentionSchema),
    handler: ({ query, ctx }) => labour.survey.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/survey/progress',
    operationId: 'getLabourSurveyProgress',
    errors: [404],
    summary: 'Households and answers per village / grid',
    tags,
    query: z.object({ regionCode: z.string().max(20).optional() }),
    response: surveyProgressSchema,
    handler: ({ query, ctx }) => labour.survey.progress(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/survey/export',
    operationId: 'getLabourSurveyExport',
    errors: [404],
    summary: 'The filtered intentions as .xlsx',
    tags,
    query: intentionListQuerySchema.omit({ page: true, pageSize: true }),
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(reply, `labour-survey-${today()}.xlsx`, await labour.exports.survey(ctx, query)),
  });

  route(app, {
    method: 'GET',
    url: '/api/labour/stats',
    operationId: 'getLabourStats',
    errors: [404],
    summary:
      'Fairs, visits, postings, places, applicants, intentions, hires, shared workers, transported workers, survey — for a region and period, per child region',
    tags,
    query: labourStatsQuerySchema,
    response: labourStatsSchema,
    handler: ({ query, ctx }) => labour.stats.stats(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/stats/export',
    operationId: 'getLabourStatsExport',
    errors: [404],
    summary: 'The figures per child region as .xlsx',
    tags,
    query: labourStatsQuerySchema,
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(reply, `labour-figures-${today()}.xlsx`, await labour.exports.stats(ctx, query)),
  });
}
