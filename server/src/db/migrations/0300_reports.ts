import type { Kysely } from 'kysely';
import type { Dialect } from '../database';
import { withId } from '../sql-helpers';

/**
 * Daily reports keep a snapshot of the entity's category attributes and registered staff as of
 * the report, so the dashboard aggregates one table (the registry is consulted once per write).
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('daily_report'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('report_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('sector', 'varchar(16)', (c) => c.notNull())
    .addColumn('industry', 'varchar(40)')
    .addColumn('above_scale', 'integer', (c) => c.notNull())
    .addColumn('above_quota', 'integer', (c) => c.notNull())
    .addColumn('four_above', 'integer', (c) => c.notNull())
    .addColumn('size_class', 'varchar(8)')
    .addColumn('registered_staff', 'integer', (c) => c.notNull())
    .addColumn('staff_on_duty', 'integer', (c) => c.notNull())
    .addColumn('from_other_provinces', 'integer', (c) => c.notNull())
    .addColumn('under_observation', 'integer', (c) => c.notNull())
    .addColumn('abnormal_temperature', 'integer', (c) => c.notNull())
    .addColumn('suspected_cases', 'integer', (c) => c.notNull())
    // tenths of a percent, so sums stay exact integers on both databases
    .addColumn('capacity_tenths', 'integer', (c) => c.notNull())
    .addColumn('supply_days_left', 'integer', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(64)')
    .addColumn('submitted_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // one report per entity and day: a second submission races into this index and becomes an update
  await db.schema
    .createIndex('daily_report_entity_day_uq')
    .on('daily_report')
    .columns(['entity_id', 'report_date'])
    .unique()
    .execute();
  await db.schema.createIndex('daily_report_day_region_idx').on('daily_report').columns(['report_date', 'region_path']).execute();

  await withId(db.schema.createTable('daily_report_version'), dialect)
    .addColumn('report_id', 'integer', (c) => c.notNull().references('daily_report.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(64)')
    .addColumn('submitted_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('daily_report_version_report_idx')
    .on('daily_report_version')
    .columns(['report_id', 'version'])
    .execute();

  await withId(db.schema.createTable('report_alert'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('report_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('abnormal_temperature', 'integer', (c) => c.notNull())
    .addColumn('suspected_cases', 'integer', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_alert_day_region_idx').on('report_alert').columns(['report_date', 'region_path']).execute();

  await withId(db.schema.createTable('report_reminder'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('report_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('sent_by', 'varchar(64)')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_reminder_day_idx').on('report_reminder').columns(['report_date', 'entity_id']).execute();

  await withId(db.schema.createTable('entity_review'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('method', 'varchar(8)', (c) => c.notNull())
    .addColumn('reviewed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('prevention_ok', 'integer', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'integer')
    .addColumn('reviewer_name', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('entity_review_entity_idx').on('entity_review').columns(['entity_id', 'reviewed_on']).execute();
  await db.schema.createIndex('entity_review_region_idx').on('entity_review').columns(['region_path', 'reviewed_on']).execute();
}
