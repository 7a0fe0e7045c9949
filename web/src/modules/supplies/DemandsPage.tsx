import { useState } from 'react';
import { Button, Form, Input, InputNumber, Select, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { demandStatuses, type Demand, type SupplyItem } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { demandStatusStyles } from './labels';
import { AllocateModal } from './AllocateModal';

const FILTERS = ['q', 'status', 'itemId', 'regionCode', 'maxDaysLeft'] as const;

/** 需求清单: open needs by item, most urgent first, with 调配 from a reserve. */
export function DemandsPage() {
  const { t } = useTranslation('supplies');
  const perms = usePermissions();
  const [allocating, setAllocating] = useState<Demand | null>(null);
  const { query, filters, setFilters, tableProps, params } = useServerTable<Demand, (typeof FILTERS)[number]>(
    '/api/supplies/demands',
    FILTERS,
  );
  const items = useQuery({ queryKey: ['/api/supplies/items'], queryFn: () => api.get<SupplyItem[]>('/api/supplies/items') });
  const [form] = Form.useForm();
  const { page: _p, pageSize: _s, ...exportQuery } = params;
  const columns: TableColumnsType<Demand> = [
    { title: t('field.entity'), dataIndex: 'entityName', width: 240, ellipsis: true },
    { title: t('field.region'), dataIndex: 'regionName', width: 140 },
    { title: t('field.item'), dataIndex: 'itemName', width: 140 },
    { title: t('field.need'), dataIndex: 'need', width: 90, align: 'right' },
    { title: t('field.allocated'), dataIndex: 'allocated', width: 90, align: 'right' },
    { title: t('field.remaining'), dataIndex: 'remaining', width: 90, align: 'right' },
    {
      title: t('field.daysLeft'),
      dataIndex: 'daysLeft',
      width: 100,
      align: 'right',
      render: (d: number | null) => (d == null ? '—' : d),
    },
    { title: t('field.waiting'), dataIndex: 'waitingDays', width: 90, align: 'right' },
    { title: t('field.source'), dataIndex: 'source', width: 100, render: (s: string) => t(`source.${s}`) },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Demand['status']) => <StatusTag value={s} map={demandStatusStyles} />,
    },
    {
      title: t('field.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, r) =>
        perms.has('supplies.allocate') && r.status === 'open' ? (
          <Button size="small" type="link" onClick={() => setAllocating(r)} data-testid={`allocate-${r.id}`}>
            {t('allocate.action')}
          </Button>
        ) : null,
    },
  ];
  return (
    <PageContainer
      title={t('menu.demands')}
      extra={<ExportButton url="/api/supplies/demands/export" filename="supply-demands.xlsx" query={exportQuery} />}
    >
      <Form
        form={form}
        layout="inline"
        initialValues={filters}
        onFinish={(v) => setFilters(v)}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="q">
          <Input.Search
            allowClear
            aria-label={t('list.search')}
            placeholder={t('list.search')}
            onSearch={() => form.submit()}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            aria-label={t('field.status')}
            placeholder={t('field.status')}
            style={{ width: 130 }}
            onChange={() => form.submit()}
            options={[
              { value: 'pending', label: t('status.pending') },
              ...demandStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
          />
        </Form.Item>
        <Form.Item name="itemId">
          <Select
            allowClear
            aria-label={t('field.item')}
            placeholder={t('field.item')}
            style={{ width: 160 }}
            onChange={() => form.submit()}
            options={(items.data ?? []).map((i) => ({ value: String(i.id), label: i.name }))}
          />
        </Form.Item>
        <Form.Item name="maxDaysLeft">
          <InputNumber
            aria-label={t('list.maxDaysLeft')}
            placeholder={t('list.maxDaysLeft')}
            min={0}
            precision={0}
            style={{ width: 150 }}
            onPressEnter={() => form.submit()}
          />
        </Form.Item>
        <Form.Item name="regionCode">
          <RegionPicker onChange={() => form.submit()} />
        </Form.Item>
      </Form>
      <ServerTable<Demand>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 1100 }}
        {...tableProps}
        locale={{ emptyText: t('list.empty') }}
      />
      <AllocateModal demand={allocating} onClose={() => setAllocating(null)} />
    </PageContainer>
  );
}
