import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createUserBodySchema,
  idParamSchema,
  okSchema,
  pageOf,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userSchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import type { AppServices } from '../../platform/module';

export function usersRoutes(app: FastifyInstance, { users }: AppServices): void {
  route(app, {
    method: 'GET',
    url: '/api/users',
    operationId: 'getUsers',
    summary: 'List users (search, role and status filters, paginated)',
    tags: ['users'],
    query: userListQuerySchema,
    response: pageOf(userSchema),
    handler: ({ query, ctx }) =>
      users.list(ctx, { ...query, disabled: query.disabled === undefined ? undefined : query.disabled === 'true' }),
  });
  route(app, {
    method: 'GET',
    url: '/api/users/:id',
    operationId: 'getUsersById',
    summary: 'One user with grants',
    tags: ['users'],
    params: idParamSchema,
    response: userSchema,
    handler: ({ params, ctx }) => users.get(ctx, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/users',
    operationId: 'postUsers',
    errors: [409],
    summary: 'Create a user with grants; the user must change the password at first sign-in',
    tags: ['users'],
    body: createUserBodySchema,
    response: z.object({ id: z.number().int() }),
    handler: async ({ body, ctx }) => ({ id: await users.create(ctx, body) }),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/users/:id',
    operationId: 'patchUsersById',
    errors: [409],
    summary: 'Rename, disable/enable, or replace grants (signs the user out)',
    tags: ['users'],
    params: idParamSchema,
    body: updateUserBodySchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => {
      await users.update(ctx, params.id, body);
      return { ok: true as const };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/users/:id/reset-password',
    operationId: 'postUsersByIdResetPassword',
    summary: 'Set a temporary password; the user must change it at next sign-in',
    tags: ['users'],
    params: idParamSchema,
    body: resetPasswordBodySchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => {
      await users.resetPassword(ctx, params.id, body.password);
      return { ok: true as const };
    },
  });
}
