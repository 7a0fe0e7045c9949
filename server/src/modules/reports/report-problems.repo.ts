import { sql, type Insertable, type SqlBool } from 'kysely';
import type { Queryable } from '../../platform/module';
import { pathPrefix } from '../../db/sql-helpers';
import type { ReportProblemTicketTable, ReportsOwnTables } from './reports.tables';

type Db = Queryable<ReportsOwnTables>;

export interface ProblemFilter {
  underPath: string;
  from: string;
  to: string;
  converted?: boolean;
  reportId?: number;
  q?: string;
}

/** Daily reports with a filled problems field, and the ticket each became (if any). */
export const reportProblemsRepo = {
  list(db: Db, f: ProblemFilter, page: { offset: number; limit: number }) {
    let q = db
      .selectFrom('dailyReport')
      .leftJoin('reportProblemTicket', 'reportProblemTicket.reportId', 'dailyReport.id')
      .where('dailyReport.problems', '<>', '')
      .where(sql<SqlBool>`${sql.ref('daily_report.region_path')} like ${pathPrefix(f.underPath)} escape '\\'`);
    if (f.reportId) q = q.where('dailyReport.id', '=', f.reportId);
    else q = q.where('dailyReport.reportDate', '>=', f.from).where('dailyReport.reportDate', '<=', f.to);
    if (f.converted === true) q = q.where('reportProblemTicket.ticketId', 'is not', null);
    if (f.converted === false) q = q.where('reportProblemTicket.ticketId', 'is', null);
    if (f.q) {
      const like = '%' + f.q.replace(/[\\%_]/g, (m) => '\\' + m) + '%';
      q = q.where((eb) =>
        eb.or([
          sql<SqlBool>`${sql.ref('daily_report.entity_name')} like ${like} escape '\\'`,
          sql<SqlBool>`${sql.ref('daily_report.problems')} like ${like} escape '\\'`,
        ]),
      );
    }
    return {
      count: async () => Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      rows: () =>
        q
          .select([
            'dailyReport.id',
            'dailyReport.entityId',
            'dailyReport.entityName',
            'dailyReport.regionPath',
            'dailyReport.reportDate',
            'dailyReport.problems',
            'dailyReport.submittedAt',
            'reportProblemTicket.ticketId',
            'reportProblemTicket.ticketNo',
            'reportProblemTicket.convertedBy',
            'reportProblemTicket.convertedAt',
          ])
          .orderBy('dailyReport.reportDate', 'desc')
          .orderBy('dailyReport.id', 'desc')
          .offset(page.offset)
          .limit(page.limit)
          .execute(),
    };
  },

  link(db: Db, reportId: number) {
    return db.selectFrom('reportProblemTicket').selectAll().where('reportId', '=', reportId).executeTakeFirst();
  },

  /** The primary key on report_id refuses a second link: the race is settled here, not by a read first. */
  insertLink(db: Db, row: Insertable<ReportProblemTicketTable>) {
    return db.insertInto('reportProblemTicket').values(row).execute();
  },
};
