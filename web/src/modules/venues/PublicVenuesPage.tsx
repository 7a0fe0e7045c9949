import { Link } from 'react-router';
import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicVenue } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PublicFrame } from './PublicFrame';

/** 景区预约: the venues taking bookings today, each with today's (epidemic) capacity. */
export function PublicVenuesPage() {
  const { t } = useTranslation('venues');
  const q = useQuery({ queryKey: ['public-venues'], queryFn: () => api.get<PublicVenue[]>('/api/public/venues') });
  return (
    <PublicFrame title={t('public.title')}>
      <Typography.Paragraph type="secondary">{t('public.intro')}</Typography.Paragraph>
      {q.isPending ? (
        <Skeleton active />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.length === 0 ? (
        <Empty description={t('public.noVenues')} />
      ) : (
        <Flex vertical gap={12}>
          {q.data.map((v) => (
            <Link key={v.id} to={`/p/venues/${v.id}`}>
              <Card size="small" hoverable>
                <Flex justify="space-between" align="center" gap={8}>
                  <div>
                    <Typography.Text strong>{v.name}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {v.regionName ?? ''} · {t(`kind.${v.kind}`)}
                      </Typography.Text>
                    </div>
                  </div>
                  <Tag color="blue">{t('public.dailyCapacity', { count: v.capacityToday })}</Tag>
                </Flex>
              </Card>
            </Link>
          ))}
        </Flex>
      )}
      <Typography.Paragraph style={{ marginTop: 24 }}>
        <Link to="/p/venues/cancel">{t('public.findOrCancel')}</Link>
      </Typography.Paragraph>
    </PublicFrame>
  );
}
