import { sql, type SqlBool } from 'kysely';
import { pathPrefix } from '../../db/sql-helpers';
import type { Queryable } from '../../platform/module';
import type { FinanceTables } from './finance.tables';

type Db = Queryable<FinanceTables>;
export interface Period {
  /** UTC timestamps text, from inclusive, to exclusive */
  from: string | null;
  to: string | null;
}
const under = (col: string, path: string) =>
  path === '/' ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.ref(col)} like ${pathPrefix(path)} escape '\\'`;
const within = (col: string, p: Period) =>
  sql<SqlBool>`(${p.from === null ? sql`1 = 1` : sql`${sql.ref(col)} >= ${p.from}`} and ${p.to === null ? sql`1 = 1` : sql`${sql.ref(col)} < ${p.to}`})`;
const n = (v: unknown) => Number(v ?? 0);

/** Every sum the figures show, read from the module's own records. */
export const financeFiguresRepo = {
  /** Per region path of the requests: counts and sums (folded into child regions by the caller). */
  async byPath(db: Db, path: string, p: Period) {
    const rows = await db
      .selectFrom('financingRequest')
      .select((eb) => [
        'regionPath',
        'entityId',
        eb.fn.countAll<number>().as('requests'),
        eb.fn.sum<number>('amountFen').as('asked'),
        eb.fn.sum<number>('approvedFen').as('approved'),
        eb.fn.sum<number>('disbursedFen').as('disbursed'),
        eb.fn.sum<number>('whitelisted').as('whitelisted'),
      ])
      .where(under('financing_request.region_path', path))
      .where(within('financing_request.created_at', p))
      .groupBy(['regionPath', 'entityId'])
      .execute();
    return rows.map((r) => ({
      regionPath: r.regionPath,
      entityId: Number(r.entityId),
      requests: n(r.requests),
      asked: n(r.asked),
      approved: n(r.approved),
      disbursed: n(r.disbursed),
      whitelisted: n(r.whitelisted),
    }));
  },
  /** Per institution: the requests shared with it and what it approved and paid out. */
  async byInstitution(db: Db, path: string, p: Period) {
    const rows = await db
      .selectFrom('financingAnswer as a')
      .innerJoin('financingRequest as r', 'r.id', 'a.requestId')
      .select((eb) => [
        'a.institutionId',
        'r.regionPath',
        'r.entityId',
        eb.fn.countAll<number>().as('requests'),
        eb.fn.sum<number>('r.amountFen').as('asked'),
        eb.fn.sum<number>(sql`coalesce(a.approved_fen, 0)`).as('approved'),
        eb.fn.sum<number>('a.disbursedFen').as('disbursed'),
      ])
      .where(under('r.region_path', path))
      .where(within('r.created_at', p))
      .where('a.status', '<>', 'received')
      .groupBy(['a.institutionId', 'r.regionPath', 'r.entityId'])
      .execute();
    return rows.map((r) => ({
      institutionId: Number(r.institutionId),
      regionPath: r.regionPath,
      entityId: Number(r.entityId),
      requests: n(r.requests),
      asked: n(r.asked),
      approved: n(r.approved),
      disbursed: n(r.disbursed),
    }));
  },
  /** created, first answer and first money of each request, for the medians */
  timings(db: Db, path: string, p: Period) {
    return db
      .selectFrom('financingRequest')
      .select(['createdAt', 'firstAnsweredAt', 'firstDisbursedAt'])
      .where(under('financing_request.region_path', path))
      .where(within('financing_request.created_at', p))
      .where('firstAnsweredAt', 'is not', null)
      .execute();
  },
  async rollovers(db: Db, path: string, p: Period) {
    const rows = await db
      .selectFrom('financeRollover')
      .select((eb) => [
        'kind',
        eb.fn.sum<number>('amountFen').as('fen'),
        eb.fn.count<number>('entityId').distinct().as('entities'),
      ])
      .where(under('finance_rollover.region_path', path))
      .where(within('finance_rollover.recorded_at', p))
      .groupBy('kind')
      .execute();
    return new Map(rows.map((r) => [r.kind, { fen: n(r.fen), entities: n(r.entities) }]));
  },
  /** Money of fast-track products, and how much of it arrived within the product's promised hours. */
  async fastTrack(db: Db, path: string, p: Period) {
    const row = await db
      .selectFrom('financingDisbursement as d')
      .innerJoin('financingAnswer as a', 'a.id', 'd.answerId')
      .innerJoin('financeProduct as fp', 'fp.id', 'a.productId')
      .innerJoin('financingRequest as r', 'r.id', 'd.requestId')
      .select((eb) => [
        eb.fn.sum<number>('d.amountFen').as('fen'),
        eb.fn
          .sum<number>(
            sql`case when d.minutes_from_account is not null and d.minutes_from_account <= fp.target_hours * 60 then d.amount_fen else 0 end`,
          )
          .as('onTime'),
      ])
      .where(under('r.region_path', path))
      .where(within('r.created_at', p))
      .executeTakeFirst();
    return { fen: n(row?.fen), onTime: n(row?.onTime) };
  },
  async listedInstitutions(db: Db, path: string) {
    const row = await db
      .selectFrom('financeInstitution')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('active', '=', 1)
      .where((eb) =>
        eb.or([
          under('finance_institution.region_path', path),
          sql<SqlBool>`${path} like finance_institution.region_path || '%'`,
        ]),
      )
      .executeTakeFirstOrThrow();
    return n(row.n);
  },
  async whitelisted(db: Db, path: string) {
    const row = await db
      .selectFrom('financeWhitelist')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('removedVersion', 'is', null)
      .where(under('finance_whitelist.region_path', path))
      .executeTakeFirstOrThrow();
    return n(row.n);
  },
};
