import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Rate,
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
import { departments, escalationLevels, type TicketDetail } from '@fugong/contract';
import { api } from '../../app/api';
import { usePermissions } from '../../app/auth';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { RecordFiles } from '../../components/RecordFiles';
import { applyFieldErrors } from '../../components/form-errors';
import { escalationStyles, ticketStatusStyles } from './labels';
import { SupplyDemandLink } from '../supplies/index';

type Action =
  'assign' | 'reassign' | 'accept' | 'handle' | 'confirm' | 'reopen' | 'close' | 'merge' | 'whistle' | 'acknowledge' | 'comments';

/** Which inputs each action asks for; the server checks everything again. */
const fieldsOf: Record<
  Action,
  ('department' | 'deadline' | 'note' | 'noteRequired' | 'result' | 'satisfaction' | 'intoId' | 'level')[]
> = {
  assign: ['department', 'deadline', 'note'],
  reassign: ['department', 'deadline', 'note'],
  accept: ['note'],
  handle: ['result'],
  confirm: ['satisfaction', 'note'],
  reopen: ['noteRequired'],
  close: ['noteRequired'],
  merge: ['intoId', 'note'],
  whistle: ['level', 'noteRequired'],
  acknowledge: ['note'],
  comments: ['noteRequired'],
};

