import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Radio, Switch, Tag, Button, Flex } from 'antd';
import dayjs from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReviewDue, ReviewInput } from '@fugong/contract';
import { api, ApiError } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { applyFieldErrors } from '../../components/form-errors';
import { ServerTable } from '../../components/ServerTable';
import { PageContainer } from '../../components/PageContainer';
import { useServerTable } from '../../components/useServerTable';

/** 五日一复核: the reviews due in my area (or, for town staff, the overdue ones) and the review form. */
export function ReviewsPage() {
  const { t } = useTranslation('reports');
  const perms = usePermissions();
  const canReview = perms.has('reports.review');
  const { query, filters, setFilters, tableProps } = useServerTable<ReviewDue, 'overdueOnly'>('/api/reports/reviews/due', [
    'overdueOnly',
  ]);
  const [target, setTarget] = useState<ReviewDue | null>(null);
  return (
    <PageContainer title={t('reviews.title')}>
      <Flex gap={8} style={{ marginBottom: 12 }} align="center">
        <Switch checked={filters.overdueOnly === 'true'} onChange={(v) => setFilters({ overdueOnly: v ? 'true' : undefined })} />{' '}
        {t('reviews.overdueOnly')}
      </Flex>
      <ServerTable<ReviewDue>
        query={query}
        rowKey="entityId"
        size="small"
        {...tableProps}
        scroll={{ x: 700 }}
        locale={{ emptyText: t('reviews.none') }}
        columns={[
          { title: t('col.name'), dataIndex: 'name' },
          { title: t('col.region'), dataIndex: 'regionName' },
          { title: t('reviews.last'), dataIndex: 'lastReviewedOn', render: (v: string | null) => v ?? t('col.never') },
          {
            title: t('reviews.due'),
            dataIndex: 'dueOn',
            render: (v: string, r) =>
              r.overdueDays > 0 ? <Tag color="red">{t('reviews.overdue', { date: v, days: r.overdueDays })}</Tag> : v,
          },
          ...(canReview
            ? [
                {
                  title: '',
                  key: 'a',
                  render: (_: unknown, r: ReviewDue) => (
                    <Button size="small" onClick={() => setTarget(r)}>
                      {t('reviews.record')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ReviewModal target={target} onClose={() => setTarget(null)} onDone={() => void query.refetch()} />
    </PageContainer>
  );
}

function ReviewModal({ target, onClose, onDone }: { target: ReviewDue | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<ReviewInput, 'reviewedOn' | 'entityId'> & { reviewedOn: dayjs.Dayjs }>();
  const save = useMutation({
    mutationFn: (v: ReviewInput) => api.post('/api/reports/reviews', v),
    onSuccess: () => {
      message.success(t('reviews.saved'));
      form.resetFields();
      onClose();
      onDone();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e instanceof ApiError ? e.message : String(e));
    },
  });
  return (
    <Modal
      open={!!target}
      title={t('reviews.formTitle', { name: target?.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ method: 'onsite', preventionOk: true, reviewedOn: dayjs() }}
        onFinish={(v) => save.mutate({ ...v, entityId: target!.entityId, reviewedOn: v.reviewedOn.format('YYYY-MM-DD') })}
      >
        <Form.Item name="method" label={t('reviews.method')}>
          <Radio.Group
            options={[
              { value: 'onsite', label: t('reviews.onsite') },
              { value: 'phone', label: t('reviews.phone') },
            ]}
          />
        </Form.Item>
        <Form.Item name="reviewedOn" label={t('reviews.date')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="preventionOk" label={t('reviews.preventionOk')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="findings" label={t('reviews.findings')} rules={[{ required: true, message: t('mine.required') }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
