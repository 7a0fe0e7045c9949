import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, App, Button, Card, Empty, Form, Input, Skeleton, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicFair, PublicPosting } from '@fugong/contract';
import { api } from '../../app/api';
import { applyFieldErrors } from '../../components/form-errors';
import { ErrorState } from '../../components/ErrorState';
import { PublicPage } from '../../components/PublicPage';
import { payRange } from './labels';

function ApplyForm({ posting, onDone }: { posting: PublicPosting; onDone: () => void }) {
  const { t } = useTranslation('labour');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [sent, setSent] = useState(false);
  const submit = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post(`/api/public/labour/postings/${posting.id}/applications`, v),
    onSuccess: () => {
      setSent(true);
      onDone();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  if (sent) return <Alert type="success" showIcon message={t('public.applied')} data-testid="applied" />;
  const required = [{ required: true, message: t('common:validation.required') }];
  return (
    <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
      <Form.Item name="name" label={t('public.name')} rules={required}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item name="phone" label={t('public.phone')} rules={required}>
        <Input inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item name="note" label={t('public.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submit.isPending}>
        {t('public.submit')}
      </Button>
    </Form>
  );
}

/** A job fair's public page, opened from its QR code on a phone: postings with places left, apply without an account. */
export function PublicFairPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation('labour');
  const qc = useQueryClient();
  const [open, setOpen] = useState<number | null>(null);
  const fair = useQuery({
    queryKey: ['public-fair', token],
    queryFn: () => api.get<PublicFair>(`/api/public/labour/fairs/${token}`),
  });
  useEffect(() => {
    // one visit per page load, counted on the server's per-day counter
    void api.post(`/api/public/labour/fairs/${token}/visit`).catch(() => undefined);
  }, [token]);
  const brand = <Typography.Text type="secondary">{t('public.brand')}</Typography.Text>;
  if (fair.isPending)
    return (
      <PublicPage brand={brand} title={t('public.title')}>
        <Skeleton active />
      </PublicPage>
    );
  if (fair.isError)
    return (
      <PublicPage brand={brand} title={t('public.title')}>
        <ErrorState error={fair.error} onRetry={() => void fair.refetch()} />
      </PublicPage>
    );
  const f = fair.data;
  return (
    <PublicPage brand={brand} title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{f.name}</h1>}>
      <Typography.Paragraph type="secondary">
        <Tag>{t(`fairKind.${f.kind}`)}</Tag>
        {f.startsOn === f.endsOn ? f.startsOn : `${f.startsOn} – ${f.endsOn}`} · {t(`organiser.${f.organiser}`, f.organiser)}
      </Typography.Paragraph>
      {f.description && <Typography.Paragraph>{f.description}</Typography.Paragraph>}
      {f.postings.length === 0 ? (
        <Empty description={t('public.noPostings')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          {f.postings.map((p) => (
            <Card
              key={p.id}
              size="small"
              title={p.title}
              extra={<strong>{payRange(p.payMinFen, p.payMaxFen)}</strong>}
              data-testid="public-posting"
            >
              <Typography.Paragraph style={{ marginBottom: 4 }}>{p.entityName}</Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {p.regionName} · {t('public.placesLeft', { n: p.places - p.hired })} · {t('public.until', { date: p.validUntil })}
              </Typography.Paragraph>
              {p.requirements && <Typography.Paragraph>{p.requirements}</Typography.Paragraph>}
              {open === p.id ? (
                <ApplyForm posting={p} onDone={() => void qc.invalidateQueries({ queryKey: ['public-fair', token] })} />
              ) : (
                <Button type="primary" onClick={() => setOpen(p.id)}>
                  {t('public.apply')}
                </Button>
              )}
            </Card>
          ))}
        </Space>
      )}
    </PublicPage>
  );
}
