import { useSearchParams } from 'react-router';
import { DatePicker, Flex, Select, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { InspectionRound, Page, TallyReport } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { TallyCards, tallyKeys } from './InspectionsPage';

type Row = TallyReport['rows'][number];

/** 执法统计: the seeds' tally for any period, region and round, split by child region, exportable. */
export function TallyPage() {
  const { t } = useTranslation('enforcement');
  const [search, setSearch] = useSearchParams();
  const params = {
    regionCode: search.get('regionCode') ?? undefined,
    from: search.get('from') ?? undefined,
    to: search.get('to') ?? undefined,
    roundId: search.get('roundId') ?? undefined,
  };
  const set = (next: Partial<typeof params>) => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...params, ...next })) if (v) s.set(k, v);
    setSearch(s, { replace: true });
  };
  const rounds = useQuery({
    queryKey: ['/api/enforcement/rounds', 'all'],
    queryFn: () => api.get<Page<InspectionRound>>('/api/enforcement/rounds', { pageSize: 100 }),
  });
  const q = useQuery({
    queryKey: ['/api/enforcement/tally/report', params],
    queryFn: () => api.get<TallyReport>('/api/enforcement/tally/report', params),
  });
  const rows: Row[] = q.data
    ? [...q.data.rows, { ...q.data.total, regionName: `${t('tally.total')}（${q.data.total.regionName}）` }]
    : [];
  return (
    <PageContainer
      title={t('menu.tally')}
      extra={<ExportButton url="/api/enforcement/tally/export" filename={`${t('menu.tally')}.xlsx`} query={params} />}
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <RegionPicker value={params.regionCode ?? null} onChange={(c) => set({ regionCode: c ?? undefined })} />
        <DatePicker.RangePicker
          value={params.from && params.to ? [dayjs(params.from), dayjs(params.to)] : null}
          onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          placeholder={[t('tally.period'), t('tally.period')]}
        />
        <Select
          allowClear
          placeholder={t('tally.allRounds')}
          style={{ minWidth: 240 }}
          value={params.roundId ? Number(params.roundId) : undefined}
          onChange={(v?: number) => {
            const r = rounds.data?.items.find((x) => x.id === v);
            set(r ? { roundId: String(r.id), from: r.startsOn, to: r.endsOn, regionCode: r.regionCode } : { roundId: undefined });
          }}
          options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
          data-testid="tally-round"
        />
      </Flex>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <TallyCards tally={q.data?.total} loading={q.isLoading} />
          <Table<Row>
            rowKey={(r) => r.regionCode ?? 'total'}
            size="small"
            loading={q.isFetching}
            pagination={false}
            scroll={{ x: 900 }}
            dataSource={q.data && q.data.total.inspections > 0 ? rows : []}
            locale={{ emptyText: t('tally.empty') }}
            columns={[
              {
                title: t('tally.region'),
                dataIndex: 'regionName',
                fixed: 'left',
                width: 160,
                render: (n: string, r) =>
                  r.regionCode && r !== rows.at(-1) ? <a onClick={() => set({ regionCode: r.regionCode! })}>{n}</a> : <b>{n}</b>,
              },
              ...[...tallyKeys, 'distinctPremises' as const].map((k) => ({
                title: t(`tally.${k}`),
                dataIndex: k,
                align: 'right' as const,
                width: 120,
              })),
            ]}
          />
        </>
      )}
    </PageContainer>
  );
}
