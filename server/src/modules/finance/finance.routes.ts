import type { FastifyInstance } from 'fastify';
import {
  answerActBodySchema,
  loanDisbursementBodySchema,
  financeFiguresQuerySchema,
  financeFiguresSchema,
  financingDetailSchema,
  financingListQuerySchema,
  financingRequestBodySchema,
  financingRequestSchema,
  idParamSchema,
  pageOf,
  routeBodySchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import { sendXlsx } from '../../platform/excel';
import { localDate } from '../../platform/clock';
import type { AppServices } from '../../platform/module';
import { figuresXlsx, requestsXlsx } from './finance-export';
import { financeAdminRoutes } from './finance-admin.routes';

export function financeRoutes(app: FastifyInstance, services: AppServices): void {
  const { finance, core } = services;
  const tags = ['finance'];
  route(app, {
    method: 'POST',
    url: '/api/finance/requests',
    operationId: 'postFinanceRequests',
    summary:
      'An enterprise (or its liaison) files a financing request, shared with the institutions it names or routed by the centre',
    tags,
    body: financingRequestBodySchema,
    response: financingDetailSchema,
    handler: ({ body, ctx }) => finance.create(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/finance/requests',
    operationId: 'getFinanceRequests',
    summary:
      'Requests the caller may see: the centre its area, an enterprise its own, a bank officer those shared with its institution',
    tags,
    query: financingListQuerySchema,
    response: pageOf(financingRequestSchema),
    handler: ({ query, ctx }) => finance.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/finance/requests/export',
    operationId: 'getFinanceRequestsExport',
    summary: 'The filtered requests as .xlsx',
    tags,
    query: financingListQuerySchema.omit({ page: true, pageSize: true }),
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(
        reply,
        `financing-${localDate(core.clock.now())}.xlsx`,
        await requestsXlsx(ctx.locale, await finance.exportRows(ctx, query)),
      ),
  });
  route(app, {
    method: 'GET',
    url: '/api/finance/requests/:id',
    operationId: 'getFinanceRequestsById',
    summary: 'One request with the answers the caller may see',
    tags,
    params: idParamSchema,
    response: financingDetailSchema,
    handler: ({ params, ctx }) => finance.get(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/finance/requests/:id/route',
    operationId: 'postFinanceRequestsByIdRoute',
    errors: [409],
    summary: 'The financial affairs centre shares a request with institutions',
    tags,
    params: idParamSchema,
    body: routeBodySchema,
    response: financingDetailSchema,
    handler: ({ params, body, ctx }) => finance.route(ctx, params.id, body.institutionIds),
  });
  route(app, {
    method: 'POST',
    url: '/api/finance/requests/:id/confirm',
    operationId: 'postFinanceRequestsByIdConfirm',
    errors: [409],
    summary: 'The enterprise confirms the money recorded so far has arrived',
    tags,
    params: idParamSchema,
    response: financingDetailSchema,
    handler: ({ params, ctx }) => finance.confirm(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/finance/answers/:id/act',
    operationId: 'postFinanceAnswersByIdAct',
    errors: [409],
    summary:
      'A bank officer moves its institution’s answer (contact, review, request_info, approve, decline, open_account); 409 when the version read is stale, the exclusive request is taken or the product’s quota is spent',
    tags,
    params: idParamSchema,
    body: answerActBodySchema,
    response: financingDetailSchema,
    handler: ({ params, body, ctx }) => finance.act(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/finance/answers/:id/disbursements',
    operationId: 'postFinanceAnswersByIdDisbursements',
    errors: [409],
    summary: 'A tranche paid out on an approved answer; 400 above the approved amount',
    tags,
    params: idParamSchema,
    body: loanDisbursementBodySchema,
    response: financingDetailSchema,
    handler: ({ params, body, ctx }) => finance.disburse(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/finance/figures',
    operationId: 'getFinanceFigures',
    summary: 'Totals by region and institution for a region subtree and period',
    tags,
    query: financeFiguresQuerySchema,
    response: financeFiguresSchema,
    handler: ({ query, ctx }) => finance.figures(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/finance/figures/export',
    operationId: 'getFinanceFiguresExport',
    summary: 'The figures as .xlsx',
    tags,
    query: financeFiguresQuerySchema,
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(
        reply,
        `finance-figures-${localDate(core.clock.now())}.xlsx`,
        await figuresXlsx(ctx.locale, await finance.figures(ctx, query)),
      ),
  });
  financeAdminRoutes(app, services);
}
