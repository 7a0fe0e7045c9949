import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  addWhitelistBodySchema,
  attachmentLimits,
  attachmentSchema,
  batchParamSchema,
  batchSchema,
  createFilingBodySchema,
  decisionBodySchema,
  entityIdParamSchema,
  filingConfigVersionSchema,
  filingDetailSchema,
  filingListQuerySchema,
  filingRevisionSchema,
  filingSummarySchema,
  filingAbilitiesSchema,
  idParamSchema,
  okSchema,
  onsiteBodySchema,
  pageOf,
  publicQuizSchema,
  quizAnswerBodySchema,
  quizResultSchema,
  quizTokenParamSchema,
  reasonBodySchema,
  revisionParamSchema,
  saveDraftBodySchema,
  saveFilingConfigBodySchema,
  setBatchBodySchema,
  staffInputSchema,
  staffListQuerySchema,
  staffMemberSchema,
  staffQrSchema,
  submitFilingBodySchema,
  whitelistItemSchema,
} from '@fugong/contract';
import { route, operationIdFor } from '../../platform/http';
import { readUpload, sendDownload } from '../../platform/files';
import { sendXlsx } from '../../platform/excel';
import type { AppServices } from '../../platform/module';

const tags = ['filings'];

/** The plan attachment of a multipart request: kind, optional entityId, file. */
async function readPlanUpload(req: FastifyRequest) {
  const u = await readUpload(req, attachmentLimits.maxBytes);
  return {
    kind: u.fields.kind ?? '',
    fileName: u.fileName,
    content: u.content,
    truncated: u.truncated,
    entityId: Number(u.fields.entityId) || null,
  };
}

