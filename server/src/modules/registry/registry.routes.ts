import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  changeStatusBodySchema,
  entityExportQuerySchema,
  entityInputSchema,
  entityListQuerySchema,
  entitySchema,
  idParamSchema,
  importConfirmResultSchema,
  importPreviewQuerySchema,
  importPreviewSchema,
  importTokenParamSchema,
  okSchema,
  pageOf,
  statusHistoryItemSchema,
  timelineSchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import { AppError } from '../../platform/errors';
import { sendXlsx } from '../../platform/excel';
import { localDate } from '../../platform/clock';
import type { AppServices } from '../../platform/module';

export function registryRoutes(app: FastifyInstance, { registry, core }: AppServices): void {
  const tags = ['registry'];
  route(app, {
    method: 'GET',
    url: '/api/registry/entities',
    operationId: 'getRegistryEntities',
    summary: 'Market entities in the caller’s scope: search by name or credit code, filters, paginated',
    tags,
    query: entityListQuerySchema,
    response: pageOf(entitySchema),
    handler: ({ query, ctx }) => registry.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/registry/entities/export',
    operationId: 'getRegistryEntitiesExport',
    summary: 'The filtered entity list as .xlsx, headers in the caller’s language',
    tags,
    query: entityExportQuerySchema,
    handler: async ({ query, ctx, reply }) => {
      const buf = await registry.exportXlsx(ctx, query);
      const name = `${ctx.locale === 'en' ? 'entities' : '市场主体'}-${localDate(core.clock.now())}.xlsx`;
      return sendXlsx(reply, name, buf);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/registry/entities',
    operationId: 'postRegistryEntities',
    errors: [409],
    summary: 'Register an entity (starts as not resumed)',
    tags,
    body: entityInputSchema,
    response: z.object({ id: z.number().int() }),
    handler: async ({ body, ctx }) => ({ id: await registry.createEntity(ctx, body) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/registry/entities/:id',
    operationId: 'getRegistryEntitiesById',
    summary: 'One entity with the caller’s abilities on it',
    tags,
    params: idParamSchema,
    response: entitySchema,
    handler: ({ params, ctx }) => registry.get(ctx, params.id),
  });
  route(app, {
    method: 'PUT',
    url: '/api/registry/entities/:id',
    operationId: 'putRegistryEntitiesById',
    errors: [409],
    summary: 'Replace an entity’s attributes (status is changed separately)',
    tags,
    params: idParamSchema,
    body: entityInputSchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => {
      await registry.update(ctx, params.id, body);
      return { ok: true as const };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/registry/entities/:id/status',
    operationId: 'postRegistryEntitiesByIdStatus',
    errors: [409],
    summary: 'Change an entity’s status with a reason (409 when the status table forbids it)',
    tags,
    params: idParamSchema,
    body: changeStatusBodySchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => {
      await registry.setStatus(ctx, params.id, body.to, body.reason);
      return { ok: true as const };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/registry/entities/:id/history',
    operationId: 'getRegistryEntitiesByIdHistory',
    summary: 'Status history: who, when, why, from which source',
    tags,
    params: idParamSchema,
    response: z.object({ items: z.array(statusHistoryItemSchema) }),
    handler: async ({ params, ctx }) => ({ items: await registry.history(ctx, params.id) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/registry/entities/:id/timeline',
    operationId: 'getRegistryEntitiesByIdTimeline',
    summary: '一企一档: everything that happened to the entity, newest first',
    tags,
    params: idParamSchema,
    response: timelineSchema,
    handler: async ({ params, ctx }) => ({ items: await registry.timeline(ctx, params.id) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/registry/imports/template',
    operationId: 'getRegistryImportsTemplate',
    summary: 'The .xlsx import template',
    tags,
    handler: async ({ ctx, reply }) => {
      const buf = await registry.importTemplate(ctx);
      const name = ctx.locale === 'en' ? 'entity-import-template.xlsx' : '市场主体导入模板.xlsx';
      return sendXlsx(reply, name, buf);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/registry/imports',
    operationId: 'postRegistryImports',
    errors: [400],
    summary: 'Upload an .xlsx or .csv (UTF-8 or GBK) as multipart field "file"; returns the preview, nothing is written yet',
    tags,
    response: importPreviewSchema,
    handler: async ({ req, ctx }) => {
      const file = req.isMultipart() ? await req.file() : undefined;
      if (!file) throw new AppError('registry.import_no_file', 400, {}, [{ field: 'file', message: 'registry.import_no_file' }]);
      const data = await file.toBuffer();
      return registry.previewImport(ctx, { fileName: file.filename || 'import', data });
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/registry/imports/:token',
    operationId: 'getRegistryImportsByToken',
    summary: 'A page of an import preview’s rows (filter by action)',
    tags,
    params: importTokenParamSchema,
    query: importPreviewQuerySchema,
    response: importPreviewSchema,
    handler: ({ params, query, ctx }) => registry.getImport(ctx, params.token, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/registry/imports/:token/confirm',
    operationId: 'postRegistryImportsByTokenConfirm',
    errors: [409],
    summary: 'Write every valid row of the preview in one transaction',
    tags,
    params: importTokenParamSchema,
    response: importConfirmResultSchema,
    handler: ({ params, ctx }) => registry.confirmImport(ctx, params.token),
  });
}
