import { Link, useParams } from 'react-router';
import { Button, Card, Descriptions, Skeleton, Space, Tabs, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type VenueDetail } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { FormModalButton } from './FormModalButton';
import { VenueFields, venueBody } from './venue-forms';
import { PoliciesTab, RulesTab, SlotsTab, VehiclesTab } from './VenueConfigTabs';
import { BookingsTab } from './VenueBookingsTab';

/** One venue: its settings, capacity rules (versioned), time slots, vehicles and seat limits, admission policies, bookings. */
export function VenueDetailPage() {
  const { t } = useTranslation('venues');
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['venue', id], queryFn: () => api.get<VenueDetail>(`/api/venues/${id}`) });
  if (q.isPending) return <Skeleton active />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const v = q.data;
  const base = `/api/venues/${id}`;

  return (
    <PageContainer
      title={v.name}
      extra={
        <Space wrap>
          {v.abilities.gate && (
            <Link to={`/venues/${id}/gate`}>
              <Button type="primary">{t('menu.gate')}</Button>
            </Link>
          )}
          {(v.kind === 'farmstay' || v.kind === 'hotel') && (
            <Link to={`/venues/${id}/guests`}>
              <Button>{t('menu.guests')}</Button>
            </Link>
          )}
          {v.bookable && (
            <Link to={`/p/venues/${id}`} target="_blank">
              <Button>{t('admin.publicPage')}</Button>
            </Link>
          )}
          {v.abilities.manage && (
            <FormModalButton
              label={t('admin.edit')}
              title={t('admin.editVenue')}
              icon={<EditOutlined />}
              method="patch"
              url={base}
              initialValues={{
                name: v.name,
                address: v.address,
                phone: v.phone,
                normalCapacity: v.normalCapacity,
                openingDays: v.openingDays.split(''),
                bookingDaysAhead: v.bookingDaysAhead,
                bookable: v.bookable,
              }}
              toBody={venueBody}
            >
              <VenueFields />
            </FormModalButton>
          )}
        </Space>
      }
    >
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('admin.kind')}>{t(`kind.${v.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('admin.region')}>{v.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('admin.address')}>{v.address || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('admin.phone')}>{v.phone || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('admin.normalCapacity')}>{v.normalCapacity.toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label={t('admin.capacityToday')}>
          <Tag color="orange">{v.capacityToday.toLocaleString()}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.openingDays')}>
          {v.openingDays
            .split('')
            .map((d) => t(`weekday.${d}`))
            .join(' ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.bookingDaysAhead')}>{v.bookingDaysAhead}</Descriptions.Item>
        <Descriptions.Item label={t('admin.bookable')}>
          {v.bookable ? <Tag color="green">{t('admin.yes')}</Tag> : <Tag>{t('admin.no')}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small">
        <Tabs
          items={[
            { key: 'rules', label: t('admin.rules'), children: <RulesTab v={v} base={base} /> },
            { key: 'slots', label: t('admin.slots'), children: <SlotsTab v={v} base={base} /> },
            { key: 'vehicles', label: t('admin.vehicles'), children: <VehiclesTab v={v} base={base} /> },
            { key: 'policies', label: t('admin.policies'), children: <PoliciesTab v={v} base={base} /> },
            { key: 'bookings', label: t('admin.bookings'), children: <BookingsTab v={v} /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
