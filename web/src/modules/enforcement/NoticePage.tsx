import { useParams } from 'react-router';
import { Button, Flex, Spin, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RectificationNotice } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ReinspectButton } from './NoticeActions';
import { noticeStatusStyles } from './labels';
import { ErrorState } from '../../components/ErrorState';
import { StatusTag } from '../../components/StatusTag';

/** 整改通知书 laid out for A4: print it from the browser and hand it over. */
export function NoticePage() {
  const { t } = useTranslation('enforcement');
  const { id } = useParams();
  const perms = usePermissions();
  const q = useQuery({
    queryKey: [`/api/enforcement/notices/${id}`],
    queryFn: () => api.get<RectificationNotice>(`/api/enforcement/notices/${id}`),
  });
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const n = q.data;
  return (
    <div>
      <Flex className="fg-no-print" gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="notice-print">
          {t('action.print')}
        </Button>
        <StatusTag value={n.status} map={noticeStatusStyles} testId="notice-status" />
        {n.status === 'issued' && perms.has('enforcement.inspect') && <ReinspectButton notice={n} />}
      </Flex>
      <style>{'@media print { .fg-no-print, .ant-layout-sider, .ant-layout-header { display: none !important; } }'}</style>
      <div
        data-testid="notice"
        style={{
          background: '#fff',
          maxWidth: 720,
          margin: '0 auto',
          padding: '48px 56px',
          border: '1px solid #eee',
          fontSize: 15,
          lineHeight: 2,
        }}
      >
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('notice.title')}
        </Typography.Title>
        <div style={{ textAlign: 'right' }}>{n.no}</div>
        <p>
          <b>{n.entityName}</b>
          {t('notice.colon')}
        </p>
        {/* an address left blank in the registry is written in by hand */}
        <p data-testid="notice-address">{n.address ? t('notice.address', { address: n.address }) : t('notice.addressBlank')}</p>
        <p>{t('notice.lead', { date: n.issuedOn })}</p>
        <p style={{ whiteSpace: 'pre-wrap' }}>{n.items}</p>
        <p>{t('notice.deadline', { date: n.deadline })}</p>
        <p>{t('notice.warning')}</p>
        <div style={{ textAlign: 'right', marginTop: 48 }}>
          <div>{t('notice.issuer')}</div>
          <div>{n.issuedOn}</div>
        </div>
        <div style={{ marginTop: 48 }}>{t('notice.receipt')}</div>
      </div>
    </div>
  );
}
