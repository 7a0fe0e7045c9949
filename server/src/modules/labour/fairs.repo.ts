import { sql, type Expression, type ExpressionBuilder, type Insertable, type Selectable, type SqlBool } from 'kysely';
import type { Queryable } from '../../platform/module';
import type { JobFairTable, LabourTables } from './labour.tables';

type Db = Queryable<LabourTables>;
export type FairRow = Selectable<JobFairTable>;
export interface FairTally {
  enterprises: number;
  postings: number;
  places: number;
  applications: number;
  intentions: number;
  hires: number;
}

export const fairsRepo = {
  byId(db: Db, id: number) {
    return db.selectFrom('jobFair').selectAll().where('id', '=', id).executeTakeFirst();
  },
  byToken(db: Db, token: string) {
    return db.selectFrom('jobFair').selectAll().where('token', '=', token).executeTakeFirst();
  },
  insert(db: Db, row: Insertable<JobFairTable>) {
    return db.insertInto('jobFair').values(row).returning('id').executeTakeFirstOrThrow();
  },
  async names(db: Db, ids: number[]) {
    if (ids.length === 0) return new Map<number, string>();
    const rows = await db
      .selectFrom('jobFair')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((r) => [Number(r.id), r.name]));
  },
  list(
    db: Db,
    where: (eb: ExpressionBuilder<LabourTables, 'jobFair'>) => Expression<SqlBool>,
    opts: { offset: number; limit: number },
  ) {
    return {
      count: () =>
        db
          .selectFrom('jobFair')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      rows: () =>
        db
          .selectFrom('jobFair')
          .selectAll()
          .where(where)
          .orderBy('startsOn', 'desc')
          .orderBy('id', 'desc')
          .offset(opts.offset)
          .limit(opts.limit)
          .execute(),
    };
  },
  /** One visit to the public page: the day's counter row is created or raised in one statement, so no visit is lost under concurrency. */
  async addVisit(db: Db, fairId: number, day: string) {
    await db
      .insertInto('jobFairVisitDay')
      .values({ fairId, day, visits: 1 })
      .onConflict((oc) => oc.columns(['fairId', 'day']).doUpdateSet({ visits: sql`job_fair_visit_day.visits + 1` }))
      .execute();
  },
  async visits(db: Db, fairIds: number[]) {
    if (fairIds.length === 0) return new Map<number, number>();
    const rows = await db
      .selectFrom('jobFairVisitDay')
      .select(['fairId', (eb) => eb.fn.sum<number>('visits').as('n')])
      .where('fairId', 'in', fairIds)
      .groupBy('fairId')
      .execute();
    return new Map(rows.map((r) => [Number(r.fairId), Number(r.n)]));
  },
  /** Postings, places and applicants of each fair (published postings only). */
  async tallies(db: Db, fairIds: number[]): Promise<Map<number, FairTally>> {
    const out = new Map<number, FairTally>();
    if (fairIds.length === 0) return out;
    const posts = await db
      .selectFrom('jobPosting')
      .select([
        'fairId',
        (eb) => eb.fn.countAll<number>().as('postings'),
        (eb) => eb.fn.count<number>('entityId').distinct().as('enterprises'),
        (eb) => eb.fn.sum<number>('places').as('places'),
      ])
      .where('fairId', 'in', fairIds)
      .where('status', 'in', ['approved', 'filled', 'closed'])
      .groupBy('fairId')
      .execute();
    const apps = await db
      .selectFrom('jobApplication')
      .innerJoin('jobPosting', 'jobPosting.id', 'jobApplication.postingId')
      .select([
        'jobPosting.fairId',
        (eb) => eb.fn.countAll<number>().as('applications'),
        sql<number>`sum(case when job_application.status in ('intention', 'hired') then 1 else 0 end)`.as('intentions'),
        sql<number>`sum(case when job_application.status = 'hired' then 1 else 0 end)`.as('hires'),
      ])
      .where('jobPosting.fairId', 'in', fairIds)
      .groupBy('jobPosting.fairId')
      .execute();
    for (const id of fairIds) out.set(id, { enterprises: 0, postings: 0, places: 0, applications: 0, intentions: 0, hires: 0 });
    for (const p of posts) {
      const t = out.get(Number(p.fairId))!;
      Object.assign(t, { postings: Number(p.postings), enterprises: Number(p.enterprises), places: Number(p.places ?? 0) });
    }
    for (const a of apps) {
      const t = out.get(Number(a.fairId))!;
      Object.assign(t, {
        applications: Number(a.applications),
        intentions: Number(a.intentions ?? 0),
        hires: Number(a.hires ?? 0),
      });
    }
    return out;
  },
};
