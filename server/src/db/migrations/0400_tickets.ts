import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';
import { withId } from '../sql-helpers';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('ticket_category'), dialect)
    .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('department', 'varchar(32)', (c) => c.notNull())
    .addColumn('sla_value', 'integer', (c) => c.notNull())
    .addColumn('sla_unit', 'varchar(8)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db
    .insertInto('ticket_category')
    .values(defaultTicketCategories.map((c) => ({ ...c, active: 1 })))
    .execute();

  await withId(db.schema.createTable('ticket'), dialect)
    .addColumn('no', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('source_ref', 'varchar(64)')
    .addColumn('category_id', 'integer', (c) => c.notNull().references('ticket_category.id'))
    .addColumn('title', 'varchar(120)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('entity_name', 'varchar(200)')
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)')
    .addColumn('department', 'varchar(32)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('major', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deadline', 'varchar(32)')
    .addColumn('original_deadline', 'varchar(32)')
    .addColumn('escalation_level', 'varchar(16)')
    .addColumn('escalated_at', 'varchar(32)')
    .addColumn('leader_ack_at', 'varchar(32)')
    .addColumn('leader_ack_by', 'varchar(100)')
    .addColumn('result', 'text')
    .addColumn('satisfaction', 'integer')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    // set once, at the first hand-back: what on-time rate and handling time are measured on
    .addColumn('on_time', 'integer')
    .addColumn('handling_minutes', 'integer')
    .addColumn('merged_into', 'integer')
    .addColumn('reporter_id', 'integer')
    .addColumn('reporter_name', 'varchar(100)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('assigned_at', 'varchar(32)')
    .addColumn('handled_at', 'varchar(32)')
    .addColumn('closed_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('ticket_region_idx').on('ticket').columns(['region_path', 'created_at']).execute();
  await db.schema.createIndex('ticket_department_idx').on('ticket').columns(['department', 'status']).execute();
  await db.schema.createIndex('ticket_deadline_idx').on('ticket').columns(['status', 'deadline']).execute();
  await db.schema.createIndex('ticket_entity_idx').on('ticket').column('entity_id').execute();
  await db.schema.createIndex('ticket_escalation_idx').on('ticket').columns(['escalation_level', 'status']).execute();
  // one ticket per source record (a visit's problem, a complaint), so a retried call cannot file it twice
  await db.schema
    .createIndex('ticket_source_ref_idx')
    .on('ticket')
    .columns(['source', 'source_ref'])
    .unique()
    .where(sql.ref('source_ref'), 'is not', null)
    .execute();

  await withId(db.schema.createTable('ticket_event'), dialect)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('ticket.id'))
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('action', 'varchar(24)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(16)')
    .addColumn('to_status', 'varchar(16)')
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'varchar(100)')
    .addColumn('note', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('ticket_event_ticket_idx').on('ticket_event').columns(['ticket_id', 'id']).execute();
}

/** The categories the seeds name, each with the department that usually answers it and a working-time deadline. */
export const defaultTicketCategories = [
  { code: 'supplies', name: '防疫物资', department: 'industry', sla_value: 8, sla_unit: 'hours' },
  { code: 'financing', name: '融资贷款', department: 'finance', sla_value: 5, sla_unit: 'days' },
  { code: 'labour', name: '用工招工', department: 'labour', sla_value: 3, sla_unit: 'days' },
  { code: 'logistics', name: '交通物流', department: 'transport', sla_value: 2, sla_unit: 'days' },
  { code: 'dining', name: '员工就餐', department: 'market_regulation', sla_value: 2, sla_unit: 'days' },
  { code: 'parking', name: '停车', department: 'transport', sla_value: 2, sla_unit: 'days' },
  { code: 'certificates', name: '证照办理', department: 'approval', sla_value: 3, sla_unit: 'days' },
  { code: 'utilities', name: '水电气热', department: 'housing', sla_value: 2, sla_unit: 'days' },
  { code: 'policy', name: '政策咨询', department: 'commerce', sla_value: 3, sla_unit: 'days' },
];
