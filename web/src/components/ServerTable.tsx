import { Table, type TableProps } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState } from './ErrorState';

/**
 * The table of a useServerTable list (`query` and its `tableProps` spread in), or the load error
 * with a retry in place of the table: what every paginated list page shows under its filters.
 */
export function ServerTable<T extends object>({ query, ...table }: { query: UseQueryResult<unknown> } & TableProps<T>) {
  return query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <Table<T> {...table} />;
}
