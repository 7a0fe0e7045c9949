import { useEffect } from 'react';
import { App, Button, Card, Checkbox, Col, Flex, Form, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { checkpointKinds, passScopeLevels, roles, type PassRule } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { applyFieldErrors } from '../../components/form-errors';

type RuleForm = Pick<PassRule, 'validityDays' | 'scopeLevel' | 'checkpointKinds' | 'issuerRoles'>;

/** One class's rule: validity, how far it reaches, where it opens, who issues it. */
function PassRuleCard({ rule }: { rule: PassRule }) {
  const { t } = useTranslation('passes');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<RuleForm>();
  useEffect(() => {
    form.setFieldsValue({
      validityDays: rule.validityDays,
      scopeLevel: rule.scopeLevel,
      checkpointKinds: rule.checkpointKinds,
      issuerRoles: rule.issuerRoles,
    });
  }, [rule, form]);
  const save = useMutation({
    mutationFn: (v: RuleForm) => api.put(`/api/passes/rules/${rule.passClass}`, v),
    onSuccess: () => {
      message.success(t('rules.saved', { passClass: rule.passClass }));
      void qc.invalidateQueries({ queryKey: ['/api/passes/rules'] });
    },
    onError: (e) => applyFieldErrors(form, e) || message.error((e as Error).message),
  });
  const required = { required: true, message: t('common:validation.required') };
  return (
    <Card
      size="small"
      data-testid={`pass-rule-${rule.passClass}`}
      title={
        <Space wrap>
          <Tag color="blue">{rule.passClass}</Tag>
          {t(`class.${rule.passClass}`)}
        </Space>
      }
      extra={
        rule.updatedAt ? (
          <Typography.Text type="secondary">
            {t('rules.updatedAt', { at: dayjs(rule.updatedAt).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        {t('rules.categoryNote', { category: t(`people:category.${rule.category}`) })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Row gutter={12}>
          <Col xs={12} md={8}>
            <Form.Item
              name="validityDays"
              label={t('rules.validityDays')}
              rules={[required, { type: 'number', min: 1, max: 366, message: t('rules.validityRange') }]}
            >
              <InputNumber min={1} max={366} precision={0} style={{ width: '100%' }} suffix={t('rules.days')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="scopeLevel" label={t('rules.scopeLevel')} rules={[required]} extra={t('rules.scopeHint')}>
              <Select options={passScopeLevels.map((l) => ({ value: l, label: t(`rules.scope.${l}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="checkpointKinds"
          label={t('rules.checkpointKinds')}
          rules={[{ type: 'array', min: 1, required: true, message: t('rules.pickOne') }]}
        >
          <Checkbox.Group options={checkpointKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="issuerRoles"
          label={t('rules.issuerRoles')}
          rules={[{ type: 'array', min: 1, required: true, message: t('rules.pickOne') }]}
          extra={t('rules.issuerHint')}
        >
          <Select
            mode="multiple"
            options={roles.filter((r) => r !== 'admin').map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
          {t('common:action.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** 通行证类别规则: A/B/C, each with its validity, scope, checkpoint kinds and issuing roles. */
export function PassRulesPage() {
  const { t } = useTranslation('passes');
  const rules = useQuery({
    queryKey: ['/api/passes/rules'],
    queryFn: () => api.get<{ items: PassRule[] }>('/api/passes/rules').then((r) => r.items),
  });
  return (
    <PageContainer title={t('menu.rules')}>
      <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
      {rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          {rules.isLoading && <Card loading size="small" />}
          {(rules.data ?? []).map((r) => (
            <PassRuleCard key={r.passClass} rule={r} />
          ))}
        </Flex>
      )}
    </PageContainer>
  );
}
