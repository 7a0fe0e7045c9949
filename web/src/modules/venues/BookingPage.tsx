import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Form, Input, List, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Booking } from '@fugong/contract';
import { ApiError, api } from '../../app/api';
import { StatusTag } from '../../components/StatusTag';
import { PublicFrame } from './PublicFrame';
import { bookingStatusStyles, checkinStatusStyles, dayLabel } from './labels';

/** A booking with its QR code for the gate, and cancellation; reached right after booking or with code + phone. */
export function BookingPage() {
  const { t, i18n } = useTranslation('venues');
  const params = useParams();
  const state = useLocation().state as { booking?: Booking; phone?: string } | null;
  const [booking, setBooking] = useState<Booking | null>(state?.booking ?? null);
  const [phone, setPhone] = useState(state?.phone ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const lookup = async (v: { code: string; phone: string }) => {
    setProblem(null);
    setBusy(true);
    try {
      setBooking(await api.post<Booking>('/api/public/venue-bookings/lookup', v));
      setPhone(v.phone);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const cancel = async () => {
    if (!booking) return;
    try {
      setBooking(await api.post<Booking>('/api/public/venue-bookings/cancel', { code: booking.code, phone }));
      message.success(t('result.cancelled'));
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    }
  };

  if (!booking) {
    return (
      <PublicFrame title={t('result.findTitle')}>
        <Form layout="vertical" initialValues={{ code: params.code ?? '' }} onFinish={(v) => void lookup(v)}>
          <Form.Item name="code" label={t('result.code')} rules={[{ required: true, message: t('book.required') }]}>
            <Input maxLength={10} style={{ textTransform: 'uppercase' }} autoComplete="off" />
          </Form.Item>
          <Form.Item name="phone" label={t('book.phone')} rules={[{ required: true, message: t('book.required') }]}>
            <Input inputMode="tel" maxLength={20} />
          </Form.Item>
          {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('result.find')}
          </Button>
        </Form>
      </PublicFrame>
    );
  }

  const live = booking.status === 'booked';
  return (
    <PublicFrame title={live ? t('result.title') : t('result.cancelledTitle')}>
      {live && (
        <Card style={{ textAlign: 'center', marginBottom: 16 }}>
          <img
            src={`/api/public/venue-bookings/${booking.code}/qr`}
            alt={t('result.qrAlt')}
            data-testid="booking-qr"
            style={{ width: 220, height: 220 }}
          />
          <Typography.Title level={3} copyable style={{ letterSpacing: 3, margin: '8px 0 0' }} data-testid="booking-code">
            {booking.code}
          </Typography.Title>
          <Typography.Text type="secondary">{t('result.showAtGate')}</Typography.Text>
        </Card>
      )}
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('result.venue')}>{booking.venueName}</Descriptions.Item>
        <Descriptions.Item label={t('book.day')}>
          {dayLabel(booking.day, i18n.language)}
          {booking.slotLabel ? ` · ${booking.slotLabel}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('result.status')}>
          <StatusTag value={booking.status} map={bookingStatusStyles} />
        </Descriptions.Item>
        <Descriptions.Item label={t('book.phone')}>{booking.phoneMasked}</Descriptions.Item>
      </Descriptions>
      <List
        header={t('result.visitors', { count: booking.partySize })}
        bordered
        size="small"
        dataSource={booking.visitors}
        renderItem={(v) => (
          <List.Item extra={<StatusTag value={v.checkinStatus} map={checkinStatusStyles} />}>
            {v.nameMasked} · {t(`idType.${v.idType}`)} {v.idMasked}
          </List.Item>
        )}
        style={{ marginBottom: 16 }}
      />
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      {live && (
        <Popconfirm
          title={t('result.cancelConfirm')}
          onConfirm={() => void cancel()}
          okText={t('result.cancelYes')}
          cancelText={t('result.cancelNo')}
        >
          <Button danger block>
            {t('result.cancel')}
          </Button>
        </Popconfirm>
      )}
    </PublicFrame>
  );
}
