import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  assignTicketBodySchema,
  confirmTicketBodySchema,
  createTicketBodySchema,
  handleTicketBodySchema,
  idParamSchema,
  mergeTicketBodySchema,
  noteBodySchema,
  okSchema,
  optionalNoteBodySchema,
  pageOf,
  pageQuerySchema,
  ticketCategoryBodySchema,
  ticketCategoryPatchSchema,
  ticketCategorySchema,
  ticketDetailSchema,
  ticketExportQuerySchema,
  ticketListQuerySchema,
  ticketSchema,
  ticketStatsQuerySchema,
  ticketStatsSchema,
  whistleBodySchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import { recordFileRoutes } from '../../platform/files';
import { sendXlsx } from '../../platform/excel';
import { localDate } from '../../platform/clock';
import type { AppServices } from '../../platform/module';

export function ticketsRoutes(app: FastifyInstance, { tickets, core }: AppServices): void {
  const tags = ['tickets'];
  route(app, {
    method: 'GET',
    url: '/api/tickets',
    operationId: 'getTickets',
    summary: 'Tickets the caller may see (filters, paginated)',
    tags,
    query: ticketListQuerySchema,
    response: pageOf(ticketSchema),
    handler: ({ query, ctx }) => tickets.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/tickets/export',
    operationId: 'getTicketsExport',
    summary: 'The filtered ticket list as .xlsx',
    tags,
    query: ticketExportQuerySchema,
    handler: async ({ query, ctx, reply }) => {
      const buf = await tickets.exportXlsx(ctx, query);
      return sendXlsx(reply, `tickets-${localDate(core.clock.now())}.xlsx`, buf);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/tickets/leaders-queue',
    operationId: 'getTicketsLeadersQueue',
    summary: '区领导报到: open tickets escalated to the district leaders',
    tags,
    query: pageQuerySchema,
    response: pageOf(ticketSchema),
    handler: ({ query, ctx }) => tickets.leadersQueue(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/tickets/stats',
    operationId: 'getTicketsStats',
    summary: 'Received, closed, on-time %, average handling time, reopen rate, satisfaction per department or region',
    tags,
    query: ticketStatsQuerySchema,
    response: ticketStatsSchema,
    handler: ({ query, ctx }) => tickets.stats(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/tickets/stats/export',
    operationId: 'getTicketsStatsExport',
    summary: 'The statistics as .xlsx',
    tags,
    query: ticketStatsQuerySchema,
    handler: async ({ query, ctx, reply }) => {
      const buf = await tickets.statsXlsx(ctx, query);
      return sendXlsx(reply, `ticket-stats-${localDate(core.clock.now())}.xlsx`, buf);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/tickets/categories',
    operationId: 'getTicketsCategories',
    summary: 'Ticket categories (all=true includes inactive ones)',
    tags,
    query: z.object({ all: z.enum(['true', 'false']).optional() }),
    response: z.array(ticketCategorySchema),
    handler: ({ query, ctx }) => tickets.categories(ctx, query.all === 'true'),
  });
  route(app, {
    method: 'POST',
    url: '/api/tickets/categories',
    operationId: 'postTicketsCategories',
    errors: [409],
    summary: 'Add a category with its default department and SLA',
    tags,
    body: ticketCategoryBodySchema,
    response: ticketCategorySchema,
    handler: ({ body, ctx }) => tickets.createCategory(ctx, body),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/tickets/categories/:id',
    operationId: 'patchTicketsCategoriesById',
    summary: 'Change a category',
    tags,
    params: idParamSchema,
    body: ticketCategoryPatchSchema,
    response: ticketCategorySchema,
    handler: ({ params, body, ctx }) => tickets.updateCategory(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/tickets',
    operationId: 'postTickets',
    summary: 'Report a problem (enterprise self-report or staff)',
    tags,
    body: createTicketBodySchema,
    response: ticketSchema,
    handler: ({ body, ctx }) => tickets.create(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/tickets/:id',
    operationId: 'getTicketsById',
    summary: 'One ticket with its timeline and what the caller may do',
    tags,
    params: idParamSchema,
    response: ticketDetailSchema,
    handler: ({ params, ctx }) => tickets.get(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/tickets/:id/assign',
    operationId: 'postTicketsByIdAssign',
    errors: [409],
    summary: '交办 to a department with a deadline',
    tags,
    params: idParamSchema,
    body: assignTicketBodySchema,
    response: ticketSchema,
    handler: ({ params, body, ctx }) => tickets.assign(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/tickets/:id/reassign',
    operationId: 'postTicketsByIdReassign',
    summary: 'Hand to another department',
    tags,
    params: idParamSchema,
    body: assignTicketBodySchema,
    response: ticketSchema,
    handler: ({ params, body, ctx }) => tickets.reassign(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/tickets/:id/accept',
    operationId: 'postTicketsByIdAccept',
    summary: 'The department accepts the ticket',
    tags,
    params: idParamSchema,
    body: optionalNoteBodySchema,
    response: ticketSchema,
    handler: ({ params, body, ctx }) => tickets.accept(ctx, params.id, body.note),
  });
  route(app, {
    method: 'POST',
    url: '/api/tickets/:id/handle',
    operationId: 'postTicketsByIdHandle',
    errors: [409],
    summary: 'The department records its result; the enterprise is asked to confirm',
    tags,
    params: idParamSchema,
    body: handleTicketBodySchema,
    response: ticketSchema,
    handler: ({ params, body, ctx }) => tickets.handle(ctx, params.id, body.result),
  });
  route(app, {
    method: 'POST',
    url: '/api/tickets/:id/confirm',
    operationId: 'postTicketsByIdConfirm',
    summary: 'The enterprise confirms with a satisfaction score: 销号',
    tags,
    params: idParamSchema,
    body: confirmTicketBodySchema,
    response: ticketSchema,
    handler: ({ params, body, ctx }) => tickets.confirm(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/tickets/:id/reopen',
    operationId: 'postTicketsByIdReopen',
    errors: [409],
    summary: 'The enterprise is not satisfied: back to the department',
    tags,
    params: idParamSchema,
    body: noteBodySchema,
    response: ticketSchema,
    handler: ({ params, body, ctx }) => tickets.reopen(ctx, params.id, body.note),
  });
  route(app, {
    method: 'POST',
    url: '/api/tickets/:id/close',
    operationId: 'postTicketsByIdClose',
    summary: 'Close out by staff (invalid problem, no answer from the enterprise)',
    tags,
    params: idParamSchema,
    body: noteBodySchema,
    response: ticketSchema,
    handler: ({ params, body, ctx }) => tickets.close(ctx, params.id, body.note),
  });
  route(app, {
    method: 'POST',
    url: '/api/tickets/:id/merge',
    operationId: 'postTicketsByIdMerge',
    summary: 'Merge a duplicate into another ticket',
    tags,
    params: idParamSchema,
    body: mergeTicketBodySchema,
    response: ticketSchema,
    handler: ({ params, body, ctx }) => tickets.merge(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/tickets/:id/whistle',
    operationId: 'postTicketsByIdWhistle',
    errors: [409],
    summary: '吹哨: escalate by hand (one level, or straight to a chosen higher level)',
    tags,
    params: idParamSchema,
    body: whistleBodySchema,
    response: ticketSchema,
    handler: ({ params, body, ctx }) => tickets.whistle(ctx, params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/tickets/:id/acknowledge',
    operationId: 'postTicketsByIdAcknowledge',
    summary: '区领导报到: a leader takes up an escalated ticket',
    tags,
    params: idParamSchema,
    body: optionalNoteBodySchema,
    response: ticketSchema,
    handler: ({ params, body, ctx }) => tickets.acknowledge(ctx, params.id, body.note),
  });
  route(app, {
    method: 'POST',
    url: '/api/tickets/:id/comments',
    operationId: 'postTicketsByIdComments',
    summary: 'Add a comment to the timeline',
    tags,
    params: idParamSchema,
    body: noteBodySchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => {
      await tickets.comment(ctx, params.id, body.note);
      return { ok: true as const };
    },
  });

  recordFileRoutes(app, { base: '/api/tickets', tags, what: 'ticket', attach: tickets.attach, open: tickets.openFile });
}
