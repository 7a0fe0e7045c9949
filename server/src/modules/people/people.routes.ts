import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  idParamSchema,
  okSchema,
  pageOf,
  personAccessSchema,
  personInputSchema,
  personListQuerySchema,
  personSchema,
  personUpdateSchema,
  revealBodySchema,
  revealResultSchema,
  selfLookupBodySchema,
  selfViewSchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import { sendXlsx } from '../../platform/excel';
import { localDate } from '../../platform/clock';
import type { AppServices } from '../../platform/module';

export function peopleRoutes(app: FastifyInstance, { people, selfService, core }: AppServices): void {
  route(app, {
    method: 'GET',
    url: '/api/people',
    operationId: 'getPeople',
    summary: 'People in the caller’s area (masked); a whole ID number as q looks the person up by keyed hash',
    tags: ['people'],
    query: personListQuerySchema,
    response: pageOf(personSchema),
    handler: ({ query, ctx }) => people.list(ctx, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/people/export',
    operationId: 'getPeopleExport',
    summary: 'The filtered people list as .xlsx (ID numbers and phones masked; the export is audited)',
    tags: ['people'],
    query: personListQuerySchema.omit({ page: true, pageSize: true }),
    handler: async ({ query, ctx, reply }) =>
      sendXlsx(
        reply,
        `${ctx.locale === 'en' ? 'people' : '人员登记'}-${localDate(core.clock.now())}.xlsx`,
        await people.exportXlsx(ctx, query),
      ),
  });
  route(app, {
    method: 'POST',
    url: '/api/people',
    operationId: 'postPeople',
    errors: [409],
    summary: 'Register a person (ID number validated, stored encrypted; one record per number)',
    tags: ['people'],
    body: personInputSchema,
    response: z.object({ id: z.number().int() }),
    handler: async ({ body, ctx }) => ({ id: await people.create(ctx, body) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/people/:id',
    operationId: 'getPeopleById',
    summary: 'One person, masked; the view is logged',
    tags: ['people'],
    params: idParamSchema,
    response: personSchema,
    handler: ({ params, ctx }) => people.get(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/people/:id',
    operationId: 'patchPeopleById',
    summary: 'Change phone, residence, category or employer',
    tags: ['people'],
    params: idParamSchema,
    body: personUpdateSchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => {
      await people.update(ctx, params.id, body);
      return { ok: true as const };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/people/:id/reveal',
    operationId: 'postPeopleByIdReveal',
    summary: 'Show the clear ID number or phone, with a reason; audited and visible to the person',
    tags: ['people'],
    params: idParamSchema,
    body: revealBodySchema,
    response: revealResultSchema,
    handler: async ({ params, body, ctx }) => ({
      field: body.field,
      value: await people.reveal(ctx, params.id, body.field, body.reason),
    }),
  });
  route(app, {
    method: 'GET',
    url: '/api/people/:id/access-log',
    operationId: 'getPeopleByIdAccessLog',
    summary: 'Which officials viewed or changed this person’s record',
    tags: ['people'],
    params: idParamSchema,
    response: z.object({ items: z.array(personAccessSchema) }),
    handler: async ({ params, ctx }) => ({ items: await people.accessLog(ctx, params.id) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/public/people/self',
    operationId: 'postPublicPeopleSelf',
    errors: [404],
    summary: 'A person’s own record, passes, isolation and access log, after proving ID number and phone',
    tags: ['people', 'public'],
    public: true,
    rateLimit: { max: 10, timeWindow: '1 minute' },
    body: selfLookupBodySchema,
    response: selfViewSchema,
    handler: ({ body, ctx }) => selfService.view(ctx, body.idNumber, body.phone),
  });
}
