import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { ClosureOrder, RectificationNotice } from '@fugong/contract';
import { api } from '../../app/api';
import { applyFieldErrors } from '../../components/form-errors';

const invalidate = (qc: ReturnType<typeof useQueryClient>) => {
  for (const k of [
    '/api/enforcement/notices',
    '/api/enforcement/closures',
    '/api/enforcement/inspections',
    '/api/enforcement/tally',
  ])
    void qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(k) });
};

/** 复查: rectified closes the notice; not rectified orders a closure (asked twice, it suspends the entity). */
export function ReinspectButton({ notice, block }: { notice: RectificationNotice; block?: boolean }) {
  const { t } = useTranslation('enforcement');
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.post<RectificationNotice>(`/api/enforcement/notices/${notice.id}/reinspect`, {
        ...v,
        inspectedOn: (v.inspectedOn as Dayjs).format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      message.success(t('reinspect.done'));
      setOpen(false);
      invalidate(qc);
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const submit = (v: Record<string, unknown>) => {
    if (v.passed) save.mutate(v);
    else modal.confirm({ title: t('reinspect.failConfirm'), okButtonProps: { danger: true }, onOk: () => save.mutate(v) });
  };
  return (
    <>
      <Button type="primary" block={block} onClick={() => setOpen(true)} data-testid="notice-reinspect">
        {t('action.reinspect')}
      </Button>
      <Modal
        open={open}
        title={t('reinspect.title', { no: notice.no })}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ passed: true, inspectedOn: dayjs(), inspectorCount: 2 }}
        >
          <Form.Item name="passed" label={t('reinspect.passed')}>
            <Radio.Group
              options={[
                { value: true, label: t('reinspect.pass') },
                { value: false, label: t('reinspect.fail') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="inspectedOn"
            label={t('field.inspectedOn')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="inspectorCount"
            label={t('form.inspectorCount')}
            rules={[{ required: true, message: t('common:validation.required') }]}
          >
            <InputNumber min={1} max={50} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="notes" label={t('form.notes')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 解除关停 with a reason; the entity reopens. */
export function LiftClosureButton({ closure }: { closure: ClosureOrder }) {
  const { t } = useTranslation('enforcement');
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const lift = useMutation({
    mutationFn: (v: { reason: string }) => api.post(`/api/enforcement/closures/${closure.id}/lift`, v),
    onSuccess: () => {
      message.success(t('closure.done'));
      setOpen(false);
      invalidate(qc);
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="closure-lift">
        {t('action.lift')}
      </Button>
      <Modal
        open={open}
        title={t('closure.liftTitle', { name: closure.entityName })}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={lift.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: { reason: string }) => modal.confirm({ title: t('closure.liftConfirm'), onOk: () => lift.mutate(v) })}
        >
          <Form.Item
            name="reason"
            label={t('closure.liftReason')}
            rules={[{ required: true, whitespace: true, message: t('common:validation.required') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
