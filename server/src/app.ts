import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import type { Core } from './core';
import { buildServices, type Services } from './services';
import { serverModules } from './modules/index';
import { registerAuth } from './platform/auth/auth.plugin';
import { registerErrorHandler } from './platform/error-handler';
import { registerSse } from './platform/sse';
import { notificationRoutes } from './platform/notify.routes';
import { registerSecurityHeaders } from './platform/security-headers';
import { useLeanAsyncResourceBind } from './platform/async-resource-bind';
import { trackRoutes, type RouteInfo } from './platform/http';
import { VERSION } from './version';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './platform/db-unavailable';

export interface AppOptions {
  logger?: boolean | Record<string, unknown>;
  /** Built web app to serve at /; absent in API tests. */
  webDist?: string | null;
}

export async function buildApp(
  core: Core,
  opts: AppOptions = {},
): Promise<{ app: FastifyInstance; services: Services; routes: RouteInfo[] }> {
  // every request body goes through AsyncResource#bind, which Node 20 makes costly
  useLeanAsyncResourceBind();
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: core.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    },
    requestIdHeader: false,
    exposeHeadRoutes: false,
    disableRequestLogging: false,
  });
  // validation is ours (platform/http.ts, localised); Fastify only carries the schemas for OpenAPI
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  const routes = trackRoutes(app);
  const services = buildServices(core);

  await app.register(cookie);
  registerSecurityHeaders(app);
  // limits apply only to routes that ask for one (login, public forms, partner API)
  await app.register(rateLimit, { global: false });
  // uploads (imports, attachments): one file per request; a route may ask for a smaller limit
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Fugong 复工通 API',
        version: VERSION,
        description: 'Epidemic prevention and resumption of work — public, staff and partner API.',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'fg_sid',
            description: 'Session cookie; state-changing calls also send x-csrf-token',
          },
          partnerKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
    },
  });
  // the API documentation is public, like the OpenAPI document it renders
  await app.register(async (docs) => {
    docs.addHook('onRoute', (r) => {
      r.config = { ...r.config, public: true };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs' });
  });

  registerAuth(app, services.sessions);
  registerErrorHandler(app);
  // once shutting down, a request still in flight is answered on a connection that then closes;
  // kept alive, it would hold server.close() until the keep-alive timeout
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  // readiness: 503 while the database cannot be reached (a load balancer sends traffic elsewhere);
  // liveness: the process answers, so a supervisor does not restart a node that only waits for its database
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: { summary: 'Readiness: the database answers (503 otherwise)', tags: ['platform'], operationId: 'getHealth' },
    },
    async (_req, reply) => {
      try {
        await core.db.selectFrom('region').select('code').limit(1).execute();
        return { status: 'ok', db: core.dialect, version: VERSION };
      } catch (err) {
        if (!isDatabaseUnavailable(err)) throw err;
        return reply
          .status(503)
          .header('retry-after', String(RETRY_AFTER_SECONDS))
          .send({ status: 'database_unavailable', db: core.dialect, version: VERSION });
      }
    },
  );
  app.get(
    '/api/health/live',
    {
      config: { public: true },
      schema: { summary: 'Liveness: the process answers', tags: ['platform'], operationId: 'getHealthLive' },
    },
    async () => ({ status: 'ok', version: VERSION }),
  );
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  registerSse(app, core.events);
  notificationRoutes(app, { db: core.db, notifications: services.notifications });

  for (const m of serverModules) m.routes?.(app, services);

  const webDist = opts.webDist;
  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, maxAge: '1h', index: false });
    const indexHtml = fs.readFileSync(path.join(webDist, 'index.html'));
    // the web app routes itself: any non-API GET gets index.html
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    });
  }
  return { app, services, routes };
}
