import { DatePicker, Flex, Select, Space, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { bookingStatuses, type Booking, type VenueDetail } from '@fugong/contract';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { bookingStatusStyles } from './labels';
import { today, ymd } from './venue-forms';

export function BookingsTab({ v }: { v: VenueDetail }) {
  const { t } = useTranslation('venues');
  const { query, filters, setFilters, tableProps } = useServerTable<Booking, 'day' | 'status'>(`/api/venues/${v.id}/bookings`, [
    'day',
    'status',
  ]);
  const columns: TableColumnsType<Booking> = [
    { title: t('result.code'), dataIndex: 'code', width: 120 },
    { title: t('book.day'), dataIndex: 'day', width: 110 },
    { title: t('book.slot'), dataIndex: 'slotLabel', width: 80 },
    { title: t('admin.party'), dataIndex: 'partySize', width: 70, align: 'right' },
    { title: t('book.phone'), dataIndex: 'phoneMasked', width: 130 },
    { title: t('admin.channel'), dataIndex: 'channel', width: 90, render: (c: string) => t(`channel.${c}`) },
    {
      title: t('result.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: Booking['status']) => <StatusTag value={s} map={bookingStatusStyles} />,
    },
    {
      title: t('admin.admitted'),
      key: 'in',
      width: 90,
      render: (_, b) => `${b.visitors.filter((x) => x.checkinStatus === 'admitted').length}/${b.partySize}`,
    },
  ];
  const exportDay = filters.day ?? today();
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8} align="center">
        <DatePicker
          aria-label={t('book.day')}
          placeholder={t('admin.allDays')}
          value={filters.day ? dayjs(filters.day) : null}
          onChange={(d) => setFilters({ ...filters, day: ymd(d) ?? undefined })}
        />
        <Select
          allowClear
          placeholder={t('result.status')}
          style={{ width: 120 }}
          value={filters.status}
          onChange={(s) => setFilters({ ...filters, status: s })}
          options={bookingStatuses.map((s) => ({ value: s, label: t(`bookingStatus.${s}`) }))}
        />
        {v.abilities.gate && (
          <Space size={4} wrap>
            <ExportButton
              url={`/api/venues/${v.id}/bookings/export`}
              filename={`${v.name}-${exportDay}.xlsx`}
              query={{ day: exportDay }}
            />
            <span style={{ color: '#888', fontSize: 12 }}>{t('admin.exportDayHint', { day: exportDay })}</span>
          </Space>
        )}
      </Flex>
      <ServerTable
        query={query}
        rowKey="code"
        size="small"
        columns={columns}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('admin.noBookings') }}
        {...tableProps}
      />
    </Flex>
  );
}
