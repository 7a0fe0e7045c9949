import { Link } from 'react-router';
import { Flex, Input, Select, Space, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { noticeStatuses, type RectificationNotice } from '@fugong/contract';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { ReinspectButton } from './NoticeActions';
import { noticeStatusStyles } from './labels';

/** 整改通知书: issued → re-inspected → rectified (closed) or escalated to a closure order. */
export function NoticesPage() {
  const { t } = useTranslation('enforcement');
  const perms = usePermissions();
  const { query, filters, setFilters, tableProps } = useServerTable<RectificationNotice, 'q' | 'status'>(
    '/api/enforcement/notices',
    ['q', 'status'],
  );
  const columns: TableColumnsType<RectificationNotice> = [
    {
      title: t('field.no'),
      dataIndex: 'no',
      width: 160,
      render: (no: string, r) => <Link to={`/enforcement/notices/${r.id}`}>{no}</Link>,
    },
    { title: t('field.entity'), dataIndex: 'entityName' },
    { title: t('field.issuedOn'), dataIndex: 'issuedOn', width: 110 },
    { title: t('field.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: RectificationNotice['status']) => <StatusTag value={s} map={noticeStatusStyles} />,
    },
    {
      title: t('common:table.actions'),
      width: 160,
      render: (_, r) => (
        <Space size={4}>
          <Link to={`/enforcement/notices/${r.id}`}>{t('action.print')}</Link>
          {r.status === 'issued' && perms.has('enforcement.inspect') && <ReinspectButton notice={r} />}
        </Space>
      ),
    },
  ];
  return (
    <PageContainer title={t('menu.notices')}>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('list.search')}
          defaultValue={filters.q}
          onSearch={(v) => setFilters({ ...filters, q: v })}
          style={{ maxWidth: 280 }}
        />
        <Select
          allowClear
          placeholder={t('field.status')}
          style={{ minWidth: 160 }}
          value={filters.status}
          onChange={(v?: string) => setFilters({ ...filters, status: v ?? '' })}
          options={noticeStatuses.map((s) => ({ value: s, label: t(`noticeStatus.${s}`) }))}
        />
      </Flex>
      <ServerTable<RectificationNotice>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 800 }}
        {...tableProps}
        locale={{ emptyText: t('notices.empty') }}
      />
    </PageContainer>
  );
}
