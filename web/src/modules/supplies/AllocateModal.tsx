import { Alert, Form, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Demand, Page, StockPoint } from '@fugong/contract';
import { api, ApiError } from '../../app/api';
import { applyFieldErrors } from '../../components/form-errors';

/** 调配: one demand from a chosen stock point; the stock's balance of the item is shown beside each point. */
export function AllocateModal({ demand, onClose }: { demand: Demand | null; onClose: () => void }) {
  const { t } = useTranslation('supplies');
  const qc = useQueryClient();
  const [form] = Form.useForm<{ stockPointId?: number; quantity?: number }>();
  const points = useQuery({
    queryKey: ['/api/supplies/stock-points', 'allocate'],
    queryFn: () => api.get<Page<StockPoint>>('/api/supplies/stock-points', { pageSize: 200 }),
    enabled: !!demand,
  });
  const save = useMutation({
    mutationFn: (v: { stockPointId?: number; quantity?: number }) =>
      api.post('/api/supplies/allocations', {
        stockPointId: v.stockPointId,
        lines: [{ demandId: demand!.id, quantity: v.quantity }],
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['/api/supplies'] });
      void qc.invalidateQueries();
      form.resetFields();
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError)
        form.setFields(
          e.fields.map((f) => ({ name: f.field.endsWith('quantity') ? 'quantity' : 'stockPointId', errors: [f.message] })),
        );
      else applyFieldErrors(form, e);
    },
  });
  const onHand = (p: StockPoint) => p.balances.find((b) => b.itemId === demand?.itemId)?.onHand ?? 0;
  return (
    <Modal
      open={!!demand}
      title={demand ? t('allocate.title', { entity: demand.entityName, item: demand.itemName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('allocate.submit')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {demand && (
        <>
          <Alert type="info" message={t('allocate.remaining', { n: demand.remaining })} style={{ marginBottom: 12 }} />
          <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
            <Form.Item
              name="stockPointId"
              label={t('allocate.from')}
              rules={[{ required: true, message: t('allocate.pickPoint') }]}
            >
              <Select
                aria-label={t('allocate.from')}
                loading={points.isLoading}
                options={(points.data?.items ?? [])
                  .filter((p) => p.kind !== 'producer')
                  .map((p) => ({ value: p.id, label: `${p.name}（${t('allocate.onHand', { n: onHand(p) })}）` }))}
              />
            </Form.Item>
            <Form.Item
              name="quantity"
              label={t('allocate.quantity')}
              rules={[{ required: true, message: t('allocate.enterQuantity') }]}
            >
              <InputNumber min={1} max={demand.remaining} precision={0} inputMode="numeric" style={{ width: 160 }} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
