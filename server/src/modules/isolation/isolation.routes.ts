import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  assessmentInputSchema,
  assessmentListQuerySchema,
  assessmentSchema,
  campaignInputSchema,
  campaignSchema,
  gridProgressSchema,
  idParamSchema,
  isolationCheckinInputSchema,
  isolationCheckinSchema,
  isolationListQuerySchema,
  isolationNoticeSchema,
  isolationSchema,
  okSchema,
  pageOf,
  publicCheckinViewSchema,
  releaseInputSchema,
  ruleSetInputSchema,
  ruleSetSchema,
  ruleVersionSchema,
  screeningVisitInputSchema,
  sealedBuildingInputSchema,
  sealedBuildingSchema,
  sealedListQuerySchema,
  sealedReportSchema,
  sealedStatusInputSchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import { sendXlsx } from '../../platform/excel';
import { localDate } from '../../platform/clock';
import type { AppServices } from '../../platform/module';

const ok = { ok: true as const };
const tokenParams = z.object({ token: z.string().min(10).max(64) });
const created = z.object({ id: z.number().int() });

export function isolationRoutes(app: FastifyInstance, { isolation, sealedBuildings, screening, core }: AppServices): void {
  const stamp = () => localDate(core.clock.now());
  route(app, {
    method: 'GET',
    url: '/api/isolation/rules',
    operationId: 'getIsolationRules',
    summary: 'Current risk-assessment rules (versioned)',
    tags: ['isolation'],
    response: ruleSetSchema,
    handler: ({ ctx }) => isolation.rules(ctx),
  });
  route(app, {
    method: 'PUT',
    url: '/api/isolation/rules',
    operationId: 'putIsolationRules',
    summary: 'Save the rules as a new version',
    tags: ['isolation'],
    body: ruleSetInputSchema,
    response: z.object({ version: z.number().int() }),
    handler: async ({ body, ctx }) => ({ version: await isolation.saveRules(ctx, body.rules) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/isolation/rules/versions',
    operationId: 'getIsolationRulesVersions',
    summary: 'Saved versions of the risk-assessment rules, newest first',
    tags: ['isolation'],
    response: z.object({ items: z.array(ruleVersionSchema) }),
    handler: async ({ ctx }) => ({ items: await isolation.ruleVersions(ctx) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/isolation/rules/versions/:version',
    operationId: 'getIsolationRulesVersionsByVersion',
    summary: 'One saved version of the rules',
    tags: ['isolation'],
    params: z.object({ version: z.coerce.number().int().positive() }),
    response: ruleSetSchema,
    handler: ({ params, ctx }) => isolation.ruleVersion(ctx, params.version),
  });
  route(app, {
    method: 'POST',
    url: '/api/isolation/assessments',
    operationId: 'postIsolationAssessments',
    errors: [409],
    summary: 'Assess a returning worker; starts the isolation the measure calls for',
    tags: ['isolation'],
    body: assessmentInputSchema,
    response: z.object({ assessmentId: z.number().int(), isolationId: z.number().int().nullable(), outcome: assessmentSchema }),
    handler: ({ body, ctx }) => isolation.assess(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/isolation/assessments',
    operationId: 'getIsolationAssessments',
    summary: 'Assessments (without health facts)',
    tags: ['isolation'],
    query: assessmentListQuerySchema,
    response: pageOf(assessmentSchema),
    handler: ({ query, ctx }) => isolation.assessments(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/isolation/assessments/:id',
    operationId: 'getIsolationAssessmentsById',
    summary: 'One assessment with its facts (logged)',
    tags: ['isolation'],
    params: idParamSchema,
    response: assessmentSchema,
    handler: ({ params, ctx }) => isolation.assessment(ctx, params.id),
  });

  route(app, {
    method: 'GET',
    url: '/api/isolations',
    operationId: 'getIsolations',
    summary: 'Isolations in the caller’s area',
    tags: ['isolation'],
    query: isolationListQuerySchema,
    response: pageOf(isolationSchema),
    handler: ({ query, ctx }) => isolation.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/isolations/export',
    operationId: 'getIsolationsExport',
    summary: 'The filtered isolations with check-in status as .xlsx (ID numbers masked; audited)',
    tags: ['isolation'],
    query: isolationListQuerySchema.omit({ page: true, pageSize: true }),
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(
        reply,
        `${ctx.locale === 'en' ? 'isolations' : '隔离管理'}-${stamp()}.xlsx`,
        await isolation.exportXlsx(ctx, query),
      ),
  });
  route(app, {
    method: 'GET',
    url: '/api/isolations/:id',
    operationId: 'getIsolationsById',
    summary: 'One isolation (logged)',
    tags: ['isolation'],
    params: idParamSchema,
    response: isolationSchema,
    handler: ({ params, ctx }) => isolation.get(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/isolations/:id/checkins',
    operationId: 'getIsolationsByIdCheckins',
    summary: 'Daily check-ins',
    tags: ['isolation'],
    params: idParamSchema,
    response: z.object({ items: z.array(isolationCheckinSchema) }),
    handler: async ({ params, ctx }) => ({ items: await isolation.checkins(ctx, params.id) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/isolations/:id/checkins',
    operationId: 'postIsolationsByIdCheckins',
    summary: 'Check-in recorded by the grid worker',
    tags: ['isolation'],
    params: idParamSchema,
    body: isolationCheckinInputSchema,
    response: z.object({ fever: z.boolean() }),
    handler: ({ params, body, ctx }) => isolation.staffCheckin(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/isolations/:id/notice',
    operationId: 'getIsolationsByIdNotice',
    summary: '隔离时限告知书 data for printing (name masked)',
    tags: ['isolation'],
    params: idParamSchema,
    response: isolationNoticeSchema,
    handler: ({ params, ctx }) => isolation.notice(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/isolations/:id/release',
    operationId: 'postIsolationsByIdRelease',
    errors: [409],
    summary: 'Release after the final check, on or after the last day',
    tags: ['isolation'],
    params: idParamSchema,
    body: releaseInputSchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => (await isolation.release(ctx, params.id, body), ok),
  });
  route(app, {
    method: 'GET',
    url: '/api/public/isolation/checkin/:token',
    operationId: 'getPublicIsolationCheckinByToken',
    summary: 'The phone check-in page: masked name, dates, whether today is done',
    tags: ['isolation', 'public'],
    public: true,
    rateLimit: { max: 60, timeWindow: '1 minute' },
    params: tokenParams,
    response: publicCheckinViewSchema,
    handler: ({ params }) => isolation.publicView(params.token),
  });
  route(app, {
    method: 'POST',
    url: '/api/public/isolation/checkin/:token',
    operationId: 'postPublicIsolationCheckinByToken',
    errors: [409],
    summary: 'Daily self check-in from the phone link',
    tags: ['isolation', 'public'],
    public: true,
    rateLimit: { max: 20, timeWindow: '1 minute' },
    params: tokenParams,
    body: isolationCheckinInputSchema,
    response: z.object({ fever: z.boolean() }),
    handler: ({ params, body, ctx }) => isolation.publicCheckin(ctx, params.token, body),
  });

  route(app, {
    method: 'GET',
    url: '/api/sealed-buildings',
    operationId: 'getSealedBuildings',
    summary: 'Sealed buildings',
    tags: ['isolation'],
    query: sealedListQuerySchema,
    response: pageOf(sealedBuildingSchema),
    handler: ({ query, ctx }) => sealedBuildings.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/sealed-buildings/report',
    operationId: 'getSealedBuildingsReport',
    summary: 'Buildings and people sealed per child region, with the total',
    tags: ['isolation'],
    query: z.object({ regionCode: z.string().trim().max(20).optional() }),
    response: sealedReportSchema,
    handler: ({ query, ctx }) => sealedBuildings.report(ctx, query.regionCode),
  });
  route(app, {
    method: 'GET',
    url: '/api/sealed-buildings/report/export',
    operationId: 'getSealedBuildingsReportExport',
    summary: 'The per-region sealed-building report as .xlsx, total last (audited)',
    tags: ['isolation'],
    query: z.object({ regionCode: z.string().trim().max(20).optional() }),
    handler: async ({ query, ctx, reply }) => {
      const { report, buf } = await sealedBuildings.exportReport(ctx, query.regionCode);
      return sendXlsx(
        reply,
        `${ctx.locale === 'en' ? 'sealed-buildings' : '封闭楼栋统计'}-${report.regionName}-${stamp()}.xlsx`,
        buf,
      );
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/sealed-buildings',
    operationId: 'postSealedBuildings',
    summary: 'Seal a building',
    tags: ['isolation'],
    body: sealedBuildingInputSchema,
    response: created,
    handler: async ({ body, ctx }) => ({ id: await sealedBuildings.create(ctx, body) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/sealed-buildings/:id',
    operationId: 'getSealedBuildingsById',
    summary: 'One sealed building with its daily status',
    tags: ['isolation'],
    params: idParamSchema,
    response: sealedBuildingSchema.extend({
      statuses: z.array(z.object({ date: z.string(), note: z.string(), at: z.string() })),
    }),
    handler: ({ params, ctx }) => sealedBuildings.get(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/sealed-buildings/:id/status',
    operationId: 'postSealedBuildingsByIdStatus',
    errors: [409],
    summary: 'Daily status of a sealed building',
    tags: ['isolation'],
    params: idParamSchema,
    body: sealedStatusInputSchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => (await sealedBuildings.reportStatus(ctx, params.id, body), ok),
  });
  route(app, {
    method: 'POST',
    url: '/api/sealed-buildings/:id/release',
    operationId: 'postSealedBuildingsByIdRelease',
    summary: 'Lift the seal',
    tags: ['isolation'],
    params: idParamSchema,
    response: okSchema,
    handler: async ({ params, ctx }) => (await sealedBuildings.release(ctx, params.id), ok),
  });

  route(app, {
    method: 'GET',
    url: '/api/screening',
    operationId: 'getScreening',
    summary: 'Door-to-door screening campaigns',
    tags: ['isolation'],
    response: z.object({ items: z.array(campaignSchema) }),
    handler: async ({ ctx }) => ({ items: await screening.list(ctx) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/screening',
    operationId: 'postScreening',
    summary: 'Start a campaign over a region (a target for each of its grids)',
    tags: ['isolation'],
    body: campaignInputSchema,
    response: created,
    handler: async ({ body, ctx }) => ({ id: await screening.create(ctx, body) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/screening/:id',
    operationId: 'getScreeningById',
    summary: 'Progress per grid',
    tags: ['isolation'],
    params: idParamSchema,
    response: z.object({ campaign: campaignSchema, grids: z.array(gridProgressSchema) }),
    handler: ({ params, ctx }) => screening.progress(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/screening/:id/export',
    operationId: 'getScreeningByIdExport',
    summary: 'A campaign’s progress per grid as .xlsx, total last (audited)',
    tags: ['isolation'],
    params: idParamSchema,
    handler: async ({ params, ctx, reply }) =>
      sendXlsx(
        reply,
        `${ctx.locale === 'en' ? 'screening' : '网格排查进度'}-${params.id}-${stamp()}.xlsx`,
        await screening.exportProgress(ctx, params.id),
      ),
  });
  route(app, {
    method: 'POST',
    url: '/api/screening/:id/visits',
    operationId: 'postScreeningByIdVisits',
    summary: 'Report households visited and people recorded in a grid',
    tags: ['isolation'],
    params: idParamSchema,
    body: screeningVisitInputSchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => (await screening.recordVisit(ctx, params.id, body), ok),
  });
}
