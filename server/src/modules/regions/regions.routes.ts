import type { FastifyInstance } from 'fastify';
import { regionChildrenQuerySchema, regionListSchema, regionSearchQuerySchema } from '@fugong/contract';
import { route } from '../../platform/http';
import type { AppServices } from '../../platform/module';

export function regionsRoutes(app: FastifyInstance, { regions }: AppServices): void {
  route(app, {
    method: 'GET',
    url: '/api/regions',
    operationId: 'getRegions',
    errors: [404],
    summary: 'Children of a region (or the caller’s top regions when no parent is given)',
    tags: ['regions'],
    query: regionChildrenQuerySchema,
    response: regionListSchema,
    handler: async ({ query, ctx }) => ({ items: await regions.children(ctx, query.parent) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/regions/search',
    operationId: 'getRegionsSearch',
    summary: 'Find regions by name or code within the caller’s scope',
    tags: ['regions'],
    query: regionSearchQuerySchema,
    response: regionListSchema,
    handler: async ({ query, ctx }) => ({ items: await regions.search(ctx, query.q, query.limit) }),
  });
}
