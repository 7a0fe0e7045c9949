import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import QRCode from 'qrcode';
import {
  bulkIssueBodySchema,
  bulkIssueResultSchema,
  checkpointInputSchema,
  checkpointSchema,
  dateSchema,
  idParamSchema,
  issuePassBodySchema,
  okSchema,
  pageOf,
  passClassSchema,
  passListQuerySchema,
  passRuleSchema,
  passRuleUpdateSchema,
  passSchema,
  revokeBodySchema,
  scanSchema,
  shiftInputSchema,
  shiftListQuerySchema,
  shiftSchema,
  verifyBodySchema,
  verifyResultSchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import { sendXlsx } from '../../platform/excel';
import { localDate } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { AppServices } from '../../platform/module';
import { QR_PREFIX } from './pass-rules';

const ok = { ok: true as const };

export function passesRoutes(app: FastifyInstance, { passes, checkpoints, core }: AppServices): void {
  route(app, {
    method: 'GET',
    url: '/api/passes/rules',
    operationId: 'getPassesRules',
    summary: 'Rules per pass class',
    tags: ['passes'],
    response: z.object({ items: z.array(passRuleSchema) }),
    handler: async ({ ctx }) => ({ items: await passes.listRules(ctx) }),
  });
  route(app, {
    method: 'PUT',
    url: '/api/passes/rules/:passClass',
    operationId: 'putPassesRulesByPassClass',
    summary: 'Change a class’s validity, scope, checkpoint kinds and issuing roles',
    tags: ['passes'],
    params: z.object({ passClass: passClassSchema }),
    body: passRuleUpdateSchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => {
      await passes.updateRule(ctx, params.passClass, body);
      return ok;
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/passes',
    operationId: 'getPasses',
    summary: 'Passes in the caller’s area',
    tags: ['passes'],
    query: passListQuerySchema,
    response: pageOf(passSchema),
    handler: ({ query, ctx }) => passes.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/passes/export',
    operationId: 'getPassesExport',
    summary: 'The filtered passes as .xlsx (ID numbers masked, no QR tokens; the export is audited)',
    tags: ['passes'],
    query: passListQuerySchema.omit({ page: true, pageSize: true }),
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(
        reply,
        `${ctx.locale === 'en' ? 'passes' : '通行证'}-${localDate(core.clock.now())}.xlsx`,
        await passes.exportXlsx(ctx, query),
      ),
  });
  route(app, {
    method: 'POST',
    url: '/api/passes',
    operationId: 'postPasses',
    errors: [404, 409],
    summary: 'Issue a pass of a class to a person',
    tags: ['passes'],
    body: issuePassBodySchema,
    response: z.object({ id: z.number().int() }),
    handler: async ({ body, ctx }) => ({ id: await passes.issue(ctx, body) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/passes/bulk',
    operationId: 'postPassesBulk',
    summary: 'Issue passes to an employer’s staff',
    tags: ['passes'],
    body: bulkIssueBodySchema,
    response: bulkIssueResultSchema,
    handler: ({ body, ctx }) => passes.bulkIssue(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/passes/:id',
    operationId: 'getPassesById',
    summary: 'One pass (with its QR token for those who may hand it out)',
    tags: ['passes'],
    params: idParamSchema,
    response: passSchema,
    handler: ({ params, ctx }) => passes.get(ctx, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/passes/:id/qr.svg',
    operationId: 'getPassesByIdQrSvg',
    summary: 'The pass’s QR code as SVG',
    tags: ['passes'],
    params: idParamSchema,
    handler: async ({ params, ctx, reply }) => {
      const p = await passes.get(ctx, params.id);
      if (!p.token) throw new AppError('common.forbidden', 403);
      return reply
        .type('image/svg+xml')
        .header('cache-control', 'no-store')
        .send(await QRCode.toString(QR_PREFIX + p.token, { type: 'svg', margin: 1 }));
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/public/passes/:token/qr.svg',
    operationId: 'getPublicPassesByTokenQrSvg',
    summary: 'QR of a pass for its holder (the token is the secret)',
    tags: ['passes', 'public'],
    public: true,
    rateLimit: { max: 60, timeWindow: '1 minute' },
    params: z.object({ token: z.string().min(10).max(64) }),
    handler: async ({ params, reply }) => {
      if (!(await passes.tokenExists(params.token))) throw new AppError('common.not_found', 404);
      return reply
        .type('image/svg+xml')
        .header('cache-control', 'no-store')
        .send(await QRCode.toString(QR_PREFIX + params.token, { type: 'svg', margin: 1 }));
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/passes/:id/renew',
    operationId: 'postPassesByIdRenew',
    errors: [409],
    summary: 'Renew for the class’s validity from today',
    tags: ['passes'],
    params: idParamSchema,
    response: okSchema,
    handler: async ({ params, ctx }) => (await passes.renew(ctx, params.id), ok),
  });
  route(app, {
    method: 'POST',
    url: '/api/passes/:id/revoke',
    operationId: 'postPassesByIdRevoke',
    errors: [409],
    summary: 'Revoke with a reason',
    tags: ['passes'],
    params: idParamSchema,
    body: revokeBodySchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => (await passes.revoke(ctx, params.id, body.reason), ok),
  });
  route(app, {
    method: 'POST',
    url: '/api/passes/:id/rotate',
    operationId: 'postPassesByIdRotate',
    summary: 'Replace the QR token; the old code stops working',
    tags: ['passes'],
    params: idParamSchema,
    response: okSchema,
    handler: async ({ params, ctx }) => (await passes.rotate(ctx, params.id), ok),
  });
  route(app, {
    method: 'POST',
    url: '/api/passes/verify',
    operationId: 'postPassesVerify',
    errors: [404],
    summary: 'Checkpoint / community gate scan: by QR token or ID number; every scan is logged',
    tags: ['passes'],
    body: verifyBodySchema,
    response: verifyResultSchema,
    handler: ({ body, ctx }) => passes.verify(ctx, body),
  });

  route(app, {
    method: 'GET',
    url: '/api/checkpoints',
    operationId: 'getCheckpoints',
    summary: 'Checkpoints the caller runs or scans at',
    tags: ['passes'],
    response: z.object({ items: z.array(checkpointSchema) }),
    handler: async ({ ctx }) => ({ items: await checkpoints.list(ctx) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/checkpoints',
    operationId: 'postCheckpoints',
    summary: 'Open a checkpoint 卡点',
    tags: ['passes'],
    body: checkpointInputSchema,
    response: z.object({ id: z.number().int() }),
    handler: async ({ body, ctx }) => ({ id: await checkpoints.create(ctx, body) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/checkpoints/:id',
    operationId: 'getCheckpointsById',
    summary: 'One checkpoint',
    tags: ['passes'],
    params: idParamSchema,
    response: checkpointSchema,
    handler: ({ params, ctx }) => checkpoints.get(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/checkpoints/:id',
    operationId: 'patchCheckpointsById',
    summary: 'Open or close a checkpoint',
    tags: ['passes'],
    params: idParamSchema,
    body: z.object({ active: z.boolean() }),
    response: okSchema,
    handler: async ({ params, body, ctx }) => (await checkpoints.setActive(ctx, params.id, body.active), ok),
  });
  route(app, {
    method: 'GET',
    url: '/api/checkpoints/:id/scans',
    operationId: 'getCheckpointsByIdScans',
    summary: 'Recent scans at a checkpoint',
    tags: ['passes'],
    params: idParamSchema,
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
    response: z.object({ items: z.array(scanSchema) }),
    handler: async ({ params, query, ctx }) => ({ items: await passes.recentScans(ctx, params.id, query.limit) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/checkpoints/:id/scans/export',
    operationId: 'getCheckpointsByIdScansExport',
    summary: 'One day’s scan log of a checkpoint as .xlsx (names and ID numbers masked; audited)',
    tags: ['passes'],
    params: idParamSchema,
    query: z.object({ date: dateSchema.optional() }),
    handler: async ({ params, query, ctx, reply }) => {
      const { date, buf } = await checkpoints.exportScans(ctx, params.id, query.date);
      return sendXlsx(reply, `${ctx.locale === 'en' ? 'scans' : '核验记录'}-${params.id}-${date}.xlsx`, buf);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/checkpoints/:id/shifts',
    operationId: 'getCheckpointsByIdShifts',
    summary: 'Duty shifts and teams',
    tags: ['passes'],
    params: idParamSchema,
    query: shiftListQuerySchema,
    response: z.object({ items: z.array(shiftSchema) }),
    handler: async ({ params, query, ctx }) => ({ items: await checkpoints.shifts(ctx, params.id, query.date) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/checkpoints/:id/shifts',
    operationId: 'postCheckpointsByIdShifts',
    summary: 'Put a team on duty',
    tags: ['passes'],
    params: idParamSchema,
    body: shiftInputSchema,
    response: z.object({ id: z.number().int() }),
    handler: async ({ params, body, ctx }) => ({ id: await checkpoints.addShift(ctx, params.id, body) }),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/checkpoints/:id/shifts/:shiftId',
    operationId: 'deleteCheckpointsByIdShiftsByShiftId',
    summary: 'Remove a shift',
    tags: ['passes'],
    params: z.object({ id: z.coerce.number().int().positive(), shiftId: z.coerce.number().int().positive() }),
    response: okSchema,
    handler: async ({ params, ctx }) => (await checkpoints.removeShift(ctx, params.id, params.shiftId), ok),
  });
}
