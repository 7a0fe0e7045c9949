import { sql } from 'kysely';
import type { RegionTable } from '../../db/schema';
import type { Dialect } from '../../db/database';
import { containsText, startsWithText } from '../../db/sql-helpers';
import type { Queryable } from '../../platform/module';
import type { RegionsTables } from './regions.tables';

type Db = Queryable<RegionsTables>;

const childCount = sql<number>`(select count(*) from region c where c.parent_code = region.code)`.as('childCount');

export function regionsRepo(dialect: Dialect) {
  return {
    children(db: Db, parent: string | null) {
      let q = db.selectFrom('region').select(['code', 'name', 'level', 'parentCode', 'path', childCount]);
      q = parent === null ? q.where('parentCode', 'is', null) : q.where('parentCode', '=', parent);
      return q.orderBy('sortOrder').orderBy('code').execute();
    },
    byCode(db: Db, code: string) {
      return db
        .selectFrom('region')
        .select(['code', 'name', 'level', 'parentCode', 'path', childCount])
        .where('code', '=', code)
        .executeTakeFirst();
    },
    byCodes(db: Db, codes: string[]) {
      if (codes.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('region')
        .select(['code', 'name', 'level', 'parentCode', 'path', 'depth'])
        .where('code', 'in', codes)
        .execute();
    },
    search(db: Db, q: string, limit: number, underPaths: string[] | null) {
      return db
        .selectFrom('region')
        .select(['code', 'name', 'level', 'parentCode', 'path', childCount])
        .where((eb) => eb.or([containsText(eb, 'region.name', q, dialect), startsWithText('region.code', q)]))
        .$if(underPaths !== null, (qb) => qb.where((eb) => eb.or(underPaths!.map((p) => eb('path', 'like', p + '%')))))
        .orderBy('depth')
        .orderBy('code')
        .limit(limit)
        .execute();
    },
    descendantsAt(db: Db, path: string, level: string) {
      return db
        .selectFrom('region')
        .select(['code', 'name', 'path'])
        .where('path', 'like', path + '%')
        .where('level', '=', level)
        .orderBy('path')
        .execute();
    },
    count(db: Db) {
      return db
        .selectFrom('region')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
    },
    async insertMany(db: Db, rows: RegionTable[]) {
      // chunks keep each statement under SQLite's bound-parameter limit
      for (let i = 0; i < rows.length; i += 500)
        await db
          .insertInto('region')
          .values(rows.slice(i, i + 500))
          .execute();
    },
  };
}
