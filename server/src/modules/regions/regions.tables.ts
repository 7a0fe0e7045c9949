/**
 * The region tree is the platform's table every module reads (`SharedTables` in platform/module.ts);
 * this module keeps it but owns no table of its own.
 */
export type RegionsTables = object;
