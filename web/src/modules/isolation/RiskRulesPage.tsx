import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import { DeleteOutlined, HistoryOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { contactKinds, healthCodes, measures, riskLevels, type RiskRule, type RuleSet, type RuleVersion } from '@fugong/contract';
import { api, ApiError } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { fieldPath } from '../../components/form-errors';

type ListConditionKey = 'originRisk' | 'travelRisk' | 'healthCode' | 'contact';
const CONDITION_KEYS: ListConditionKey[] = ['originRisk', 'travelRisk', 'healthCode', 'contact'];
const blankRule: RiskRule = { name: '', when: {}, riskLevel: 'high', measure: 'home', days: 14 };

/** Drops empty conditions so that a cleared select does not count as one. */
function cleanRule(r: RiskRule): RiskRule {
  const when: RiskRule['when'] = {};
  for (const k of CONDITION_KEYS) if (r.when?.[k]?.length) (when as Record<string, unknown>)[k] = r.when[k];
  if (typeof r.when?.temperatureAtLeast === 'number') when.temperatureAtLeast = r.when.temperatureAtLeast;
  return { name: (r.name ?? '').trim(), when, riskLevel: r.riskLevel, measure: r.measure, days: r.days ?? 0 };
}
const hasCondition = (w: RiskRule['when'] | undefined) =>
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

function RuleCard({
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
function VersionRules({ rules }: { rules: RiskRule[] }) {
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

/** 风险评估规则: edit the rules in a form; each save is a new version, assessments keep the version they used. */
export function RiskRulesPage() {
  const { t } = useTranslation('isolation');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ rules: RiskRule[] }>();
  const current = useQuery({ queryKey: ['/api/isolation/rules'], queryFn: () => api.get<RuleSet>('/api/isolation/rules') });
  const versions = useQuery({
    queryKey: ['/api/isolation/rules/versions'],
    queryFn: () => api.get<{ items: RuleVersion[] }>('/api/isolation/rules/versions').then((r) => r.items),
  });
  const [viewing, setViewing] = useState<number | null>(null);
  const viewed = useQuery({
    queryKey: ['/api/isolation/rules/versions', viewing],
    queryFn: () => api.get<RuleSet>(`/api/isolation/rules/versions/${viewing}`),
    enabled: viewing !== null,
  });
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (current.data && !dirty) form.setFieldsValue({ rules: current.data.rules });
  }, [current.data, dirty, form]);

  const save = useMutation({
    mutationFn: (rules: RiskRule[]) => api.put<{ version: number }>('/api/isolation/rules', { rules }),
    onSuccess: (r) => {
      message.success(t('rules.saved', { version: r.version }));
      setDirty(false);
      void qc.invalidateQueries({ queryKey: ['/api/isolation/rules'] });
      void qc.invalidateQueries({ queryKey: ['/api/isolation/rules/versions'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length) {
        // "no condition" belongs to the rule's conditions: shown under the first of them
        form.setFields(
          e.fields.map((f) => ({
            name: fieldPath(f.field.endsWith('.when') ? `${f.field}.originRisk` : f.field) as never,
            errors: [f.message],
          })),
        );
        message.error(t('rules.fixErrors'));
      } else message.error((e as Error).message);
    },
  });

  const loadVersion = (rs: RuleSet) => {
    form.setFieldsValue({ rules: rs.rules });
    setDirty(true);
    setViewing(null);
    message.info(t('rules.loaded', { version: rs.version }));
  };

  if (current.isError)
    return (
      <PageContainer title={t('menu.rules')}>
        <ErrorState error={current.error} onRetry={() => void current.refetch()} />
      </PageContainer>
    );
  return (
    <PageContainer
      title={t('menu.rules')}
      extra={
        <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} disabled={!dirty} onClick={() => form.submit()}>
          {t('rules.save')}
        </Button>
      }
    >
      <Card size="small" loading={current.isLoading} style={{ marginBottom: 12 }}>
        {current.data && (
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('rules.currentVersion')}>
              <Tag color="blue">v{current.data.version}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('rules.savedAt')}>
              {current.data.version > 1 ? dayjs(current.data.createdAt).format('YYYY-MM-DD HH:mm') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('rules.savedBy')}>{current.data.createdByName ?? '—'}</Descriptions.Item>
          </Descriptions>
        )}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('rules.intro')}
        </Typography.Paragraph>
      </Card>
      <Form
        form={form}
        layout="vertical"
        onValuesChange={() => setDirty(true)}
        onFinish={(v) => save.mutate((v.rules ?? []).map(cleanRule))}
        onFinishFailed={() => message.error(t('rules.fixErrors'))}
        scrollToFirstError
      >
        <Form.List
          name="rules"
          rules={[
            {
              validator: async (_, rules?: unknown[]) => {
                if (!rules?.length) throw new Error(t('rules.needOne'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.length === 0 && <Empty description={t('rules.none')} style={{ margin: '24px 0' }} />}
              {fields.map((f, i) => (
                <RuleCard
                  key={f.key}
                  form={form}
                  index={i}
                  fieldName={f.name}
                  onRemove={() => {
                    remove(f.name);
                    setDirty(true);
                  }}
                />
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => {
                  add({ ...blankRule });
                  setDirty(true);
                }}
                style={{ marginBottom: 16 }}
              >
                {t('rules.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <Card
        size="small"
        title={
          <Space>
            <HistoryOutlined />
            {t('rules.versions')}
          </Space>
        }
      >
        {versions.isError ? (
          <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
        ) : (
          <Table<RuleVersion>
            rowKey="version"
            size="small"
            loading={versions.isLoading}
            dataSource={versions.data ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('rules.none') }}
            columns={[
              { title: t('rules.version'), dataIndex: 'version', width: 80, render: (v: number) => `v${v}` },
              {
                title: t('rules.savedAt'),
                dataIndex: 'createdAt',
                render: (at: string, r) => (r.version > 1 ? dayjs(at).format('YYYY-MM-DD HH:mm') : t('rules.initial')),
              },
              {
                title: t('rules.savedBy'),
                dataIndex: 'createdByName',
                width: 120,
                responsive: ['md'],
                render: (n: string | null) => n ?? '—',
              },
              { title: t('rules.count'), dataIndex: 'ruleCount', width: 80, responsive: ['sm'] },
              {
                title: t('common:table.actions'),
                width: 90,
                render: (_, r) => (
                  <Button size="small" onClick={() => setViewing(r.version)}>
                    {t('rules.view')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={viewing !== null}
        title={t('rules.versionTitle', { version: viewing ?? '' })}
        width={760}
        onCancel={() => setViewing(null)}
        footer={[
          <Button key="close" onClick={() => setViewing(null)}>
            {t('common:action.cancel')}
          </Button>,
          <Popconfirm key="load" title={t('rules.confirmLoad')} onConfirm={() => viewed.data && loadVersion(viewed.data)}>
            <Button type="primary" disabled={!viewed.data || viewed.data.version === current.data?.version}>
              {t('rules.load')}
            </Button>
          </Popconfirm>,
        ]}
      >
        {viewed.isError ? (
          <ErrorState error={viewed.error} />
        ) : viewed.data ? (
          <VersionRules rules={viewed.data.rules} />
        ) : (
          <Card loading variant="borderless" />
        )}
      </Modal>
    </PageContainer>
  );
}
