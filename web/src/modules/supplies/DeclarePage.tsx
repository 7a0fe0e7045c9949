import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, InputNumber, Result, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Declaration, DeclarationProposal, SupplyItem } from '@fugong/contract';
import { api } from '../../app/api';
import { PageContainer } from '../../components/PageContainer';
import { ErrorState } from '../../components/ErrorState';
import { FullPageSpin } from '../../components/FullPageSpin';
import { applyFieldErrors } from '../../components/form-errors';

interface Values {
  days: number;
  lines: { stock?: number | null; need?: number | null }[];
}

/** The enterprise's declaration on a phone: stock and need per item, the need proposed from its latest daily report. */
export function DeclarePage() {
  const { t } = useTranslation('supplies');
  const [params] = useSearchParams();
  const entityId = params.get('entityId') ?? undefined;
  const [days, setDays] = useState(7);
  const [form] = Form.useForm<Values>();
  const items = useQuery({ queryKey: ['/api/supplies/items'], queryFn: () => api.get<SupplyItem[]>('/api/supplies/items') });
  const proposal = useQuery({
    queryKey: ['/api/supplies/declarations/proposal', entityId, days],
    queryFn: () => api.get<DeclarationProposal>('/api/supplies/declarations/proposal', { entityId, days }),
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<Declaration>('/api/supplies/declarations', {
        entityId: entityId ? Number(entityId) : undefined,
        days: v.days,
        lines: (items.data ?? [])
          .map((it, i) => ({ itemId: it.id, stock: v.lines[i]?.stock, need: v.lines[i]?.need }))
          .filter((l) => l.stock != null || l.need != null)
          .map((l) => ({ itemId: l.itemId, stock: l.stock ?? 0, need: l.need ?? 0 })),
      }),
    onError: (e) => applyFieldErrors(form, e),
  });
  if (items.isLoading || proposal.isLoading) return <FullPageSpin />;
  if (items.isError || proposal.isError)
    return (
      <ErrorState
        error={items.error ?? proposal.error}
        onRetry={() => {
          void items.refetch();
          void proposal.refetch();
        }}
      />
    );
  const p = proposal.data!;
  if (save.data) {
    const opened = save.data.lines.filter((l) => l.demandId != null);
    return (
      <PageContainer title={t('declare.title')}>
        <Result
          status="success"
          title={t('declare.saved')}
          subTitle={
            opened.length ? t('declare.onList', { items: opened.map((l) => l.itemName).join('、') }) : t('declare.enough')
          }
          extra={<Link to="/supplies/deliveries">{t('menu.deliveries')}</Link>}
        />
      </PageContainer>
    );
  }
  return (
    <PageContainer title={t('declare.title')}>
      <div style={{ maxWidth: 520 }}>
        <Typography.Paragraph>
          {p.entityName}
          {p.staffOnDuty != null
            ? ` · ${t('declare.basis', { staff: p.staffOnDuty, date: p.reportDate })}`
            : ` · ${t('declare.noReport')}`}
        </Typography.Paragraph>
        {save.isError && !applyFieldErrors(form, save.error) && (
          <Alert type="error" showIcon message={String((save.error as Error).message)} style={{ marginBottom: 12 }} />
        )}
        <Form form={form} layout="vertical" initialValues={{ days }} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="days" label={t('declare.days')} rules={[{ required: true }]}>
            <InputNumber
              min={1}
              max={60}
              precision={0}
              inputMode="numeric"
              onChange={(v) => v && setDays(Number(v))}
              style={{ width: 120 }}
            />
          </Form.Item>
          {(items.data ?? []).map((it, i) => {
            const proposed = p.items.find((x) => x.itemId === it.id)?.proposed;
            return (
              <Card key={it.id} size="small" title={it.name} style={{ marginBottom: 8 }} data-testid={`declare-${it.code}`}>
                <Space wrap>
                  <Form.Item
                    name={['lines', i, 'stock']}
                    label={t('declare.stock', { unit: t(`unit.${it.unit}`) })}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber min={0} precision={0} inputMode="numeric" style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    name={['lines', i, 'need']}
                    label={t('declare.need', { days })}
                    extra={proposed != null ? t('declare.proposed', { n: proposed }) : undefined}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber min={0} precision={0} inputMode="numeric" style={{ width: 140 }} />
                  </Form.Item>
                  {proposed != null && (
                    <Button size="small" onClick={() => form.setFieldValue(['lines', i, 'need'], proposed)}>
                      {t('declare.useProposal')}
                    </Button>
                  )}
                </Space>
              </Card>
            );
          })}
          <Button type="primary" htmlType="submit" loading={save.isPending} block>
            {t('declare.submit')}
          </Button>
        </Form>
      </div>
    </PageContainer>
  );
}
