import type { FastifyInstance } from 'fastify';
import type { AnyDb } from '../db/schema';
import { z } from 'zod';
import { notificationListSchema, okSchema } from '@fugong/contract';
import { route } from './http';
import type { Notifier } from './notify';

/**
 * The signed-in user's own in-app notifications. Every module sends them (through the notifier,
 * inside its own transactions); reading them needs no permission beyond being signed in, and a
 * user only ever sees or marks their own.
 */
export function notificationRoutes(app: FastifyInstance, { db, notifications }: { db: AnyDb; notifications: Notifier }): void {
  const tags = ['notifications'];
  route(app, {
    method: 'GET',
    url: '/api/notifications',
    operationId: 'getNotifications',
    summary: "The caller's notifications, newest first, with the unread count",
    tags,
    query: z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }),
    response: notificationListSchema,
    handler: ({ query, ctx }) =>
      notifications.listFor(db, ctx.actor!.id, { unreadOnly: query.unread === 'true', limit: query.limit }),
  });
  route(app, {
    method: 'POST',
    url: '/api/notifications/read',
    operationId: 'postNotificationsRead',
    summary: 'Mark one notification (id) or all as read',
    tags,
    body: z.object({ id: z.number().int().positive().optional() }),
    response: okSchema,
    handler: async ({ body, ctx }) => {
      await notifications.markRead(db, ctx.actor!.id, body.id ?? 'all');
      return { ok: true as const };
    },
  });
}
