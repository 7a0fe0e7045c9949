import { sql, type Expression, type ExpressionBuilder, type Insertable, type Selectable, type SqlBool } from 'kysely';
import type { Queryable } from '../../platform/module';
import type { JobApplicationTable, JobPostingTable, LabourTables } from './labour.tables';

type Db = Queryable<LabourTables>;
export type PostingRow = Selectable<JobPostingTable>;
export type ApplicationRow = Selectable<JobApplicationTable> & { postingTitle: string };
export type PostingWhere = (eb: ExpressionBuilder<LabourTables, 'jobPosting'>) => Expression<SqlBool>;

export const postingsRepo = {
  byId(db: Db, id: number) {
    return db.selectFrom('jobPosting').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insert(db: Db, row: Insertable<JobPostingTable>) {
    return db.insertInto('jobPosting').values(row).returning('id').executeTakeFirstOrThrow();
  },
  /** Moves a posting only from the status the caller read, so two reviewers cannot both decide. */
  async setStatus(db: Db, id: number, from: string, set: Partial<Insertable<JobPostingTable>>) {
    const r = await db.updateTable('jobPosting').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /**
   * One more hire, only while places remain and the posting is open: the database settles
   * concurrent hires, so a posting is never over-filled. The last place fills the posting.
   */
  async addHire(db: Db, id: number) {
    const r = await db
      .updateTable('jobPosting')
      .set({
        hired: sql`hired + 1`,
        status: sql`case when hired + 1 >= places then 'filled' else status end`,
      })
      .where('id', '=', id)
      .where('status', '=', 'approved')
      .whereRef('hired', '<', 'places')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  list(db: Db, where: PostingWhere, opts: { offset: number; limit: number }) {
    return {
      count: () =>
        db
          .selectFrom('jobPosting')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      rows: () =>
        db
          .selectFrom('jobPosting')
          .selectAll()
          .where(where)
          .orderBy('id', 'desc')
          .offset(opts.offset)
          .limit(opts.limit)
          .execute(),
    };
  },
  async applicationCounts(db: Db, postingIds: number[]) {
    if (postingIds.length === 0) return new Map<number, number>();
    const rows = await db
      .selectFrom('jobApplication')
      .select(['postingId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('postingId', 'in', postingIds)
      .groupBy('postingId')
      .execute();
    return new Map(rows.map((r) => [Number(r.postingId), Number(r.n)]));
  },
  insertApplication(db: Db, row: Insertable<JobApplicationTable>) {
    return db.insertInto('jobApplication').values(row).returning('id').executeTakeFirstOrThrow();
  },
  application(db: Db, id: number) {
    return db
      .selectFrom('jobApplication')
      .innerJoin('jobPosting', 'jobPosting.id', 'jobApplication.postingId')
      .selectAll('jobApplication')
      .select(['jobPosting.title as postingTitle', 'jobPosting.entityId', 'jobPosting.regionPath'])
      .where('jobApplication.id', '=', id)
      .executeTakeFirst();
  },
  /** Moves an application only out of an open step; a hire or a rejection is final, so a hire counts once. */
  async setApplicationStatus(db: Db, id: number, set: Partial<Insertable<JobApplicationTable>>) {
    const r = await db
      .updateTable('jobApplication')
      .set(set)
      .where('id', '=', id)
      .where('status', 'in', ['applied', 'interview', 'intention'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  applications(
    db: Db,
    where: (eb: ExpressionBuilder<LabourTables, 'jobApplication' | 'jobPosting'>) => Expression<SqlBool>,
    opts: { offset: number; limit: number },
  ) {
    const base = db
      .selectFrom('jobApplication')
      .innerJoin('jobPosting', 'jobPosting.id', 'jobApplication.postingId')
      .where(where);
    return {
      count: () => base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      rows: () =>
        base
          .selectAll('jobApplication')
          .select('jobPosting.title as postingTitle')
          .orderBy('jobApplication.id', 'desc')
          .offset(opts.offset)
          .limit(opts.limit)
          .execute(),
    };
  },
};
