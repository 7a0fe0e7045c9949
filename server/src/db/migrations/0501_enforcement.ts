import type { Kysely } from 'kysely';
import type { Dialect } from '../database';
import { withId } from '../sql-helpers';

const defaults: Record<string, { code: string; text: string }[]> = {
  mall: [
    { code: 'temperature', text: '入口测温、查验健康码并登记' },
    { code: 'masks', text: '员工和顾客佩戴口罩' },
    { code: 'disinfection', text: '公共区域每日消毒并有记录' },
    { code: 'crowding', text: '控制客流，排队间隔一米以上' },
    { code: 'prices', text: '明码标价，无哄抬物价' },
  ],
  five_small: [
    { code: 'temperature', text: '入口测温并登记' },
    { code: 'masks', text: '从业人员佩戴口罩' },
    { code: 'disinfection', text: '店内每日消毒并有记录' },
    { code: 'licence', text: '证照齐全，亮证经营' },
    { code: 'spacing', text: '堂食隔位就座或暂停堂食' },
  ],
  nine_small: [
    { code: 'temperature', text: '入口测温并登记' },
    { code: 'masks', text: '从业人员佩戴口罩' },
    { code: 'ventilation', text: '每日通风三次以上' },
    { code: 'fire', text: '消防通道畅通，灭火器有效' },
  ],
  market: [
    { code: 'temperature', text: '市场出入口测温、查验健康码' },
    { code: 'masks', text: '摊主和顾客佩戴口罩' },
    { code: 'wildlife', text: '无活禽野生动物交易' },
    { code: 'disinfection', text: '每日闭市后全面消毒' },
  ],
  other: [
    { code: 'temperature', text: '入口测温并登记' },
    { code: 'masks', text: '佩戴口罩' },
  ],
};

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('inspection_checklist')
    .addColumn('premises_type', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)')
    .execute();
  await db
    .insertInto('inspection_checklist')
    .values(
      Object.entries(defaults).map(([premises_type, items]) => ({
        premises_type,
        items: JSON.stringify(items),
        updated_at: null,
      })),
    )
    .execute();

  await withId(db.schema.createTable('inspection'), dialect)
    .addColumn('no', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('premises_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('inspected_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('inspector_count', 'integer', (c) => c.notNull())
    .addColumn('inspector_id', 'integer')
    .addColumn('inspector_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('problems_found', 'integer', (c) => c.notNull())
    .addColumn('fixed_on_spot', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('filing_id', 'integer')
    .addColumn('complaint_id', 'integer')
    .addColumn('notice_id', 'integer')
    .addColumn('closure_id', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_region_idx').on('inspection').columns(['region_path', 'inspected_on']).execute();
  await db.schema.createIndex('inspection_entity_idx').on('inspection').column('entity_id').execute();

  await withId(db.schema.createTable('rectification_notice'), dialect)
    .addColumn('no', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('inspection_id', 'integer', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('reinspection_id', 'integer')
    .execute();
  await db.schema
    .createIndex('rectification_notice_region_idx')
    .on('rectification_notice')
    .columns(['region_path', 'issued_on'])
    .execute();

  await withId(db.schema.createTable('closure_order'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('inspection_id', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('ordered_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('lifted_at', 'varchar(32)')
    .addColumn('lifted_reason', 'text')
    .execute();
  await db.schema.createIndex('closure_order_region_idx').on('closure_order').columns(['region_path', 'ordered_on']).execute();
}
