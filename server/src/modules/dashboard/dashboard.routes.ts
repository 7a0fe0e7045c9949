import type { FastifyInstance } from 'fastify';
import { dashboardQuerySchema, dashboardSummarySchema, trendQuerySchema, trendSchema } from '@fugong/contract';
import { route } from '../../platform/http';
import { sendXlsx } from '../../platform/excel';
import type { AppServices } from '../../platform/module';
import { briefingXlsx } from './briefing';

export function dashboardRoutes(app: FastifyInstance, { dashboard }: AppServices): void {
  const tags = ['dashboard'];
  route(app, {
    method: 'GET',
    url: '/api/dashboard/summary',
    operationId: 'getDashboardSummary',
    errors: [404],
    summary:
      'Resumption, capacity and attendance rates of a region subtree on a day, by category, sector, industry and child region',
    tags,
    query: dashboardQuerySchema,
    response: dashboardSummarySchema,
    handler: ({ query, ctx }) => dashboard.summary(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/dashboard/trend',
    operationId: 'getDashboardTrend',
    summary: 'The rates day by day up to a date',
    tags,
    query: trendQuerySchema,
    response: trendSchema,
    handler: ({ query, ctx }) => dashboard.trend(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/dashboard/briefing.xlsx',
    operationId: 'getDashboardBriefingXlsx',
    summary: 'The day’s figures as an .xlsx briefing',
    tags,
    query: dashboardQuerySchema,
    handler: async ({ query, ctx, reply }) => {
      const s = await dashboard.summary(ctx, query);
      const buf = await briefingXlsx(s, ctx.locale);
      const name = `${ctx.locale === 'en' ? 'briefing' : '复工复产日报'}-${s.regionName || 'all'}-${s.date}.xlsx`;
      return sendXlsx(reply, name, buf);
    },
  });
}
