import type { Kysely } from 'kysely';
import type { Department, Role } from '@fugong/contract';
import type { AnyQueryable, PlatformTables } from '../db/schema';
import type { Clock } from './clock';
import { userIdsWith } from './grants';

// callers pass their own module's handle; these queries touch only the platform's tables
type Db = AnyQueryable;
const platform = (db: Db) => db as Kysely<PlatformTables>;

export interface NotificationInput {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
}

/**
 * In-app notifications (the platform `notification` table). Written inside the caller's
 * transaction, so a notice exists if and only if what it announces does.
 */
export function createNotifier({ clock }: { clock: Clock }) {
  return {
    async send(db: Db, userIds: Iterable<number>, n: NotificationInput): Promise<number> {
      const ids = [...new Set(userIds)];
      if (ids.length === 0) return 0;
      const createdAt = clock.now().toISOString();
      await platform(db)
        .insertInto('notification')
        .values(
          ids.map((userId) => ({
            userId,
            kind: n.kind,
            title: n.title.slice(0, 200),
            body: n.body ?? null,
            link: n.link ?? null,
            createdAt,
            readAt: null,
          })),
        )
        .execute();
      return ids.length;
    },

    /**
     * Users holding `role` whose grant covers the region path (their subtree contains it),
     * optionally only of one department; disabled users are left out.
     */
    usersCovering(db: Db, role: Role, regionPath: string, department?: Department | null): Promise<number[]> {
      return userIdsWith(db, { role, covering: regionPath, department });
    },

    async listFor(db: Db, userId: number, opts: { unreadOnly: boolean; limit: number }) {
      let q = platform(db).selectFrom('notification').selectAll().where('userId', '=', userId);
      if (opts.unreadOnly) q = q.where('readAt', 'is', null);
      const items = await q.orderBy('id', 'desc').limit(opts.limit).execute();
      const { n } = await platform(db)
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('userId', '=', userId)
        .where('readAt', 'is', null)
        .executeTakeFirstOrThrow();
      return { items: items.map(({ userId: _u, ...r }) => ({ ...r, id: Number(r.id) })), unread: Number(n) };
    },

    async markRead(db: Db, userId: number, id: number | 'all'): Promise<void> {
      let q = platform(db)
        .updateTable('notification')
        .set({ readAt: clock.now().toISOString() })
        .where('userId', '=', userId)
        .where('readAt', 'is', null);
      if (id !== 'all') q = q.where('id', '=', id);
      await q.execute();
    },
  };
}
export type Notifier = ReturnType<typeof createNotifier>;

/** Display names and roles of users, for modules that assign work to people (liaisons, teams). */
export async function userSummaries(
  db: Db,
  ids: number[],
): Promise<Map<number, { id: number; displayName: string; roles: string[] }>> {
  const out = new Map<number, { id: number; displayName: string; roles: string[] }>();
  if (ids.length === 0) return out;
  const rows = await platform(db)
    .selectFrom('appUser')
    .leftJoin('userGrant', 'userGrant.userId', 'appUser.id')
    .select(['appUser.id', 'appUser.displayName', 'userGrant.role'])
    .where('appUser.id', 'in', [...new Set(ids)])
    .execute();
  for (const r of rows) {
    const id = Number(r.id);
    const u = out.get(id) ?? { id, displayName: r.displayName, roles: [] };
    if (r.role) u.roles.push(r.role);
    out.set(id, u);
  }
  return out;
}
