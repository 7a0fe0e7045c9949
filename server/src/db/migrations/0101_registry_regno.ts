import type { Kysely } from 'kysely';

// reg-no + name + region identify a business even when it also has a credit code, so a later
// row without the code cannot register it twice (NULL reg-nos never collide)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('entity_regno_uq').on('entity').columns(['reg_no', 'name', 'region_code']).unique().execute();
}
