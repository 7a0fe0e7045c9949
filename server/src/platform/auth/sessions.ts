import { preparedQuery } from '../../db/prepared';
import type { Kysely } from 'kysely';
import type { Locale, Role, Department } from '@fugong/contract';
import type { PlatformTables } from '../../db/schema';
import type { Clock } from '../clock';
import { makeActor, type Actor } from '../permissions';
import { randomToken, sha256Hex } from './tokens';

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  locale: Locale;
  mustChangePassword: boolean;
}

/** How long a node trusts a resolved session without asking the database again. */
export const SESSION_CACHE_MS = 5_000;
const CACHE_MAX = 10_000;

interface Cached {
  info: SessionInfo;
  userId: number;
  sessionExpiresAt: string;
  cachedUntil: number;
}

/**
 * Server-side sessions in the database, so any node can serve any request. Each node keeps a
 * resolved session for SESSION_CACHE_MS (two queries less on every request); sign-out, password
 * and grant changes drop the entries at once on the node that made them, other nodes follow
 * within that window.
 */
// resolved on every request whose session is not cached on this node: compiled once
const sessionByHash = preparedQuery('sessions.sessionByHash', (db: Kysely<PlatformTables>, p: { hash: string }) =>
  db
    .selectFrom('session')
    .innerJoin('appUser', 'appUser.id', 'session.userId')
    .select([
      'appUser.id',
      'appUser.username',
      'appUser.displayName',
      'appUser.locale',
      'appUser.disabled',
      'appUser.mustChangePassword',
      'session.csrfToken',
      'session.expiresAt',
    ])
    .where('session.tokenHash', '=', p.hash),
);
const grantsOf = preparedQuery('sessions.grantsOf', (db: Kysely<PlatformTables>, p: { userId: number }) =>
  db.selectFrom('userGrant').select(['role', 'regionPath', 'department', 'entityId', 'venueId']).where('userId', '=', p.userId),
);

export function createSessions({ db, clock, hours }: { db: Kysely<PlatformTables>; clock: Clock; hours: number }) {
  const cache = new Map<string, Cached>();
  const forgetUser = (userId: number) => {
    for (const [k, v] of cache) if (v.userId === userId) cache.delete(k);
  };
  return {
    async create(userId: number, meta: { ip: string | null; userAgent: string | null }) {
      const token = randomToken();
      const csrfToken = randomToken(24);
      const now = clock.now();
      await db
        .insertInto('session')
        .values({
          tokenHash: sha256Hex(token),
          userId,
          csrfToken,
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + hours * 3600_000).toISOString(),
          ip: meta.ip,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
        })
        .execute();
      return { token, csrfToken, maxAgeSeconds: hours * 3600 };
    },

    async resolve(token: string): Promise<SessionInfo | null> {
      const hash = sha256Hex(token);
      const now = clock.now();
      const hit = cache.get(hash);
      if (hit && hit.cachedUntil > now.getTime() && hit.sessionExpiresAt > now.toISOString()) return hit.info;
      if (hit) cache.delete(hash);
      const [row] = await sessionByHash(db, { hash });
      if (!row || row.disabled || row.expiresAt <= now.toISOString()) return null;
      const grants = await grantsOf(db, { userId: row.id });
      const actor = makeActor(
        { id: row.id, username: row.username, displayName: row.displayName },
        grants.map((g) => ({ ...g, role: g.role as Role, department: g.department as Department | null })),
      );
      const info = {
        actor,
        csrfToken: row.csrfToken,
        locale: row.locale as Locale,
        mustChangePassword: !!row.mustChangePassword,
      };
      if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
      cache.set(hash, { info, userId: row.id, sessionExpiresAt: row.expiresAt, cachedUntil: now.getTime() + SESSION_CACHE_MS });
      return info;
    },

    /** The user's details or grants changed: resolve their sessions afresh on this node. */
    forgetUser,

    async destroy(token: string) {
      cache.delete(sha256Hex(token));
      await db.deleteFrom('session').where('tokenHash', '=', sha256Hex(token)).execute();
    },

    async destroyAllFor(userId: number, exceptToken?: string) {
      forgetUser(userId);
      let q = db.deleteFrom('session').where('userId', '=', userId);
      if (exceptToken) q = q.where('tokenHash', '!=', sha256Hex(exceptToken));
      await q.execute();
    },

    async purgeExpired() {
      const r = await db.deleteFrom('session').where('expiresAt', '<=', clock.now().toISOString()).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;
