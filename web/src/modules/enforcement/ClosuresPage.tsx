import { Link } from 'react-router';
import { Flex, Input, Segmented, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClosureOrder } from '@fugong/contract';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { PageContainer } from '../../components/PageContainer';
import { useServerTable } from '../../components/useServerTable';
import { LiftClosureButton } from './NoticeActions';

/** 关停: closure orders in force and lifted; lifting reopens the entity. */
export function ClosuresPage() {
  const { t } = useTranslation('enforcement');
  const perms = usePermissions();
  const { query, filters, setFilters, tableProps } = useServerTable<ClosureOrder, 'q' | 'active'>('/api/enforcement/closures', [
    'q',
    'active',
  ]);
  const columns: TableColumnsType<ClosureOrder> = [
    {
      title: t('field.entity'),
      dataIndex: 'entityName',
      render: (n: string, r) => <Link to={`/registry/entities/${r.entityId}`}>{n}</Link>,
    },
    { title: t('closure.orderedOn'), dataIndex: 'orderedOn', width: 110 },
    { title: t('closure.reason'), dataIndex: 'reason' },
    {
      title: t('field.status'),
      width: 100,
      render: (_, r) => (r.liftedAt ? <Tag>{t('closure.lifted')}</Tag> : <Tag color="red">{t('closure.active')}</Tag>),
    },
    {
      title: t('closure.liftedReason'),
      dataIndex: 'liftedReason',
      render: (x: string | null, r) => (x ? `${x}（${r.liftedAt!.slice(0, 10)}）` : '—'),
    },
    {
      title: t('common:table.actions'),
      width: 110,
      render: (_, r) => !r.liftedAt && perms.has('enforcement.inspect') && <LiftClosureButton closure={r} />,
    },
  ];
  return (
    <PageContainer title={t('menu.closures')}>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={filters.active ?? ''}
          onChange={(v) => setFilters({ ...filters, active: String(v) })}
          options={[
            { value: 'true', label: t('closure.active') },
            { value: 'false', label: t('closure.lifted') },
            { value: '', label: t('tally.total') },
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('list.search')}
          defaultValue={filters.q}
          onSearch={(v) => setFilters({ ...filters, q: v })}
          style={{ maxWidth: 280 }}
        />
      </Flex>
      <ServerTable<ClosureOrder>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 900 }}
        {...tableProps}
        locale={{ emptyText: t('closure.empty') }}
      />
    </PageContainer>
  );
}
