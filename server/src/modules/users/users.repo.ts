import type { Insertable } from 'kysely';
import type { AppUserTable } from '../../db/schema';
import type { Dialect } from '../../db/database';
import { containsText } from '../../db/sql-helpers';
import type { Queryable } from '../../platform/module';
import type { UsersTables } from './users.tables';

type Db = Queryable<UsersTables>;

export interface GrantRow {
  id: number;
  userId: number;
  role: string;
  regionCode: string | null;
  regionPath: string | null;
  department: string | null;
  entityId: number | null;
  venueId: number | null;
}

export function usersRepo(dialect: Dialect) {
  return {
    byUsername(db: Db, username: string) {
      return db.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirst();
    },
    byId(db: Db, id: number) {
      return db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();
    },
    grantsOf(db: Db, userIds: number[]): Promise<GrantRow[]> {
      if (userIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('userGrant').selectAll().where('userId', 'in', userIds).orderBy('id').execute();
    },
    /** Users visible to a scope: all, or those holding at least one grant inside the given subtrees. */
    list(
      db: Db,
      f: { q?: string; role?: string; disabled?: boolean; underPaths: string[] | null; offset: number; limit: number },
    ) {
      let q = db.selectFrom('appUser');
      if (f.q)
        q = q.where((eb) =>
          eb.or([containsText(eb, 'app_user.username', f.q!, dialect), containsText(eb, 'app_user.display_name', f.q!, dialect)]),
        );
      if (f.disabled !== undefined) q = q.where('disabled', '=', f.disabled ? 1 : 0);
      if (f.role || f.underPaths) {
        q = q.where('id', 'in', (sub) => {
          let s = sub.selectFrom('userGrant').select('userId');
          if (f.role) s = s.where('role', '=', f.role);
          if (f.underPaths) s = s.where((eb) => eb.or(f.underPaths!.map((p) => eb('regionPath', 'like', p + '%'))));
          return s;
        });
      }
      return {
        count: () => q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        rows: () => q.selectAll().orderBy('id').offset(f.offset).limit(f.limit).execute(),
      };
    },
    insert(db: Db, row: Insertable<AppUserTable>) {
      return db.insertInto('appUser').values(row).returning('id').executeTakeFirstOrThrow();
    },
    replaceGrants(db: Db, userId: number, grants: Omit<GrantRow, 'id' | 'userId'>[]) {
      return db
        .deleteFrom('userGrant')
        .where('userId', '=', userId)
        .execute()
        .then(() =>
          grants.length
            ? db
                .insertInto('userGrant')
                .values(grants.map((g) => ({ ...g, userId })))
                .execute()
            : undefined,
        );
    },
    update(db: Db, id: number, set: Record<string, unknown>) {
      return db.updateTable('appUser').set(set).where('id', '=', id).executeTakeFirst();
    },
  };
}