function ActionModal({ ticket, action, onClose }: { ticket: TicketDetail; action: Action; onClose: () => void }) {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const fields = fieldsOf[action];
  const run = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const body: Record<string, unknown> = { ...v };
      if (v.deadline) body.deadline = (v.deadline as dayjs.Dayjs).toISOString();
      else delete body.deadline;
      return api.post(`/api/tickets/${ticket.id}/${action}`, body);
    },
    onSuccess: () => {
      message.success(t('action.done'));
      void qc.invalidateQueries({ queryKey: [`/api/tickets/${ticket.id}`] });
      void qc.invalidateQueries({ queryKey: ['/api/tickets'] });
      onClose();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  const required = [{ required: true, message: t('common:validation.required') }];
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
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => run.mutate(v)}
        initialValues={{ department: ticket.department ?? undefined, satisfaction: 5 }}
      >
        {fields.includes('department') && (
          <Form.Item name="department" label={t('field.department')} rules={required}>
            <Select options={departments.map((d) => ({ value: d, label: t(`common:department.${d}`) }))} />
          </Form.Item>
        )}
        {fields.includes('deadline') && (
          <Form.Item name="deadline" label={t('field.deadline')} extra={t('form.deadlineDefault')}>
            <DatePicker showTime format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        )}
        {fields.includes('result') && (
          <Form.Item name="result" label={t('field.result')} rules={required}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        )}
        {fields.includes('satisfaction') && (
          <Form.Item name="satisfaction" label={t('field.satisfaction')} rules={required}>
            <Rate />
          </Form.Item>
        )}
        {fields.includes('intoId') && (
          <Form.Item name="intoId" label={t('form.intoId')} rules={required}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {fields.includes('level') && (
          <Form.Item name="level" label={t('field.escalation')} extra={t('form.levelDefault')}>
            <Select allowClear options={escalationLevels.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
          </Form.Item>
        )}
        {(fields.includes('note') || fields.includes('noteRequired')) && (
          <Form.Item name="note" label={t('field.note')} rules={fields.includes('noteRequired') ? required : []}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** One ticket: facts, the buttons its abilities allow, and the timeline of every step. */
export function TicketDetailPage() {
  const { t } = useTranslation('tickets');
  const { id } = useParams();
  const [action, setAction] = useState<Action | null>(null);
  const perms = usePermissions();
  const q = useQuery({ queryKey: [`/api/tickets/${id}`], queryFn: () => api.get<TicketDetail>(`/api/tickets/${id}`) });
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const tk = q.data;
  const a = tk.abilities;
  // a ticket turned from a daily report points back to it (source reference report:<id>)
  const sourceReport =
    perms.has('reports.read') && tk.source === 'daily_report' && tk.sourceRef?.startsWith('report:')
      ? tk.sourceRef.slice('report:'.length)
      : null;
  const buttons: { key: Action; show: boolean; primary?: boolean; danger?: boolean }[] = [
    { key: 'assign', show: !!a?.assign, primary: true },
    { key: 'accept', show: !!a?.accept, primary: true },
    { key: 'handle', show: !!a?.handle, primary: true },
    { key: 'confirm', show: !!a?.confirm, primary: true },
    { key: 'reopen', show: !!a?.reopen },
    { key: 'reassign', show: !!a?.reassign },
    { key: 'whistle', show: !!a?.whistle, danger: true },
    { key: 'acknowledge', show: !!a?.acknowledge, primary: true },
    { key: 'merge', show: !!a?.merge },
    { key: 'close', show: !!a?.close },
    { key: 'comments', show: !!a?.comment },
  ];
  return (
    <PageContainer
      title={
        <Space wrap>
          <span>{tk.title}</span>
          <StatusTag value={tk.status} map={ticketStatusStyles} />
          {tk.escalationLevel && <StatusTag value={tk.escalationLevel} map={escalationStyles} />}
          {tk.overdue && <Tag color="red">{t('field.overdue')}</Tag>}
        </Space>
      }
      extra={buttons
        .filter((b) => b.show)
        .map((b) => (
          <Button
            key={b.key}
            type={b.primary ? 'primary' : 'default'}
            danger={b.danger}
            onClick={() => setAction(b.key)}
            data-testid={`ticket-${b.key}`}
          >
            {t(`action.${b.key}`)}
          </Button>
        ))}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('field.no')}>{tk.no}</Descriptions.Item>
              <Descriptions.Item label={t('field.source')}>
                {t(`source.${tk.source}`)}
                {sourceReport && (
                  <>
                    {' · '}
                    <Link to={`/reports/problems?reportId=${sourceReport}`} data-testid="ticket-source-report">
                      {t('detail.sourceReport')}
                    </Link>
                  </>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.category')}>
                {t(`category.${tk.categoryCode}`, { defaultValue: tk.categoryName })}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.entity')}>
                {tk.entityId ? (
                  <>
                    <Link to={`/registry/entities/${tk.entityId}`}>{tk.entityName}</Link>
                    {tk.categoryCode === 'supplies' && <SupplyDemandLink entityId={tk.entityId} />}
                  </>
                ) : (
                  (tk.address ?? tk.regionName)
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.department')}>
                {tk.department ? t(`common:department.${tk.department}`) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.deadline')}>
                {tk.deadline ? dayjs(tk.deadline).format('YYYY-MM-DD HH:mm') : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.reporter')}>{tk.reporterName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('field.createdAt')}>{dayjs(tk.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
              {tk.satisfaction != null && (
                <Descriptions.Item label={t('field.satisfaction')}>
                  <Rate disabled value={tk.satisfaction} />
                </Descriptions.Item>
              )}
              {tk.reopenCount > 0 && <Descriptions.Item label={t('field.reopenCount')}>{tk.reopenCount}</Descriptions.Item>}
              {tk.mergedInto && (
                <Descriptions.Item label={t('status.merged')}>
                  <Link to={`/tickets/${tk.mergedInto}`}>#{tk.mergedInto}</Link>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{tk.description}</Typography.Paragraph>
            {tk.result && (
              <Card size="small" type="inner" title={t('field.result')} data-testid="ticket-result">
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{tk.result}</Typography.Paragraph>
              </Card>
            )}
          </Card>
          <Card size="small" title={t('common:files.title')} style={{ marginTop: 16 }}>
            <RecordFiles
              base={`/api/tickets/${tk.id}`}
              files={tk.attachments}
              canUpload={!!a?.comment}
              onUploaded={() => void q.refetch()}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('detail.timeline')} data-testid="ticket-timeline">
            <Timeline
              items={tk.events.map((e) => ({
                color: e.action === 'escalate' || e.action === 'whistle' ? 'red' : e.toStatus === 'closed' ? 'green' : 'blue',
                children: (
                  <>
                    <div>
                      <b>{t(`event.${e.action}`, { defaultValue: e.action })}</b>
                      {(e.action === 'escalate' || e.action === 'whistle') && e.detail?.level
                        ? ` · ${t(`level.${String(e.detail.level)}`)}`
                        : ''}
                      {e.detail?.department ? ` · ${t(`common:department.${String(e.detail.department)}`)}` : ''}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {e.actorName ?? t('detail.system')}
                    </Typography.Text>
                    {e.action === 'attach' && e.detail?.fileName ? <div>{String(e.detail.fileName)}</div> : null}
                    {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {action && <ActionModal ticket={tk} action={action} onClose={() => setAction(null)} />}
    </PageContainer>
  );
}
