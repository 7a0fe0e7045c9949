import { useState } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Radio, Spin, Timeline } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { z } from 'zod';
import type { applicationDetailSchema } from '@fugong/contract';
import { api } from '../../app/api';
import { applyFieldErrors } from '../../components/form-errors';
import { ErrorState } from '../../components/ErrorState';
import { StatusTag } from '../../components/StatusTag';
import { applicationStatusStyles, money } from './labels';

type Detail = z.infer<typeof applicationDetailSchema>;

/** One application: its facts and timeline, the department's decision and the payment. */
export function ApplicationDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const { t, i18n } = useTranslation('policies');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    enabled: id != null,
    queryKey: ['/api/policies/applications', id],
    queryFn: () => api.get<Detail>(`/api/policies/applications/${id}`),
  });
  const [decide] = Form.useForm();
  const [pay] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const action = Form.useWatch('action', decide) as string | undefined;
  const done = async () => {
    await qc.invalidateQueries({ queryKey: ['/api/policies/applications'] });
    await qc.invalidateQueries({ queryKey: ['/api/policies/disbursements'] });
  };
  const run = async (form: typeof decide, fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      message.success(t('msg.saved'));
      form.resetFields();
      await done();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error((err as Error).message);
      await q.refetch();
    } finally {
      setBusy(false);
    }
  };
  const a = q.data;
  return (
    <Drawer open={id != null} onClose={onClose} width={560} title={a ? `${a.entityName} · ${a.measureTitle}` : ''}>
      {q.isPending ? (
        <Spin />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        a && (
          <>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('field.status')}>
                <StatusTag value={a.status} map={applicationStatusStyles} testId="application-status" />
              </Descriptions.Item>
              <Descriptions.Item label={t('field.package')}>{a.packageShortTitle}</Descriptions.Item>
              <Descriptions.Item label={t('field.region')}>{a.regionName}</Descriptions.Item>
              <Descriptions.Item label={t('field.contactName')}>{a.contactName}</Descriptions.Item>
              <Descriptions.Item label={t('field.applicationNote')}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{a.note}</span>
              </Descriptions.Item>
              {a.requestedAmount != null && (
                <Descriptions.Item label={t('field.requested')}>
                  {money(a.requestedAmount, a.currency, i18n.language)}
                </Descriptions.Item>
              )}
              {a.approvedAmount != null && (
                <Descriptions.Item label={t('field.approved')}>
                  {money(a.approvedAmount, a.currency, i18n.language)}
                </Descriptions.Item>
              )}
              {a.decisionNote && <Descriptions.Item label={t('field.decisionNote')}>{a.decisionNote}</Descriptions.Item>}
            </Descriptions>
            {a.abilities.decide && (
              <Form
                form={decide}
                layout="vertical"
                style={{ marginTop: 16 }}
                onFinish={(v: { action: string; amount?: number; note?: string }) =>
                  run(decide, () =>
                    api.post(`/api/policies/applications/${a.id}/decision`, {
                      action: v.action,
                      amount: v.amount ? Math.round(v.amount * 100) : null,
                      note: v.note ?? null,
                      version: a.version,
                    }),
                  )
                }
              >
                <Form.Item name="action" label={t('review.action')} rules={[{ required: true, message: t('msg.required') }]}>
                  <Radio.Group
                    options={(['approve', 'request_more', 'reject'] as const).map((x) => ({ value: x, label: t(`review.${x}`) }))}
                  />
                </Form.Item>
                {action === 'approve' && (
                  <Form.Item name="amount" label={t('review.amount', { currency: a.currency })} validateTrigger="onBlur">
                    <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
                  </Form.Item>
                )}
                <Form.Item name="note" label={t('review.note')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('review.submit')}
                </Button>
              </Form>
            )}
            {a.abilities.pay && (
              <Form
                form={pay}
                layout="vertical"
                style={{ marginTop: 16 }}
                onFinish={(v: { paidOn: dayjs.Dayjs; reference: string }) =>
                  run(pay, () =>
                    api.post(`/api/policies/applications/${a.id}/pay`, {
                      paidOn: v.paidOn.format('YYYY-MM-DD'),
                      reference: v.reference,
                    }),
                  )
                }
              >
                <Alert
                  type="info"
                  style={{ marginBottom: 12 }}
                  message={t('pay.hint', { amount: money(a.approvedAmount ?? 0, a.currency, i18n.language) })}
                />
                <Form.Item name="paidOn" label={t('pay.paidOn')} rules={[{ required: true, message: t('msg.required') }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="reference" label={t('pay.reference')} rules={[{ required: true, message: t('msg.required') }]}>
                  <Input />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('pay.submit')}
                </Button>
              </Form>
            )}
            <Timeline
              style={{ marginTop: 24 }}
              items={a.events.map((e) => ({
                children: `${dayjs(e.at).format('YYYY-MM-DD HH:mm')} ${t(`event.${e.action}`)} · ${e.actorName ?? ''}${e.note ? ` · ${e.note}` : ''}`,
              }))}
            />
          </>
        )
      )}
    </Drawer>
  );
}
