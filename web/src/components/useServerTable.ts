import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import type { Page } from '@fugong/contract';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';

export type Filters<K extends string> = Partial<Record<K, string>>;

/**
 * A server-paginated list whose page, page size and filters live in the URL query string
 * (so reload, back and shared links keep them); fetches `url` with them and returns antd Table props.
 */
export function useServerTable<T, K extends string = string>(
  url: string,
  filterKeys: readonly K[],
  opts: { pageSize?: number } = {},
) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const defaultSize = opts.pageSize ?? 20;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const pageSize = Math.min(500, Math.max(1, Number(search.get('pageSize')) || defaultSize));
  const keysKey = filterKeys.join(',');
  const filters = useMemo(() => {
    const f: Filters<K> = {};
    for (const k of filterKeys) {
      const v = search.get(k);
      if (v) f[k] = v;
    }
    return f;
    // filterKeys is a constant list per call site; its joined form is the stable dependency
  }, [search, keysKey]);
  const params = useMemo(() => ({ ...filters, page, pageSize }), [filters, page, pageSize]);

  const query = useQuery({
    queryKey: [url, params],
    queryFn: () => api.get<Page<T>>(url, params),
    placeholderData: keepPreviousData,
  });

  /** Replace the filters (empty values dropped) and go back to page 1. */
  const setFilters = useCallback(
    (next: Filters<K>) => {
      const s = new URLSearchParams();
      for (const [k, v] of Object.entries(next)) if (typeof v === 'string' && v !== '') s.set(k, v);
      if (pageSize !== defaultSize) s.set('pageSize', String(pageSize));
      setSearch(s, { replace: true });
    },
    [setSearch, pageSize, defaultSize],
  );

  const onPageChange = useCallback(
    (p: number, size: number) => {
      const s = new URLSearchParams(search);
      s.set('page', String(size !== pageSize ? 1 : p));
      s.set('pageSize', String(size));
      setSearch(s, { replace: true });
    },
    [search, setSearch, pageSize],
  );

  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: query.data?.total ?? 0,
    showSizeChanger: true,
    showTotal: (total) => t('table.total', { count: total }),
    onChange: onPageChange,
  };
  return {
    query,
    filters,
    setFilters,
    /** filters plus paging, ready for api.get or an ExportButton */
    params,
    tableProps: { dataSource: query.data?.items ?? [], loading: query.isFetching, pagination },
  };
}
