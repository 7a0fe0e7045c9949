import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorBodySchema } from '@fugong/contract';
import type { RequestContext } from './context';
import { recordMismatch } from './response-check';
import { AppError, type FieldError } from './errors';
import { zodIssueMessage } from './i18n/index';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Error answers a route may give besides the ones every route of its kind gets (see `documentedErrors`). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 423 | 429 | 503;

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: Method;
  url: string;
  /** Stable name of the operation in the OpenAPI document (what a generated client calls it), unique in the app. */
  operationId: string;
  /** Error answers beyond the defaults (400 with input, 401/403 unless public, 404 with a path parameter, 429 with a rate limit). */
  errors?: readonly ErrorStatus[];
  /** Status of a successful answer when not 200 (e.g. 201); documented with `response`. */
  successStatus?: 200 | 201 | 202 | 204;
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

/** The error statuses a route documents: what every route of its kind can answer, and its own. */
export function documentedErrors(spec: {
  url: string;
  public?: boolean;
  body?: unknown;
  query?: unknown;
  params?: unknown;
  rateLimit?: unknown;
  errors?: readonly ErrorStatus[];
}): number[] {
  const out = new Set<number>(spec.errors ?? []);
  if (spec.body || spec.query || spec.params) out.add(400);
  if (!spec.public) {
    out.add(401);
    out.add(403);
  }
  if (spec.url.includes(':')) out.add(404);
  if (spec.rateLimit) out.add(429);
  // any route can meet an unexpected error, or a database that is away for a moment
  out.add(500);
  out.add(503);
  return [...out].sort((a, b) => a - b);
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input: `fields` names each field with a message in the request's language",
  401: 'No valid session',
  403: 'The caller lacks the permission',
  404: "No such record, or not in the caller's scope",
  405: 'Method not allowed',
  409: 'Conflicts with the current state (changed meanwhile, already done, capacity reached …)',
  410: 'Gone: expired or withdrawn',
  413: 'Body or file too large',
  415: 'Unsupported file type',
  422: 'Well-formed but refused by a rule',
  423: 'Locked',
  429: 'Too many requests: slow down and retry later',
  500: 'Unexpected error (logged with the request id)',
  503: 'Temporarily unavailable (e.g. the database): retry after the `Retry-After` seconds',
};
let errorJson: Record<string, unknown> | undefined;
function errorResponses(statuses: number[]): Record<number, unknown> {
  errorJson ??= jsonSchema(errorBodySchema, 'output');
  return Object.fromEntries(statuses.map((s) => [s, { description: ERROR_DESCRIPTIONS[s] ?? 'Error', ...errorJson }]));
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
/** `GET /api/filings/:id/draft` → `getFilingsByIdDraft`: for routes whose path is computed. */
export function operationIdFor(method: Method, url: string): string {
  const words = url
    .split('/')
    .filter((x) => x && x !== 'api')
    .flatMap((seg) => (seg.startsWith(':') ? ['by', seg.slice(1)] : seg.split(/[-_.]/)))
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1)))].join('');
}

let checking = false;
/** Check every answer against the route's documented schema and statuses (the test suite turns this on). */
export function checkResponses(on: boolean): void {
  checking = on;
}

function checkBody(spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>, body: unknown): void {
  const r = spec.response!.safeParse(body);
  const where = `${spec.method} ${spec.url}`;
  if (!r.success) {
    recordMismatch(
      where,
      `body does not match its schema: ${r.error.issues.map((i) => `${i.path.join('.') || '_'} ${i.message}`).join('; ')}`,
    );
    return;
  }
  const extra = undeclaredKeys(body, r.data, '');
  if (extra.length) recordMismatch(where, `undocumented fields: ${extra.slice(0, 5).join(', ')}`);
}

function statusCheck(spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>) {
  const allowed = new Set([spec.successStatus ?? 200, ...documentedErrors(spec)]);
  // a route that answers a file or a stream (no response schema) may also redirect or answer 304
  return (_req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, p: unknown) => void) => {
    if (!allowed.has(reply.statusCode) && !(reply.statusCode === 413 || reply.statusCode === 415 || reply.statusCode === 304))
      recordMismatch(`${spec.method} ${spec.url}`, `status ${reply.statusCode} is not documented`);
    done(null, payload);
  };
}

/** Keys the raw answer carries that the parsed (stripped) one does not: fields the document does not declare. */
function undeclaredKeys(raw: unknown, parsed: unknown, at: string): string[] {
  if (Array.isArray(raw) && Array.isArray(parsed))
    return raw.flatMap((x, i) => undeclaredKeys(x, parsed[i], `${at}[${i}]`)).slice(0, 5);
  if (!raw || !parsed || typeof raw !== 'object' || typeof parsed !== 'object' || raw instanceof Date) return [];
  const out: string[] = [];
  for (const k of Object.keys(raw)) {
    const v = (raw as Record<string, unknown>)[k];
    if (!(k in parsed)) {
      if (v !== undefined) out.push(at ? `${at}.${k}` : k);
    } else out.push(...undeclaredKeys(v, (parsed as Record<string, unknown>)[k], at ? `${at}.${k}` : k));
  }
  return out;
}

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
      operationId: spec.operationId,
      response: {
        ...(spec.response ? { [spec.successStatus ?? 200]: jsonSchema(spec.response, 'output') } : {}),
        ...errorResponses(documentedErrors(spec)),
      },
      ...(spec.security ? { security: spec.security } : spec.public ? {} : { security: [{ session: [] }] }),
    },
    ...(checking ? { onSend: statusCheck(spec) } : {}),
    handler: async (req, reply) => {
      const ctx = req.ctx;
      if (!spec.public && !ctx.actor) throw new AppError('auth.required', 401);
      const body = spec.body ? parseInput(spec.body, req.body, ctx) : undefined;
      const query = spec.query ? parseInput(spec.query, req.query, ctx) : undefined;
      const params = spec.params ? parseInput(spec.params, req.params, ctx) : undefined;
      const result = await spec.handler({ body, query, params, ctx, req, reply } as never);
      if (reply.sent) return reply;
      if (checking && spec.response) checkBody(spec, result);
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
