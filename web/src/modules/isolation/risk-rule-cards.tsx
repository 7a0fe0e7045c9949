import {
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { contactKinds, healthCodes, measures, riskLevels, type RiskRule } from '@fugong/contract';

export type ListConditionKey = 'originRisk' | 'travelRisk' | 'healthCode' | 'contact';
export const CONDITION_KEYS: ListConditionKey[] = ['originRisk', 'travelRisk', 'healthCode', 'contact'];
export const blankRule: RiskRule = { name: '', when: {}, riskLevel: 'high', measure: 'home', days: 14 };

/** Drops empty conditions so that a cleared select does not count as one. */
export function cleanRule(r: RiskRule): RiskRule {
  const when: RiskRule['when'] = {};
  for (const k of CONDITION_KEYS) if (r.when?.[k]?.length) (when as Record<string, unknown>)[k] = r.when[k];
  if (typeof r.when?.temperatureAtLeast === 'number') when.temperatureAtLeast = r.when.temperatureAtLeast;
  return { name: (r.name ?? '').trim(), when, riskLevel: r.riskLevel, measure: r.measure, days: r.days ?? 0 };
}
export const hasCondition = (w: RiskRule['when'] | undefined) =>
  !!w && (CONDITION_KEYS.some((k) => !!w[k]?.length) || typeof w.temperatureAtLeast === 'number');

/** One line per rule: its conditions in words. */
export function useConditionText() {
  const { t } = useTranslation('isolation');
  return (w: RiskRule['when']) => {
    const parts: string[] = [];
    if (w.originRisk?.length) parts.push(`${t('rules.originRisk')}: ${w.originRisk.map((v) => t(`risk.${v}`)).join('/')}`);
    if (w.travelRisk?.length) parts.push(`${t('rules.travelRisk')}: ${w.travelRisk.map((v) => t(`risk.${v}`)).join('/')}`);
    if (w.healthCode?.length) parts.push(`${t('rules.healthCode')}: ${w.healthCode.map((v) => t(`healthCode.${v}`)).join('/')}`);
    if (w.contact?.length) parts.push(`${t('rules.contact')}: ${w.contact.map((v) => t(`contact.${v}`)).join('/')}`);
    if (typeof w.temperatureAtLeast === 'number') parts.push(t('rules.temperatureText', { value: w.temperatureAtLeast }));
    return parts.join('；');
  };
}

export function RuleCard({
  form,
  index,
  fieldName,
  onRemove,
}: {
  form: FormInstance;
  index: number;
  fieldName: number;
  onRemove: () => void;
}) {
  const { t } = useTranslation('isolation');
  const path = (...p: (string | number)[]) => ['rules', fieldName, ...p];
  const condition = {
    validator: async () => {
      if (!hasCondition(form.getFieldValue(path('when')))) throw new Error(t('rules.needCondition'));
    },
  };
  const multi = (key: ListConditionKey, values: readonly string[], label: (v: string) => string, rules: object[] = []) => (
    <Form.Item
      name={[fieldName, 'when', key]}
      label={t(`rules.${key}`)}
      rules={rules}
      dependencies={CONDITION_KEYS.filter((k) => k !== key)
        .map((k) => path('when', k))
        .concat([path('when', 'temperatureAtLeast')])}
    >
      <Select
        mode="multiple"
        allowClear
        options={values.map((v) => ({ value: v, label: label(v) }))}
        placeholder={t('rules.any')}
      />
    </Form.Item>
  );
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space>
          <Tag>{index + 1}</Tag>
          <Form.Item noStyle shouldUpdate>
            {() => form.getFieldValue(path('name')) || t('rules.unnamed')}
          </Form.Item>
        </Space>
      }
      extra={
        <Popconfirm title={t('rules.confirmRemove')} onConfirm={onRemove}>
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('rules.remove')}>
            {t('rules.remove')}
          </Button>
        </Popconfirm>
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={9}>
          <Form.Item
            name={[fieldName, 'name']}
            label={t('rules.name')}
            rules={[
              { required: true, whitespace: true, message: t('common:validation.required') },
              {
                validator: async (_: unknown, v?: string) => {
                  const names = ((form.getFieldValue('rules') ?? []) as RiskRule[]).map((r) => (r?.name ?? '').trim());
                  if (v && names.filter((n) => n === v.trim()).length > 1) throw new Error(t('rules.nameTaken'));
                },
              },
            ]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name={[fieldName, 'riskLevel']} label={t('assess.riskLevel')} rules={[{ required: true }]}>
            <Select options={riskLevels.map((v) => ({ value: v, label: t(`risk.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[fieldName, 'measure']} label={t('assess.measure')} rules={[{ required: true }]}>
            <Select options={measures.map((v) => ({ value: v, label: t(`measure.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name={[fieldName, 'days']}
            label={t('assess.daysLabel')}
            dependencies={[path('measure')]}
            rules={[
              { required: true, message: t('common:validation.required') },
              {
                validator: async (_: unknown, v?: number) => {
                  if (form.getFieldValue(path('measure')) !== 'none' && typeof v === 'number' && v < 1)
                    throw new Error(t('rules.daysNeeded'));
                },
              },
            ]}
          >
            <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('rules.whenHint')}</Typography.Text>
      <Row gutter={12} style={{ marginTop: 4 }}>
        <Col xs={12} lg={5}>
          {multi('originRisk', riskLevels, (v) => t(`risk.${v}`), [condition])}
        </Col>
        <Col xs={12} lg={5}>
          {multi('travelRisk', riskLevels, (v) => t(`risk.${v}`))}
        </Col>
        <Col xs={12} lg={5}>
          {multi('healthCode', healthCodes, (v) => t(`healthCode.${v}`))}
        </Col>
        <Col xs={12} lg={5}>
          {multi('contact', contactKinds, (v) => t(`contact.${v}`))}
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item
            name={[fieldName, 'when', 'temperatureAtLeast']}
            label={t('rules.temperatureAtLeast')}
            rules={[{ type: 'number', min: 34, max: 43, message: t('rules.temperatureRange') }]}
          >
            <InputNumber min={34} max={43} step={0.1} style={{ width: '100%' }} placeholder={t('rules.any')} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** The rules of one saved version, read-only. */
export function VersionRules({ rules }: { rules: RiskRule[] }) {
  const { t } = useTranslation('isolation');
  const conditionText = useConditionText();
  return (
    <Table<RiskRule>
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={rules}
      scroll={{ x: 560 }}
      columns={[
        { title: t('rules.name'), dataIndex: 'name', width: 150 },
        { title: t('rules.conditions'), render: (_, r) => conditionText(r.when) },
        {
          title: t('rules.outcome'),
          width: 170,
          render: (_, r) =>
            `${t(`risk.${r.riskLevel}`)} · ${t(`measure.${r.measure}`)}${r.measure === 'none' ? '' : ` · ${t('assess.days', { days: r.days })}`}`,
        },
      ]}
    />
  );
}
