import type { FastifyInstance } from 'fastify';
import { auditEntrySchema, auditQuerySchema, pageOf } from '@fugong/contract';
import { route } from '../../platform/http';
import { sendXlsx } from '../../platform/excel';
import type { AppServices } from '../../platform/module';

export function auditRoutes(app: FastifyInstance, { auditLog }: AppServices): void {
  route(app, {
    method: 'GET',
    url: '/api/audit',
    operationId: 'getAudit',
    summary: 'Audit log, newest first, with filters',
    tags: ['audit'],
    query: auditQuerySchema,
    response: pageOf(auditEntrySchema),
    handler: ({ query, ctx }) => auditLog.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/audit/export',
    operationId: 'getAuditExport',
    summary: 'The filtered audit log as .xlsx (up to 50,000 rows)',
    tags: ['audit'],
    query: auditQuerySchema,
    handler: async ({ query, ctx, reply }) => {
      const buf = await auditLog.exportXlsx(ctx, query);
      return sendXlsx(reply, 'audit.xlsx', buf);
    },
  });
}
