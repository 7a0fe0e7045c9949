import { useEffect, useMemo, useState } from 'react';
import { TreeSelect } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Region } from '@fugong/contract';
import { api } from '../app/api';

interface TreeNode {
  value: string;
  title: string;
  isLeaf: boolean;
  children?: TreeNode[];
}

const childrenKey = (parent: string) => ['regions', 'children', parent] as const;
const fetchChildren = (parent: string) =>
  api.get<{ items: Region[] }>('/api/regions', { parent: parent || undefined }).then((r) => r.items);

export interface RegionPickerProps {
  /** region code */
  value?: string | null;
  onChange?: (code: string | null, region: Region | null) => void;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

/** Pick a region (value = region code): browse the tree lazily from the caller's top regions, or type to search by name or code. */
export function RegionPicker({ value, onChange, placeholder, disabled, allowClear = true, style, id }: RegionPickerProps) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [known, setKnown] = useState<Record<string, Region>>({});
  const [childrenOf, setChildrenOf] = useState<Record<string, string[]>>({});
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');

  const remember = (parent: string | null, items: Region[]) => {
    setKnown((k) => ({ ...k, ...Object.fromEntries(items.map((r) => [r.code, r])) }));
    if (parent !== null) setChildrenOf((c) => ({ ...c, [parent]: items.map((r) => r.code) }));
  };

  const roots = useQuery({ queryKey: childrenKey(''), queryFn: () => fetchChildren('') });
  useEffect(() => {
    if (roots.data) remember('', roots.data);
  }, [roots.data]);

  // wait for a pause in typing before asking the server
  useEffect(() => {
    const h = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(h);
  }, [typed]);
  const found = useQuery({
    queryKey: ['regions', 'search', q],
    queryFn: () => api.get<{ items: Region[] }>('/api/regions/search', { q, limit: 20 }).then((r) => r.items),
    enabled: q.length > 0,
  });
  useEffect(() => {
    if (found.data) remember(null, found.data);
  }, [found.data]);

  // a value set from outside (e.g. an existing grant) may be deep in the tree: look its name up once
  const unknownValue = value && !known[value] ? value : '';
  const resolved = useQuery({
    queryKey: ['regions', 'search', unknownValue, 1],
    queryFn: () => api.get<{ items: Region[] }>('/api/regions/search', { q: unknownValue, limit: 1 }).then((r) => r.items),
    enabled: unknownValue !== '',
  });
  useEffect(() => {
    if (resolved.data) remember(null, resolved.data);
  }, [resolved.data]);

  const treeData = useMemo<TreeNode[]>(() => {
    if (q && found.data)
      return found.data.map((r) => ({
        value: r.code,
        title: `${r.name} · ${t(`regionLevel.${r.level}`)} ${r.code}`,
        isLeaf: true,
      }));
    const build = (codes: string[]): TreeNode[] =>
      codes
        .filter((c) => known[c])
        .map((c) => {
          const r = known[c]!;
          const kids = childrenOf[c];
          return { value: c, title: r.name, isLeaf: r.childCount === 0, children: kids ? build(kids) : undefined };
        });
    return build(childrenOf[''] ?? []);
  }, [q, found.data, known, childrenOf, t]);

  const loadData = async (node: { value?: unknown }) => {
    const code = String(node.value);
    if (childrenOf[code]) return;
    remember(
      code,
      await qc.fetchQuery({ queryKey: childrenKey(code), queryFn: () => fetchChildren(code), staleTime: 5 * 60_000 }),
    );
  };

  const labelled = value ? { value, label: known[value]?.name ?? value } : undefined;
  return (
    <TreeSelect<{ value: string; label: React.ReactNode } | undefined>
      id={id}
      style={{ minWidth: 200, ...style }}
      labelInValue
      value={labelled}
      onChange={(v) => {
        const code = v?.value ?? null;
        setTyped('');
        setQ('');
        onChange?.(code, code ? (known[code] ?? null) : null);
      }}
      treeData={treeData}
      loadData={q ? undefined : loadData}
      showSearch={{ searchValue: typed, onSearch: setTyped, filterTreeNode: false, autoClearSearchValue: true }}
      placeholder={placeholder ?? t('region.placeholder')}
      notFoundContent={roots.isLoading || found.isFetching ? t('state.loading') : t('state.empty')}
      allowClear={allowClear}
      disabled={disabled}
      popupMatchSelectWidth={false}
    />
  );
}
