import { Link } from 'react-router';
import { Button, Card, Col, Row, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Inspection, Tally } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { useServerTable } from '../../components/useServerTable';

const outcomeColor = { pass: 'green', notice: 'orange', closure: 'red' } as const;

/** Inspections in the user's area with the tally in the seeds' shape on top. */
export function InspectionsPage() {
  const { t } = useTranslation('enforcement');
  const perms = usePermissions();
  const tally = useQuery({ queryKey: ['/api/enforcement/tally'], queryFn: () => api.get<Tally>('/api/enforcement/tally') });
  const { query, tableProps } = useServerTable<Inspection>('/api/enforcement/inspections', []);
  const columns: TableColumnsType<Inspection> = [
    { title: t('field.no'), dataIndex: 'no', width: 170 },
    { title: t('field.entity'), dataIndex: 'entityName' },
    { title: t('field.kind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`kind.${k}`) },
    { title: t('field.inspectedOn'), dataIndex: 'inspectedOn', width: 110 },
    { title: t('field.inspectorCount'), dataIndex: 'inspectorCount', width: 90, align: 'right' },
    { title: t('field.problems'), dataIndex: 'problemsFound', width: 90, align: 'right' },
    { title: t('field.fixedOnSpot'), dataIndex: 'fixedOnSpot', width: 90, align: 'right' },
    {
      title: t('field.outcome'),
      dataIndex: 'outcome',
      width: 150,
      render: (o: Inspection['outcome'], r) => (
        <>
          <Tag color={outcomeColor[o]}>{t(`outcome.${o}`)}</Tag>
          {r.noticeId && <Link to={`/enforcement/notices/${r.noticeId}`}>{t('action.printNotice')}</Link>}
        </>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('menu.inspections')}
      extra={
        perms.has('enforcement.inspect') && (
          <Link to="/enforcement/inspections/new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('action.new')}
            </Button>
          </Link>
        )
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="enforcement-tally">
        {(['inspectorVisits', 'premises', 'problems', 'fixedOnSpot', 'notices', 'closures'] as const).map((k) => (
          <Col key={k} xs={12} sm={8} md={4}>
            <Card size="small">
              <Statistic title={t(`tally.${k}`)} value={tally.data?.[k] ?? '—'} loading={tally.isLoading} />
            </Card>
          </Col>
        ))}
      </Row>
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <Table<Inspection> rowKey="id" size="small" columns={columns} scroll={{ x: 900 }} {...tableProps} locale={{ emptyText: t('list.empty') }} />}
    </PageContainer>
  );
}
