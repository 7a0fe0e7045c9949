/**
 * Superseded by 0321_report_rollup (the rollup keyed by region level as well); kept so databases
 * that ran it still find it. 0321 drops the table this created.
 */
export async function up(): Promise<void> {}
