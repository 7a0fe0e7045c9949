import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Select, Skeleton, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { JobFair, Page, Posting } from '@fugong/contract';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { applyFieldErrors } from '../../components/form-errors';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { ApplicantsList } from './ApplicantsList';
import { payRange, postingStatusStyles } from './labels';

/** 我的招聘: an enterprise posts jobs on its phone, sees its applicants and marks hires. */
export function MyJobsPage() {
  const { t } = useTranslation('labour');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useCurrentUser();
  const entityId = me.grants.find((g) => g.role === 'enterprise' && g.entityId)?.entityId ?? null;
  const [form] = Form.useForm();
  const [open, setOpen] = useState<number | null>(null);
  const postings = useQuery({
    queryKey: ['/api/labour/postings', 'mine', entityId],
    queryFn: () => api.get<Page<Posting>>('/api/labour/postings', { entityId: entityId ?? undefined, pageSize: 50 }),
  });
  const fairs = useQuery({
    queryKey: ['/api/labour/fairs', 'open'],
    queryFn: () => api.get<Page<JobFair>>('/api/labour/fairs', { pageSize: 50 }),
  });
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.post<Posting>('/api/labour/postings', {
        ...v,
        entityId,
        payMinFen: Math.round(Number(v.payMin) * 100),
        payMaxFen: Math.round(Number(v.payMax) * 100),
        payMin: undefined,
        payMax: undefined,
        validUntil: v.validUntil ? (v.validUntil as Dayjs).format('YYYY-MM-DD') : undefined,
      }),
    onSuccess: () => {
      form.resetFields();
      message.success(t('my.submitted'));
      void qc.invalidateQueries({ queryKey: ['/api/labour/postings'] });
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const required = [{ required: true, message: t('common:validation.required') }];
  return (
    <PageContainer title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{t('menu.my')}</h1>}>
      <Card size="small" title={t('my.newPosting')} style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="title" label={t('field.title')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="places" label={t('field.places')} rules={required}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="payMin" label={t('field.payMin')} rules={required} style={{ width: '50%' }}>
              <InputNumber min={0} style={{ width: '100%' }} inputMode="decimal" />
            </Form.Item>
            <Form.Item name="payMax" label={t('field.payMax')} rules={required} style={{ width: '50%' }}>
              <InputNumber min={0} style={{ width: '100%' }} inputMode="decimal" />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="fairId" label={t('field.fair')}>
            <Select
              allowClear
              loading={fairs.isLoading}
              options={(fairs.data?.items ?? []).filter((f) => f.endsOn >= today).map((f) => ({ value: f.id, label: f.name }))}
            />
          </Form.Item>
          <Form.Item name="validUntil" label={t('field.validUntil')} rules={required}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="requirements" label={t('field.requirements')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('my.reviewNote')}</Typography.Paragraph>
          <Button type="primary" htmlType="submit" block loading={create.isPending}>
            {t('my.submit')}
          </Button>
        </Form>
      </Card>
      {postings.isPending ? (
        <Skeleton active />
      ) : postings.isError ? (
        <ErrorState error={postings.error} onRetry={() => void postings.refetch()} />
      ) : postings.data.items.length === 0 ? (
        <Empty description={t('my.none')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {postings.data.items.map((p) => (
            <Card
              key={p.id}
              size="small"
              title={p.title}
              extra={<StatusTag value={p.status} map={postingStatusStyles} />}
              data-testid="my-posting"
            >
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {payRange(p.payMinFen, p.payMaxFen)} · {p.fairName ?? t('my.standalone')}
              </Typography.Paragraph>
              <Typography.Paragraph data-testid="posting-hired">
                {t('my.hired', { hired: p.hired, places: p.places, n: p.applications })}
              </Typography.Paragraph>
              {p.reviewNote && <Typography.Paragraph type="warning">{p.reviewNote}</Typography.Paragraph>}
              {open === p.id ? (
                <ApplicantsList postingId={p.id} />
              ) : (
                <Button onClick={() => setOpen(p.id)}>{t('my.applicants', { n: p.applications })}</Button>
              )}
            </Card>
          ))}
        </Space>
      )}
    </PageContainer>
  );
}
