import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Popconfirm, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { type Batch, type FilingConfigVersion, type WhitelistItem } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { applyFieldErrors } from '../../components/form-errors';
import { ConfigForm } from './FilingConfigForm';

const CONFIG_KEY = ['filings', 'config'] as const;

function Batches() {
  const { t } = useTranslation('filings');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const batches = useQuery({ queryKey: ['filings', 'batches'], queryFn: () => api.get<Batch[]>('/api/filings/batches') });
  const [dates, setDates] = useState<Record<number, string>>({});
  const set = useMutation({
    mutationFn: (b: { no: number; date: string | null }) =>
      api.put<{ released: number }>(`/api/filings/batches/${b.no}`, { releaseDate: b.date }),
    onSuccess: async (r) => {
      message.success(t('config.batchSaved', { released: r.released }));
      await qc.invalidateQueries({ queryKey: ['filings'] });
    },
    onError: (e) => message.error(e.message),
  });
  if (batches.isPending) return <Skeleton active />;
  if (batches.isError) return <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />;
  return (
    <Table<Batch>
      rowKey="batchNo"
      size="small"
      pagination={false}
      dataSource={batches.data}
      columns={[
        { title: t('config.batchNo'), dataIndex: 'batchNo', width: 80, render: (n: number) => t('field.batchNo', { no: n }) },
        {
          title: t('config.releaseDate'),
          key: 'date',
          render: (_, b) => (
            <Input
              type="date"
              style={{ width: 170 }}
              value={dates[b.batchNo] ?? b.releaseDate ?? ''}
              onChange={(e) => setDates({ ...dates, [b.batchNo]: e.target.value })}
              aria-label={t('config.releaseDate')}
            />
          ),
        },
        { title: t('config.waiting'), dataIndex: 'waiting', width: 100 },
        {
          title: t('common:table.actions'),
          key: 'a',
          width: 200,
          render: (_, b) => (
            <Space>
              <Popconfirm
                title={t('config.confirmBatch')}
                onConfirm={() => set.mutate({ no: b.batchNo, date: dates[b.batchNo] ?? b.releaseDate })}
                okText={t('common:action.confirm')}
                cancelText={t('common:action.cancel')}
              >
                <Button size="small" type="primary">
                  {t('common:action.save')}
                </Button>
              </Popconfirm>
              {b.releaseDate && (
                <Button size="small" onClick={() => set.mutate({ no: b.batchNo, date: null })}>
                  {t('config.clearDate')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

function Whitelist() {
  const { t } = useTranslation('filings');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: ['filings', 'whitelist'],
    queryFn: () => api.get<WhitelistItem[]>('/api/filings/whitelist'),
  });
  const done = async () => {
    await qc.invalidateQueries({ queryKey: ['filings', 'whitelist'] });
  };
  const add = useMutation({
    mutationFn: (v: { entityId: number; reason: string }) => api.post('/api/filings/whitelist', v),
    onSuccess: async () => {
      form.resetFields();
      await done();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/api/filings/whitelist/${id}`),
    onSuccess: done,
    onError: (e) => message.error(e.message),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('config.whitelistHint')}</Typography.Text>
      <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)} style={{ rowGap: 8 }}>
        <Form.Item name="entityId" rules={[{ required: true, message: t('common:validation.required') }]}>
          <InputNumber min={1} precision={0} placeholder={t('config.entityId')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: t('common:validation.required') }]}>
          <Input placeholder={t('config.reason')} style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('config.addWhitelist')}
        </Button>
      </Form>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<WhitelistItem>
          rowKey="entityId"
          size="small"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={false}
          columns={[
            { title: t('config.entityId'), dataIndex: 'entityId', width: 90 },
            { title: t('field.entity'), dataIndex: 'entityName' },
            { title: t('config.reason'), dataIndex: 'reason' },
            {
              title: t('config.addedAt'),
              dataIndex: 'addedAt',
              render: (d: string, w) => `${dayjs(d).format('YYYY-MM-DD')} ${w.addedBy ?? ''}`,
            },
            {
              title: t('common:table.actions'),
              key: 'a',
              render: (_, w) => (
                <Popconfirm
                  title={t('config.confirmRemove', { name: w.entityName })}
                  onConfirm={() => remove.mutate(w.entityId)}
                  okText={t('common:action.confirm')}
                  cancelText={t('common:action.cancel')}
                >
                  <Button size="small" danger type="link">
                    {t('common:action.delete')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

function Versions() {
  const { t } = useTranslation('filings');
  const versions = useQuery({
    queryKey: ['filings', 'config', 'versions'],
    queryFn: () =>
      api.get<{ version: number; note: string | null; createdAt: string; createdBy: string | null }[]>(
        '/api/filings/config/versions',
      ),
  });
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  return (
    <Table
      rowKey="version"
      size="small"
      loading={versions.isPending}
      pagination={false}
      dataSource={versions.data ?? []}
      columns={[
        {
          title: t('config.version'),
          dataIndex: 'version',
          render: (v: number, _r, i) => (
            <Space>
              v{v}
              {i === 0 && <Tag color="blue">{t('config.current')}</Tag>}
            </Space>
          ),
        },
        { title: t('config.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
        { title: t('config.savedBy'), dataIndex: 'createdBy', render: (n: string | null) => n ?? t('detail.system') },
        { title: t('config.savedAt'), dataIndex: 'createdAt', render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm') },
      ]}
    />
  );
}

/** Admin configuration of filings: what each category must do, when batches open, who is fast-tracked. */
export function FilingConfigPage() {
  const { t } = useTranslation('filings');
  const current = useQuery({ queryKey: CONFIG_KEY, queryFn: () => api.get<FilingConfigVersion>('/api/filings/config') });
  return (
    <PageContainer title={t('config.title')} extra={current.data && <Tag color="blue">v{current.data.version}</Tag>}>
      <Tabs
        items={[
          {
            key: 'config',
            label: t('config.tabConfig'),
            children: current.isPending ? (
              <Skeleton active />
            ) : current.isError ? (
              <ErrorState error={current.error} onRetry={() => void current.refetch()} />
            ) : (
              <ConfigForm key={current.data.version} current={current.data} />
            ),
          },
          { key: 'batches', label: t('config.tabBatches'), children: <Batches /> },
          { key: 'whitelist', label: t('config.tabWhitelist'), children: <Whitelist /> },
          { key: 'versions', label: t('config.tabVersions'), children: <Versions /> },
        ]}
      />
    </PageContainer>
  );
}
