import { sql, type CreateTableBuilder, type Expression, type SqlBool } from 'kysely';

/**
 * The key columns the dashboard's rollup tables share (the registry's entity counts and the
 * reports' sums): a region level, the region at that level, and the category attributes, with
 * '' for a missing industry or size class so the key can be a primary key on both databases.
 *
 * Every fact is stored once per level 1-4 (district, town, community, grid) under the ancestor
 * at that level (its own region when it sits higher up), so a summary of a region reads only the
 * rows of its children's level: a district's summary sums a few rows per town, not one per grid.
 */
export interface CategoryKeyColumns {
  level: number;
  regionPath: string;
  kind: string;
  sector: string;
  industry: string;
  aboveScale: number;
  aboveQuota: number;
  fourAbove: number;
  sizeClass: string;
}

/** Levels the rollups are kept at: 1 district, 2 town, 3 community, 4 grid. */
export const ROLLUP_LEVELS = 4;
/**
 * The length of a region path at each level (codes of 6, 12, 12 and 15 digits, as the dashboard's
 * child regions have always been cut): the ancestor at a level is the path's prefix of that length.
 */
export const LEVEL_PATH_LENGTHS = [8, 21, 34, 50] as const;

const depthOf = (path: string) => path.split('/').filter(Boolean).length;

/** The ancestors of `path` at levels 1 … 4, as stored in the rollups. */
export function ancestorsOf(path: string): string[] {
  return LEVEL_PATH_LENGTHS.map((n) => path.slice(0, n));
}

/** The level whose rows are a region's children (the region's own grid rows below a grid). */
export const childLevel = (rootPath: string) => Math.min(depthOf(rootPath) + 1, ROLLUP_LEVELS);
/** The level whose rows add up to a region's totals without double counting. */
export const totalsLevel = (rootPath: string) => Math.min(Math.max(depthOf(rootPath), 1), ROLLUP_LEVELS);

/** The keys of a row that has the attributes (an entity, a report's snapshot of them): one per level. */
export function categoryKeysOf(e: {
  regionPath: string;
  kind: string;
  sector: string;
  industry?: string | null;
  aboveScale: number | boolean;
  aboveQuota: number | boolean;
  fourAbove: number | boolean;
  sizeClass?: string | null;
}): CategoryKeyColumns[] {
  const attrs = {
    kind: e.kind,
    sector: e.sector,
    industry: e.industry ?? '',
    aboveScale: Number(e.aboveScale),
    aboveQuota: Number(e.aboveQuota),
    fourAbove: Number(e.fourAbove),
    sizeClass: e.sizeClass ?? '',
  };
  return ancestorsOf(e.regionPath).map((regionPath, i) => ({ level: i + 1, regionPath, ...attrs }));
}

/**
 * Rows of a rollup under `rootPath`, as a range of the key (paths compare byte by byte: SQLite's
 * binary collation, the "C" collation of the column on PostgreSQL), so the primary key is read
 * as one range where a LIKE would scan the level.
 */
export function pathRange(col: string, rootPath: string): Expression<SqlBool> {
  const upper = rootPath.slice(0, -1) + String.fromCharCode(rootPath.charCodeAt(rootPath.length - 1) + 1);
  return sql<SqlBool>`${sql.ref(col)} >= ${rootPath} and ${sql.ref(col)} < ${upper}`;
}

/** The key columns in a CREATE TABLE (migrations), in snake_case. */
export function withCategoryKeyColumns<T extends string>(t: CreateTableBuilder<T, any>): CreateTableBuilder<T, any> {
  return t
    .addColumn('level', 'smallint', (c) => c.notNull())
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('sector', 'varchar(16)', (c) => c.notNull())
    .addColumn('industry', 'varchar(50)', (c) => c.notNull())
    .addColumn('above_scale', 'integer', (c) => c.notNull())
    .addColumn('above_quota', 'integer', (c) => c.notNull())
    .addColumn('four_above', 'integer', (c) => c.notNull())
    .addColumn('size_class', 'varchar(8)', (c) => c.notNull());
}

/** The key columns' names, snake_case, in key order. */
export const categoryKeyColumnNames = [
  'level',
  'region_path',
  'kind',
  'sector',
  'industry',
  'above_scale',
  'above_quota',
  'four_above',
  'size_class',
] as const;
