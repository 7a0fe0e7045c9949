import { useState } from 'react';
import { Card, Col, Row, Spin, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FinanceFigures } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { bigYuan } from './money';

/** 银企对接 figures: requests, enterprises, institutions, money asked / approved / disbursed, rollovers. */
export function FinanceFiguresPage() {
  const { t } = useTranslation('finance');
  const [regionCode, setRegion] = useState<string | undefined>();
  const q = useQuery({
    queryKey: ['/api/finance/figures', regionCode],
    queryFn: () => api.get<FinanceFigures>('/api/finance/figures', { regionCode }),
  });
  const money = (f: number) => bigYuan(f, t);
  const cols = (first: string, key: 'regionName' | 'institutionName') => [
    {
      title: first,
      dataIndex: key,
      render: (v: string | null, r: object) => v ?? ('regionCode' in r ? String(r.regionCode) : ''),
    },
    { title: t('fig.requests'), dataIndex: 'requests', align: 'right' as const },
    { title: t('fig.enterprises'), dataIndex: 'enterprises', align: 'right' as const },
    { title: t('fig.asked'), dataIndex: 'askedFen', align: 'right' as const, render: money },
    { title: t('fig.approved'), dataIndex: 'approvedFen', align: 'right' as const, render: money },
    { title: t('fig.disbursed'), dataIndex: 'disbursedFen', align: 'right' as const, render: money },
  ];
  const f = q.data?.totals;
  const cards: [string, string | number | undefined][] = f
    ? [
        [t('fig.enterprises'), f.enterprises],
        [t('fig.institutionsListed'), f.institutionsListed],
        [t('fig.disbursed'), money(f.disbursedFen)],
        [t('fig.approved'), money(f.approvedFen)],
        [t('fig.rollover'), `${money(f.rolloverFen)} / ${t('fig.nEnterprises', { n: f.rolloverEnterprises })}`],
        [t('fig.deferral'), money(f.deferralFen)],
        [t('fig.fastTrack'), `${money(f.fastTrackOnTimeFen)} / ${money(f.fastTrackFen)}`],
        [t('fig.whitelisted'), f.whitelisted],
        [t('fig.medianFirst'), f.medianHoursToFirstAnswer ?? '—'],
        [t('fig.medianMoney'), f.medianHoursToMoney ?? '—'],
      ]
    : [];
  return (
    <PageContainer
      title={t('menu.figures')}
      extra={
        <>
          <RegionPicker value={regionCode} onChange={(v) => setRegion(v ?? undefined)} />
          <ExportButton url="/api/finance/figures/export" filename="finance-figures.xlsx" query={{ regionCode }} />
        </>
      }
    >
      {q.isLoading && <Spin />}
      {q.error && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {cards.map(([label, value]) => (
              <Col key={label} xs={12} sm={8} md={6}>
                <Card size="small">
                  <Statistic title={label} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('fig.byRegion')} style={{ marginBottom: 12 }}>
            <Table
              size="small"
              rowKey="regionCode"
              pagination={false}
              dataSource={q.data.byRegion}
              columns={cols(t('fig.region'), 'regionName')}
              locale={{ emptyText: t('list.empty') }}
              scroll={{ x: 700 }}
            />
          </Card>
          <Card size="small" title={t('fig.byInstitution')}>
            <Table
              size="small"
              rowKey="institutionId"
              pagination={false}
              dataSource={q.data.byInstitution}
              columns={cols(t('fig.institution'), 'institutionName')}
              locale={{ emptyText: t('list.empty') }}
              scroll={{ x: 700 }}
            />
          </Card>
        </>
      )}
    </PageContainer>
  );
}
