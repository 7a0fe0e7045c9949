import { useState } from 'react';
import { Link } from 'react-router';
import { Progress, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';

/** How many entities of each kind have a liaison; the uncovered ones are the registry's list. */
export function CoveragePage() {
  const { t } = useTranslation('liaison');
  const [region, setRegion] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['/api/liaison/coverage', region],
    queryFn: () => api.get<Coverage>('/api/liaison/coverage', { regionCode: region ?? undefined }),
  });
  const rows = q.data ? [...q.data.rows, q.data.total] : [];
  return (
    <PageContainer title={t('menu.coverage')} extra={<RegionPicker value={region} onChange={(c) => setRegion(c)} />}>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table
          rowKey="kind"
          size="small"
          loading={q.isFetching}
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: t('coverage.kind'),
              dataIndex: 'kind',
              render: (k: string) => (k === 'all' ? t('coverage.all') : t(`registry:kind.${k}`, { defaultValue: k })),
            },
            { title: t('coverage.total'), dataIndex: 'total', align: 'right' },
            { title: t('coverage.covered'), dataIndex: 'covered', align: 'right' },
            {
              title: t('coverage.rate'),
              dataIndex: 'rate',
              render: (r: number | null) => <Progress percent={r ?? 0} size="small" status={r === 100 ? 'success' : 'active'} />,
            },
            {
              title: '',
              dataIndex: 'kind',
              render: (k: string) => (
                <Link
                  to={`/registry/entities?coverage=noLiaison${k === 'all' ? '' : `&kind=${k}`}${q.data ? `&regionCode=${q.data.regionCode}` : ''}`}
                >
                  {t('coverage.uncovered')}
                </Link>
              ),
            },
          ]}
        />
      )}
    </PageContainer>
  );
}
