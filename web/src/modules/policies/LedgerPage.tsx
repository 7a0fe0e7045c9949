import { Card, Col, Form, Row, Select, Statistic, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { subsidyTypes, type Disbursement, type PolicyTotals } from '@fugong/contract';
import { api } from '../../app/api';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { ServerTable } from '../../components/ServerTable';
import { useServerTable } from '../../components/useServerTable';
import { money } from './labels';

const FILTERS = ['regionCode', 'subsidyType'] as const;

/** 兑付台账: the totals in the shape of the press figures, then every row. */
export function LedgerPage() {
  const { t, i18n } = useTranslation('policies');
  const { query, filters, setFilters, tableProps, params } = useServerTable<Disbursement, (typeof FILTERS)[number]>(
    '/api/policies/disbursements',
    FILTERS,
  );
  const totals = useQuery({
    queryKey: ['/api/policies/totals', filters.regionCode],
    queryFn: () => api.get<PolicyTotals>('/api/policies/totals', { regionCode: filters.regionCode }),
  });
  const { page: _p, pageSize: _s, ...exportQuery } = params;
  const columns: TableColumnsType<Disbursement> = [
    { title: t('pay.paidOn'), dataIndex: 'paidOn', width: 110 },
    { title: t('field.subsidyType'), dataIndex: 'subsidyType', width: 160, render: (s: string) => t(`subsidyType.${s}`) },
    { title: t('field.measure'), dataIndex: 'measureTitle', ellipsis: true },
    { title: t('field.entity'), dataIndex: 'entityName', ellipsis: true },
    { title: t('field.region'), dataIndex: 'regionName', width: 140 },
    {
      title: t('field.amount'),
      key: 'a',
      width: 130,
      align: 'right',
      render: (_, r) => money(r.amount, r.currency, i18n.language),
    },
    { title: t('pay.reference'), dataIndex: 'reference', width: 150 },
  ];
  return (
    <PageContainer
      title={t('menu.ledger')}
      extra={<ExportButton url="/api/policies/disbursements/export" filename="policy-ledger.xlsx" query={exportQuery} />}
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {(totals.data?.byType ?? []).map((r) => (
          <Col xs={12} md={6} key={`${r.subsidyType}-${r.currency}`}>
            <Card size="small" data-testid={`total-${r.subsidyType}`}>
              <Statistic title={t(`subsidyType.${r.subsidyType}`)} value={money(r.amount, r.currency, i18n.language)} />
              {t('totals.entities', { n: r.entities })}
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('totals.reached')} value={totals.data?.enterprisesReached ?? 0} loading={totals.isPending} />
          </Card>
        </Col>
      </Row>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('field.region')} htmlFor="ledger-region">
          <RegionPicker
            id="ledger-region"
            value={filters.regionCode}
            onChange={(v) => setFilters({ regionCode: v ?? undefined })}
            style={{ minWidth: 220 }}
          />
        </Form.Item>
        <Form.Item label={t('field.subsidyType')} htmlFor="ledger-type">
          <Select
            id="ledger-type"
            allowClear
            style={{ width: 180 }}
            value={filters.subsidyType}
            onChange={(v?: string) => setFilters({ subsidyType: v })}
            options={subsidyTypes.map((s) => ({ value: s, label: t(`subsidyType.${s}`) }))}
          />
        </Form.Item>
      </Form>
      <ServerTable rowKey="id" columns={columns} query={query} {...tableProps} />
    </PageContainer>
  );
}
