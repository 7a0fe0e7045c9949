import { App, Button, Empty, List, Space, Spin } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { JobApplication, Page } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { StatusTag } from '../../components/StatusTag';
import { applicationStatusStyles } from './labels';

const OPEN = new Set(['applied', 'interview', 'intention']);

/** A posting's applicants with the steps the enterprise marks; a hire takes one of the places. */
export function ApplicantsList({ postingId }: { postingId: number }) {
  const { t } = useTranslation('labour');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const apps = useQuery({
    queryKey: ['labour-applications', postingId],
    queryFn: () => api.get<Page<JobApplication>>('/api/labour/applications', { postingId, pageSize: 100 }),
  });
  const mark = useMutation({
    mutationFn: ({ id, status }: { id: number; status: string }) => api.post(`/api/labour/applications/${id}/status`, { status }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['labour-applications', postingId] });
      void qc.invalidateQueries({ queryKey: ['/api/labour/postings'] });
    },
    onError: (e) => message.error(e.message),
  });
  if (apps.isPending) return <Spin />;
  if (apps.isError) return <ErrorState error={apps.error} onRetry={() => void apps.refetch()} />;
  if (apps.data.items.length === 0) return <Empty description={t('my.noApplicants')} />;
  return (
    <List
      size="small"
      dataSource={apps.data.items}
      renderItem={(a) => (
        <List.Item data-testid="applicant">
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap>
              <strong>{a.name}</strong>
              <span>{a.phoneMasked}</span>
              <StatusTag value={a.status} map={applicationStatusStyles} />
            </Space>
            {OPEN.has(a.status) && (
              <Space wrap>
                {(['interview', 'intention', 'hired', 'rejected'] as const)
                  .filter((s) => s !== a.status)
                  .map((s) => (
                    <Button
                      key={s}
                      size="small"
                      type={s === 'hired' ? 'primary' : 'default'}
                      danger={s === 'rejected'}
                      loading={mark.isPending}
                      onClick={() => mark.mutate({ id: a.id, status: s })}
                    >
                      {t(`mark.${s}`)}
                    </Button>
                  ))}
              </Space>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
