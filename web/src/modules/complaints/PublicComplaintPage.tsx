import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Result, Select, Typography, type UploadFile } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { COMPLAINT_CONTENT_MAX, recordFileLimits, type ComplaintReceipt } from '@fugong/contract';
import { api } from '../../app/api';
import { applyFieldErrors } from '../../components/form-errors';
import { PhotoPicker, sendFiles } from '../../components/RecordFiles';
import { PublicShell } from './PublicShell';

type Region = { code: string; name: string };

/** 投诉举报: no account needed; answers with a receipt number and a query code. */
export function PublicComplaintPage() {
  const { t } = useTranslation('complaints');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [district, setDistrict] = useState<string | undefined>();
  const [receipt, setReceipt] = useState<ComplaintReceipt | null>(null);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [photoErrors, setPhotoErrors] = useState<string[]>([]);
  const mb = recordFileLimits.maxBytes / 1024 / 1024;
  const anonymous = Form.useWatch('anonymous', form) as boolean | undefined;
  const districts = useQuery({
    queryKey: ['public-regions'],
    queryFn: () => api.get<Region[]>('/api/public/complaints/regions'),
  });
  const towns = useQuery({
    queryKey: ['public-regions', district],
    enabled: !!district,
    queryFn: () => api.get<Region[]>('/api/public/complaints/regions', { parent: district }),
  });
  const submit = useMutation({
    mutationFn: async (v: Record<string, unknown>) => {
      const r = await api.post<ComplaintReceipt>('/api/public/complaints', {
        ...v,
        regionCode: v.town ?? v.district,
        occurredOn: v.occurredOn ? (v.occurredOn as Dayjs).format('YYYY-MM-DD') : null,
        anonymous: !!v.anonymous,
        town: undefined,
        district: undefined,
      });
      // photos follow the complaint, proven by its receipt; one that fails does not undo the complaint
      const { errors } = await sendFiles('/api/public/complaints/attachments', photos, {
        receiptNo: r.receiptNo,
        secret: r.queryCode,
      });
      setPhotoErrors(errors);
      return r;
    },
    onSuccess: (r) => setReceipt(r),
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const required = [{ required: true, message: t('common:validation.required') }];

  if (receipt) {
    return (
      <PublicShell title={t('public.title')}>
        <Result
          status="success"
          title={t('public.received')}
          subTitle={t('public.deadline', { date: new Date(receipt.deadline).toLocaleDateString() })}
          extra={
            <Card size="small" style={{ textAlign: 'left' }} data-testid="complaint-receipt">
              <Typography.Paragraph>
                {t('field.receiptNo')}:{' '}
                <Typography.Text strong copyable data-testid="receipt-no">
                  {receipt.receiptNo}
                </Typography.Text>
              </Typography.Paragraph>
              <Typography.Paragraph>
                {t('public.queryCode')}:{' '}
                <Typography.Text strong copyable data-testid="query-code">
                  {receipt.queryCode}
                </Typography.Text>
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t('public.keepCode')}</Typography.Paragraph>
              {photos.length > 0 && photoErrors.length === 0 && (
                <Typography.Paragraph data-testid="photos-sent">
                  {t('public.photosSent', { n: photos.length })}
                </Typography.Paragraph>
              )}
              {photoErrors.map((e) => (
                <Alert key={e} type="warning" showIcon message={e} style={{ marginBottom: 8 }} />
              ))}
              <Link to={`/p/complaint/status?no=${receipt.receiptNo}`}>{t('public.checkStatus')}</Link>
            </Card>
          }
        />
      </PublicShell>
    );
  }
  return (
    <PublicShell title={t('public.title')}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('public.intro')} />
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} initialValues={{ anonymous: false }}>
        <Form.Item name="district" label={t('public.district')} rules={required}>
          <Select
            loading={districts.isLoading}
            options={(districts.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
            onChange={(v: string) => {
              setDistrict(v);
              form.setFieldValue('town', undefined);
            }}
          />
        </Form.Item>
        <Form.Item name="town" label={t('public.town')}>
          <Select
            allowClear
            disabled={!district}
            loading={towns.isLoading}
            showSearch
            optionFilterProp="label"
            options={(towns.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
          />
        </Form.Item>
        <Form.Item name="entityName" label={t('field.entityName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t('field.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('field.occurredOn')}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name="content" label={t('field.content')} rules={required}>
          <Input.TextArea rows={5} maxLength={COMPLAINT_CONTENT_MAX} showCount placeholder={t('public.contentHint')} />
        </Form.Item>
        <Form.Item label={t('public.photos')} extra={t('public.photosHint', { n: recordFileLimits.publicPhotos, mb })}>
          <PhotoPicker value={photos} onChange={setPhotos} max={recordFileLimits.publicPhotos} addLabel={t('public.addPhoto')} />
        </Form.Item>
        <Form.Item name="anonymous" valuePropName="checked">
          <Checkbox>{t('field.anonymous')}</Checkbox>
        </Form.Item>
        {!anonymous && (
          <>
            <Form.Item name="contactName" label={t('field.contactName')}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="phone" label={t('field.phone')} rules={required}>
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
          </>
        )}
        {/* honeypot: hidden from people, filled by robots */}
        <Form.Item
          name="website"
          style={{ position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' }}
          aria-hidden
        >
          <Input tabIndex={-1} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending} data-testid="complaint-submit">
          {t('public.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/p/complaint/status">{t('public.checkStatus')}</Link>
      </div>
    </PublicShell>
  );
}
