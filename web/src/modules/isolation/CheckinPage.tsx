import { useParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Form, InputNumber, Result, Spin, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { symptoms } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';

interface View {
  nameMasked: string;
  kind: string;
  startDate: string;
  endDate: string;
  status: string;
  today: string;
  checkedInToday: boolean;
}

/** Public, phone-first: the person in isolation reports today's temperature and symptoms from the link they were given. */
export function CheckinPage() {
  const { t } = useTranslation('isolation');
  const token = useParams().token ?? '';
  const view = useQuery({ queryKey: ['checkin', token], queryFn: () => api.get<View>(`/api/public/isolation/checkin/${token}`) });
  const send = useMutation({
    mutationFn: (v: { temperature: number; symptoms: string[] }) =>
      api.post<{ fever: boolean }>(`/api/public/isolation/checkin/${token}`, v),
    onSuccess: () => void view.refetch(),
  });
  if (view.isLoading) return <Spin style={{ display: 'block', margin: '40px auto' }} />;
  if (view.isError || !view.data) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  const v = view.data;
  return (
    <div className="fg-public" style={{ maxWidth: 480, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={4}>{t('checkinPage.title')}</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div>
          {v.nameMasked} · {t(`kind.${v.kind}`)}
        </div>
        <div>
          {t('field.period')}: {v.startDate} — {v.endDate}
        </div>
        <div>{t('checkinPage.today', { date: v.today })}</div>
      </Card>
      {v.status !== 'active' ? (
        <Result status="success" title={t('checkinPage.released')} />
      ) : v.checkedInToday || send.isSuccess ? (
        <Result
          status={send.data?.fever ? 'warning' : 'success'}
          title={t('checkinPage.done')}
          subTitle={send.data?.fever ? t('checkinPage.feverAdvice') : t('checkinPage.seeTomorrow')}
        />
      ) : (
        <Card>
          {send.isError && <Alert type="error" showIcon message={(send.error as Error).message} style={{ marginBottom: 12 }} />}
          <Form
            layout="vertical"
            onFinish={(f: { temperature: number; symptoms?: string[] }) =>
              send.mutate({ temperature: f.temperature, symptoms: f.symptoms ?? [] })
            }
            initialValues={{ symptoms: [] }}
          >
            <Form.Item
              name="temperature"
              label={t('checkin.temperature')}
              rules={[{ required: true, message: t('common:validation.required') }]}
            >
              <InputNumber
                size="large"
                min={34}
                max={43}
                step={0.1}
                style={{ width: '100%' }}
                inputMode="decimal"
                addonAfter="℃"
              />
            </Form.Item>
            <Form.Item name="symptoms" label={t('checkin.symptoms')} extra={t('checkinPage.symptomsHint')}>
              <Checkbox.Group options={symptoms.map((s) => ({ value: s, label: t(`symptom.${s}`) }))} />
            </Form.Item>
            <Button type="primary" size="large" block htmlType="submit" loading={send.isPending}>
              {t('checkinPage.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
