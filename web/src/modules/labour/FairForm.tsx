import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { jobFairKinds } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { applyFieldErrors } from '../../components/form-errors';
import { RegionPicker } from '../../components/RegionPicker';

/** The labour bureau organises a fair: name, kind, dates, region. */
export function FairForm() {
  const { t } = useTranslation('labour');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const [from, to] = (v.dates as [Dayjs, Dayjs] | undefined) ?? [];
      return api.post('/api/labour/fairs', {
        ...v,
        dates: undefined,
        startsOn: from?.format('YYYY-MM-DD'),
        endsOn: to?.format('YYYY-MM-DD'),
      });
    },
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['/api/labour/fairs'] });
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  if (!usePermissions().has('labour.fairs')) return null;
  const required = [{ required: true, message: t('common:validation.required') }];
  return (
    <>
      <Button type="primary" size="small" onClick={() => setOpen(true)}>
        {t('fairs.new')}
      </Button>
      <Modal
        open={open}
        title={t('fairs.new')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('fairs.name')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label={t('fairs.kind')} rules={required}>
            <Select options={jobFairKinds.map((k) => ({ value: k, label: t(`fairKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="dates" label={t('fairs.dates')} rules={required}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('fairs.region')} rules={required}>
            <RegionPicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
