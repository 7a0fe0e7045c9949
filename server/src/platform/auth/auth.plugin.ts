import type { FastifyInstance } from 'fastify';
import type { Sessions } from './sessions';
import { pickLocale } from '../i18n/index';
import { AppError } from '../errors';
import { safeEqual } from './tokens';
import type { RequestContext } from '../context';
import type { Locale } from '@fugong/contract';

export const SESSION_COOKIE = 'fg_sid';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    sessionToken: string | null;
    csrfToken: string | null;
    mustChangePassword: boolean;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOCALES = new Set<string>(['zh-CN', 'zh-TW', 'en']);

/**
 * Resolves the session cookie into the request's actor once per request, and requires the
 * CSRF header on every state-changing request made with that cookie.
 */
export function registerAuth(app: FastifyInstance, sessions: Sessions): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mustChangePassword', false);

  app.addHook('onRequest', async (req) => {
    const asked = req.headers['x-locale'];
    const headerLocale =
      typeof asked === 'string' && LOCALES.has(asked) ? (asked as Locale) : pickLocale(req.headers['accept-language']);
    req.ctx = { actor: null, ip: req.ip ?? null, requestId: String(req.id), locale: headerLocale };
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token) return;
    const info = await sessions.resolve(token);
    if (!info) return;
    req.sessionToken = token;
    req.csrfToken = info.csrfToken;
    req.mustChangePassword = info.mustChangePassword;
    req.ctx.actor = info.actor;
    if (typeof asked !== 'string') req.ctx.locale = info.locale;
    if (!SAFE.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, info.csrfToken)) throw new AppError('auth.csrf', 403);
    }
  });
}
