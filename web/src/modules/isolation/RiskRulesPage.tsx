import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Form, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { HistoryOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { type RiskRule, type RuleSet, type RuleVersion } from '@fugong/contract';
import { api, ApiError } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { fieldPath } from '../../components/form-errors';
import { RuleCard, VersionRules, blankRule, cleanRule } from './risk-rule-cards';

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
