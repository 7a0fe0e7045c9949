import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  jobApplicationBodySchema,
  jobApplicationListQuerySchema,
  jobApplicationReceiptSchema,
  jobApplicationSchema,
  jobApplicationStatusBodySchema,
  idParamSchema,
  jobFairBodySchema,
  jobFairListQuerySchema,
  jobFairQrSchema,
  jobFairSchema,
  okSchema,
  pageOf,
  postingBodySchema,
  postingListQuerySchema,
  postingReviewBodySchema,
  postingSchema,
  publicFairSchema,
  publicPostingQuerySchema,
  publicPostingSchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import { sendXlsx } from '../../platform/excel';
import { localDate } from '../../platform/clock';
import type { AppServices } from '../../platform/module';
import { labourMoreRoutes } from './labour-more.routes';

const tokenParam = z.object({ token: z.string().min(8).max(40) });

/** Job fairs, postings and applications; shared staff, transport, survey and figures in labour-more.routes.ts. */
export function labourRoutes(app: FastifyInstance, services: AppServices): void {
  const { labour, core } = services;
  const tags = ['labour'];
  const publicRate = { max: core.config.publicRatePerMinute, timeWindow: '1 minute' };

  route(app, {
    method: 'GET',
    url: '/api/public/labour/fairs/:token',
    operationId: 'getPublicLabourFair',
    errors: [404],
    summary: 'A job fair’s public page: the fair and its published postings with places left',
    tags,
    public: true,
    rateLimit: publicRate,
    params: tokenParam,
    response: publicFairSchema,
    handler: ({ params }) => labour.fairs.publicFair(params.token),
  });
  route(app, {
    method: 'POST',
    url: '/api/public/labour/fairs/:token/visit',
    operationId: 'postPublicLabourFairVisit',
    errors: [404],
    summary: 'Counts one visit of the fair’s public page (the day’s counter)',
    tags,
    public: true,
    rateLimit: publicRate,
    params: tokenParam,
    response: okSchema,
    handler: async ({ params }) => {
      await labour.fairs.visit(params.token);
      return { ok: true as const };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/public/labour/postings',
    operationId: 'getPublicLabourPostings',
    summary: 'Published postings with places left, for job seekers',
    tags,
    public: true,
    rateLimit: publicRate,
    query: publicPostingQuerySchema,
    response: pageOf(publicPostingSchema),
    handler: ({ query }) => labour.postings.publicList(query),
  });
  route(app, {
    method: 'POST',
    url: '/api/public/labour/postings/:id/applications',
    operationId: 'postPublicLabourPostingApplication',
    errors: [404, 409],
    summary: 'Apply for a posting without an account: name and mobile; once per phone and posting (409 on the phone field)',
    tags,
    public: true,
    rateLimit: { max: 10, timeWindow: '10 minutes' },
    bodyLimit: 8 * 1024,
    params: idParamSchema,
    body: jobApplicationBodySchema,
    response: jobApplicationReceiptSchema,
    handler: ({ params, body, ctx }) => labour.postings.apply(ctx, params.id, body, 'public'),
  });

  route(app, {
    method: 'POST',
    url: '/api/labour/fairs',
    operationId: 'postLabourFairs',
    summary: 'Organise a job fair (labour bureau)',
    tags,
    body: jobFairBodySchema,
    response: jobFairSchema,
    handler: ({ body, ctx }) => labour.fairs.create(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/fairs',
    operationId: 'getLabourFairs',
    summary: 'Job fairs of the caller’s area (an enterprise: those covering its place) with visits, postings and hires',
    tags,
    query: jobFairListQuerySchema,
    response: pageOf(jobFairSchema),
    handler: ({ query, ctx }) => labour.fairs.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/fairs/:id',
    operationId: 'getLabourFairsById',
    summary: 'One job fair with its figures',
    tags,
    params: idParamSchema,
    response: jobFairSchema,
    handler: ({ params, ctx }) => labour.fairs.get(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/fairs/:id/qr',
    operationId: 'getLabourFairsByIdQr',
    summary: 'The fair’s public page address and its QR code (PNG data URL)',
    tags,
    params: idParamSchema,
    response: jobFairQrSchema,
    handler: ({ params, ctx, req }) => labour.fairs.qr(ctx, params.id, `${req.protocol}://${req.host}`),
  });

  route(app, {
    method: 'POST',
    url: '/api/labour/postings',
    operationId: 'postLabourPostings',
    summary: 'Post a job for a registered, resumed entity; it goes to the labour bureau for review',
    tags,
    body: postingBodySchema,
    response: postingSchema,
    handler: ({ body, ctx }) => labour.postings.create(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/postings',
    operationId: 'getLabourPostings',
    summary: 'Postings of the caller’s area or the caller’s own entity',
    tags,
    query: postingListQuerySchema,
    response: pageOf(postingSchema),
    handler: ({ query, ctx }) => labour.postings.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/postings/export',
    operationId: 'getLabourPostingsExport',
    summary: 'The filtered postings as .xlsx',
    tags,
    query: postingListQuerySchema.omit({ page: true, pageSize: true }),
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(reply, `postings-${localDate(core.clock.now())}.xlsx`, await labour.exports.postings(ctx, query)),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/postings/:id',
    operationId: 'getLabourPostingsById',
    summary: 'One posting',
    tags,
    params: idParamSchema,
    response: postingSchema,
    handler: ({ params, ctx }) => labour.postings.get(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/labour/postings/:id/review',
    operationId: 'postLabourPostingsByIdReview',
    errors: [409],
    summary: 'Approve (publish) or reject a posting waiting for review',
    tags,
    params: idParamSchema,
    body: postingReviewBodySchema,
    response: postingSchema,
    handler: ({ params, body, ctx }) => labour.postings.review(ctx, params.id, body.approve, body.note ?? null),
  });
  route(app, {
    method: 'POST',
    url: '/api/labour/postings/:id/close',
    operationId: 'postLabourPostingsByIdClose',
    errors: [409],
    summary: 'Take a published posting down',
    tags,
    params: idParamSchema,
    response: postingSchema,
    handler: ({ params, ctx }) => labour.postings.close(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/labour/postings/:id/applications',
    operationId: 'postLabourPostingsByIdApplications',
    errors: [409],
    summary: 'Enter an application taken by phone (labour bureau)',
    tags,
    params: idParamSchema,
    body: jobApplicationBodySchema,
    response: jobApplicationReceiptSchema,
    handler: ({ params, body, ctx }) => labour.postings.apply(ctx, params.id, body, 'officer'),
  });
  route(app, {
    method: 'GET',
    url: '/api/labour/applications',
    operationId: 'getLabourApplications',
    summary: 'Applicants of the caller’s postings (phones masked)',
    tags,
    query: jobApplicationListQuerySchema,
    response: pageOf(jobApplicationSchema),
    handler: ({ query, ctx }) => labour.postings.applications(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/labour/applications/:id/status',
    operationId: 'postLabourApplicationsByIdStatus',
    errors: [409],
    summary: 'Mark interview / intention / hired / rejected; a hire takes a place (409 when none is left)',
    tags,
    params: idParamSchema,
    body: jobApplicationStatusBodySchema,
    response: jobApplicationSchema,
    handler: ({ params, body, ctx }) => labour.postings.setApplicationStatus(ctx, params.id, body.status),
  });
  labourMoreRoutes(app, services);
}
