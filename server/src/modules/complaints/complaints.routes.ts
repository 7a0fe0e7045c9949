import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  complaintDetailSchema,
  complaintHandleBodySchema,
  complaintListQuerySchema,
  complaintNoteBodySchema,
  complaintReceiptSchema,
  complaintReplyBodySchema,
  complaintSchema,
  complaintStatsQuerySchema,
  complaintStatsSchema,
  complaintStatusQuerySchema,
  idParamSchema,
  pageOf,
  publicComplaintBodySchema,
  publicComplaintStatusSchema,
  publicRegionSchema,
  recordFileLimits,
  recordFileSchema,
  staffComplaintBodySchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import { readUpload, recordFileRoutes } from '../../platform/files';
import { sendXlsx } from '../../platform/excel';
import { localDate } from '../../platform/clock';
import type { AppServices } from '../../platform/module';

/** Submissions per client address: a person files a few complaints, a robot many. */
export const COMPLAINT_SUBMIT_LIMIT = { max: 5, timeWindow: '10 minutes' };

export function complaintsRoutes(app: FastifyInstance, { complaints, core }: AppServices): void {
  const tags = ['complaints'];
  route(app, {
    method: 'GET',
    url: '/api/public/complaints/regions',
    operationId: 'getPublicComplaintsRegions',
    summary: 'Districts, then the towns of one district, for the public complaint form',
    tags,
    public: true,
    rateLimit: { max: core.config.publicRatePerMinute, timeWindow: '1 minute' },
    query: z.object({ parent: z.string().max(20).optional() }),
    response: z.array(publicRegionSchema),
    handler: ({ query }) => complaints.publicRegions(query.parent),
  });
  route(app, {
    method: 'POST',
    url: '/api/public/complaints',
    operationId: 'postPublicComplaints',
    summary: 'File a complaint without an account; returns a receipt number and a query code',
    tags,
    public: true,
    rateLimit: COMPLAINT_SUBMIT_LIMIT,
    bodyLimit: 16 * 1024,
    body: publicComplaintBodySchema,
    response: complaintReceiptSchema,
    handler: ({ body, ctx }) => complaints.submitPublic(ctx, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/public/complaints/status',
    operationId: 'postPublicComplaintsStatus',
    errors: [404],
    summary: 'Progress of a complaint, by receipt number and the phone given (or the query code)',
    tags,
    public: true,
    // guessing receipt and phone pairs is slowed down hard
    rateLimit: { max: 20, timeWindow: '1 minute' },
    body: complaintStatusQuerySchema,
    response: publicComplaintStatusSchema,
    handler: ({ body }) => complaints.publicStatus(body.receiptNo, body.secret),
  });

  route(app, {
    method: 'POST',
    url: '/api/public/complaints/attachments',
    operationId: 'postPublicComplaintsAttachments',
    errors: [400, 404, 409],
    summary:
      'Add a photo to a complaint just filed (multipart: receiptNo, secret = query code or phone, file); PNG/JPG, 5 at most, within 24 hours',
    tags,
    public: true,
    rateLimit: { max: 15, timeWindow: '10 minutes' },
    response: recordFileSchema,
    handler: async ({ req, ctx }) => {
      const u = await readUpload(req, recordFileLimits.maxBytes);
      return complaints.attachPublic(ctx, u.fields.receiptNo ?? '', u.fields.secret ?? '', u);
    },
  });
  recordFileRoutes(app, {
    base: '/api/complaints',
    tags,
    what: 'complaint',
    attach: complaints.attach,
    open: complaints.openFile,
  });
  route(app, {
    method: 'POST',
    url: '/api/complaints',
    operationId: 'postComplaints',
    summary: 'Record a complaint taken by phone (12345/12315 hotline)',
    tags,
    body: staffComplaintBodySchema,
    response: complaintReceiptSchema,
    handler: ({ body, ctx }) => complaints.intake(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/complaints',
    operationId: 'getComplaints',
    summary: 'Complaints in the caller’s area',
    tags,
    query: complaintListQuerySchema,
    response: pageOf(complaintSchema),
    handler: ({ query, ctx }) => complaints.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/complaints/stats',
    operationId: 'getComplaintsStats',
    summary: 'Received, answered, substantiated, unfounded, open, overdue',
    tags,
    query: complaintStatsQuerySchema,
    response: complaintStatsSchema,
    handler: ({ query, ctx }) => complaints.stats(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/complaints/export',
    operationId: 'getComplaintsExport',
    summary: 'The filtered complaints as .xlsx',
    tags,
    query: complaintListQuerySchema.omit({ page: true, pageSize: true }),
    handler: async ({ query, ctx, reply }) => {
      const buf = await complaints.exportXlsx(ctx, query);
      return sendXlsx(reply, `complaints-${localDate(core.clock.now())}.xlsx`, buf);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/complaints/:id',
    operationId: 'getComplaintsById',
    summary: 'One complaint with its history',
    tags,
    params: idParamSchema,
    response: complaintDetailSchema,
    handler: ({ params, ctx }) => complaints.get(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/complaints/:id/verify',
    operationId: 'postComplaintsByIdVerify',
    summary: 'Start verifying',
    tags,
    params: idParamSchema,
    body: complaintNoteBodySchema,
    response: complaintSchema,
    handler: ({ params, body, ctx }) => complaints.verify(ctx, params.id, body.note),
  });
  route(app, {
    method: 'POST',
    url: '/api/complaints/:id/substantiate',
    operationId: 'postComplaintsByIdSubstantiate',
    summary: 'Verified: the complaint is substantiated',
    tags,
    params: idParamSchema,
    body: complaintNoteBodySchema,
    response: complaintSchema,
    handler: ({ params, body, ctx }) => complaints.substantiate(ctx, params.id, body.note),
  });
  route(app, {
    method: 'POST',
    url: '/api/complaints/:id/dismiss',
    operationId: 'postComplaintsByIdDismiss',
    summary: 'Verified: the complaint is unfounded',
    tags,
    params: idParamSchema,
    body: complaintNoteBodySchema,
    response: complaintSchema,
    handler: ({ params, body, ctx }) => complaints.dismiss(ctx, params.id, body.note),
  });
  route(app, {
    method: 'POST',
    url: '/api/complaints/:id/handle',
    operationId: 'postComplaintsByIdHandle',
    summary: 'Record the handling; optionally hand it to a department as a ticket',
    tags,
    params: idParamSchema,
    body: complaintHandleBodySchema,
    response: complaintSchema,
    handler: ({ params, body, ctx }) => complaints.handle(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/complaints/:id/reply',
    operationId: 'postComplaintsByIdReply',
    errors: [409],
    summary: 'Answer the complainant (visible on the public status page)',
    tags,
    params: idParamSchema,
    body: complaintReplyBodySchema,
    response: complaintSchema,
    handler: ({ params, body, ctx }) => complaints.reply(ctx, params.id, body.reply),
  });
}
