import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MyEligibility } from '@fugong/contract';
import { api } from '../../app/api';
import { applyFieldErrors } from '../../components/form-errors';
import { StatusTag } from '../../components/StatusTag';
import { applicationStatusStyles } from './labels';

/** The signed-in enterprise's part of a public measure page: does it qualify, and the application. */
export function ApplyForm({ measureId }: { measureId: number }) {
  const { t } = useTranslation('policies');
  const qc = useQueryClient();
  const key = ['/api/policies/measures/mine', measureId];
  const mine = useQuery({ queryKey: key, queryFn: () => api.get<MyEligibility>(`/api/policies/measures/${measureId}/mine`) });
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (mine.isPending) return null;
  if (mine.error) return <Alert type="error" message={t('public.mineError')} />;
  const eligible = mine.data.entities.filter((e) => e.eligible && !e.applicationId);
  return (
    <div data-testid="policy-mine">
      {mine.data.entities.map((e) => (
        <Alert
          key={e.entityId}
          style={{ marginBottom: 8 }}
          type={e.eligible ? 'success' : 'warning'}
          message={e.eligible ? t('public.qualifies', { name: e.entityName }) : t('public.notQualifies', { name: e.entityName })}
          description={
            e.applicationStatus ? (
              <span>
                {t('public.applied')}{' '}
                <StatusTag value={e.applicationStatus} map={applicationStatusStyles} testId="my-application-status" />
              </span>
            ) : (
              e.unmet.join('；') || undefined
            )
          }
        />
      ))}
      {mine.data.applicationRequired && eligible.length > 0 && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ entityId: eligible[0]!.entityId }}
          onFinish={async (v: { entityId?: number; contactName: string; note: string; requestedAmount?: number }) => {
            setBusy(true);
            setError(null);
            try {
              await api.post('/api/policies/applications', {
                measureId,
                // with one eligible entity there is no picker, so the form holds no entityId
                entityId: v.entityId ?? eligible[0]!.entityId,
                contactName: v.contactName,
                note: v.note,
                requestedAmount: v.requestedAmount ? Math.round(v.requestedAmount * 100) : null,
              });
              await qc.invalidateQueries({ queryKey: key });
            } catch (err) {
              // a field without an input here (the entity) is shown above the button
              if (!applyFieldErrors(form, err) || eligible.length === 1) setError((err as Error).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Typography.Title level={5}>{t('public.applyTitle')}</Typography.Title>
          {eligible.length > 1 && (
            <Form.Item name="entityId" label={t('field.entity')} rules={[{ required: true }]}>
              <Select
                aria-label={t('field.entity')}
                options={eligible.map((e) => ({ value: e.entityId, label: e.entityName }))}
              />
            </Form.Item>
          )}
          <Form.Item name="contactName" label={t('field.contactName')} rules={[{ required: true, message: t('msg.required') }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="note" label={t('field.applicationNote')} rules={[{ required: true, message: t('msg.required') }]}>
            <Input.TextArea rows={3} placeholder={t('public.notePlaceholder')} />
          </Form.Item>
          <Form.Item name="requestedAmount" label={t('field.requestedYuan')}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('public.submit')}
          </Button>
        </Form>
      )}
    </div>
  );
}
