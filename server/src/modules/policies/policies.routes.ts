import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import {
  applicationBodySchema,
  applicationDecisionSchema,
  applicationDetailSchema,
  applicationExportQuerySchema,
  applicationListQuerySchema,
  applicationSchema,
  deliveryBodySchema,
  deliverySchema,
  disbursementBodySchema,
  disbursementExportQuerySchema,
  disbursementListQuerySchema,
  disbursementSchema,
  eligiblePageSchema,
  eligibleQuerySchema,
  idParamSchema,
  measureIdParamSchema,
  measureInputSchema,
  measureUpdateSchema,
  myEligibilitySchema,
  okSchema,
  packageDetailSchema,
  packageIdParamSchema,
  packageInputSchema,
  packageListQuerySchema,
  packageSchema,
  packageUpdateSchema,
  packageVersionSchema,
  pageOf,
  payBodySchema,
  policyRemindResultSchema,
  policyTotalsSchema,
  publicMeasureSchema,
  publicPackageSchema,
  publicTokenParamSchema,
  resubmitBodySchema,
  totalsQuerySchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import { sendXlsx } from '../../platform/excel';
import { localDate } from '../../platform/clock';
import type { AppServices } from '../../platform/module';
import { applicationsXlsx, ledgerXlsx } from './policies-export';

const idSchema = z.object({ id: z.number().int() });
const versionBody = z.object({ version: z.number().int().positive() });

export function policiesRoutes(app: FastifyInstance, { policies, core }: AppServices): void {
  const { catalogue, applications, ledger, outreach } = policies;
  const tags = ['policies'];
  const publicLimit = { max: core.config.publicRatePerMinute, timeWindow: '1 minute' };

  // ---- public pages (QR codes lead here) ----
  route(app, {
    method: 'GET',
    url: '/api/public/policies/measures/:token',
    operationId: 'getPublicPolicyMeasure',
    summary: 'A published measure: interpretation, application guide and conditions, in the version in force',
    tags,
    public: true,
    rateLimit: publicLimit,
    params: publicTokenParamSchema,
    response: publicMeasureSchema,
    handler: ({ params, ctx }) => catalogue.publicMeasure(ctx, params.token),
  });
  route(app, {
    method: 'GET',
    url: '/api/public/policies/packages/:token',
    operationId: 'getPublicPolicyPackage',
    summary: 'A published package with its measures (the page its QR sheet links)',
    tags,
    public: true,
    rateLimit: publicLimit,
    params: publicTokenParamSchema,
    response: publicPackageSchema,
    handler: ({ params }) => catalogue.publicPackage(params.token),
  });
  route(app, {
    method: 'GET',
    url: '/api/public/policies/qr/:token',
    operationId: 'getPublicPolicyQr',
    summary: 'QR image (SVG) of the public page of a measure or package token, for printing',
    tags,
    public: true,
    rateLimit: { max: 600, timeWindow: '1 minute' },
    params: publicTokenParamSchema,
    query: z.object({ kind: z.enum(['measure', 'package']).default('measure') }),
    handler: async ({ params, query, req, reply }) => {
      const base = `${req.protocol}://${req.headers.host ?? 'localhost'}`;
      const path = query.kind === 'package' ? `/p/policies/package/${params.token}` : `/p/policies/${params.token}`;
      const svg = await QRCode.toString(base + path, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(svg);
    },
  });

  // ---- catalogue ----
  route(app, {
    method: 'GET',
    url: '/api/policies/packages',
    operationId: 'getPolicyPackages',
    summary: 'Policy packages of the caller’s area and the areas above it',
    tags,
    query: packageListQuerySchema,
    response: pageOf(packageSchema),
    handler: ({ query, ctx }) => catalogue.listPackages(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/policies/packages',
    operationId: 'postPolicyPackages',
    summary: 'Create a draft package, optionally with its measures',
    tags,
    body: packageInputSchema.and(z.object({ measures: z.array(z.unknown()).max(100).optional() })),
    response: idSchema,
    handler: ({ body, ctx }) => catalogue.createPackage(ctx, body, (body.measures ?? []) as never),
  });
  route(app, {
    method: 'GET',
    url: '/api/policies/packages/:packageId',
    operationId: 'getPolicyPackage',
    summary: 'A package with its measures (packages are public once published, so every reader of the area sees them)',
    tags,
    params: packageIdParamSchema,
    response: packageDetailSchema,
    handler: ({ params, ctx }) => catalogue.getPackage(ctx, params.packageId),
  });
  route(app, {
    method: 'PUT',
    url: '/api/policies/packages/:packageId',
    operationId: 'putPolicyPackage',
    errors: [409],
    summary: 'Edit a package; 409 when it changed since the version read',
    tags,
    params: packageIdParamSchema,
    body: packageUpdateSchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => {
      await catalogue.updatePackage(ctx, params.packageId, body);
      return { ok: true as const };
    },
  });
  for (const to of ['published', 'withdrawn'] as const)
    route(app, {
      method: 'POST',
      url: `/api/policies/packages/:packageId/${to === 'published' ? 'publish' : 'withdraw'}`,
      operationId: to === 'published' ? 'postPolicyPackagePublish' : 'postPolicyPackageWithdraw',
      errors: [409],
      summary: to === 'published' ? 'Publish a package (its public pages open)' : 'Withdraw a package (its public pages close)',
      tags,
      params: packageIdParamSchema,
      body: versionBody,
      response: okSchema,
      handler: async ({ params, body, ctx }) => {
        await catalogue.setStatus(ctx, params.packageId, to, body.version);
        return { ok: true as const };
      },
    });
  route(app, {
    method: 'GET',
    url: '/api/policies/packages/:packageId/versions',
    operationId: 'getPolicyPackageVersions',
    summary: 'Saved versions of a package, newest first',
    tags,
    params: packageIdParamSchema,
    response: z.array(packageVersionSchema),
    handler: ({ params, ctx }) => catalogue.versions(ctx, params.packageId),
  });
  route(app, {
    method: 'POST',
    url: '/api/policies/packages/:packageId/measures',
    operationId: 'postPolicyPackageMeasures',
    errors: [409],
    summary: 'Add a measure to a package (a new version of the package)',
    tags,
    params: packageIdParamSchema,
    body: measureInputSchema.extend({ version: z.number().int().positive() }),
    response: idSchema,
    handler: ({ params, body, ctx }) => catalogue.addMeasure(ctx, params.packageId, body),
  });
  route(app, {
    method: 'PUT',
    url: '/api/policies/measures/:measureId',
    operationId: 'putPolicyMeasure',
    errors: [409],
    summary: 'Edit a measure and its eligibility rule (a new version of its package; `version` is the package’s)',
    tags,
    params: measureIdParamSchema,
    body: measureUpdateSchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => {
      await catalogue.updateMeasure(ctx, params.measureId, body);
      return { ok: true as const };
    },
  });

  // ---- 应享尽享 ----
  route(app, {
    method: 'GET',
    url: '/api/policies/measures/:measureId/eligible',
    operationId: 'getPolicyMeasureEligible',
    summary: 'Entities of an area that qualify for the measure; pending=true: those that have not applied nor been paid',
    tags,
    params: measureIdParamSchema,
    query: eligibleQuerySchema,
    response: eligiblePageSchema,
    handler: ({ params, query, ctx }) => outreach.eligible(ctx, params.measureId, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/policies/measures/:measureId/remind',
    operationId: 'postPolicyMeasureRemind',
    summary: 'Notify the enterprise users of every eligible entity of the area that has not applied',
    tags,
    params: measureIdParamSchema,
    body: z.object({ regionCode: z.string().trim().max(20).optional() }),
    response: policyRemindResultSchema,
    handler: ({ params, body, ctx }) => outreach.remind(ctx, params.measureId, body.regionCode),
  });
  route(app, {
    method: 'GET',
    url: '/api/policies/measures/:measureId/mine',
    operationId: 'getPolicyMeasureMine',
    summary: 'For each entity the enterprise user speaks for: does it qualify, and its application',
    tags,
    params: measureIdParamSchema,
    response: myEligibilitySchema,
    handler: ({ params, ctx }) => applications.mine(ctx, params.measureId),
  });
  route(app, {
    method: 'POST',
    url: '/api/policies/deliveries',
    operationId: 'postPolicyDeliveries',
    summary: '“Policy delivered” to an entity (on a liaison visit); a second tap answers with the first',
    tags,
    body: deliveryBodySchema,
    response: deliverySchema,
    handler: ({ body, ctx }) => outreach.deliver(ctx, body),
  });

  // ---- applications ----
  route(app, {
    method: 'POST',
    url: '/api/policies/applications',
    operationId: 'postPolicyApplications',
    errors: [409],
    summary: 'Apply for a measure (an enterprise for itself, staff on its behalf); 409 when it applied already',
    tags,
    body: applicationBodySchema,
    response: idSchema,
    handler: ({ body, ctx }) => applications.apply(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/policies/applications',
    operationId: 'getPolicyApplications',
    summary: 'Applications the caller may see (area, department, own entities)',
    tags,
    query: applicationListQuerySchema,
    response: pageOf(applicationSchema),
    handler: ({ query, ctx }) => applications.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/policies/applications/export',
    operationId: 'getPolicyApplicationsExport',
    summary: 'The filtered applications as .xlsx',
    tags,
    query: applicationExportQuerySchema,
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(
        reply,
        `policy-applications-${localDate(new Date())}.xlsx`,
        await applicationsXlsx(ctx.locale, await applications.all(ctx, query)),
      ),
  });
  route(app, {
    method: 'GET',
    url: '/api/policies/applications/:id',
    operationId: 'getPolicyApplication',
    summary: 'One application with its timeline',
    tags,
    params: idParamSchema,
    response: applicationDetailSchema,
    handler: ({ params, ctx }) => applications.get(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/policies/applications/:id/decision',
    operationId: 'postPolicyApplicationDecision',
    errors: [409],
    summary:
      'Approve with an amount, reject or ask for more (conditional on the version read: of two reviewers one wins, the other gets 409)',
    tags,
    params: idParamSchema,
    body: applicationDecisionSchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => {
      await applications.decide(ctx, params.id, body);
      return { ok: true as const };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/policies/applications/:id/resubmit',
    operationId: 'postPolicyApplicationResubmit',
    errors: [409],
    summary: 'Send the materials asked for',
    tags,
    params: idParamSchema,
    body: resubmitBodySchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => {
      await applications.resubmit(ctx, params.id, body);
      return { ok: true as const };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/policies/applications/:id/pay',
    operationId: 'postPolicyApplicationPay',
    errors: [409],
    summary: 'Pay an approved application into the ledger; a repeated call answers with the first payment',
    tags,
    params: idParamSchema,
    body: payBodySchema,
    response: disbursementSchema,
    handler: ({ params, body, ctx }) => applications.pay(ctx, params.id, body),
  });

  // ---- ledger ----
  route(app, {
    method: 'POST',
    url: '/api/policies/disbursements',
    operationId: 'postPolicyDisbursements',
    summary: 'Record a payment or relief of a measure paid without application; the same reference twice is one row',
    tags,
    body: disbursementBodySchema,
    response: disbursementSchema,
    handler: ({ body, ctx }) => ledger.record(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/policies/disbursements',
    operationId: 'getPolicyDisbursements',
    summary: 'The disbursement ledger 兑付台账 the caller may see',
    tags,
    query: disbursementListQuerySchema,
    response: pageOf(disbursementSchema),
    handler: ({ query, ctx }) => ledger.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/policies/disbursements/export',
    operationId: 'getPolicyDisbursementsExport',
    summary: 'The filtered ledger as .xlsx',
    tags,
    query: disbursementExportQuerySchema,
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(reply, `policy-ledger-${localDate(new Date())}.xlsx`, await ledgerXlsx(ctx.locale, await ledger.all(ctx, query))),
  });
  route(app, {
    method: 'GET',
    url: '/api/policies/totals',
    operationId: 'getPolicyTotals',
    errors: [404],
    summary:
      'Ledger totals of a region subtree by type, measure and town, and the enterprises reached (404 for a region outside the caller’s area)',
    tags,
    query: totalsQuerySchema,
    response: policyTotalsSchema,
    handler: ({ query, ctx }) => ledger.totals(ctx, query),
  });
}
