import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  allocateBodySchema,
  allocationQuerySchema,
  allocationSchema,
  dateSchema,
  declarationBodySchema,
  declarationProposalSchema,
  declarationQuerySchema,
  declarationSchema,
  demandBodySchema,
  demandQuerySchema,
  demandSchema,
  idParamSchema,
  movementBodySchema,
  movementQuerySchema,
  movementSchema,
  pageOf,
  productionLineBodySchema,
  productionLineSchema,
  proposalQuerySchema,
  receiveBodySchema,
  stockPointBodySchema,
  stockPointQuerySchema,
  stockPointSchema,
  supplyItemBodySchema,
  supplyItemSchema,
  supplySettingsSchema,
  supplySummaryQuerySchema,
  supplySummarySchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import { sendXlsx } from '../../platform/excel';
import { localDate } from '../../platform/clock';
import type { AppServices } from '../../platform/module';

export function suppliesRoutes(app: FastifyInstance, { supplies, core }: AppServices): void {
  const tags = ['supplies'];
  const base = '/api/supplies';
  route(app, {
    method: 'GET',
    url: `${base}/items`,
    operationId: 'getSupplyItems',
    summary: 'The supply catalogue (active items; `all=true` with deactivated ones for admins)',
    tags,
    query: z.object({ all: z.enum(['true', 'false']).optional() }),
    response: z.array(supplyItemSchema),
    handler: ({ query, ctx }) => supplies.listItems(ctx, query.all === 'true'),
  });
  route(app, {
    method: 'POST',
    url: `${base}/items`,
    operationId: 'postSupplyItem',
    summary: 'Add an item to the catalogue',
    tags,
    body: supplyItemBodySchema,
    response: supplyItemSchema,
    handler: ({ body, ctx }) => supplies.saveItem(ctx, null, body),
  });
  route(app, {
    method: 'PUT',
    url: `${base}/items/:id`,
    operationId: 'putSupplyItem',
    summary: 'Edit an item (deactivate with active = false; items are never deleted)',
    tags,
    params: idParamSchema,
    body: supplyItemBodySchema,
    response: supplyItemSchema,
    handler: ({ params, body, ctx }) => supplies.saveItem(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: `${base}/settings`,
    operationId: 'getSupplySettings',
    summary: 'Days of stock below which an entity is on the demand list',
    tags,
    response: supplySettingsSchema,
    handler: ({ ctx }) => supplies.settings(ctx),
  });
  route(app, {
    method: 'PUT',
    url: `${base}/settings`,
    operationId: 'putSupplySettings',
    summary: 'Change the shortage threshold (days of stock)',
    tags,
    body: supplySettingsSchema,
    response: supplySettingsSchema,
    handler: ({ body, ctx }) => supplies.saveSettings(ctx, body),
  });

  route(app, {
    method: 'GET',
    url: `${base}/stock-points`,
    operationId: 'getStockPoints',
    errors: [404],
    summary: 'Reserves and producers in the caller’s area with their balances (as of `asOf` from the ledger) and lines',
    tags,
    query: stockPointQuerySchema,
    response: pageOf(stockPointSchema),
    handler: ({ query, ctx }) => supplies.stockPoints(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: `${base}/stock-points/:id`,
    operationId: 'getStockPoint',
    summary: 'One stock point with balances and production lines',
    tags,
    params: idParamSchema,
    query: z.object({ asOf: dateSchema.optional() }),
    response: stockPointSchema,
    handler: ({ params, query, ctx }) => supplies.stockPoint(ctx, params.id, query.asOf),
  });
  route(app, {
    method: 'POST',
    url: `${base}/stock-points`,
    operationId: 'postStockPoint',
    summary: 'Add a district or town reserve, or a registered producer',
    tags,
    body: stockPointBodySchema,
    response: stockPointSchema,
    handler: ({ body, ctx }) => supplies.createStockPoint(ctx, body),
  });
  route(app, {
    method: 'POST',
    url: `${base}/stock-points/:id/lines`,
    operationId: 'postProductionLine',
    summary: 'Add a production line to a producer',
    tags,
    params: idParamSchema,
    body: productionLineBodySchema,
    response: productionLineSchema,
    handler: ({ params, body, ctx }) => supplies.saveLine(ctx, params.id, null, body),
  });
  route(app, {
    method: 'PUT',
    url: `${base}/lines/:id`,
    operationId: 'putProductionLine',
    summary: 'Edit a production line (item, daily capacity, status)',
    tags,
    params: idParamSchema,
    body: productionLineBodySchema,
    response: productionLineSchema,
    handler: ({ params, body, ctx }) => supplies.saveLine(ctx, null, params.id, body),
  });

  route(app, {
    method: 'GET',
    url: `${base}/declarations/proposal`,
    operationId: 'getSupplyProposal',
    errors: [404],
    summary: 'Proposed need per item: staff on duty of the latest daily report × norm × days',
    tags,
    query: proposalQuerySchema,
    response: declarationProposalSchema,
    handler: ({ query, ctx }) => supplies.proposal(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: `${base}/declarations`,
    operationId: 'postSupplyDeclaration',
    errors: [404],
    summary: 'Declare stock and need per item; a stock lasting fewer days than the threshold opens a demand',
    tags,
    body: declarationBodySchema,
    response: declarationSchema,
    handler: ({ body, ctx }) => supplies.declare(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: `${base}/declarations`,
    operationId: 'getSupplyDeclarations',
    errors: [404],
    summary: 'Declarations: an enterprise’s own, or those of the caller’s area',
    tags,
    query: declarationQuerySchema,
    response: pageOf(declarationSchema),
    handler: ({ query, ctx }) => supplies.declarations(ctx, query),
  });

  route(app, {
    method: 'GET',
    url: `${base}/demands`,
    operationId: 'getSupplyDemands',
    errors: [404],
    summary: '需求清单: needs by item, most urgent (fewest days of stock) first',
    tags,
    query: demandQuerySchema,
    response: pageOf(demandSchema),
    handler: ({ query, ctx }) => supplies.demands(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: `${base}/demands/export`,
    operationId: 'getSupplyDemandsExport',
    errors: [404],
    summary: 'The demand list with the same filters as .xlsx',
    tags,
    query: demandQuerySchema.omit({ page: true, pageSize: true }),
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(reply, `supply-demands-${localDate(core.clock.now())}.xlsx`, await supplies.exportDemands(ctx, query)),
  });
  route(app, {
    method: 'GET',
    url: `${base}/demands/:id`,
    operationId: 'getSupplyDemand',
    summary: 'One demand',
    tags,
    params: idParamSchema,
    response: demandSchema,
    handler: ({ params, ctx }) => supplies.demand(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: `${base}/demands`,
    operationId: 'postSupplyDemand',
    summary: 'Open a need for one item (from a ticket, a liaison visit or by an officer)',
    tags,
    body: demandBodySchema,
    response: demandSchema,
    handler: ({ body, ctx }) => supplies.openDemand(ctx, body),
  });
  route(app, {
    method: 'POST',
    url: `${base}/demands/:id/cancel`,
    operationId: 'postSupplyDemandCancel',
    errors: [409],
    summary: 'Withdraw a demand nothing was allocated to',
    tags,
    params: idParamSchema,
    response: demandSchema,
    handler: ({ params, ctx }) => supplies.cancelDemand(ctx, params.id),
  });

  route(app, {
    method: 'POST',
    url: `${base}/allocations`,
    operationId: 'postSupplyAllocations',
    errors: [404, 409],
    summary:
      '调配: from one stock point to one or many demands; 409 (with what is left) when the stock or a demand ran out meanwhile',
    tags,
    body: allocateBodySchema,
    response: z.array(allocationSchema),
    handler: ({ body, ctx }) => supplies.allocate(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: `${base}/allocations`,
    operationId: 'getSupplyAllocations',
    errors: [404],
    summary: 'Allocations and deliveries: an enterprise’s own, or those of the caller’s area',
    tags,
    query: allocationQuerySchema,
    response: pageOf(allocationSchema),
    handler: ({ query, ctx }) => supplies.allocations(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: `${base}/allocations/:id/dispatch`,
    operationId: 'postSupplyAllocationDispatch',
    errors: [409],
    summary: 'Mark an allocation as sent out',
    tags,
    params: idParamSchema,
    response: allocationSchema,
    handler: ({ params, ctx }) => supplies.dispatch(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: `${base}/allocations/:id/receive`,
    operationId: 'postSupplyAllocationReceive',
    errors: [409],
    summary: 'Confirm receipt with the quantity that arrived (the enterprise, or a liaison on its behalf)',
    tags,
    params: idParamSchema,
    body: receiveBodySchema,
    response: allocationSchema,
    handler: ({ params, body, ctx }) => supplies.receive(ctx, params.id, body),
  });

  route(app, {
    method: 'POST',
    url: `${base}/movements`,
    operationId: 'postSupplyMovement',
    errors: [404, 409],
    summary: '台账: record a purchase, donation, production receipt, return or write-off (never below zero)',
    tags,
    body: movementBodySchema,
    response: z.object({ id: z.number().int(), onHand: z.number().int() }),
    handler: ({ body, ctx }) => supplies.recordMovement(ctx, body),
  });
  route(app, {
    method: 'GET',
    url: `${base}/movements`,
    operationId: 'getSupplyMovements',
    errors: [404],
    summary: 'The ledger of the caller’s area, newest first',
    tags,
    query: movementQuerySchema,
    response: pageOf(movementSchema),
    handler: ({ query, ctx }) => supplies.movements(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: `${base}/movements/export`,
    operationId: 'getSupplyMovementsExport',
    errors: [404],
    summary: 'The ledger with the same filters as .xlsx',
    tags,
    query: movementQuerySchema.omit({ page: true, pageSize: true }),
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(reply, `supply-ledger-${localDate(core.clock.now())}.xlsx`, await supplies.exportMovements(ctx, query)),
  });
  route(app, {
    method: 'GET',
    url: `${base}/summary`,
    operationId: 'getSupplySummary',
    errors: [404],
    summary: 'Shortages by town and item, reserves’ days of cover, production lines, spending — all from records',
    tags,
    query: supplySummaryQuerySchema,
    response: supplySummarySchema,
    handler: ({ query, ctx }) => supplies.summary(ctx, query),
  });
}
