import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Form, Image, Input, InputNumber, Modal, Popconfirm, Select, Space, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { passClasses, type Pass } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { StatusTag } from '../../components/StatusTag';
import { applyFieldErrors } from '../../components/form-errors';
import { useServerTable } from '../../components/useServerTable';
import { passStateStyles } from './labels';

const FILTERS = ['passClass', 'status', 'personId', 'employerEntityId', 'regionCode'] as const;

/** Passes of the caller's area: issue, bulk issue to an employer, renew, revoke with a reason, rotate, show the QR. */
export function PassesListPage() {
  const { t } = useTranslation('passes');
  const { message } = App.useApp();
  const perms = usePermissions();
  const qc = useQueryClient();
  const { query, filters, setFilters, tableProps } = useServerTable<Pass, (typeof FILTERS)[number]>('/api/passes', FILTERS);
  const [form] = Form.useForm();
  const [issueForm] = Form.useForm();
  const [bulkForm] = Form.useForm();
  const [revokeForm] = Form.useForm();
  const [mode, setMode] = useState<'issue' | 'bulk' | null>(null);
  const [revoking, setRevoking] = useState<Pass | null>(null);
  const [qr, setQr] = useState<Pass | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['/api/passes'] });
  const act = useMutation({
    mutationFn: ({ id, action, body }: { id: number; action: 'renew' | 'revoke' | 'rotate'; body?: unknown }) =>
      api.post(`/api/passes/${id}/${action}`, body),
    onSuccess: () => {
      message.success(t('done'));
      setRevoking(null);
      revokeForm.resetFields();
      refresh();
    },
    onError: (e) => message.error((e as Error).message),
  });
  const issue = useMutation({
    mutationFn: (v: { personId: number; passClass: string }) => api.post<{ id: number }>('/api/passes', v),
    onSuccess: () => {
      message.success(t('issued'));
      setMode(null);
      issueForm.resetFields();
      refresh();
    },
    onError: (e) => applyFieldErrors(issueForm, e) || message.error((e as Error).message),
  });
  const bulk = useMutation({
    mutationFn: (v: { employerEntityId: number; passClass: string }) =>
      api.post<{ issued: number; skipped: number }>('/api/passes/bulk', v),
    onSuccess: (r) => {
      message.success(t('bulkDone', r));
      setMode(null);
      refresh();
    },
    onError: (e) => applyFieldErrors(bulkForm, e) || message.error((e as Error).message),
  });
  const showQr = async (p: Pass) => setQr(await api.get<Pass>(`/api/passes/${p.id}`));

  const columns: TableColumnsType<Pass> = [
    { title: t('field.class'), dataIndex: 'passClass', width: 70, render: (c: string) => <Tag color="blue">{c}</Tag> },
    {
      title: t('field.person'),
      dataIndex: 'personName',
      render: (n: string, r) => <Link to={`/people/${r.personId}`}>{n}</Link>,
    },
    { title: t('field.idNumber'), dataIndex: 'idNumberMasked', width: 190, render: (v: string) => <code>{v}</code> },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: Pass['status'], r) => <StatusTag value={r.expired ? 'expired' : s} map={passStateStyles} />,
    },
    { title: t('field.validity'), width: 200, render: (_, r) => `${r.validFrom} — ${r.validUntil}` },
    { title: t('field.scope'), dataIndex: 'scopeName', width: 130 },
    {
      title: t('common:table.actions'),
      width: 260,
      render: (_, r) => (
        <Space size={4} wrap>
          {r.abilities.rotate && (
            <Button size="small" onClick={() => void showQr(r)}>
              {t('action.qr')}
            </Button>
          )}
          {r.abilities.renew && (
            <Button size="small" onClick={() => act.mutate({ id: r.id, action: 'renew' })}>
              {t('action.renew')}
            </Button>
          )}
          {r.abilities.rotate && (
            <Popconfirm title={t('confirm.rotate')} onConfirm={() => act.mutate({ id: r.id, action: 'rotate' })}>
              <Button size="small">{t('action.rotate')}</Button>
            </Popconfirm>
          )}
          {r.abilities.revoke && (
            <Button size="small" danger onClick={() => setRevoking(r)}>
              {t('action.revoke')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('menu.passes')}
      extra={
        <>
          <ExportButton url="/api/passes/export" filename={`${t('list.file')}.xlsx`} query={filters} />
          {perms.has('passes.issue') && (
            <>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => {
                  issueForm.setFieldsValue({ personId: filters.personId ? Number(filters.personId) : undefined, passClass: 'A' });
                  setMode('issue');
                }}
              >
                {t('action.issue')}
              </Button>
              <Button icon={<TeamOutlined />} onClick={() => setMode('bulk')}>
                {t('action.bulk')}
              </Button>
            </>
          )}
        </>
      }
    >
      <Form
        form={form}
        layout="inline"
        initialValues={filters}
        onFinish={(v) => setFilters({ ...filters, ...v })}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="passClass">
          <Select
            allowClear
            placeholder={t('field.class')}
            style={{ width: 100 }}
            onChange={() => form.submit()}
            options={passClasses.map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('field.status')}
            style={{ width: 120 }}
            onChange={() => form.submit()}
            options={(['active', 'expired', 'revoked'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="regionCode">
          <RegionPicker onChange={() => form.submit()} />
        </Form.Item>
      </Form>
      <ServerTable<Pass>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 1000 }}
        {...tableProps}
        locale={{ emptyText: t('list.empty') }}
      />
      <Modal
        open={mode === 'issue'}
        title={t('action.issue')}
        onCancel={() => setMode(null)}
        onOk={() => issueForm.submit()}
        confirmLoading={issue.isPending}
      >
        <Form form={issueForm} layout="vertical" onFinish={(v) => issue.mutate(v)}>
          <Form.Item
            name="personId"
            label={t('field.personId')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="passClass" label={t('field.class')} rules={[{ required: true }]} extra={t('classHint')}>
            <Select options={passClasses.map((c) => ({ value: c, label: t(`class.${c}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={mode === 'bulk'}
        title={t('action.bulk')}
        onCancel={() => setMode(null)}
        onOk={() => bulkForm.submit()}
        confirmLoading={bulk.isPending}
      >
        <Form form={bulkForm} layout="vertical" onFinish={(v) => bulk.mutate(v)} initialValues={{ passClass: 'B' }}>
          <Form.Item
            name="employerEntityId"
            label={t('field.employer')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="passClass" label={t('field.class')}>
            <Select options={passClasses.map((c) => ({ value: c, label: t(`class.${c}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!revoking}
        title={t('confirm.revokeTitle', { name: revoking?.personName ?? '' })}
        onCancel={() => setRevoking(null)}
        onOk={() => revokeForm.submit()}
        okButtonProps={{ danger: true }}
        okText={t('action.revoke')}
        confirmLoading={act.isPending}
      >
        <Form
          form={revokeForm}
          layout="vertical"
          onFinish={(v: { reason: string }) => revoking && act.mutate({ id: revoking.id, action: 'revoke', body: v })}
        >
          <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, min: 2, message: t('reasonRequired') }]}>
            <Input.TextArea maxLength={200} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!qr}
        title={qr ? `${qr.personName} · ${t(`class.${qr.passClass}`)}` : ''}
        footer={null}
        onCancel={() => setQr(null)}
      >
        {qr?.token && (
          <div style={{ textAlign: 'center' }}>
            <Image preview={false} width={260} src={`/api/passes/${qr.id}/qr.svg?v=${qr.token.slice(0, 6)}`} />
            <div>
              {qr.validFrom} — {qr.validUntil}
            </div>
          </div>
        )}
      </Modal>
    </PageContainer>
  );
}
