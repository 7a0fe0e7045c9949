import { useNavigate } from 'react-router';
import { App, Button, Card, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  collateralKinds,
  financingPurposes,
  urgencies,
  type FinancingDetail,
  type Institution,
  type Page,
} from '@fugong/contract';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { EntitySelect } from '../../components/EntitySelect';
import { PageContainer } from '../../components/PageContainer';
import { showFieldErrors } from './field-errors';
import { toFen } from './money';

interface Values {
  entityId?: number;
  amountYuan?: number;
  purpose?: string;
  purposeNote?: string;
  termMonths?: number;
  collateral?: string;
  urgency: string;
  institutionIds: number[];
  exclusive: boolean;
  contactName?: string;
  contactPhone?: string;
}

/** 融资需求: an enterprise (or its liaison) asks for a loan; works on a 375 px phone. */
export function FinanceRequestPage() {
  const { t } = useTranslation('finance');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const own = me.grants.find((g) => g.role === 'enterprise' && g.entityId)?.entityId ?? null;
  const [form] = Form.useForm<Values>();
  const entityId = Form.useWatch('entityId', form) ?? own;
  const institutions = useQuery({
    queryKey: ['/api/finance/institutions', 'for', entityId],
    enabled: !!entityId,
    queryFn: () => api.get<Page<Institution>>('/api/finance/institutions', { entityId: entityId ?? undefined, pageSize: 100 }),
  });
  const submit = useMutation({
    mutationFn: (v: Values) =>
      api.post<FinancingDetail>('/api/finance/requests', {
        entityId: own ?? v.entityId,
        amountFen: v.amountYuan === undefined ? undefined : toFen(v.amountYuan),
        purpose: v.purpose,
        purposeNote: v.purposeNote,
        termMonths: v.termMonths,
        collateral: v.collateral,
        urgency: v.urgency,
        institutionIds: v.institutionIds,
        exclusive: v.exclusive,
        contactName: v.contactName,
        contactPhone: v.contactPhone,
      }),
    onSuccess: (d) => {
      message.success(t('request.filed', { no: d.no }));
      void navigate(`/finance/requests/${d.id}`);
    },
    onError: (e) => {
      if (!showFieldErrors(form, e) && e instanceof Error) message.error(e.message);
    },
  });
  const opts = (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <PageContainer title={t('request.title')}>
      <Card style={{ maxWidth: 560 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ urgency: 'normal', institutionIds: [], exclusive: false }}
          onFinish={(v) => submit.mutate(v)}
        >
          {own === null && (
            <Form.Item name="entityId" label={t('field.entity')} rules={[{ required: true, message: t('form.required') }]}>
              <EntitySelect placeholder={t('field.entitySearch')} testId="finance-entity" />
            </Form.Item>
          )}
          <Form.Item name="amountYuan" label={t('field.amountYuan')} rules={[{ required: true, message: t('form.required') }]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} inputMode="decimal" addonAfter={t('unit.yuanShort')} />
          </Form.Item>
          <Form.Item name="purpose" label={t('field.purpose')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={opts(financingPurposes, 'purpose')} />
          </Form.Item>
          <Form.Item name="purposeNote" label={t('field.purposeNote')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="termMonths" label={t('field.termMonths')} rules={[{ required: true, message: t('form.required') }]}>
            <InputNumber min={1} max={360} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="collateral" label={t('field.collateral')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={opts(collateralKinds, 'collateral')} />
          </Form.Item>
          <Form.Item name="urgency" label={t('field.urgency')}>
            <Select options={opts(urgencies, 'urgency')} />
          </Form.Item>
          <Form.Item name="institutionIds" label={t('field.institutions')} extra={t('request.routeHint')}>
            <Select
              mode="multiple"
              allowClear
              loading={institutions.isLoading}
              optionFilterProp="label"
              aria-label={t('field.institutions')}
              options={(institutions.data?.items ?? []).map((i) => ({
                value: i.id,
                label: `${i.name}${i.branch ? ' ' + i.branch : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="exclusive" label={t('field.exclusive')} valuePropName="checked" extra={t('request.exclusiveHint')}>
            <Switch />
          </Form.Item>
          <Form.Item name="contactName" label={t('field.contactName')} rules={[{ required: true, message: t('form.required') }]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('field.contactPhone')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Input maxLength={20} inputMode="tel" autoComplete="tel" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submit.isPending}>
            {t('request.submit')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
