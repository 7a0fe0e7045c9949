import type { Kysely } from 'kysely';
import type { Locale, Role, Department } from '@fugong/contract';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import { makeActor, type Actor } from '../permissions';
import { randomToken, sha256Hex } from './tokens';

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  locale: Locale;
  mustChangePassword: boolean;
}

/** Server-side sessions in the database, so any node can serve any request. */
export function createSessions({ db, clock, hours }: { db: Kysely<DB>; clock: Clock; hours: number }) {
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
      const row = await db
        .selectFrom('session')
        .innerJoin('appUser', 'appUser.id', 'session.userId')
        .select(['appUser.id', 'appUser.username', 'appUser.displayName', 'appUser.locale', 'appUser.disabled', 'appUser.mustChangePassword', 'session.csrfToken', 'session.expiresAt'])
        .where('session.tokenHash', '=', sha256Hex(token))
        .executeTakeFirst();
      if (!row || row.disabled || row.expiresAt <= clock.now().toISOString()) return null;
      const grants = await db
        .selectFrom('userGrant')
        .select(['role', 'regionPath', 'department', 'entityId', 'venueId'])
        .where('userId', '=', row.id)
        .execute();
      const actor = makeActor(
        { id: row.id, username: row.username, displayName: row.displayName },
        grants.map((g) => ({ ...g, role: g.role as Role, department: g.department as Department | null })),
      );
      return { actor, csrfToken: row.csrfToken, locale: row.locale as Locale, mustChangePassword: !!row.mustChangePassword };
    },

    async destroy(token: string) {
      await db.deleteFrom('session').where('tokenHash', '=', sha256Hex(token)).execute();
    },

    async destroyAllFor(userId: number, exceptToken?: string) {
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