export function filingsRoutes(app: FastifyInstance, { filings }: AppServices): void {
  // ---- enterprise
  route(app, {
    method: 'GET',
    url: '/api/filings/mine',
    operationId: 'getFilingsMine',
    summary: "The signed-in enterprise user's latest filing (null when none yet)",
    tags,
    response: z.object({ filing: filingSummarySchema.nullable() }),
    handler: async ({ ctx }) => ({ filing: await filings.mine(ctx) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/filings',
    operationId: 'postFilings',
    errors: [404, 409],
    summary:
      'Start a filing (draft) for the enterprise user’s entity; the route and checklist come from the current configuration',
    tags,
    body: createFilingBodySchema,
    response: filingSummarySchema,
    handler: ({ body, ctx }) => filings.create(ctx, body.entityId),
  });
  route(app, {
    method: 'PUT',
    url: '/api/filings/:id/draft',
    operationId: 'putFilingsByIdDraft',
    summary: 'Save the working copy while the filing is a draft or sent back for changes',
    tags,
    params: idParamSchema,
    body: saveDraftBodySchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => {
      await filings.saveDraft(ctx, params.id, body);
      return { ok: true as const };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/filings/:id/submit',
    operationId: 'postFilingsByIdSubmit',
    errors: [409],
    summary: 'Submit (or resubmit) the filing with the signed commitment; the configured route then applies',
    tags,
    params: idParamSchema,
    body: submitFilingBodySchema,
    response: filingSummarySchema,
    handler: ({ params, req, ctx }) => filings.submit(ctx, params.id, req.body),
  });
  route(app, {
    method: 'POST',
    url: '/api/filings/attachments',
    operationId: 'postFilingsAttachments',
    errors: [400],
    summary: 'Upload a plan attachment (multipart: kind, file); PDF/PNG/JPG/DOCX by content, at most 10 MB',
    tags,
    response: attachmentSchema,
    handler: async ({ req, ctx }) => filings.attachments.upload(ctx, await readPlanUpload(req)),
  });
  route(app, {
    method: 'GET',
    url: '/api/filings/attachments/:id',
    operationId: 'getFilingsAttachmentsById',
    summary: 'Download a plan attachment',
    tags,
    params: idParamSchema,
    handler: async ({ params, ctx, reply }) => {
      const { attachment, stream } = await filings.attachments.open(ctx, params.id);
      return sendDownload(reply, attachment, stream);
    },
  });

  // ---- lists, detail, history
  route(app, {
    method: 'GET',
    url: '/api/filings',
    operationId: 'getFilings',
    summary: 'Filings visible to the user (own entity, region, department); `inbox` narrows to decisions waiting for them',
    tags,
    query: filingListQuerySchema,
    response: pageOf(filingSummarySchema.extend({ abilities: filingAbilitiesSchema })),
    handler: ({ query, ctx }) => filings.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/filings/export',
    operationId: 'getFilingsExport',
    summary: 'The filtered list as .xlsx',
    tags,
    query: filingListQuerySchema.omit({ page: true, pageSize: true }),
    handler: async ({ query, ctx, reply }) => {
      const buf = await filings.exportXlsx(ctx, query);
      return sendXlsx(reply, 'filings.xlsx', buf);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/filings/:id',
    operationId: 'getFilingsById',
    summary: 'One filing with its entity, checklist, history, commitments, attachments and staff readiness',
    tags,
    params: idParamSchema,
    response: filingDetailSchema,
    handler: ({ params, ctx }) => filings.get(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/filings/:id/revisions/:revision',
    operationId: 'getFilingsByIdRevisionsByRevision',
    summary: 'One submitted version of a filing, as it was submitted',
    tags,
    params: revisionParamSchema,
    response: filingRevisionSchema,
    handler: ({ params, ctx }) => filings.revision(ctx, params.id, params.revision),
  });

  // ---- decisions
  route(app, {
    method: 'POST',
    url: '/api/filings/:id/decision',
    operationId: 'postFilingsByIdDecision',
    errors: [409],
    summary: 'Reviewer decision: start_review, approve, reject (reason) or request_changes (reason)',
    tags,
    params: idParamSchema,
    body: decisionBodySchema,
    response: filingSummarySchema,
    handler: ({ params, req, ctx }) => filings.decide(ctx, params.id, req.body),
  });
  route(app, {
    method: 'POST',
    url: '/api/filings/:id/onsite',
    operationId: 'postFilingsByIdOnsite',
    summary: 'Inspector records the on-site review: pass releases the entity, fail sends it back with notes',
    tags,
    params: idParamSchema,
    body: onsiteBodySchema,
    response: filingSummarySchema,
    handler: ({ params, req, ctx }) => filings.onsite(ctx, params.id, req.body),
  });
  for (const action of ['suspend', 'reopen'] as const) {
    route(app, {
      method: 'POST',
      url: `/api/filings/:id/${action}`,
      operationId: operationIdFor('POST', `/api/filings/:id/${action}`),
      summary:
        action === 'suspend' ? 'Suspend an approved entity (reason required)' : 'Reopen a suspended entity (reason required)',
      tags,
      params: idParamSchema,
      body: reasonBodySchema,
      response: filingSummarySchema,
      handler: ({ params, req, ctx }) => filings.suspendOrReopen(ctx, params.id, action, req.body),
    });
  }

  // ---- configuration
  route(app, {
    method: 'GET',
    url: '/api/filings/config',
    operationId: 'getFilingsConfig',
    summary: 'The current configuration version (routes per category, checklists, commitment text, quiz)',
    tags,
    response: filingConfigVersionSchema,
    handler: ({ ctx }) => filings.config.currentFor(ctx),
  });
  route(app, {
    method: 'GET',
    url: '/api/filings/config/versions',
    operationId: 'getFilingsConfigVersions',
    summary: 'All configuration versions, newest first',
    tags,
    response: z.array(
      z.object({
        version: z.number().int(),
        note: z.string().nullable(),
        createdAt: z.string(),
        createdBy: z.string().nullable(),
      }),
    ),
    handler: ({ ctx }) => filings.config.versions(ctx),
  });
  route(app, {
    method: 'GET',
    url: '/api/filings/config/versions/:id',
    operationId: 'getFilingsConfigVersionsById',
    summary: 'One configuration version',
    tags,
    params: idParamSchema,
    handler: async ({ params, ctx }) => {
      await filings.config.versions(ctx);
      return filings.config.version(params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/filings/config',
    operationId: 'postFilingsConfig',
    summary: 'Save a new configuration version; filings already started keep theirs',
    tags,
    body: saveFilingConfigBodySchema,
    response: filingConfigVersionSchema,
    handler: ({ req, ctx }) => filings.config.save(ctx, req.body),
  });
  route(app, {
    method: 'GET',
    url: '/api/filings/batches',
    operationId: 'getFilingsBatches',
    summary: 'The five risk batches with their release dates and waiting filings',
    tags,
    response: z.array(batchSchema),
    handler: ({ ctx }) => filings.batches(ctx),
  });
  route(app, {
    method: 'PUT',
    url: '/api/filings/batches/:no',
    operationId: 'putFilingsBatchesByNo',
    summary: 'Set (or clear) a batch release date; filings of a batch whose date has come are released at once',
    tags,
    params: batchParamSchema,
    body: setBatchBodySchema,
    response: z.object({ released: z.number().int() }),
    handler: async ({ params, body, ctx }) => ({ released: await filings.setBatch(ctx, params.no, body.releaseDate) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/filings/whitelist',
    operationId: 'getFilingsWhitelist',
    summary: 'Entities on the fast-track white list',
    tags,
    response: z.array(whitelistItemSchema),
    handler: ({ ctx }) => filings.config.whitelist(ctx),
  });
  route(app, {
    method: 'POST',
    url: '/api/filings/whitelist',
    operationId: 'postFilingsWhitelist',
    summary: 'Put an entity on the white list',
    tags,
    body: addWhitelistBodySchema,
    response: okSchema,
    handler: async ({ body, ctx }) => {
      await filings.config.addToWhitelist(ctx, body.entityId, body.reason);
      return { ok: true as const };
    },
  });
  route(app, {
    method: 'DELETE',
    url: '/api/filings/whitelist/:entityId',
    operationId: 'deleteFilingsWhitelistByEntityId',
    summary: 'Take an entity off the white list',
    tags,
    params: entityIdParamSchema,
    response: okSchema,
    handler: async ({ params, ctx }) => {
      await filings.config.removeFromWhitelist(ctx, params.entityId);
      return { ok: true as const };
    },
  });

  // ---- staff readiness
  route(app, {
    method: 'GET',
    url: '/api/filings/staff',
    operationId: 'getFilingsStaff',
    errors: [404],
    summary: 'Staff of the enterprise (or, for a reviewer, of an entity in their region) with quiz results',
    tags,
    query: staffListQuerySchema,
    response: pageOf(staffMemberSchema),
    handler: ({ query, ctx }) => filings.staff.list(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/filings/staff',
    operationId: 'postFilingsStaff',
    errors: [409],
    summary: 'Add a staff member (ID number and phone stored encrypted, shown masked)',
    tags,
    body: staffInputSchema,
    response: staffMemberSchema,
    handler: ({ req, ctx }) => filings.staff.add(ctx, req.body),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/filings/staff/:id',
    operationId: 'deleteFilingsStaffById',
    summary: 'Remove a staff member',
    tags,
    params: idParamSchema,
    response: okSchema,
    handler: async ({ params, ctx }) => {
      await filings.staff.remove(ctx, params.id);
      return { ok: true as const };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/filings/staff/:id/qr',
    operationId: 'getFilingsStaffByIdQr',
    summary: "A staff member's quiz link and its QR code (PNG data URL)",
    tags,
    params: idParamSchema,
    response: staffQrSchema,
    handler: ({ params, ctx, req }) => filings.staff.qr(ctx, params.id, `${req.protocol}://${req.host}`),
  });
  route(app, {
    method: 'GET',
    url: '/api/public/filings/quiz/:token',
    operationId: 'getPublicFilingsQuizByToken',
    summary: 'The prevention-training quiz for one staff member (no answers)',
    tags,
    public: true,
    rateLimit: { max: 60, timeWindow: '1 minute' },
    params: quizTokenParamSchema,
    response: publicQuizSchema,
    handler: ({ params }) => filings.staff.publicQuiz(params.token),
  });
  route(app, {
    method: 'POST',
    url: '/api/public/filings/quiz/:token',
    operationId: 'postPublicFilingsQuizByToken',
    summary: 'Submit quiz answers; returns the score and whether the staff member passed',
    tags,
    public: true,
    rateLimit: { max: 20, timeWindow: '1 minute' },
    params: quizTokenParamSchema,
    body: quizAnswerBodySchema,
    response: quizResultSchema,
    handler: ({ params, req, ctx }) => filings.staff.answer(ctx, params.token, req.body),
  });
}
