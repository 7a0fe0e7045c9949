import type { FastifyInstance } from 'fastify';
import type { EventBus, DomainEvent } from './events';
import { AppError } from './errors';
import { scopeOf, type Actor } from './permissions';
import { eventPermissions } from './event-permissions';

/**
 * Whether an actor receives an event: they hold the permission its type was declared with, and
 * the event lies in that permission's scope (region subtree, or their entity or venue).
 */
export function canSee(actor: Actor, e: DomainEvent): boolean {
  for (const perm of eventPermissions(e.type)) {
    if (!actor.permissions.has(perm)) continue;
    const scope = scopeOf(actor, perm);
    if (scope.all) return true;
    if (e.regionPath !== null && scope.regionPaths.some((p) => e.regionPath!.startsWith(p))) return true;
    if (typeof e.data.entityId === 'number' && scope.entityIds.includes(e.data.entityId)) return true;
    if (typeof e.data.venueId === 'number' && scope.venueIds.includes(e.data.venueId)) return true;
  }
  return false;
}

/**
 * GET /api/events: the domain events of the caller's regions as Server-Sent Events.
 * A heartbeat comment every 20 s keeps proxies from closing an idle stream.
 */
export function registerSse(app: FastifyInstance, events: EventBus): void {
  const open = new Set<() => void>();
  // streams never end by themselves; graceful shutdown ends them
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });
  app.get(
    '/api/events',
    {
      schema: {
        summary: 'Live domain events (text/event-stream)',
        tags: ['events'],
        operationId: 'getEvents',
        security: [{ session: [] }],
      },
    },
    (req, reply) => {
      const actor = req.ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const visible = (e: DomainEvent) => canSee(actor, e);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(': connected\n\n');
      const off = events.subscribe((e) => {
        if (visible(e)) res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
      });
      const beat = setInterval(() => res.write(': ping\n\n'), 20_000);
      const end = () => {
        clearInterval(beat);
        off();
        open.delete(end);
        if (!res.writableEnded) res.end();
        // an event stream's connection is not reused: kept alive, it would hold server.close() until it times out
        res.socket?.destroySoon();
      };
      open.add(end);
      req.raw.on('close', end);
    },
  );
}
