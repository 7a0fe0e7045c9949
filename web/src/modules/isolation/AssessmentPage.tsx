import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contactKinds, healthCodes, measures, riskLevels, type Assessment, type Person } from '@fugong/contract';
import { api } from '../../app/api';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { applyFieldErrors } from '../../components/form-errors';
import { riskStyles } from './labels';

/** 健康风险评估: facts in, risk level and measure out by the current rules; an override needs a reason. */
export function AssessmentPage() {
  const { t } = useTranslation('isolation');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const personId = Number(search.get('personId')) || undefined;
  const person = useQuery({
    queryKey: ['/api/people', personId],
    queryFn: () => api.get<Person>(`/api/people/${personId}`),
    enabled: !!personId,
  });
  const [form] = Form.useForm();
  const [override, setOverride] = useState(false);
  const [result, setResult] = useState<{ isolationId: number | null; outcome: Assessment } | null>(null);
  const assess = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.post<{ isolationId: number | null; outcome: Assessment }>('/api/isolation/assessments', v),
    onSuccess: (r) => {
      setResult(r);
      message.success(t('assess.saved'));
    },
    onError: (e) => applyFieldErrors(form, e) || message.error((e as Error).message),
  });
  const submit = (v: Record<string, unknown>) =>
    assess.mutate({ ...v, personId: Number(v.personId), override: override ? v.override : null });
  return (
    <PageContainer title={t('menu.assess')}>
      {result ? (
        <Card data-testid="assessment-result">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('assess.riskLevel')}>
              <StatusTag value={result.outcome.riskLevel} map={riskStyles} />
            </Descriptions.Item>
            <Descriptions.Item label={t('assess.measure')}>
              {t(`measure.${result.outcome.measure}`)}
              {result.outcome.days ? ` · ${t('assess.days', { days: result.outcome.days })}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('assess.rule')}>
              {result.outcome.computed.ruleName ?? '—'} (v{result.outcome.ruleVersion})
            </Descriptions.Item>
            {result.outcome.overrideReason && (
              <Descriptions.Item label={t('assess.overrideReason')}>{result.outcome.overrideReason}</Descriptions.Item>
            )}
          </Descriptions>
          <Space style={{ marginTop: 12 }}>
            {result.isolationId && (
              <Button type="primary" onClick={() => navigate(`/isolation/cases/${result.isolationId}`)}>
                {t('assess.openIsolation')}
              </Button>
            )}
            <Button
              onClick={() => {
                setResult(null);
                form.resetFields();
              }}
            >
              {t('assess.another')}
            </Button>
          </Space>
        </Card>
      ) : (
        <Card>
          <Form
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{
              personId,
              originRisk: 'low',
              healthCode: 'green',
              contact: 'none',
              temperature: 36.5,
              travelHistory: [],
            }}
            style={{ maxWidth: 640 }}
          >
            <Form.Item
              name="personId"
              label={t('assess.personId')}
              rules={[{ required: true, message: t('common:validation.required') }]}
              extra={person.data ? `${person.data.name} · ${person.data.idNumberMasked}` : undefined}
            >
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
            <Space wrap>
              <Form.Item
                name="originRegion"
                label={t('assess.origin')}
                rules={[{ required: true, message: t('common:validation.required') }]}
              >
                <Input style={{ width: 240 }} maxLength={100} />
              </Form.Item>
              <Form.Item name="originRisk" label={t('assess.originRisk')}>
                <Select style={{ width: 140 }} options={riskLevels.map((r) => ({ value: r, label: t(`risk.${r}`) }))} />
              </Form.Item>
            </Space>
            <Form.List name="travelHistory">
              {(fields, { add, remove }) => (
                <Form.Item label={t('assess.travel')}>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'place']} rules={[{ required: true, message: t('common:validation.required') }]}>
                        <Input placeholder={t('assess.place')} maxLength={100} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'risk']} initialValue="low">
                        <Select style={{ width: 120 }} options={riskLevels.map((r) => ({ value: r, label: t(`risk.${r}`) }))} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button size="small" icon={<PlusOutlined />} onClick={() => add()}>
                    {t('assess.addStop')}
                  </Button>
                </Form.Item>
              )}
            </Form.List>
            <Space wrap>
              <Form.Item name="healthCode" label={t('assess.healthCode')}>
                <Select style={{ width: 120 }} options={healthCodes.map((c) => ({ value: c, label: t(`healthCode.${c}`) }))} />
              </Form.Item>
              <Form.Item name="temperature" label={t('assess.temperature')} rules={[{ required: true }]}>
                <InputNumber min={34} max={43} step={0.1} />
              </Form.Item>
              <Form.Item name="contact" label={t('assess.contact')}>
                <Select style={{ width: 160 }} options={contactKinds.map((c) => ({ value: c, label: t(`contact.${c}`) }))} />
              </Form.Item>
            </Space>
            <Form.Item name="site" label={t('assess.site')} extra={t('assess.siteHint')}>
              <Input maxLength={100} />
            </Form.Item>
            <Checkbox checked={override} onChange={(e) => setOverride(e.target.checked)} style={{ marginBottom: 12 }}>
              {t('assess.override')}
            </Checkbox>
            {override && (
              <Space wrap>
                <Form.Item name={['override', 'riskLevel']} label={t('assess.riskLevel')} initialValue="high">
                  <Select style={{ width: 120 }} options={riskLevels.map((r) => ({ value: r, label: t(`risk.${r}`) }))} />
                </Form.Item>
                <Form.Item name={['override', 'measure']} label={t('assess.measure')} initialValue="home">
                  <Select style={{ width: 140 }} options={measures.map((m) => ({ value: m, label: t(`measure.${m}`) }))} />
                </Form.Item>
                <Form.Item name={['override', 'days']} label={t('assess.daysLabel')} initialValue={14}>
                  <InputNumber min={0} max={60} />
                </Form.Item>
                <Form.Item
                  name={['override', 'reason']}
                  label={t('assess.overrideReason')}
                  rules={[{ required: true, min: 2, message: t('assess.reasonRequired') }]}
                >
                  <Input style={{ width: 260 }} maxLength={200} />
                </Form.Item>
              </Space>
            )}
            <div>
              <Button type="primary" htmlType="submit" loading={assess.isPending}>
                {t('assess.submit')}
              </Button>
            </div>
          </Form>
        </Card>
      )}
    </PageContainer>
  );
}
