import { useEffect } from 'react';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  entityKinds,
  isValidUscc,
  riskLevels,
  sectors,
  sizeClasses,
  smallVenueTypes,
  type Entity,
  type EntityInput,
} from '@fugong/contract';
import { api } from '../../app/api';
import { applyFieldErrors } from '../../components/form-errors';
import { RegionPicker } from '../../components/RegionPicker';

type Values = Omit<EntityInput, 'uscc' | 'regNo'> & { uscc?: string; regNo?: string };

const blank: Partial<Values> = { aboveScale: false, aboveQuota: false, fourAbove: false, registeredStaff: 0, riskLevel: 'low' };

/** Register or edit an entity; the credit code is checked here with the same validator the server uses. */
export function EntityFormModal({
  open,
  entity,
  onClose,
  onSaved,
}: {
  open: boolean;
  entity: Entity | null;
  onClose: () => void;
  onSaved?: () => void;
}) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      entity
        ? {
            ...entity,
            uscc: entity.uscc ?? undefined,
            regNo: entity.regNo ?? undefined,
            // the phone is only ever shown masked: leave it empty, so saving keeps or replaces it knowingly
            contactPhone: undefined,
          }
        : blank,
    );
  }, [open, entity, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { ...v, uscc: v.uscc?.trim() ? v.uscc.trim().toUpperCase() : null, regNo: v.regNo?.trim() || null };
      return entity
        ? api.put(`/api/registry/entities/${entity.id}`, body)
        : api.post<{ id: number }>('/api/registry/entities', body);
    },
    onSuccess: async () => {
      message.success(entity ? t('form.saved') : t('form.created'));
      await qc.invalidateQueries({ queryKey: ['/api/registry/entities'] });
      if (entity) await qc.invalidateQueries({ queryKey: ['registry', 'entity', entity.id] });
      onSaved?.();
      onClose();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });

  const required = { required: true, message: t('common:validation.required') };
  const usccRule: RuleObject = {
    validator: async (_r, v: string | undefined) => {
      if (v && v.trim() && !isValidUscc(v.trim().toUpperCase())) throw new Error(t('form.badUscc'));
    },
  };
  const identityRule: RuleObject = {
    validator: async () => {
      if (!form.getFieldValue('uscc')?.trim() && !form.getFieldValue('regNo')?.trim())
        throw new Error(t('form.identityRequired'));
    },
  };
  const fourAboveRule: RuleObject = {
    validator: async (_r, v: boolean) => {
      if (!v && (form.getFieldValue('aboveScale') || form.getFieldValue('aboveQuota')))
        throw new Error(t('form.fourAboveImplied'));
    },
  };
  const phoneRule: RuleObject = { pattern: /^\+?[\d\s()-]{5,20}$/, message: t('form.badPhone') };
  const opts = (field: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${field}.${v}`) }));

  return (
    <Modal
      open={open}
      title={entity ? t('form.editTitle', { name: entity.name }) : t('form.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={save.isPending}
      width={760}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} preserve={false}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('entity.name')} rules={[required, { max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('entity.kind')} rules={[required]}>
              <Select options={opts('kind', entityKinds)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="uscc"
              label={t('entity.uscc')}
              rules={[usccRule]}
              dependencies={['regNo']}
              normalize={(v: string) => v?.toUpperCase()}
            >
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="regNo"
              label={t('entity.regNo')}
              tooltip={t('entity.identityHint')}
              rules={[identityRule, { max: 30 }]}
              dependencies={['uscc']}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionCode" label={t('entity.region')} rules={[required]}>
              <RegionPicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="address" label={t('entity.address')} rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="sector" label={t('entity.sector')} rules={[required]}>
              <Select options={opts('sector', sectors)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="industry" label={t('entity.industry')} rules={[{ max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="sizeClass" label={t('entity.sizeClass')}>
              <Select allowClear options={opts('sizeClass', sizeClasses)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="smallVenueType" label={t('entity.smallVenueType')}>
              <Select allowClear options={opts('smallVenueType', smallVenueTypes)} />
            </Form.Item>
          </Col>
          <Col xs={8} md={4}>
            <Form.Item name="aboveScale" label={t('entity.aboveScale')} valuePropName="checked">
              <Switch onChange={() => void form.validateFields(['fourAbove']).catch(() => undefined)} />
            </Form.Item>
          </Col>
          <Col xs={8} md={4}>
            <Form.Item name="aboveQuota" label={t('entity.aboveQuota')} valuePropName="checked">
              <Switch onChange={() => void form.validateFields(['fourAbove']).catch(() => undefined)} />
            </Form.Item>
          </Col>
          <Col xs={8} md={4}>
            <Form.Item name="fourAbove" label={t('entity.fourAbove')} valuePropName="checked" rules={[fourAboveRule]}>
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="registeredStaff" label={t('entity.registeredStaff')} rules={[required]}>
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="riskLevel" label={t('entity.riskLevel')} rules={[required]}>
              <Select options={opts('riskLevel', riskLevels)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactName" label={t('entity.contactName')} rules={[{ max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="contactPhone"
              label={t('entity.contactPhone')}
              rules={[phoneRule]}
              extra={entity?.contactPhoneMasked ?? undefined}
            >
              <Input inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
