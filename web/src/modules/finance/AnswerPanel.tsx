import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { AnswerAction, FinanceProduct, FinancingAnswer, FinancingDetail } from '@fugong/contract';
import { api } from '../../app/api';
import { showFieldErrors } from './field-errors';
import { toFen } from './money';

type Mode = AnswerAction | 'disburse';
const needsForm: Mode[] = ['approve', 'decline', 'request_info', 'disburse'];

/** The bank officer's moves on its institution's answer, and the tranches it pays out. */
export function AnswerPanel({ answer, onDone }: { answer: FinancingAnswer; onDone: (d: FinancingDetail) => void }) {
  const { t } = useTranslation('finance');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [mode, setMode] = useState<Mode | null>(null);
  const [form] = Form.useForm();
  const products = useQuery({
    queryKey: ['/api/finance/products'],
    queryFn: () => api.get<FinanceProduct[]>('/api/finance/products'),
  });
  const run = useMutation({
    mutationFn: ({ m, v }: { m: Mode; v: Record<string, unknown> }) =>
      m === 'disburse'
        ? api.post<FinancingDetail>(`/api/finance/answers/${answer.id}/disbursements`, {
            amountFen: v.amountYuan === undefined ? undefined : toFen(v.amountYuan as number),
            disbursedOn: v.disbursedOn ? (v.disbursedOn as dayjs.Dayjs).format('YYYY-MM-DD') : undefined,
          })
        : api.post<FinancingDetail>(`/api/finance/answers/${answer.id}/act`, {
            action: m,
            version: answer.version,
            approvedFen: v.amountYuan === undefined ? undefined : toFen(v.amountYuan as number),
            productId: v.productId,
            declineReason: v.declineReason,
            note: v.note,
          }),
    onSuccess: (d) => {
      setMode(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['/api/finance/requests'] });
      onDone(d);
    },
    onError: (e) => {
      if (!showFieldErrors(form, e) && e instanceof Error) message.error(e.message);
    },
  });
  const moves: Mode[] = [...answer.nextActions, ...(answer.status === 'approved' ? (['disburse'] as const) : [])];
  if (moves.length === 0) return null;
  return (
    <>
      <Space wrap>
        {moves.map((m) => (
          <Button
            key={m}
            type={m === 'approve' || m === 'disburse' ? 'primary' : 'default'}
            danger={m === 'decline'}
            loading={run.isPending && run.variables?.m === m}
            onClick={() => (needsForm.includes(m) ? setMode(m) : run.mutate({ m, v: {} }))}
          >
            {t(`act.${m}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={mode !== null}
        title={mode ? t(`act.${mode}`) : ''}
        onCancel={() => setMode(null)}
        onOk={() => form.submit()}
        confirmLoading={run.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => mode && run.mutate({ m: mode, v })}
          initialValues={{ disbursedOn: dayjs() }}
        >
          {(mode === 'approve' || mode === 'disburse') && (
            <Form.Item
              name="amountYuan"
              label={mode === 'approve' ? t('field.approvedYuan') : t('field.trancheYuan')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {mode === 'approve' && (products.data ?? []).length > 0 && (
            <Form.Item name="productId" label={t('field.product')}>
              <Select allowClear options={(products.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          )}
          {mode === 'disburse' && (
            <Form.Item
              name="disbursedOn"
              label={t('field.disbursedOn')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          )}
          {mode === 'decline' && (
            <Form.Item
              name="declineReason"
              label={t('field.declineReason')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Input.TextArea maxLength={500} />
            </Form.Item>
          )}
          {mode === 'request_info' && (
            <Form.Item name="note" label={t('field.infoNeeded')} rules={[{ required: true, message: t('form.required') }]}>
              <Input.TextArea maxLength={500} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
