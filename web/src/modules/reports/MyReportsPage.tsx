import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, List, Modal, Spin, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DailyReport, DailyReportInput, DailyReportVersion, MyReports } from '@fugong/contract';
import { api, ApiError } from '../../app/api';
import { applyFieldErrors } from '../../components/form-errors';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';

const COUNTS = ['staffOnDuty', 'fromOtherProvinces', 'underObservation', 'abnormalTemperature', 'suspectedCases'] as const;

/** 一日一报, phone first: today's form (a second submission replaces the day's report) and the history below it. */
export function MyReportsPage() {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<DailyReportInput>();
  const [versionsOf, setVersionsOf] = useState<DailyReport | null>(null);
  const mine = useQuery({ queryKey: ['reports', 'mine'], queryFn: () => api.get<MyReports>('/api/reports/mine') });
  const submit = useMutation({
    mutationFn: (v: DailyReportInput) => api.post<DailyReport>('/api/reports/daily', v),
    onSuccess: (r) => {
      message.success(r.version > 1 ? t('mine.replaced', { version: r.version }) : t('mine.submitted'));
      void qc.invalidateQueries({ queryKey: ['reports', 'mine'] });
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e instanceof ApiError ? e.message : String(e));
    },
  });
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  if (!mine.data) return <Spin style={{ display: 'block', margin: 40 }} />;
  const m = mine.data;
  const todays = m.items.find((r) => r.reportDate === m.today);
  const onFinish = (v: DailyReportInput) => {
    const send = () => submit.mutate({ ...v, reportDate: m.today });
    if (v.abnormalTemperature > 0 || v.suspectedCases > 0)
      Modal.confirm({ title: t('mine.confirmAbnormal'), okText: t('mine.submit'), onOk: send });
    else send();
  };
  return (
    <PageContainer title={t('mine.title')}>
      <Card
        size="small"
        title={m.entityName}
        extra={
          <Tag color={m.canReport ? 'green' : 'default'}>{t(`status.${m.entityStatus}`, { defaultValue: m.entityStatus })}</Tag>
        }
        style={{ maxWidth: 560 }}
      >
        {!m.canReport ? (
          <Alert type="info" showIcon message={t('mine.notResumed')} />
        ) : (
          <Form
            form={form}
            layout="vertical"
            onFinish={onFinish}
            initialValues={
              todays ?? {
                staffOnDuty: 0,
                fromOtherProvinces: 0,
                underObservation: 0,
                abnormalTemperature: 0,
                suspectedCases: 0,
                capacityRate: 100,
                supplyDaysLeft: 7,
                problems: '',
              }
            }
            data-testid="daily-report-form"
          >
            <Typography.Paragraph type="secondary">
              {t('mine.forDay', { date: m.today, staff: m.registeredStaff })}
              {todays && <Tag style={{ marginLeft: 8 }}>{t('mine.alreadyToday', { version: todays.version })}</Tag>}
            </Typography.Paragraph>
            {COUNTS.map((k) => (
              <Form.Item key={k} name={k} label={t(`field.${k}`)} rules={[{ required: true, message: t('mine.required') }]}>
                <InputNumber min={0} precision={0} inputMode="numeric" style={{ width: '100%' }} />
              </Form.Item>
            ))}
            <Form.Item
              name="capacityRate"
              label={t('field.capacityRate')}
              tooltip={t('field.capacityHint')}
              rules={[{ required: true, message: t('mine.required') }]}
            >
              <InputNumber min={0} max={100} precision={1} addonAfter="%" inputMode="decimal" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="supplyDaysLeft"
              label={t('field.supplyDaysLeft')}
              rules={[{ required: true, message: t('mine.required') }]}
            >
              <InputNumber min={0} precision={0} addonAfter={t('mine.days')} inputMode="numeric" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="problems" label={t('field.problems')}>
              <Input.TextArea rows={3} maxLength={2000} placeholder={t('field.problemsHint')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
              {todays ? t('mine.resubmit') : t('mine.submit')}
            </Button>
          </Form>
        )}
      </Card>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('mine.history')}
      </Typography.Title>
      {m.items.length === 0 ? (
        <Empty description={t('mine.noHistory')} />
      ) : (
        <List
          style={{ maxWidth: 560 }}
          bordered
          dataSource={m.items}
          renderItem={(r) => (
            <List.Item
              actions={
                r.version > 1
                  ? [
                      <a key="v" onClick={() => setVersionsOf(r)}>
                        {t('mine.versions', { count: r.version })}
                      </a>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <>
                    {r.reportDate} {r.abnormal && <Tag color="red">{t('mine.abnormal')}</Tag>}
                  </>
                }
                description={t('mine.line', {
                  onDuty: r.staffOnDuty,
                  other: r.fromOtherProvinces,
                  capacity: r.capacityRate,
                  days: r.supplyDaysLeft,
                })}
              />
            </List.Item>
          )}
        />
      )}
      <VersionsModal report={versionsOf} onClose={() => setVersionsOf(null)} />
    </PageContainer>
  );
}

function VersionsModal({ report, onClose }: { report: DailyReport | null; onClose: () => void }) {
  const { t } = useTranslation('reports');
  const q = useQuery({
    queryKey: ['reports', 'versions', report?.id],
    queryFn: () => api.get<DailyReportVersion[]>(`/api/reports/daily/${report!.id}/versions`),
    enabled: !!report,
  });
  return (
    <Modal open={!!report} onCancel={onClose} footer={null} title={t('mine.versionsTitle', { date: report?.reportDate })}>
      {q.isLoading ? (
        <Spin />
      ) : q.isError ? (
        <ErrorState error={q.error} />
      ) : (
        <List
          dataSource={q.data ?? []}
          renderItem={(v) => (
            <List.Item>
              <List.Item.Meta
                title={`#${v.version} · ${new Date(v.submittedAt).toLocaleString()}`}
                description={t('mine.line', {
                  onDuty: v.staffOnDuty,
                  other: v.fromOtherProvinces,
                  capacity: v.capacityRate,
                  days: v.supplyDaysLeft,
                })}
              />
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
