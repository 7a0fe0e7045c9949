import type { FastifyInstance } from 'fastify';
import { changePasswordBodySchema, localeBodySchema, loginBodySchema, meSchema, okSchema } from '@fugong/contract';
import { route } from '../../platform/http';
import { AppError } from '../../platform/errors';
import { SESSION_COOKIE } from '../../platform/auth/auth.plugin';
import type { AppServices } from '../../platform/module';

export function authRoutes(app: FastifyInstance, { users, core }: AppServices): void {
  const { sessions } = core;
  route(app, {
    method: 'POST',
    url: '/api/auth/login',
    operationId: 'postAuthLogin',
    errors: [401, 403],
    summary: 'Sign in with username and password; sets the session cookie and returns the CSRF token',
    tags: ['auth'],
    public: true,
    rateLimit: { max: 30, timeWindow: '1 minute' },
    body: loginBodySchema,
    response: meSchema,
    handler: async ({ body, ctx, req, reply }) => {
      const session = await users.login(ctx, body.username, body.password, req.headers['user-agent'] ?? null);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        maxAge: session.maxAgeSeconds,
      });
      // the session is new; resolve it the way every later request will
      const resolved = await sessions.resolve(session.token);
      if (!resolved) throw new AppError('auth.required', 401);
      return users.me({ ...ctx, actor: resolved.actor }, session.csrfToken, resolved.mustChangePassword);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/logout',
    operationId: 'postAuthLogout',
    summary: 'Sign out: ends the session',
    tags: ['auth'],
    public: true,
    response: okSchema,
    handler: async ({ req, reply }) => {
      if (req.sessionToken) await sessions.destroy(req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/auth/me',
    operationId: 'getAuthMe',
    summary: 'The signed-in user, grants, permissions and CSRF token',
    tags: ['auth'],
    response: meSchema,
    handler: async ({ ctx, req }) => users.me(ctx, req.csrfToken!, req.mustChangePassword),
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/password',
    operationId: 'postAuthPassword',
    summary: 'Change one’s own password (other sessions are signed out)',
    tags: ['auth'],
    rateLimit: { max: 10, timeWindow: '1 minute' },
    body: changePasswordBodySchema,
    response: okSchema,
    handler: async ({ body, ctx, req }) => {
      await users.changePassword(ctx, req.sessionToken!, body.currentPassword, body.newPassword);
      return { ok: true as const };
    },
  });

  route(app, {
    method: 'PUT',
    url: '/api/auth/locale',
    operationId: 'putAuthLocale',
    summary: 'Remember the interface language for this user',
    tags: ['auth'],
    body: localeBodySchema,
    response: okSchema,
    handler: async ({ body, ctx }) => {
      await users.setLocale(ctx, body.locale);
      return { ok: true as const };
    },
  });
}
