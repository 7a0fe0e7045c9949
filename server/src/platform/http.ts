import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RequestContext } from './context';
import { AppError, type FieldError } from './errors';
import { zodIssueMessage } from './i18n/index';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: Method;
  url: string;
  summary: string;
  /** Longer OpenAPI text (how to call it, what the errors mean), when the summary is not enough. */
  description?: string;
  tags: string[];
  body?: B;
  query?: Q;
  params?: P;
  response?: z.ZodType;
  /** Public routes need no session; everything else answers 401 without one. */
  public?: boolean;
  /** Per client IP unless keyGenerator says otherwise (e.g. per partner API key); max may depend on the key. */
  rateLimit?: {
    max: number | ((req: FastifyRequest, key: string) => number) | ((req: FastifyRequest, key: string) => Promise<number>);
    timeWindow: string | number;
    keyGenerator?: (req: FastifyRequest) => string | Promise<string>;
  };
  /** OpenAPI security of a public route that authenticates itself, e.g. [{ partnerKey: [] }]. */
  security?: Record<string, string[]>[];
  bodyLimit?: number;
  handler(input: {
    body: z.infer<B>;
    query: z.infer<Q>;
    params: z.infer<P>;
    ctx: RequestContext;
    req: FastifyRequest;
    reply: FastifyReply;
  }): Promise<unknown>;
}

function jsonSchema(s: z.ZodType | undefined, io: 'input' | 'output'): Record<string, unknown> | undefined {
  if (!s) return undefined;
  try {
    const out = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;
    delete out.$schema;
    return out;
  } catch {
    return {};
  }
}

/** Validate with the request's language: a failure is a 400 with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, ctx: RequestContext, prefix = ''): z.infer<S> {
  const r = schema.safeParse(data ?? {});
  if (r.success) return r.data;
  // one message per field: the first problem found is the one to fix first
  const fields: FieldError[] = [];
  for (const issue of r.error.issues) {
    const field = prefix + (issue.path.length ? issue.path.join('.') : '_');
    if (!fields.some((f) => f.field === field)) fields.push({ field, message: zodIssueMessage(ctx.locale, issue) });
  }
  throw new AppError('common.validation_failed', 400, {}, fields);
}

/**
 * The one way a module declares an endpoint: its contract schemas give validation and the
 * OpenAPI document; the handler calls one service function and returns its result.
 */
export function route<B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, P extends z.ZodType = z.ZodUnknown>(
  app: FastifyInstance,
  spec: RouteSpec<B, Q, P>,
): void {
  app.route({
    method: spec.method,
    url: spec.url,
    bodyLimit: spec.bodyLimit,
    config: { public: !!spec.public, ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}) },
    // absent parts are left out, not set to undefined (Fastify warns about undefined schemas)
    schema: {
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: spec.tags,
      ...(spec.body ? { body: jsonSchema(spec.body, 'input') } : {}),
      ...(spec.query ? { querystring: jsonSchema(spec.query, 'input') } : {}),
      ...(spec.params ? { params: jsonSchema(spec.params, 'input') } : {}),
      ...(spec.response ? { response: { 200: jsonSchema(spec.response, 'output') } } : {}),
      ...(spec.security ? { security: spec.security } : spec.public ? {} : { security: [{ session: [] }] }),
    },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      if (!spec.public && !ctx.actor) throw new AppError('auth.required', 401);
      const body = spec.body ? parseInput(spec.body, req.body, ctx) : undefined;
      const query = spec.query ? parseInput(spec.query, req.query, ctx) : undefined;
      const params = spec.params ? parseInput(spec.params, req.params, ctx) : undefined;
      const result = await spec.handler({ body, query, params, ctx, req, reply } as never);
      if (reply.sent) return reply;
      return result;
    },
  });
}

export interface RouteInfo {
  method: string;
  url: string;
  /** Declared as needing no session (`config.public`). */
  public: boolean;
}

/**
 * Records every route the app registers from now on (modules, plugins, platform endpoints),
 * so tests can sweep all of them without a hand-kept list.
 */
export function trackRoutes(app: FastifyInstance): RouteInfo[] {
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    // read when asked: hooks of inner plugin contexts run after this one and may still mark the route public
    for (const method of methods)
      routes.push({
        method,
        url: r.url,
        get public() {
          return !!(r.config as { public?: boolean } | undefined)?.public;
        },
      });
  });
  return routes;
}
