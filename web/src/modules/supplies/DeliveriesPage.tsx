import { useState } from 'react';
import { Button, Form, InputNumber, Input, Modal, Tag, type TableColumnsType } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Allocation } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ServerTable } from '../../components/ServerTable';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { useServerTable } from '../../components/useServerTable';
import { applyFieldErrors } from '../../components/form-errors';
import { allocationStatusStyles } from './labels';

/** Deliveries: officers dispatch allocations, the enterprise (or its liaison) confirms what arrived. */
export function DeliveriesPage() {
  const { t } = useTranslation('supplies');
  const perms = usePermissions();
  const qc = useQueryClient();
  const [receiving, setReceiving] = useState<Allocation | null>(null);
  const [form] = Form.useForm<{ quantity?: number; note?: string }>();
  const { query, tableProps } = useServerTable<Allocation, never>('/api/supplies/allocations', []);
  const dispatch = useMutation({
    mutationFn: (id: number) => api.post(`/api/supplies/allocations/${id}/dispatch`),
    onSuccess: () => void qc.invalidateQueries(),
  });
  const receive = useMutation({
    mutationFn: (v: { quantity?: number; note?: string }) => api.post(`/api/supplies/allocations/${receiving!.id}/receive`, v),
    onSuccess: () => {
      setReceiving(null);
      form.resetFields();
      void qc.invalidateQueries();
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  const columns: TableColumnsType<Allocation> = [
    { title: t('field.entity'), dataIndex: 'entityName', width: 240, ellipsis: true },
    { title: t('field.item'), dataIndex: 'itemName', width: 130 },
    { title: t('field.quantity'), dataIndex: 'quantity', width: 90, align: 'right' },
    { title: t('field.from'), dataIndex: 'stockPointName', width: 160, ellipsis: true },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: Allocation['status'], r) => (
        <>
          <StatusTag value={s} map={allocationStatusStyles} />
          {r.difference && <Tag color="red">{t('delivery.difference', { n: r.receivedQuantity })}</Tag>}
        </>
      ),
    },
    { title: t('field.createdAt'), dataIndex: 'createdAt', width: 130, render: (d: string) => dayjs(d).format('MM-DD HH:mm') },
    {
      title: t('field.actions'),
      key: 'a',
      width: 110,
      render: (_: unknown, r) =>
        r.status === 'allocated' && perms.has('supplies.allocate') ? (
          <Button
            size="small"
            type="link"
            loading={dispatch.isPending}
            onClick={() => dispatch.mutate(r.id)}
            data-testid={`dispatch-${r.id}`}
          >
            {t('delivery.dispatch')}
          </Button>
        ) : r.status === 'dispatched' && perms.has('supplies.receive') ? (
          <Button size="small" type="link" onClick={() => setReceiving(r)} data-testid={`receive-${r.id}`}>
            {t('delivery.receive')}
          </Button>
        ) : null,
    },
  ];
  return (
    <PageContainer title={t('menu.deliveries')}>
      <ServerTable<Allocation>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 800 }}
        {...tableProps}
        locale={{ emptyText: t('delivery.empty') }}
      />
      <Modal
        open={!!receiving}
        title={receiving ? t('delivery.receiveTitle', { item: receiving.itemName, n: receiving.quantity }) : ''}
        onCancel={() => setReceiving(null)}
        onOk={() => form.submit()}
        okText={t('delivery.confirm')}
        confirmLoading={receive.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => receive.mutate(v)}>
          <Form.Item
            name="quantity"
            label={t('delivery.quantity')}
            rules={[{ required: true, message: t('allocate.enterQuantity') }]}
          >
            <InputNumber min={0} precision={0} inputMode="numeric" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="note" label={t('delivery.note')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
