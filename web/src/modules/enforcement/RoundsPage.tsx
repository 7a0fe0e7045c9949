import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Popconfirm, Select, Space, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { premisesTypes, type InspectionRound } from '@fugong/contract';
import { api, ApiError } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { useServerTable } from '../../components/useServerTable';

/** 专项执法行动: named campaigns over a period and region; each links to its inspections and tally. */
export function RoundsPage() {
  const { t } = useTranslation('enforcement');
  const { message } = App.useApp();
  const perms = usePermissions();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const { query, filters, setFilters, tableProps } = useServerTable<InspectionRound, 'q' | 'status'>('/api/enforcement/rounds', [
    'q',
    'status',
  ]);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['/api/enforcement/rounds'] });
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const [from, to] = v.period as [Dayjs, Dayjs];
      return api.post<InspectionRound>('/api/enforcement/rounds', {
        name: v.name,
        regionCode: v.regionCode,
        premisesTypes: v.premisesTypes,
        notes: v.notes ?? null,
        startsOn: from.format('YYYY-MM-DD'),
        endsOn: to.format('YYYY-MM-DD'),
      });
    },
    onSuccess: () => {
      message.success(t('round.created'));
      setOpen(false);
      form.resetFields();
      refresh();
    },
    onError: (e) => {
      // the period is one field here, two on the server
      if (e instanceof ApiError && e.fields.length)
        form.setFields(
          e.fields.map((f) => ({
            name: (['startsOn', 'endsOn'].includes(f.field) ? 'period' : f.field) as never,
            errors: [f.message],
          })),
        );
      else message.error(e.message);
    },
  });
  const close = useMutation({
    mutationFn: (id: number) => api.post(`/api/enforcement/rounds/${id}/close`, {}),
    onSuccess: refresh,
    onError: (e) => message.error(e.message),
  });
  const required = [{ required: true, message: t('common:validation.required') }];
  const columns: TableColumnsType<InspectionRound> = [
    { title: t('round.name'), dataIndex: 'name' },
    { title: t('round.region'), dataIndex: 'regionName', width: 120 },
    { title: t('round.period'), width: 200, render: (_, r) => `${r.startsOn} ～ ${r.endsOn}` },
    {
      title: t('round.types'),
      dataIndex: 'premisesTypes',
      width: 200,
      render: (ts: string[]) => ts.map((x) => <Tag key={x}>{t(`premises.${x}`)}</Tag>),
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string) => <Tag color={s === 'active' ? 'processing' : 'default'}>{t(`round.status.${s}`)}</Tag>,
    },
    {
      title: t('common:table.actions'),
      width: 240,
      render: (_, r) => (
        <Space wrap size={4}>
          <Link to={`/enforcement/tally?roundId=${r.id}&from=${r.startsOn}&to=${r.endsOn}&regionCode=${r.regionCode}`}>
            {t('tally.open')}
          </Link>
          <Link to={`/enforcement/inspections?roundId=${r.id}`}>{t('action.inspections')}</Link>
          {r.status === 'active' && perms.has('enforcement.inspect') && (
            <Popconfirm title={t('round.closeConfirm')} onConfirm={() => close.mutate(r.id)}>
              <a>{t('action.closeRound')}</a>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('menu.rounds')}
      extra={
        perms.has('enforcement.inspect') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="round-new">
            {t('action.newRound')}
          </Button>
        )
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('round.name')}
          defaultValue={filters.q}
          onSearch={(v) => setFilters({ ...filters, q: v })}
          style={{ maxWidth: 280 }}
        />
        <Select
          allowClear
          placeholder={t('field.status')}
          style={{ minWidth: 120 }}
          value={filters.status}
          onChange={(v?: string) => setFilters({ ...filters, status: v ?? '' })}
          options={(['active', 'closed'] as const).map((s) => ({ value: s, label: t(`round.status.${s}`) }))}
        />
      </Flex>
      <ServerTable<InspectionRound>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 900 }}
        {...tableProps}
        locale={{ emptyText: t('round.empty') }}
      />
      <Modal
        open={open}
        title={t('action.newRound')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => create.mutate(v)}
          initialValues={{ premisesTypes: ['mall', 'five_small'] }}
        >
          <Form.Item name="name" label={t('round.name')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('round.region')} rules={required}>
            <RegionPicker />
          </Form.Item>
          <Form.Item name="period" label={t('round.period')} rules={required}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="premisesTypes" label={t('round.types')} rules={required}>
            <Select mode="multiple" options={premisesTypes.map((p) => ({ value: p, label: t(`premises.${p}`) }))} />
          </Form.Item>
          <Form.Item name="notes" label={t('round.notes')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
