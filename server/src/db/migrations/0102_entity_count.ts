/**
 * Superseded by 0103_entity_count (the rollup keyed by region level as well); kept so databases
 * that ran it still find it. 0103 drops the table this created.
 */
export async function up(): Promise<void> {}
