import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  idParamSchema,
  institutionBodySchema,
  institutionDetailSchema,
  institutionListQuerySchema,
  institutionSchema,
  meetingBodySchema,
  meetingQuerySchema,
  meetingSchema,
  myInstitutionSchema,
  officerBodySchema,
  officerCandidatesQuerySchema,
  officerSchema,
  pageOf,
  productBodySchema,
  productSchema,
  rolloverBodySchema,
  rolloverQuerySchema,
  rolloverSchema,
  whitelistBodySchema,
  whitelistEntrySchema,
  whitelistPageSchema,
  whitelistQuerySchema,
  whitelistRemoveBodySchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import type { AppServices } from '../../platform/module';

export function financeAdminRoutes(app: FastifyInstance, { finance }: AppServices): void {
  const tags = ['finance'];
  route(app, {
    method: 'GET',
    url: '/api/finance/institutions',
    operationId: 'getFinanceInstitutions',
    summary: 'Banks and other lenders on the platform (name, kind, branch, contact)',
    tags,
    query: institutionListQuerySchema,
    response: pageOf(institutionSchema),
    handler: ({ query, ctx }) => finance.institutions(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/finance/institutions',
    operationId: 'postFinanceInstitutions',
    summary: 'The centre lists an institution',
    tags,
    body: institutionBodySchema,
    response: institutionDetailSchema,
    handler: ({ body, ctx }) => finance.saveInstitution(ctx, null, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/finance/institutions/:id',
    operationId: 'getFinanceInstitutionsById',
    summary: 'An institution with its officers (the centre of its area, or its own officers)',
    tags,
    params: idParamSchema,
    response: institutionDetailSchema,
    handler: ({ params, ctx }) => finance.institution(ctx, params.id),
  });
  route(app, {
    method: 'PUT',
    url: '/api/finance/institutions/:id',
    operationId: 'putFinanceInstitutionsById',
    summary: 'Edit an institution',
    tags,
    params: idParamSchema,
    body: institutionBodySchema,
    response: institutionDetailSchema,
    handler: ({ params, body, ctx }) => finance.saveInstitution(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/finance/institutions/:id/officers',
    operationId: 'postFinanceInstitutionsByIdOfficers',
    summary: 'Take on a bank officer (a user with the bank role); an officer works for one institution',
    tags,
    params: idParamSchema,
    body: officerBodySchema,
    response: institutionDetailSchema,
    handler: ({ params, body, ctx }) => finance.setOfficer(ctx, params.id, body.userId, true),
  });
  route(app, {
    method: 'POST',
    url: '/api/finance/institutions/:id/officers/remove',
    operationId: 'postFinanceInstitutionsByIdOfficersRemove',
    summary: 'Remove an officer from the institution',
    tags,
    params: idParamSchema,
    body: officerBodySchema,
    response: institutionDetailSchema,
    handler: ({ params, body, ctx }) => finance.setOfficer(ctx, params.id, body.userId, false),
  });
  route(app, {
    method: 'GET',
    url: '/api/finance/officer-candidates',
    operationId: 'getFinanceOfficerCandidates',
    summary: 'Users with the bank role, by name, for taking on officers',
    tags,
    query: officerCandidatesQuerySchema,
    response: z.array(officerSchema),
    handler: ({ query, ctx }) => finance.officerCandidates(ctx, query.q),
  });
  route(app, {
    method: 'GET',
    url: '/api/finance/me',
    operationId: 'getFinanceMe',
    summary: 'The signed-in bank officer’s institution',
    tags,
    response: myInstitutionSchema,
    handler: ({ ctx }) => finance.myInstitution(ctx),
  });
  route(app, {
    method: 'GET',
    url: '/api/finance/whitelist',
    operationId: 'getFinanceWhitelist',
    summary: 'The white list 金融重点支持企业白名单 as it stands, or as it stood at a version',
    tags,
    query: whitelistQuerySchema,
    response: whitelistPageSchema,
    handler: ({ query, ctx }) => finance.whitelist(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/finance/whitelist',
    operationId: 'postFinanceWhitelist',
    errors: [409],
    summary: 'Put an enterprise on the white list with its criterion and reason (a new version)',
    tags,
    body: whitelistBodySchema,
    response: whitelistEntrySchema,
    handler: ({ body, ctx }) => finance.addToWhitelist(ctx, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/finance/whitelist/:id/remove',
    operationId: 'postFinanceWhitelistByIdRemove',
    errors: [409],
    summary: 'Take an enterprise off the white list with a reason (a new version)',
    tags,
    params: idParamSchema,
    body: whitelistRemoveBodySchema,
    response: whitelistEntrySchema,
    handler: ({ params, body, ctx }) => finance.removeFromWhitelist(ctx, params.id, body.reason),
  });
  route(app, {
    method: 'GET',
    url: '/api/finance/products',
    operationId: 'getFinanceProducts',
    summary: 'Fast-track loan products (复工闪贷) with quota and use',
    tags,
    response: z.array(productSchema),
    handler: ({ ctx }) => finance.products(ctx),
  });
  route(app, {
    method: 'POST',
    url: '/api/finance/products',
    operationId: 'postFinanceProducts',
    summary: 'A fast-track product of an institution with its quota',
    tags,
    body: productBodySchema,
    response: productSchema,
    handler: ({ body, ctx }) => finance.createProduct(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/finance/rollovers',
    operationId: 'getFinanceRollovers',
    summary: 'Rollovers 续贷 and deferrals 延期还本付息 recorded per enterprise and loan',
    tags,
    query: rolloverQuerySchema,
    response: pageOf(rolloverSchema),
    handler: ({ query, ctx }) => finance.rollovers(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/finance/rollovers',
    operationId: 'postFinanceRollovers',
    summary: 'Record a rollover or a deferral',
    tags,
    body: rolloverBodySchema,
    response: rolloverSchema,
    handler: ({ body, ctx }) => finance.recordRollover(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/finance/meetings',
    operationId: 'getFinanceMeetings',
    summary: 'Government–bank–enterprise matching meetings 政银企对接会',
    tags,
    query: meetingQuerySchema,
    response: pageOf(meetingSchema),
    handler: ({ query, ctx }) => finance.meetings(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/finance/meetings',
    operationId: 'postFinanceMeetings',
    summary: 'Record a matching meeting',
    tags,
    body: meetingBodySchema,
    response: meetingSchema,
    handler: ({ body, ctx }) => finance.recordMeeting(ctx, body),
  });
}
