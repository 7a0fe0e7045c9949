import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { venueKinds, type VenueSummary } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { applyFieldErrors } from '../../components/form-errors';
import { useServerTable } from '../../components/useServerTable';

const FILTERS = ['q', 'kind'] as const;

/** Venues in one's area with normal and today's (epidemic) capacity. */
export function VenuesListPage() {
  const { t } = useTranslation('venues');
  const perms = usePermissions();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { query, filters, setFilters, tableProps } = useServerTable<VenueSummary, (typeof FILTERS)[number]>(
    '/api/venues',
    FILTERS,
  );
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();

  const create = async () => {
    const v = await form.validateFields();
    try {
      const { id } = await api.post<{ id: number }>('/api/venues', v);
      message.success(t('admin.saved'));
      setCreating(false);
      navigate(`/venues/${id}`);
    } catch (e) {
      if (!applyFieldErrors(form, e)) message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: TableColumnsType<VenueSummary> = [
    { title: t('admin.name'), dataIndex: 'name', render: (n: string, v) => <Link to={`/venues/${v.id}`}>{n}</Link> },
    { title: t('admin.kind'), dataIndex: 'kind', width: 100, render: (k: string) => t(`kind.${k}`) },
    { title: t('admin.region'), dataIndex: 'regionName', width: 140 },
    {
      title: t('admin.normalCapacity'),
      dataIndex: 'normalCapacity',
      width: 120,
      align: 'right',
      render: (n: number) => n.toLocaleString(),
    },
    {
      title: t('admin.capacityToday'),
      dataIndex: 'capacityToday',
      width: 120,
      align: 'right',
      render: (n: number) => n.toLocaleString(),
    },
    {
      title: t('admin.actions'),
      key: 'a',
      width: 180,
      render: (_, v) => (
        <Space>
          {perms.has('venues.gate') && <Link to={`/venues/${v.id}/gate`}>{t('menu.gate')}</Link>}
          {(v.kind === 'farmstay' || v.kind === 'hotel') && perms.has('venues.guests') && (
            <Link to={`/venues/${v.id}/guests`}>{t('menu.guests')}</Link>
          )}
        </Space>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('menu.venues')}
      extra={
        perms.has('venues.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('admin.newVenue')}
          </Button>
        )
      }
    >
      <Form layout="inline" initialValues={filters} onFinish={(v) => setFilters(v)} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="q">
          <Input.Search placeholder={t('admin.searchName')} allowClear onSearch={() => undefined} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="kind">
          <Select
            allowClear
            placeholder={t('admin.kind')}
            style={{ width: 130 }}
            options={venueKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
        </Form.Item>
        <Button htmlType="submit">{t('admin.filter')}</Button>
      </Form>
      <ServerTable query={query} rowKey="id" columns={columns} scroll={{ x: 760 }} {...tableProps} />
      <Modal
        open={creating}
        title={t('admin.newVenue')}
        onCancel={() => setCreating(false)}
        onOk={() => void create()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'scenic', openingDays: '1234567', bookingDaysAhead: 7, bookable: true }}
        >
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, message: t('book.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label={t('admin.kind')}>
            <Select options={venueKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('admin.region')} rules={[{ required: true, message: t('book.required') }]}>
            <RegionPicker />
          </Form.Item>
          <Form.Item name="address" label={t('admin.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="normalCapacity"
            label={t('admin.normalCapacity')}
            rules={[{ required: true, message: t('book.required') }]}
          >
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="openingDays" label={t('admin.openingDays')} extra={t('admin.openingDaysHint')}>
            <Input maxLength={7} />
          </Form.Item>
          <Form.Item name="bookingDaysAhead" label={t('admin.bookingDaysAhead')}>
            <InputNumber min={0} max={60} />
          </Form.Item>
          <Form.Item name="bookable" label={t('admin.bookable')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
