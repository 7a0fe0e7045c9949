import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Form, Input, Steps, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { PublicComplaintStatus } from '@fugong/contract';
import { api } from '../../app/api';
import { applyFieldErrors } from '../../components/form-errors';
import { StatusTag } from '../../components/StatusTag';
import { PublicShell } from './PublicShell';
import { complaintStatusStyles } from './labels';

/** The complainant checks progress with the receipt number and the phone (or query code). */
export function ComplaintStatusPage() {
  const { t } = useTranslation('complaints');
  const [search] = useSearchParams();
  const [form] = Form.useForm();
  const [result, setResult] = useState<PublicComplaintStatus | null>(null);
  const lookup = useMutation({
    mutationFn: (v: { receiptNo: string; secret: string }) => api.post<PublicComplaintStatus>('/api/public/complaints/status', v),
    onSuccess: setResult,
    onError: (e) => {
      setResult(null);
      if (!applyFieldErrors(form, e)) form.setFields([{ name: 'secret', errors: [e.message] }]);
    },
  });
  return (
    <PublicShell title={t('public.statusTitle')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ receiptNo: search.get('no') ?? '' }}
        onFinish={(v) => lookup.mutate(v)}
      >
        <Form.Item
          name="receiptNo"
          label={t('field.receiptNo')}
          rules={[{ required: true, message: t('common:validation.required') }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t('public.secret')}
          rules={[{ required: true, message: t('common:validation.required') }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={lookup.isPending} data-testid="status-lookup">
          {t('public.lookup')}
        </Button>
      </Form>
      {result && (
        <Card style={{ marginTop: 16 }} data-testid="complaint-status">
          <Typography.Paragraph>
            {result.receiptNo} <StatusTag value={result.status} map={complaintStatusStyles} />
          </Typography.Paragraph>
          <Steps
            direction="vertical"
            size="small"
            current={result.steps.length - 1}
            items={result.steps.map((s) => ({
              title: t(`status.${s.status}`),
              description: dayjs(s.at).format('YYYY-MM-DD HH:mm'),
            }))}
          />
          {result.reply ? (
            <Card size="small" type="inner" title={t('field.reply')} data-testid="complaint-reply">
              {/* plain text: never rendered as HTML */}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{result.reply}</Typography.Paragraph>
            </Card>
          ) : (
            <Typography.Text type="secondary">
              {t('public.waiting', { date: dayjs(result.deadline).format('YYYY-MM-DD') })}
            </Typography.Text>
          )}
        </Card>
      )}
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/p/complaint">{t('public.newComplaint')}</Link>
      </div>
    </PublicShell>
  );
}
