import type { CreateTableBuilder } from 'kysely';

/**
 * The key columns the dashboard's rollup tables share (the registry's entity counts and the
 * reports' sums): a leaf region and the category attributes, with '' for a missing industry or
 * size class so the key can be a primary key on both databases.
 */
export interface CategoryKeyColumns {
  regionPath: string;
  kind: string;
  sector: string;
  industry: string;
  aboveScale: number;
  aboveQuota: number;
  fourAbove: number;
  sizeClass: string;
}

/** The key of a row that has the attributes (an entity, a report's snapshot of them). */
export function categoryKeyOf(e: {
  regionPath: string;
  kind: string;
  sector: string;
  industry?: string | null;
  aboveScale: number | boolean;
  aboveQuota: number | boolean;
  fourAbove: number | boolean;
  sizeClass?: string | null;
}): CategoryKeyColumns {
  return {
    regionPath: e.regionPath,
    kind: e.kind,
    sector: e.sector,
    industry: e.industry ?? '',
    aboveScale: Number(e.aboveScale),
    aboveQuota: Number(e.aboveQuota),
    fourAbove: Number(e.fourAbove),
    sizeClass: e.sizeClass ?? '',
  };
}

/** The key columns in a CREATE TABLE (migrations), in snake_case. */
export function withCategoryKeyColumns<T extends string>(t: CreateTableBuilder<T, any>): CreateTableBuilder<T, any> {
  return t
    .addColumn('region_path', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('sector', 'varchar(16)', (c) => c.notNull())
    .addColumn('industry', 'varchar(50)', (c) => c.notNull())
    .addColumn('above_scale', 'integer', (c) => c.notNull())
    .addColumn('above_quota', 'integer', (c) => c.notNull())
    .addColumn('four_above', 'integer', (c) => c.notNull())
    .addColumn('size_class', 'varchar(8)', (c) => c.notNull());
}

/** The key columns' names, snake_case, in key order after the leading day column of each table. */
export const categoryKeyColumnNames = ['region_path', 'kind', 'sector', 'industry', 'above_scale', 'above_quota', 'four_above', 'size_class'] as const;
