import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Form, Input, List, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { SelfView } from '@fugong/contract';
import { PublicPage } from '../../components/PublicPage';
import { api } from '../../app/api';
import { applyFieldErrors } from '../../components/form-errors';

/** Public, phone-first: a person proves ID number + phone and sees their record, passes, isolation and who viewed them. */
export function SelfServicePage() {
  const { t } = useTranslation('people');
  const [form] = Form.useForm();
  const [view, setView] = useState<SelfView | null>(null);
  const lookup = useMutation({
    mutationFn: (v: { idNumber: string; phone: string }) => api.post<SelfView>('/api/public/people/self', v),
    onSuccess: setView,
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <PublicPage
      brand={<Typography.Text type="secondary">{t('self.brand')}</Typography.Text>}
      title={t('self.title')}
      maxWidth={480}
    >
      {!view ? (
        <Card>
          <Typography.Paragraph type="secondary">{t('self.intro')}</Typography.Paragraph>
          {lookup.isError && (
            <Alert type="error" showIcon message={(lookup.error as Error).message} style={{ marginBottom: 12 }} />
          )}
          <Form form={form} layout="vertical" onFinish={(v) => lookup.mutate(v)}>
            <Form.Item
              name="idNumber"
              label={t('field.idNumber')}
              rules={[{ required: true, message: t('common:validation.required') }]}
            >
              <Input size="large" maxLength={18} autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('field.phone')}
              rules={[{ required: true, message: t('common:validation.required') }]}
            >
              <Input size="large" maxLength={20} inputMode="tel" autoComplete="off" />
            </Form.Item>
            <Button type="primary" size="large" block htmlType="submit" loading={lookup.isPending}>
              {t('self.submit')}
            </Button>
          </Form>
        </Card>
      ) : (
        <>
          <Card size="small" title={t('self.record')} style={{ marginBottom: 12 }}>
            <div>
              {view.person.nameMasked} · {t(`category.${view.person.category}`)}
            </div>
            <div>
              <code>{view.person.idNumberMasked}</code> · {view.person.phoneMasked ?? '—'}
            </div>
            <div>{view.person.regionName}</div>
          </Card>
          <Card size="small" title={t('self.passes')} style={{ marginBottom: 12 }}>
            {view.passes.length === 0 ? (
              <Typography.Text type="secondary">{t('detail.noPasses')}</Typography.Text>
            ) : (
              view.passes.map((p) => (
                <div key={p.token} style={{ textAlign: 'center', marginBottom: 12 }}>
                  <Tag color={p.status === 'active' && !p.expired ? 'green' : 'red'} style={{ fontSize: 16, padding: 4 }}>
                    {t('self.passClass', { passClass: p.passClass })} · {t(`passes:status.${p.expired ? 'expired' : p.status}`)}
                  </Tag>
                  <div>
                    {p.validFrom} — {p.validUntil}
                  </div>
                  {p.status === 'active' && !p.expired && (
                    <img alt="QR" src={`/api/public/passes/${p.token}/qr.svg`} style={{ width: 220, height: 220 }} />
                  )}
                </div>
              ))
            )}
          </Card>
          <Card size="small" title={t('self.isolations')} style={{ marginBottom: 12 }}>
            {view.isolations.length === 0 ? (
              <Typography.Text type="secondary">{t('self.noIsolation')}</Typography.Text>
            ) : (
              view.isolations.map((i) => (
                <div key={i.startDate + i.kind}>
                  {t(`isolation:kind.${i.kind}`)} · {i.startDate} — {i.endDate} · {t(`isolation:status.${i.status}`)}
                  {i.checkinToken && (
                    <>
                      {' '}
                      <Link to={`/p/checkin/${i.checkinToken}`}>{t('self.checkin')}</Link>
                    </>
                  )}
                </div>
              ))
            )}
          </Card>
          <Card size="small" title={t('self.accessLog')}>
            <List
              size="small"
              dataSource={view.accessLog}
              locale={{ emptyText: t('detail.noAccess') }}
              renderItem={(e) => (
                <List.Item>
                  {dayjs(e.at).format('MM-DD HH:mm')} · {e.actorName} ·{' '}
                  {t(`access.action.${e.action}`, { defaultValue: e.action })}
                </List.Item>
              )}
            />
          </Card>
          <Button block style={{ marginTop: 12 }} onClick={() => setView(null)}>
            {t('self.done')}
          </Button>
        </>
      )}
    </PublicPage>
  );
}
