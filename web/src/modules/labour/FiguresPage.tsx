import { useState } from 'react';
import { Card, Col, Modal, Row, Skeleton, Statistic, Table, Tag, Button, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { JobFair, LabourStats, Page } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { FairForm } from './FairForm';

const FIGURES = [
  'fairs',
  'visits',
  'enterprises',
  'postings',
  'places',
  'applications',
  'intentions',
  'hires',
  'sharedWorkers',
  'transported',
  'surveyed',
  'wishAway',
] as const;

function FairQr({ fair, onClose }: { fair: JobFair | null; onClose: () => void }) {
  const { t } = useTranslation('labour');
  const qr = useQuery({
    queryKey: ['labour-fair-qr', fair?.id],
    enabled: !!fair,
    queryFn: () => api.get<{ url: string; dataUrl: string }>(`/api/labour/fairs/${fair!.id}/qr`),
  });
  return (
    <Modal open={!!fair} title={fair?.name} onCancel={onClose} footer={null}>
      {qr.isPending ? (
        <Skeleton active />
      ) : qr.isError ? (
        <ErrorState error={qr.error} onRetry={() => void qr.refetch()} />
      ) : (
        <div style={{ textAlign: 'center' }}>
          <img src={qr.data.dataUrl} alt={t('fairs.qrAlt')} width={240} height={240} />
          <p>
            <a href={qr.data.url} target="_blank" rel="noreferrer" data-testid="fair-public-link">
              {qr.data.url}
            </a>
          </p>
        </div>
      )}
    </Modal>
  );
}

/** 用工 figures of the user's area, counted from the records, and the job fairs with their QR pages. */
export function FiguresPage() {
  const { t } = useTranslation('labour');
  const [qr, setQr] = useState<JobFair | null>(null);
  const stats = useQuery({ queryKey: ['/api/labour/stats'], queryFn: () => api.get<LabourStats>('/api/labour/stats') });
  const fairs = useQuery({
    queryKey: ['/api/labour/fairs'],
    queryFn: () => api.get<Page<JobFair>>('/api/labour/fairs', { pageSize: 50 }),
  });
  const columns: TableColumnsType<JobFair> = [
    { title: t('fairs.name'), dataIndex: 'name' },
    { title: t('fairs.kind'), dataIndex: 'kind', width: 90, render: (k: string) => <Tag>{t(`fairKind.${k}`)}</Tag> },
    {
      title: t('fairs.dates'),
      width: 190,
      render: (_: unknown, f) => (f.startsOn === f.endsOn ? f.startsOn : `${f.startsOn} – ${f.endsOn}`),
    },
    { title: t('figure.visits'), dataIndex: 'visits', width: 90 },
    { title: t('figure.postings'), dataIndex: 'postings', width: 80 },
    { title: t('figure.intentions'), dataIndex: 'intentions', width: 80 },
    { title: t('figure.hires'), dataIndex: 'hires', width: 80, render: (n: number) => <span data-testid="fair-hires">{n}</span> },
    {
      title: 'QR',
      width: 80,
      render: (_: unknown, f) => (
        <Button size="small" onClick={() => setQr(f)}>
          {t('fairs.qr')}
        </Button>
      ),
    },
  ];
  return (
    <PageContainer
      title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{t('menu.figures')}</h1>}
      extra={<ExportButton url="/api/labour/stats/export" filename="labour-figures.xlsx" />}
    >
      {stats.isPending ? (
        <Skeleton active />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {FIGURES.map((k) => (
            <Col key={k} xs={12} sm={8} md={6} lg={4}>
              <Card size="small">
                <Statistic title={t(`figure.${k}`)} value={stats.data[k]} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Card size="small" title={t('fairs.title')} extra={<FairForm />}>
        {fairs.isError ? (
          <ErrorState error={fairs.error} onRetry={() => void fairs.refetch()} />
        ) : (
          <Table<JobFair>
            rowKey="id"
            size="small"
            loading={fairs.isPending}
            dataSource={fairs.data?.items}
            columns={columns}
            pagination={false}
            scroll={{ x: 900 }}
            data-testid="fairs-table"
          />
        )}
      </Card>
      <FairQr fair={qr} onClose={() => setQr(null)} />
    </PageContainer>
  );
}
