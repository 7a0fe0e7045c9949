import { useEffect, useState } from 'react';
import { Select, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Entity, Page } from '@fugong/contract';
import { api } from '../app/api';

type Option = { value: number; label: string; entity?: Entity };

/**
 * Pick market entities by typing part of a name or the start of a credit code (the registry's own
 * search, inside the user's area); shows the name with the code so namesakes can be told apart.
 */
export function EntitySelect({
  value,
  onChange,
  multiple,
  placeholder,
  regionCode,
  kind,
  style,
  testId,
}: {
  value?: number | number[] | null;
  onChange?: (v: number | number[] | null, entities: Entity[]) => void;
  multiple?: boolean;
  placeholder?: string;
  regionCode?: string | null;
  kind?: string;
  style?: React.CSSProperties;
  testId?: string;
}) {
  const [text, setText] = useState('');
  const [needle, setNeedle] = useState('');
  const [known, setKnown] = useState<Map<number, Entity>>(new Map());
  useEffect(() => {
    const h = setTimeout(() => setNeedle(text.trim()), 300);
    return () => clearTimeout(h);
  }, [text]);
  const q = useQuery({
    queryKey: ['/api/registry/entities', 'select', needle, regionCode, kind],
    queryFn: () =>
      api.get<Page<Entity>>('/api/registry/entities', { q: needle, pageSize: 20, regionCode: regionCode ?? undefined, kind }),
    enabled: needle.length > 0,
  });
  const found = q.data?.items ?? [];
  const options: Option[] = found.map((e) => ({ value: e.id, label: e.name, entity: e }));
  // keep the chosen ones listed when the search moves on
  const ids = value == null ? [] : Array.isArray(value) ? value : [value];
  for (const id of ids)
    if (!options.some((o) => o.value === id))
      options.push({ value: id, label: known.get(id)?.name ?? `#${id}`, entity: known.get(id) });
  const change = (v: number | number[] | null) => {
    const next = new Map(known);
    for (const e of found) next.set(e.id, e);
    setKnown(next);
    const chosen = (v == null ? [] : Array.isArray(v) ? v : [v]).map((id) => next.get(id)).filter((e): e is Entity => !!e);
    onChange?.(v ?? null, chosen);
  };
  return (
    <Select<number | number[]>
      showSearch
      allowClear
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      placeholder={placeholder}
      filterOption={false}
      onSearch={setText}
      onChange={(v) => change(v ?? null)}
      notFoundContent={q.isFetching ? <Spin size="small" /> : null}
      style={{ width: '100%', ...style }}
      data-testid={testId}
      optionRender={(o) => {
        const e = (o.data as Option).entity;
        return (
          <div>
            <div>{o.label}</div>
            {e && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.uscc ?? e.regionCode}
              </Typography.Text>
            )}
          </div>
        );
      }}
      options={options}
    />
  );
}
