import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  convertProblemBodySchema,
  convertProblemResultSchema,
  dailyReportInputSchema,
  dailyReportSchema,
  dailyReportVersionSchema,
  dateSchema,
  idParamSchema,
  missingReportSchema,
  missingReportsQuerySchema,
  myReportsSchema,
  pageOf,
  remindBodySchema,
  remindResultSchema,
  reportAlertSchema,
  reportListQuerySchema,
  reportProblemSchema,
  reportProblemsQuerySchema,
  reviewDueQuerySchema,
  reviewDueSchema,
  reviewInputSchema,
  reviewSchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import { sendXlsx } from '../../platform/excel';
import type { AppServices } from '../../platform/module';

const entityQuery = z.object({ entityId: z.coerce.number().int().positive().optional() });

export function reportsRoutes(app: FastifyInstance, { dailyReports, reviews, reportProblems }: AppServices): void {
  const tags = ['reports'];
  route(app, {
    method: 'GET',
    url: '/api/reports/problems',
    operationId: 'getReportsProblems',
    summary:
      'Recent daily reports whose problems field is filled, with the ticket each became (filter converted / not converted)',
    tags,
    query: reportProblemsQuerySchema,
    response: pageOf(reportProblemSchema),
    handler: ({ query, ctx }) => reportProblems.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/reports/problems/export',
    operationId: 'getReportsProblemsExport',
    summary: 'The filtered list of reports with problems as .xlsx',
    tags,
    query: reportProblemsQuerySchema.omit({ page: true, pageSize: true }),
    handler: async ({ query, ctx, reply }) => {
      const buf = await reportProblems.exportXlsx(ctx, query);
      return sendXlsx(reply, `report-problems-${query.to ?? 'recent'}.xlsx`, buf);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/reports/daily/:id/ticket',
    operationId: 'postReportsDailyByIdTicket',
    errors: [409],
    summary: '转为问题单: turn the report’s problems into a ticket; a second call returns the same ticket',
    tags,
    params: idParamSchema,
    body: convertProblemBodySchema,
    response: convertProblemResultSchema,
    handler: ({ params, body, ctx }) => reportProblems.convert(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/reports/mine',
    operationId: 'getReportsMine',
    summary: 'The signed-in enterprise’s entity, whether it may report today, and its recent daily reports',
    tags,
    query: entityQuery,
    response: myReportsSchema,
    handler: ({ query, ctx }) => dailyReports.mine(ctx, query.entityId),
  });
  route(app, {
    method: 'POST',
    url: '/api/reports/daily',
    operationId: 'postReportsDaily',
    errors: [404, 409],
    summary: 'Submit the day’s report 一日一报; the same day again replaces it (history kept)',
    tags,
    body: dailyReportInputSchema.extend({ entityId: z.number().int().positive().optional() }),
    response: dailyReportSchema,
    handler: ({ body, ctx }) => dailyReports.submit(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/reports/daily',
    operationId: 'getReportsDaily',
    summary: 'Reports of a day in a region subtree (optionally only the abnormal ones)',
    tags,
    query: reportListQuerySchema,
    response: pageOf(dailyReportSchema),
    handler: ({ query, ctx }) => dailyReports.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/reports/daily/:id/versions',
    operationId: 'getReportsDailyByIdVersions',
    summary: 'Every submission of one day’s report, newest first',
    tags,
    params: idParamSchema,
    response: z.array(dailyReportVersionSchema),
    handler: ({ params, ctx }) => dailyReports.versions(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/reports/missing',
    operationId: 'getReportsMissing',
    errors: [404],
    summary: 'Resumed entities that have not reported for the day',
    tags,
    query: missingReportsQuerySchema,
    response: pageOf(missingReportSchema),
    handler: ({ query, ctx }) => dailyReports.missing(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/reports/missing/export',
    operationId: 'getReportsMissingExport',
    summary: 'The not-reported list as .xlsx',
    tags,
    query: missingReportsQuerySchema.omit({ page: true, pageSize: true }),
    handler: async ({ query, ctx, reply }) => {
      const buf = await dailyReports.exportMissing(ctx, query);
      const name = `${ctx.locale === 'en' ? 'not-reported' : '未报送'}-${query.date ?? 'today'}.xlsx`;
      return sendXlsx(reply, name, buf);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/reports/missing/remind',
    operationId: 'postReportsMissingRemind',
    summary: 'Remind the entities that have not reported (all in scope, or the ones named)',
    tags,
    body: remindBodySchema,
    response: remindResultSchema,
    handler: ({ body, ctx }) => dailyReports.remind(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/reports/alerts',
    operationId: 'getReportsAlerts',
    summary: 'Fever and suspected-case alerts of a day in a region subtree, newest first',
    tags,
    query: z.object({ regionCode: z.string().optional(), date: dateSchema.optional() }),
    response: z.array(reportAlertSchema),
    handler: ({ query, ctx }) => dailyReports.alerts(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/reports/reviews/due',
    operationId: 'getReportsReviewsDue',
    summary: 'Five-day reviews due (or overdue) in the caller’s area, earliest first',
    tags,
    query: reviewDueQuerySchema,
    response: pageOf(reviewDueSchema),
    handler: ({ query, ctx }) => reviews.due(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/reports/reviews',
    operationId: 'postReportsReviews',
    errors: [404],
    summary: 'Record a five-day review (on site or by phone) with its findings',
    tags,
    body: reviewInputSchema,
    response: reviewSchema,
    handler: ({ body, ctx }) => reviews.record(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/reports/reviews',
    operationId: 'getReportsReviews',
    summary: 'Reviews of one entity, newest first',
    tags,
    query: z.object({ entityId: z.coerce.number().int().positive() }),
    response: z.array(reviewSchema),
    handler: ({ query, ctx }) => reviews.ofEntity(ctx, query.entityId),
  });
}
