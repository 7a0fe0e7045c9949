import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';
import { withId } from '../sql-helpers';

// version 1 of the admin-editable rules: the measures the seeds describe (high-risk origin → 14 days at
// home; contacts, fever and a red code → centralised observation)
const defaultRiskRules = [
  { name: '确诊病例接触者', when: { contact: ['confirmed'] }, riskLevel: 'high', measure: 'centralised', days: 14 },
  { name: '疑似病例接触者', when: { contact: ['suspected'] }, riskLevel: 'high', measure: 'centralised', days: 14 },
  { name: '体温异常', when: { temperatureAtLeast: 37.3 }, riskLevel: 'high', measure: 'centralised', days: 14 },
  { name: '健康码红码', when: { healthCode: ['red'] }, riskLevel: 'high', measure: 'centralised', days: 14 },
  { name: '来自高风险地区', when: { originRisk: ['high'] }, riskLevel: 'high', measure: 'home', days: 14 },
  { name: '途经高风险地区', when: { travelRisk: ['high'] }, riskLevel: 'high', measure: 'home', days: 14 },
  { name: '健康码黄码', when: { healthCode: ['yellow'] }, riskLevel: 'medium', measure: 'home', days: 7 },
  { name: '来自中风险地区', when: { originRisk: ['medium'] }, riskLevel: 'medium', measure: 'home', days: 7 },
];

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('risk_rule_set'), dialect)
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_by_name', 'varchar(64)')
    .execute();
  await db
    .insertInto('risk_rule_set')
    .values({
      version: 1,
      rules: JSON.stringify(defaultRiskRules),
      created_at: new Date(0).toISOString(),
      created_by: null,
      created_by_name: null,
    })
    .execute();

  await withId(db.schema.createTable('risk_assessment'), dialect)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('person_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('facts_enc', 'text')
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('computed_level', 'varchar(8)', (c) => c.notNull())
    .addColumn('computed_measure', 'varchar(12)', (c) => c.notNull())
    .addColumn('computed_days', 'integer', (c) => c.notNull())
    .addColumn('computed_rule', 'varchar(100)')
    .addColumn('risk_level', 'varchar(8)', (c) => c.notNull())
    .addColumn('measure', 'varchar(12)', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('override_reason', 'varchar(200)')
    .addColumn('assessed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('assessed_by', 'integer')
    .addColumn('assessed_by_name', 'varchar(64)')
    .addColumn('isolation_id', 'integer')
    .addColumn('purged_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('risk_assessment_region_idx').on('risk_assessment').columns(['region_path', 'id']).execute();
  await db.schema.createIndex('risk_assessment_person_idx').on('risk_assessment').column('person_id').execute();

  await withId(db.schema.createTable('isolation'), dialect)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('person_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('id_number_masked', 'varchar(40)', (c) => c.notNull())
    .addColumn('assessment_id', 'integer')
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('site', 'varchar(100)')
    .addColumn('address', 'varchar(200)')
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('checkin_token', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('responsible_user_id', 'integer')
    .addColumn('last_checkin_date', 'varchar(10)')
    .addColumn('checkin_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fever_alert', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('missed_alert_date', 'varchar(10)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('released_at', 'varchar(32)')
    .addColumn('released_by', 'integer')
    .addColumn('purged_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('isolation_region_idx').on('isolation').columns(['region_path', 'id']).execute();
  await db.schema.createIndex('isolation_status_idx').on('isolation').columns(['status', 'end_date']).execute();
  await db.schema.createIndex('isolation_person_idx').on('isolation').column('person_id').execute();
  // one running isolation per person, whoever starts it
  await db.schema
    .createIndex('isolation_one_active_idx')
    .on('isolation')
    .column('person_id')
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();

  await withId(db.schema.createTable('isolation_checkin'), dialect)
    .addColumn('isolation_id', 'integer', (c) => c.notNull().references('isolation.id').onDelete('cascade'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('by', 'varchar(8)', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('fever', 'integer', (c) => c.notNull())
    .addColumn('detail_enc', 'text', (c) => c.notNull())
    .addUniqueConstraint('isolation_checkin_day_uq', ['isolation_id', 'date'])
    .execute();

  await db.schema
    .createTable('isolation_daily')
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('checkins', 'integer', (c) => c.notNull())
    .addColumn('fevers', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('isolation_daily_pk', ['date', 'region_path'])
    .execute();

  await withId(db.schema.createTable('sealed_building'), dialect)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('region.code'))
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('residents', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)', (c) => c.notNull())
    .addColumn('sealed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('released_on', 'varchar(10)')
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .execute();
  await db.schema.createIndex('sealed_building_region_idx').on('sealed_building').columns(['region_path', 'id']).execute();

  await withId(db.schema.createTable('sealed_building_status'), dialect)
    .addColumn('building_id', 'integer', (c) => c.notNull().references('sealed_building.id').onDelete('cascade'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(300)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('by', 'integer')
    .execute();
  await db.schema.createIndex('sealed_building_status_idx').on('sealed_building_status').columns(['building_id', 'id']).execute();

  await withId(db.schema.createTable('screening_campaign'), dialect)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('region.code'))
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .execute();
  await db.schema
    .createTable('screening_target')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('screening_campaign.id').onDelete('cascade'))
    .addColumn('grid_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('grid_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('screening_target_pk', ['campaign_id', 'grid_code'])
    .execute();
  await withId(db.schema.createTable('screening_visit'), dialect)
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('screening_campaign.id').onDelete('cascade'))
    .addColumn('grid_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('grid_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('households_visited', 'integer', (c) => c.notNull())
    .addColumn('people_recorded', 'integer', (c) => c.notNull())
    .addColumn('note', 'varchar(300)')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('by', 'integer')
    .execute();
  await db.schema.createIndex('screening_visit_idx').on('screening_visit').columns(['campaign_id', 'grid_code']).execute();
}
