import type { Insertable, Updateable } from 'kysely';
import type { Dialect } from '../../db/database';
import { containsText } from '../../db/sql-helpers';
import { scopeFilter, type Scope } from '../../platform/permissions';
import type { Queryable } from '../../platform/module';
import type { PeopleTables, PersonTable } from './people.tables';

type Db = Queryable<PeopleTables>;

export interface PersonFilter {
  nameLike?: string;
  idHash?: string;
  category?: string;
  underPath?: string;
  employerEntityId?: number;
}

export function peopleRepo(dialect: Dialect) {
  function filtered(db: Db, scope: Scope, f: PersonFilter) {
    let q = db.selectFrom('person').where((eb) => scopeFilter(eb, scope, { path: 'person.region_path' }));
    if (f.idHash) q = q.where('idNumberHash', '=', f.idHash);
    if (f.nameLike) q = q.where((eb) => containsText(eb, 'person.name', f.nameLike!, dialect));
    if (f.category) q = q.where('category', '=', f.category);
    if (f.underPath) q = q.where('regionPath', 'like', f.underPath + '%');
    if (f.employerEntityId) q = q.where('employerEntityId', '=', f.employerEntityId);
    return q;
  }
  return {
    async page(db: Db, scope: Scope, f: PersonFilter, offset: number, limit: number) {
      const q = filtered(db, scope, f);
      const [{ n }, rows] = await Promise.all([
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        q.selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute(),
      ]);
      return { total: Number(n), rows };
    },
    /** The filtered list for an export, newest first, at most `limit` rows. */
    list(db: Db, scope: Scope, f: PersonFilter, limit: number) {
      return filtered(db, scope, f).selectAll().orderBy('id', 'desc').limit(limit).execute();
    },
    byId(db: Db, id: number) {
      return db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
    },
    byIds(db: Db, ids: number[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('person').selectAll().where('id', 'in', ids).execute();
    },
    byIdHash(db: Db, hash: string) {
      return db.selectFrom('person').selectAll().where('idNumberHash', '=', hash).executeTakeFirst();
    },
    idByHash(db: Db, hash: string) {
      return db.selectFrom('person').select('id').where('idNumberHash', '=', hash).executeTakeFirst();
    },
    byEmployer(db: Db, scope: Scope, entityId: number) {
      return filtered(db, scope, { employerEntityId: entityId }).selectAll().orderBy('id').execute();
    },
    insert(db: Db, row: Insertable<PersonTable>) {
      return db.insertInto('person').values(row).returning('id').executeTakeFirstOrThrow();
    },
    update(db: Db, id: number, set: Updateable<PersonTable>) {
      return db.updateTable('person').set(set).where('id', '=', id).executeTakeFirst();
    },
  };
}
