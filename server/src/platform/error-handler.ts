import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from './errors';
import { t, hasMessage } from './i18n/index';
import { pickLocale } from './i18n/index';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './db-unavailable';

/** One serializer for every error: stable code, localised message, per-field messages; no internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const locale = req.ctx?.locale ?? pickLocale(req.headers['accept-language']);
    const requestId = String(req.id);
    if (err instanceof AppError) {
      return reply.status(err.status).send({
        code: err.code,
        message: t(locale, err.code, err.params),
        requestId,
        ...(err.fields
          ? {
              fields: err.fields.map((f) => ({
                field: f.field,
                message: hasMessage(f.message) ? t(locale, f.message, err.params) : f.message,
              })),
            }
          : {}),
      });
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status === 429)
      return reply.status(429).send({ code: 'common.rate_limited', message: t(locale, 'common.rate_limited'), requestId });
    if (status === 413)
      return reply.status(413).send({ code: 'common.body_too_large', message: t(locale, 'common.body_too_large'), requestId });
    if (status >= 400 && status < 500) {
      req.log.info({ err: err.message }, 'client error');
      return reply.status(status).send({ code: 'common.bad_json', message: t(locale, 'common.bad_json'), requestId });
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err: (err as Error).message }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({
          code: 'common.unavailable',
          message: t(locale, 'common.unavailable', { seconds: RETRY_AFTER_SECONDS }),
          requestId,
        });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ code: 'common.internal', message: t(locale, 'common.internal', { requestId }), requestId });
  });

  app.setNotFoundHandler((req, reply) => {
    const locale = req.ctx?.locale ?? pickLocale(req.headers['accept-language']);
    return reply
      .status(404)
      .send({ code: 'common.route_not_found', message: t(locale, 'common.route_not_found'), requestId: String(req.id) });
  });
}
