import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { idTypes, type Availability, type Booking } from '@fugong/contract';
import { ApiError, api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { applyFieldErrors } from '../../components/form-errors';
import { PublicFrame } from './PublicFrame';
import { dayLabel } from './labels';

interface FormValues {
  slotId?: number;
  phone: string;
  visitors: { name: string; idType: string; idNumber: string; medical?: boolean }[];
  healthAttested: boolean;
}

/** Book a visit: day, time slot, every visitor by name and ID document, a phone number, the health pledge. */
export function BookPage() {
  const { t, i18n } = useTranslation('venues');
  const venueId = Number(useParams().id);
  const navigate = useNavigate();
  const [day, setDay] = useState<string | undefined>();
  const [form] = Form.useForm<FormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const q = useQuery({
    queryKey: ['availability', venueId, day],
    queryFn: () => api.get<Availability>(`/api/public/venues/${venueId}/availability`, { day }),
  });
  // the first visit shows today; the day list then drives the query
  useEffect(() => {
    if (!day && q.data) setDay(q.data.day);
  }, [day, q.data]);

  if (q.isPending)
    return (
      <PublicFrame title={t('book.title')}>
        <Skeleton active />
      </PublicFrame>
    );
  if (q.error)
    return (
      <PublicFrame title={t('book.title')}>
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      </PublicFrame>
    );
  const a = q.data;
  const soldOut = a.open && a.remaining === 0;
  const policy = a.policies[0];

  const submit = async (v: FormValues) => {
    setProblem(null);
    setBusy(true);
    try {
      const booking = await api.post<Booking>('/api/public/venue-bookings', {
        venueId,
        day: a.day,
        slotId: v.slotId ?? null,
        phone: v.phone,
        healthAttested: v.healthAttested === true,
        visitors: v.visitors.map((x) => ({
          name: x.name,
          idType: x.idType,
          idNumber: x.idNumber,
          policyId: x.medical && policy ? policy.id : null,
        })),
      });
      navigate(`/p/venues/booking/${booking.code}`, { state: { booking, phone: v.phone } });
    } catch (e) {
      if (!applyFieldErrors(form, e)) setProblem(e instanceof ApiError ? e.message : String(e));
      if (e instanceof ApiError && e.status === 409) void q.refetch();
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicFrame title={a.venueName}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ visitors: [{ idType: 'id_card' }], healthAttested: false }}
        scrollToFirstError
      >
        <Form.Item label={t('book.day')}>
          <Select
            data-testid="day-select"
            value={a.day}
            onChange={(d: string) => setDay(d)}
            options={a.days.map((d) => ({
              value: d.day,
              disabled: !d.open,
              label: `${dayLabel(d.day, i18n.language)} · ${d.open ? (d.remaining > 0 ? t('book.remaining', { count: d.remaining }) : t('book.full')) : t('book.closed')}`,
            }))}
          />
        </Form.Item>
        {!a.open ? (
          <Alert type="warning" showIcon message={t('book.closedDay')} style={{ marginBottom: 16 }} />
        ) : soldOut ? (
          <Alert
            type="warning"
            showIcon
            data-testid="sold-out"
            message={t('book.soldOutTitle')}
            description={t('book.soldOutText')}
            style={{ marginBottom: 16 }}
          />
        ) : (
          <Typography.Paragraph type="secondary">
            {t('book.capacityLine', { capacity: a.capacity, remaining: a.remaining })}
          </Typography.Paragraph>
        )}
        {a.slots.length > 0 && (
          <Form.Item name="slotId" label={t('book.slot')} rules={[{ required: true, message: t('book.slotRequired') }]}>
            <Radio.Group>
              <Space direction="vertical">
                {a.slots.map((s) => (
                  <Radio key={s.slotId} value={s.slotId} disabled={s.remaining === 0}>
                    {s.label} {s.startTime}–{s.endTime} ·{' '}
                    {s.remaining > 0 ? t('book.remaining', { count: s.remaining }) : t('book.full')}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.List name="visitors">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12} style={{ marginBottom: 16 }}>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  title={t('book.visitorN', { n: i + 1 })}
                  extra={
                    fields.length > 1 ? (
                      <Button
                        type="text"
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={t('book.removeVisitor')}
                        onClick={() => remove(f.name)}
                      />
                    ) : null
                  }
                >
                  <Form.Item
                    name={[f.name, 'name']}
                    label={t('book.name')}
                    rules={[{ required: true, message: t('book.required') }]}
                  >
                    <Input autoComplete="name" maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'idType']} label={t('book.idType')}>
                    <Select options={idTypes.map((x) => ({ value: x, label: t(`idType.${x}`) }))} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'idNumber']}
                    label={t('book.idNumber')}
                    rules={[{ required: true, message: t('book.required') }]}
                  >
                    <Input maxLength={30} autoComplete="off" />
                  </Form.Item>
                  {policy && (
                    <Form.Item name={[f.name, 'medical']} valuePropName="checked" style={{ marginBottom: 0 }}>
                      <Checkbox>{t('book.policyClaim', { name: policy.name, until: policy.validTo })}</Checkbox>
                    </Form.Item>
                  )}
                </Card>
              ))}
              {fields.length < 10 && (
                <Button icon={<PlusOutlined />} onClick={() => add({ idType: 'id_card' })}>
                  {t('book.addVisitor')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
        <Form.Item
          name="phone"
          label={t('book.phone')}
          rules={[{ required: true, message: t('book.required') }]}
          extra={t('book.phoneHint')}
        >
          <Input inputMode="tel" autoComplete="tel" maxLength={20} />
        </Form.Item>
        <Form.Item
          name="healthAttested"
          valuePropName="checked"
          rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('book.attestRequired')))) }]}
        >
          <Checkbox>{t('book.attest')}</Checkbox>
        </Form.Item>
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} data-testid="booking-problem" />}
        <Button type="primary" htmlType="submit" block size="large" loading={busy} disabled={!a.open || soldOut}>
          {t('book.submit')}
        </Button>
      </Form>
    </PublicFrame>
  );
}
