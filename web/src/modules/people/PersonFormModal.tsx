import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isValidIdCard, personCategories } from '@fugong/contract';
import { api } from '../../app/api';
import { RegionPicker } from '../../components/RegionPicker';
import { applyFieldErrors } from '../../components/form-errors';

/** Register a person: the ID number is checked here and again on the server, which stores it only encrypted. */
export function PersonFormModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation('people');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const idRule = {
    validator: async (_: unknown, v?: string) => {
      if (v && !isValidIdCard(v.trim())) throw new Error(t('form.idInvalid'));
    },
  };
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<{ id: number }>('/api/people', { ...v, idType: 'id_card' }),
    onSuccess: (r) => {
      message.success(t('form.created'));
      void qc.invalidateQueries({ queryKey: ['/api/people'] });
      form.resetFields();
      onCreated(r.id);
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error((e as Error).message);
    },
  });
  return (
    <Modal
      open={open}
      title={t('form.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText={t('common:action.save')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ category: 'outside_worker' }}>
        <Form.Item name="name" label={t('field.name')} rules={[{ required: true, message: t('common:validation.required') }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('field.idNumber')}
          rules={[{ required: true, message: t('common:validation.required') }, idRule]}
          extra={t('form.idHint')}
        >
          <Input maxLength={18} autoComplete="off" inputMode="text" />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')}>
          <Input maxLength={20} autoComplete="off" inputMode="tel" />
        </Form.Item>
        <Form.Item name="category" label={t('field.category')} rules={[{ required: true }]}>
          <Select options={personCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('field.region')}
          rules={[{ required: true, message: t('common:validation.required') }]}
        >
          <RegionPicker />
        </Form.Item>
        <Form.Item name="address" label={t('field.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="employerEntityId" label={t('field.employer')}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
