import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { ComplaintAction, ComplaintDetail, TicketCategory } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { RecordFiles } from '../../components/RecordFiles';
import { applyFieldErrors } from '../../components/form-errors';
import { complaintStatusStyles } from './labels';

function ActionModal({
  complaint,
  action,
  onClose,
}: {
  complaint: ComplaintDetail;
  action: ComplaintAction;
  onClose: () => void;
}) {
  const { t } = useTranslation('complaints');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const cats = useQuery({
    queryKey: ['/api/tickets/categories'],
    enabled: action === 'handle',
    queryFn: () => api.get<TicketCategory[]>('/api/tickets/categories'),
  });
  const run = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post(`/api/complaints/${complaint.id}/${action}`, v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [`/api/complaints/${complaint.id}`] });
      void qc.invalidateQueries({ queryKey: ['/api/complaints'] });
      onClose();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const field = action === 'reply' ? 'reply' : 'note';
  return (
    <Modal
      open
      title={t(`action.${action}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okText={t('common:action.confirm')}
      cancelText={t('common:action.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
        <Form.Item
          name={field}
          label={t(action === 'reply' ? 'field.reply' : 'field.note')}
          rules={[{ required: true, message: t('common:validation.required') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        {action === 'handle' && (
          <Form.Item name="ticketCategoryId" label={t('form.ticket')} extra={t('form.ticketHint')}>
            <Select
              allowClear
              loading={cats.isLoading}
              options={(cats.data ?? []).map((c) => ({
                value: c.id,
                label: t(`tickets:category.${c.code}`, { defaultValue: c.name }),
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** One complaint: what, where, who (unless anonymous), the verification and the reply. */
export function ComplaintDetailPage() {
  const { t } = useTranslation('complaints');
  const { id } = useParams();
  const [action, setAction] = useState<ComplaintAction | null>(null);
  const q = useQuery({ queryKey: [`/api/complaints/${id}`], queryFn: () => api.get<ComplaintDetail>(`/api/complaints/${id}`) });
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const actions = (['verify', 'substantiate', 'dismiss', 'handle', 'reply'] as const).filter((a) => c.abilities?.[a]);
  return (
    <PageContainer
      title={
        <Space wrap>
          {c.receiptNo}
          <StatusTag value={c.status} map={complaintStatusStyles} />
          {c.overdue && <Tag color="red">{t('field.overdue')}</Tag>}
          {c.escalationLevel && <Tag color="volcano">{t(`tickets:level.${c.escalationLevel}`)}</Tag>}
        </Space>
      }
      extra={actions.map((a) => (
        <Button
          key={a}
          type={a === 'dismiss' ? 'default' : 'primary'}
          onClick={() => setAction(a)}
          data-testid={`complaint-${a}`}
        >
          {t(`action.${a}`)}
        </Button>
      ))}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('field.channel')}>{t(`channel.${c.channel}`)}</Descriptions.Item>
              <Descriptions.Item label={t('field.where')}>
                {c.entityId ? (
                  <Link to={`/registry/entities/${c.entityId}`}>{c.entityName}</Link>
                ) : (
                  [c.entityName, c.address, c.regionName].filter(Boolean).join(' · ')
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.occurredOn')}>{c.occurredOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('field.complainant')}>
                {c.anonymous ? t('field.anonymous') : [c.contactName, c.phoneMasked].filter(Boolean).join(' ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.deadline')}>{dayjs(c.deadline).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
              {c.ticketId && (
                <Descriptions.Item label={t('form.ticket')}>
                  <Link to={`/tickets/${c.ticketId}`}>#{c.ticketId}</Link>
                </Descriptions.Item>
              )}
            </Descriptions>
            {/* plain text: the public's words are never rendered as HTML */}
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{c.content}</Typography.Paragraph>
            {c.reply && (
              <Card size="small" type="inner" title={t('field.reply')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.reply}</Typography.Paragraph>
              </Card>
            )}
          </Card>
          <Card size="small" title={t('common:files.title')} style={{ marginTop: 16 }}>
            <RecordFiles base={`/api/complaints/${c.id}`} files={c.attachments} canUpload onUploaded={() => void q.refetch()} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('detail.history')}>
            <Timeline
              items={c.events.map((e) => ({
                children: (
                  <>
                    <b>{t(`event.${e.action}`, { defaultValue: e.action })}</b>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {e.actorName ?? t('detail.public')}
                      </Typography.Text>
                    </div>
                    {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {action && <ActionModal complaint={c} action={action} onClose={() => setAction(null)} />}
    </PageContainer>
  );
}
