import { type Expression, type ExpressionBuilder, type Insertable, type SqlBool } from 'kysely';
import type { Queryable } from '../../platform/module';
import type {
  FinanceMeetingTable,
  FinanceProductTable,
  FinanceRolloverTable,
  FinanceTables,
  FinanceWhitelistTable,
} from './finance.tables';

type Db = Queryable<FinanceTables>;
type Where<T extends keyof FinanceTables> = (eb: ExpressionBuilder<FinanceTables, T>) => Expression<SqlBool>;

const count = (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
  q.executeTakeFirstOrThrow().then((r) => Number(r.n));

/** White list, fast-track products, rollovers and meetings: the centre's records. */
export const financeAdminRepo = {
  whitelist(db: Db, where: Where<'financeWhitelist'>) {
    return {
      count: () =>
        count(
          db
            .selectFrom('financeWhitelist')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where(where),
        ),
      rows: (offset: number, limit: number) =>
        db.selectFrom('financeWhitelist').selectAll().where(where).orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    };
  },
  rollovers(db: Db, where: Where<'financeRollover'>) {
    return {
      count: () =>
        count(
          db
            .selectFrom('financeRollover')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where(where),
        ),
      rows: (offset: number, limit: number) =>
        db.selectFrom('financeRollover').selectAll().where(where).orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    };
  },
  meetings(db: Db, where: Where<'financeMeeting'>) {
    return {
      count: () =>
        count(
          db
            .selectFrom('financeMeeting')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where(where),
        ),
      rows: (offset: number, limit: number) =>
        db.selectFrom('financeMeeting').selectAll().where(where).orderBy('heldOn', 'desc').offset(offset).limit(limit).execute(),
    };
  },
  currentWhitelistVersion: async (db: Db) =>
    Number(
      (
        await db
          .selectFrom('financeWhitelistVersion')
          .select((eb) => eb.fn.max('version').as('v'))
          .executeTakeFirst()
      )?.v ?? 0,
    ),
  /** The next version; the primary key refuses a second change that read the same current version. */
  insertWhitelistVersion(db: Db, row: { version: number; changedAt: string; changedBy: number | null; change: string }) {
    return db.insertInto('financeWhitelistVersion').values(row).execute();
  },
  insertWhitelist(db: Db, row: Insertable<FinanceWhitelistTable>) {
    return db.insertInto('financeWhitelist').values(row).returning('id').executeTakeFirstOrThrow();
  },
  whitelistEntry(db: Db, id: number) {
    return db.selectFrom('financeWhitelist').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async removeWhitelist(db: Db, id: number, version: number, reason: string) {
    const r = await db
      .updateTable('financeWhitelist')
      .set({ removedVersion: version, removedReason: reason })
      .where('id', '=', id)
      .where('removedVersion', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  insertProduct(db: Db, row: Insertable<FinanceProductTable>) {
    return db.insertInto('financeProduct').values(row).returning('id').executeTakeFirstOrThrow();
  },
  products(db: Db, institutionIds: number[] | 'all') {
    let q = db.selectFrom('financeProduct').selectAll().orderBy('id');
    if (institutionIds !== 'all') {
      if (institutionIds.length === 0) return Promise.resolve([]);
      q = q.where('institutionId', 'in', institutionIds);
    }
    return q.execute();
  },
  insertRollover(db: Db, row: Insertable<FinanceRolloverTable>) {
    return db.insertInto('financeRollover').values(row).returning('id').executeTakeFirstOrThrow();
  },
  insertMeeting(db: Db, row: Insertable<FinanceMeetingTable>) {
    return db.insertInto('financeMeeting').values(row).returning('id').executeTakeFirstOrThrow();
  },
};
