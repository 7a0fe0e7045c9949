import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Descriptions, Empty, Flex, Skeleton, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { FilingDetail, FilingSummary } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { filingKey, filingRouteStyles, filingStatusStyles } from './labels';
import { StatusNotice } from './StatusNotice';

function StartButton({ again }: { again?: boolean }) {
  const { t } = useTranslation('filings');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const start = useMutation({
    mutationFn: () => api.post<FilingSummary>('/api/filings', {}),
    onSuccess: async (f) => {
      await qc.invalidateQueries({ queryKey: ['filings'] });
      navigate(`/filings/${f.id}/edit`);
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Button type="primary" size="large" block loading={start.isPending} onClick={() => start.mutate()}>
      {again ? t('mine.startAgain') : t('mine.start')}
    </Button>
  );
}

function Current({ id }: { id: number }) {
  const { t } = useTranslation('filings');
  const q = useQuery({ queryKey: filingKey(id), queryFn: () => api.get<FilingDetail>(`/api/filings/${id}`) });
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const f = q.data;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <StatusNotice filing={f} />
      <Card size="small" title={f.entityName}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('field.status')}>
            <span data-testid="filing-status">
              <StatusTag value={f.status} map={filingStatusStyles} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.route')}>
            <StatusTag value={f.route} map={filingRouteStyles} />
            {f.batchNo ? t('field.batchNo', { no: f.batchNo }) : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.plannedDate')}>{f.plannedDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.submittedAt')}>
            {f.submittedAt ? dayjs(f.submittedAt).format('YYYY-MM-DD HH:mm') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.staffReadiness')}>
            {t('mine.readiness', { passed: f.staffReadiness.passed, total: f.staffReadiness.total })}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Flex vertical gap={8}>
        {f.abilities.edit && (
          <Link to={`/filings/${f.id}/edit`}>
            <Button type="primary" size="large" block>
              {f.status === 'changes_requested' ? t('mine.editResubmit') : t('mine.continue')}
            </Button>
          </Link>
        )}
        {f.status === 'rejected' && <StartButton again />}
        <Link to={`/filings/${f.id}`}>
          <Button block>{t('mine.details')}</Button>
        </Link>
        <Link to="/filings/staff">
          <Button block>{t('mine.staff')}</Button>
        </Link>
      </Flex>
    </Space>
  );
}

/** The enterprise user's home for resumption: the filing's state in plain words and the next step. */
export function MyFilingPage() {
  const { t } = useTranslation('filings');
  const mine = useQuery({
    queryKey: ['filings', 'mine'],
    queryFn: () => api.get<{ filing: FilingSummary | null }>('/api/filings/mine'),
  });
  return (
    <PageContainer title={t('mine.title')}>
      <div style={{ maxWidth: 640 }}>
        {mine.isPending ? (
          <Skeleton active />
        ) : mine.isError ? (
          <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
        ) : mine.data.filing ? (
          <Current id={mine.data.filing.id} />
        ) : (
          <Card>
            <Empty description={t('mine.none')} />
            <StartButton />
          </Card>
        )}
      </div>
    </PageContainer>
  );
}
