import { Link } from 'react-router';
import { Button, Card, Col, Flex, Row, Select, Statistic, type TableColumnsType } from 'antd';
import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Inspection, InspectionRound, Page, Tally } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { outcomeStyles } from './labels';

export const tallyKeys = ['inspectorVisits', 'premises', 'problems', 'fixedOnSpot', 'notices', 'closures'] as const;

/** The tally in the seeds' shape: six figures. */
export function TallyCards({ tally, loading }: { tally?: Tally; loading?: boolean }) {
  const { t } = useTranslation('enforcement');
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="enforcement-tally">
      {tallyKeys.map((k) => (
        <Col key={k} xs={12} sm={8} md={4}>
          <Card size="small">
            <Statistic title={t(`tally.${k}`)} value={tally?.[k] ?? '—'} loading={loading} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Inspections in the user's area (of a round, an entity, an outcome) with their tally on top. */
export function InspectionsPage() {
  const { t } = useTranslation('enforcement');
  const perms = usePermissions();
  const { query, filters, setFilters, tableProps } = useServerTable<Inspection, 'roundId' | 'outcome' | 'entityId'>(
    '/api/enforcement/inspections',
    ['roundId', 'outcome', 'entityId'],
  );
  const tally = useQuery({
    queryKey: ['/api/enforcement/tally', filters.roundId],
    queryFn: () => api.get<Tally>('/api/enforcement/tally', { roundId: filters.roundId }),
  });
  const rounds = useQuery({
    queryKey: ['/api/enforcement/rounds', 'all'],
    queryFn: () => api.get<Page<InspectionRound>>('/api/enforcement/rounds', { pageSize: 100 }),
  });
  const columns: TableColumnsType<Inspection> = [
    { title: t('field.no'), dataIndex: 'no', width: 180 },
    { title: t('field.entity'), dataIndex: 'entityName' },
    { title: t('field.kind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`kind.${k}`) },
    { title: t('field.inspectedOn'), dataIndex: 'inspectedOn', width: 110 },
    { title: t('field.inspectorCount'), dataIndex: 'inspectorCount', width: 90, align: 'right' },
    { title: t('field.problems'), dataIndex: 'problemsFound', width: 90, align: 'right' },
    { title: t('field.fixedOnSpot'), dataIndex: 'fixedOnSpot', width: 90, align: 'right' },
    {
      title: t('field.outcome'),
      dataIndex: 'outcome',
      width: 160,
      render: (o: Inspection['outcome'], r) => (
        <>
          <StatusTag value={o} map={outcomeStyles} />
          {r.noticeId && <Link to={`/enforcement/notices/${r.noticeId}`}>{t('action.printNotice')}</Link>}
        </>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('menu.inspections')}
      extra={
        <Flex gap={8} wrap>
          <Link to={`/enforcement/tally${filters.roundId ? `?roundId=${filters.roundId}` : ''}`}>
            <Button icon={<BarChartOutlined />}>{t('menu.tally')}</Button>
          </Link>
          {perms.has('enforcement.inspect') && (
            <Link to={`/enforcement/inspections/new${filters.roundId ? `?roundId=${filters.roundId}` : ''}`}>
              <Button type="primary" icon={<PlusOutlined />}>
                {t('action.new')}
              </Button>
            </Link>
          )}
        </Flex>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('tally.allRounds')}
          style={{ minWidth: 240 }}
          value={filters.roundId ? Number(filters.roundId) : undefined}
          onChange={(v?: number) => setFilters({ ...filters, roundId: v ? String(v) : '' })}
          options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
        />
        <Select
          allowClear
          placeholder={t('field.outcome')}
          style={{ minWidth: 140 }}
          value={filters.outcome}
          onChange={(v?: string) => setFilters({ ...filters, outcome: v ?? '' })}
          options={(['pass', 'notice', 'closure'] as const).map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
        />
      </Flex>
      <TallyCards tally={tally.data} loading={tally.isLoading} />
      <ServerTable<Inspection>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 900 }}
        {...tableProps}
        locale={{ emptyText: t('list.empty') }}
      />
    </PageContainer>
  );
}
