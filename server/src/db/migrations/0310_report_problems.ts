import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';

/**
 * 转为问题单: a daily report's problems turned into a ticket. The report id is the key, so a report
 * is converted once however many clicks race; the ticket's own unique (source, source_ref) index
 * holds the same rule on the tickets side.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('report_problem_ticket')
    .addColumn('report_id', 'integer', (c) => c.primaryKey())
    .addColumn('ticket_id', 'integer', (c) => c.notNull())
    .addColumn('ticket_no', 'varchar(32)', (c) => c.notNull())
    .addColumn('converted_by', 'varchar(64)')
    .addColumn('converted_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // the staff list of reports with problems: only those rows are indexed
  await db.schema
    .createIndex('daily_report_problems_idx')
    .on('daily_report')
    .columns(['report_date', 'region_path'])
    .where(sql.ref('problems'), '<>', '')
    .execute();
}
