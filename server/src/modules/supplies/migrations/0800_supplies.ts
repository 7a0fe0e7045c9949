import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../../db/database';
import { withId } from '../../../db/sql-helpers';

// migrations run against whatever schema exists at that point, so Kysely<any> is the documented type
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('supply_item'), dialect)
    .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('unit', 'varchar(16)', (c) => c.notNull())
    .addColumn('pack_size', 'integer', (c) => c.notNull())
    .addColumn('norm_per100', 'integer', (c) => c.notNull())
    .addColumn('norm_kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('supply_setting')
    .addColumn('key', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('value', 'varchar(200)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('stock_point'), dialect)
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stock_point_region_idx').on('stock_point').columns(['region_path', 'kind']).execute();
  // a producer is one registered entity, once
  await db.schema.createIndex('stock_point_entity_idx').on('stock_point').column('entity_id').unique().execute();

  await db.schema
    .createTable('stock')
    .addColumn('stock_point_id', 'integer', (c) => c.notNull().references('stock_point.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('supply_item.id'))
    .addColumn('on_hand', 'integer', (c) => c.notNull().check(sql`on_hand >= 0`))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_pk', ['stock_point_id', 'item_id'])
    .execute();

  await withId(db.schema.createTable('production_line'), dialect)
    .addColumn('stock_point_id', 'integer', (c) => c.notNull().references('stock_point.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('supply_item.id'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('daily_capacity', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('production_line_point_idx').on('production_line').column('stock_point_id').execute();

  await withId(db.schema.createTable('supply_declaration'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('staff_on_duty', 'integer')
    .addColumn('report_date', 'varchar(10)')
    .addColumn('declared_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supply_declaration_entity_idx').on('supply_declaration').columns(['entity_id', 'id']).execute();
  await db.schema.createIndex('supply_declaration_region_idx').on('supply_declaration').columns(['region_path', 'id']).execute();

  await withId(db.schema.createTable('supply_declaration_line'), dialect)
    .addColumn('declaration_id', 'integer', (c) => c.notNull().references('supply_declaration.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('supply_item.id'))
    .addColumn('stock', 'integer', (c) => c.notNull())
    .addColumn('need', 'integer', (c) => c.notNull())
    .addColumn('proposed', 'integer')
    .addColumn('days_left', 'integer')
    .addColumn('demand_id', 'integer')
    .execute();
  await db.schema.createIndex('supply_declaration_line_idx').on('supply_declaration_line').column('declaration_id').execute();

  await withId(db.schema.createTable('supply_demand'), dialect)
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('supply_item.id'))
    .addColumn('need', 'integer', (c) => c.notNull())
    .addColumn('allocated', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`allocated >= 0 and allocated <= need`),
    )
    .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('days_left', 'integer')
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('source_ref', 'varchar(40)')
    .addColumn('opened_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // one need per entity and item until it is met: a second declaration or report updates it
  await sql`create unique index supply_demand_open_idx on supply_demand (entity_id, item_id) where status in ('open', 'allocated')`.execute(
    db,
  );
  await db.schema.createIndex('supply_demand_region_idx').on('supply_demand').columns(['region_path', 'status']).execute();

  await withId(db.schema.createTable('supply_allocation'), dialect)
    .addColumn('stock_point_id', 'integer', (c) => c.notNull().references('stock_point.id'))
    .addColumn('demand_id', 'integer', (c) => c.notNull().references('supply_demand.id'))
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('supply_item.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('received_quantity', 'integer')
    .addColumn('receive_note', 'varchar(200)')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('dispatched_at', 'varchar(32)')
    .addColumn('received_at', 'varchar(32)')
    .addColumn('received_by', 'integer')
    .addColumn('received_by_name', 'varchar(100)')
    .execute();
  await db.schema.createIndex('supply_allocation_demand_idx').on('supply_allocation').column('demand_id').execute();
  await db.schema.createIndex('supply_allocation_entity_idx').on('supply_allocation').columns(['entity_id', 'id']).execute();
  await db.schema
    .createIndex('supply_allocation_region_idx')
    .on('supply_allocation')
    .columns(['region_path', 'status'])
    .execute();

  await withId(db.schema.createTable('supply_movement'), dialect)
    .addColumn('stock_point_id', 'integer', (c) => c.notNull().references('stock_point.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('supply_item.id'))
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('counterparty', 'varchar(100)')
    .addColumn('amount_fen', 'bigint')
    .addColumn('allocation_id', 'integer')
    .addColumn('note', 'varchar(200)')
    .addColumn('created_by', 'integer')
    .addColumn('created_by_name', 'varchar(100)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supply_movement_point_idx')
    .on('supply_movement')
    .columns(['stock_point_id', 'item_id', 'on_date'])
    .execute();
  await db.schema
    .createIndex('supply_movement_region_idx')
    .on('supply_movement')
    .columns(['region_path', 'kind', 'on_date'])
    .execute();

  // the ledger is append-only: a correction is a new movement (a return or a write-off)
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER supply_movement_no_update BEFORE UPDATE ON supply_movement BEGIN SELECT RAISE(ABORT, 'supply_movement is append-only'); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER supply_movement_no_delete BEFORE DELETE ON supply_movement BEGIN SELECT RAISE(ABORT, 'supply_movement is append-only'); END`.execute(
      db,
    );
  } else {
    await sql`CREATE FUNCTION supply_movement_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'supply_movement is append-only'; END $$ LANGUAGE plpgsql`.execute(
      db,
    );
    await sql`CREATE TRIGGER supply_movement_no_change BEFORE UPDATE OR DELETE ON supply_movement FOR EACH ROW EXECUTE FUNCTION supply_movement_append_only()`.execute(
      db,
    );
  }
}
