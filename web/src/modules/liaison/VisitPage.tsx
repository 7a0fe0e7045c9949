import { useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Image,
  Input,
  InputNumber,
  Radio,
  Result,
  Select,
  Space,
  type UploadFile,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { recordFileLimits, visitModes, type RecordFile, type TicketCategory, type Visit } from '@fugong/contract';
import { api } from '../../app/api';
import { PageContainer } from '../../components/PageContainer';
import { applyFieldErrors } from '../../components/form-errors';
import { PhotoPicker, sendFiles } from '../../components/RecordFiles';

/** 走访 on a phone: how, which policies were delivered, and each problem becomes a ticket. */
export function VisitPage() {
  const { t } = useTranslation('liaison');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [done, setDone] = useState<Visit | null>(null);
  // 走访照片: kept on the phone until the visit is saved, then sent one by one
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [sent, setSent] = useState<{ files: RecordFile[]; errors: string[] }>({ files: [], errors: [] });
  const cats = useQuery({
    queryKey: ['/api/tickets/categories'],
    queryFn: () => api.get<TicketCategory[]>('/api/tickets/categories'),
  });
  const save = useMutation({
    mutationFn: async (v: Record<string, unknown>) => {
      const visit = await api.post<Visit>('/api/liaison/visits', {
        ...v,
        visitDate: (v.visitDate as Dayjs).format('YYYY-MM-DD'),
      });
      const result = await sendFiles(`/api/liaison/visits/${visit.id}/attachments`, photos);
      setSent(result);
      return visit;
    },
    onSuccess: setDone,
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const required = [{ required: true, message: t('common:validation.required') }];
  if (done) {
    return (
      <Result
        status="success"
        title={t('visit.saved')}
        subTitle={t('visit.tickets', { count: done.ticketIds.length })}
        extra={
          <Space direction="vertical">
            {done.ticketIds.map((id) => (
              <Link key={id} to={`/tickets/${id}`} data-testid="visit-ticket">
                {t('visit.ticket', { id })}
              </Link>
            ))}
            {sent.files.length > 0 && (
              <Image.PreviewGroup>
                <Space wrap data-testid="visit-photos">
                  {sent.files.map((f) => (
                    <Image
                      key={f.id}
                      src={`/api/liaison/visits/${done.id}/attachments/${f.id}`}
                      alt={f.fileName}
                      width={72}
                      height={72}
                      style={{ objectFit: 'cover' }}
                    />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
            {sent.errors.map((e) => (
              <Alert key={e} type="warning" showIcon message={e} />
            ))}
            <Button
              onClick={() => {
                setDone(null);
                setPhotos([]);
                setSent({ files: [], errors: [] });
                form.resetFields();
              }}
            >
              {t('visit.another')}
            </Button>
          </Space>
        }
      />
    );
  }
  return (
    <PageContainer title={t('menu.visit')}>
      <Card style={{ maxWidth: 560 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v)}
          initialValues={{ visitDate: dayjs(), mode: 'onsite', policies: [], problems: [] }}
        >
          <Form.Item name="entityId" label={t('visit.entityId')} rules={required}>
            <InputNumber min={1} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="visitDate" label={t('visit.date')} rules={required}>
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
          <Form.Item name="mode" label={t('visit.mode')}>
            <Radio.Group optionType="button" options={visitModes.map((m) => ({ value: m, label: t(`mode.${m}`) }))} />
          </Form.Item>
          <Form.Item name="policies" label={t('visit.policies')}>
            <Select
              mode="tags"
              options={['暖企7条', '惠企21条', '社保减免', '房租减免', '贷款展期'].map((p) => ({ value: p, label: p }))}
            />
          </Form.Item>
          <Form.Item name="notes" label={t('visit.notes')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item
            label={t('visit.photos')}
            extra={t('visit.photosHint', { n: recordFileLimits.visitPhotos, mb: recordFileLimits.maxBytes / 1024 / 1024 })}
          >
            <PhotoPicker value={photos} onChange={setPhotos} max={recordFileLimits.visitPhotos} addLabel={t('visit.addPhoto')} />
          </Form.Item>
          <Form.List name="problems">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Card
                    key={f.key}
                    size="small"
                    style={{ marginBottom: 8 }}
                    extra={<MinusCircleOutlined onClick={() => remove(f.name)} />}
                    title={t('visit.problem')}
                  >
                    <Form.Item name={[f.name, 'categoryId']} label={t('visit.category')} rules={required}>
                      <Select
                        options={(cats.data ?? []).map((c) => ({
                          value: c.id,
                          label: t(`tickets:category.${c.code}`, { defaultValue: c.name }),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} label={t('visit.problemTitle')} rules={required}>
                      <Input maxLength={120} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'description']} label={t('visit.problemDescription')} rules={required}>
                      <Input.TextArea rows={2} maxLength={2000} />
                    </Form.Item>
                  </Card>
                ))}
                <Button
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add()}
                  style={{ marginBottom: 16 }}
                  data-testid="visit-add-problem"
                >
                  {t('visit.addProblem')}
                </Button>
              </>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" block size="large" loading={save.isPending} data-testid="visit-submit">
            {t('visit.submit')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
