import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { FilingDetail, FilingRevision, StaffMember, Page } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { applyFieldErrors } from '../../components/form-errors';
import { filingKey, filingRouteStyles, filingStatusStyles } from './labels';
import { FilingContent } from './FilingContent';
import { StatusNotice } from './StatusNotice';

type Dialog =
  | { kind: 'decision'; action: 'request_changes' | 'reject' }
  | { kind: 'onsite'; passed: boolean }
  | { kind: 'suspend' | 'reopen' }
  | null;

/** One dialog for every decision that needs words: reasons, on-site notes. */
function ReasonDialog({ filing, dialog, onClose }: { filing: FilingDetail; dialog: Dialog; onClose: () => void }) {
  const { t } = useTranslation('filings');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Record<string, string>>();
  // the server names on-site notes `notes` and decision reasons `reason`; the field follows so its errors land here
  const field = dialog?.kind === 'onsite' ? 'notes' : 'reason';
  const send = useMutation({
    mutationFn: (text: string) => {
      if (!dialog) throw new Error('no dialog');
      if (dialog.kind === 'decision')
        return api.post(`/api/filings/${filing.id}/decision`, { action: dialog.action, reason: text });
      if (dialog.kind === 'onsite') return api.post(`/api/filings/${filing.id}/onsite`, { passed: dialog.passed, notes: text });
      return api.post(`/api/filings/${filing.id}/${dialog.kind}`, { reason: text });
    },
    onSuccess: async () => {
      message.success(t('decision.done'));
      await qc.invalidateQueries({ queryKey: ['filings'] });
      onClose();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(e.message);
    },
  });
  if (!dialog) return null;
  const title =
    dialog.kind === 'decision'
      ? t(`decision.${dialog.action}`)
      : dialog.kind === 'onsite'
        ? t(dialog.passed ? 'decision.onsitePass' : 'decision.onsiteFail')
        : t(`decision.${dialog.kind}`);
  const optional = dialog.kind === 'onsite' && dialog.passed;
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:action.confirm')}
      cancelText={t('common:action.cancel')}
      confirmLoading={send.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => send.mutate(v[field] ?? '')}>
        <Form.Item
          name={field}
          label={dialog.kind === 'onsite' ? t('decision.notes') : t('decision.reason')}
          rules={
            optional
              ? [{ max: 1000 }]
              : [{ required: true, whitespace: true, min: 2, message: t('decision.reasonRequired') }, { max: 1000 }]
          }
        >
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Decisions({ filing }: { filing: FilingDetail }) {
  const { t } = useTranslation('filings');
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const act = useMutation({
    mutationFn: (action: 'approve' | 'start_review') => api.post(`/api/filings/${filing.id}/decision`, { action }),
    onSuccess: async () => {
      message.success(t('decision.done'));
      await qc.invalidateQueries({ queryKey: ['filings'] });
    },
    onError: (e) => message.error(e.message),
  });
  const a = filing.abilities;
  const canStart = a.review && (filing.status === 'submitted' || filing.status === 'resubmitted');
  return (
    <>
      {canStart && <Button onClick={() => act.mutate('start_review')}>{t('decision.start_review')}</Button>}
      {a.review && (
        <Button danger onClick={() => setDialog({ kind: 'decision', action: 'reject' })}>
          {t('decision.reject')}
        </Button>
      )}
      {a.review && (
        <Button onClick={() => setDialog({ kind: 'decision', action: 'request_changes' })}>
          {t('decision.request_changes')}
        </Button>
      )}
      {a.review && (
        <Button
          type="primary"
          loading={act.isPending}
          onClick={() =>
            modal.confirm({
              title: t('decision.confirmApprove', { name: filing.entityName }),
              onOk: () => act.mutateAsync('approve'),
              okText: t('common:action.confirm'),
              cancelText: t('common:action.cancel'),
            })
          }
        >
          {t('decision.approve')}
        </Button>
      )}
      {a.onsite && (
        <Button danger onClick={() => setDialog({ kind: 'onsite', passed: false })}>
          {t('decision.onsiteFail')}
        </Button>
      )}
      {a.onsite && (
        <Button type="primary" onClick={() => setDialog({ kind: 'onsite', passed: true })}>
          {t('decision.onsitePass')}
        </Button>
      )}
      {a.suspend && (
        <Button danger onClick={() => setDialog({ kind: 'suspend' })}>
          {t('decision.suspend')}
        </Button>
      )}
      {a.reopen && (
        <Button type="primary" onClick={() => setDialog({ kind: 'reopen' })}>
          {t('decision.reopen')}
        </Button>
      )}
      {a.edit && (
        <Link to={`/filings/${filing.id}/edit`}>
          <Button type="primary">{filing.status === 'changes_requested' ? t('mine.editResubmit') : t('mine.continue')}</Button>
        </Link>
      )}
      <ReasonDialog filing={filing} dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}

/** Each submitted version as it was submitted; the working copy when none is picked. */
function Versions({ filing }: { filing: FilingDetail }) {
  const { t } = useTranslation('filings');
  const [rev, setRev] = useState<number | 'current'>('current');
  const version = useQuery({
    queryKey: ['filings', 'revision', filing.id, rev],
    queryFn: () => api.get<FilingRevision>(`/api/filings/${filing.id}/revisions/${rev}`),
    enabled: rev !== 'current',
  });
  const options = [
    { value: 'current' as const, label: t('detail.currentVersion') },
    ...filing.revisions.map((r) => ({
      value: r.revision,
      label: t('detail.version', { n: r.revision, at: dayjs(r.submittedAt).format('YYYY-MM-DD HH:mm') }),
    })),
  ];
  return (
    <Card
      size="small"
      title={t('detail.content')}
      extra={
        <Select
          size="small"
          value={rev}
          onChange={setRev}
          options={options}
          style={{ minWidth: 200 }}
          aria-label={t('detail.pickVersion')}
        />
      }
    >
      {rev === 'current' ? (
        <FilingContent data={filing.data as never} checklist={filing.checklist} attachments={filing.attachments} />
      ) : version.isPending ? (
        <Skeleton active />
      ) : version.isError ? (
        <ErrorState error={version.error} onRetry={() => void version.refetch()} />
      ) : (
        <FilingContent data={version.data.data} checklist={filing.checklist} attachments={filing.attachments} />
      )}
    </Card>
  );
}

function StaffReadiness({ filing }: { filing: FilingDetail }) {
  const { t } = useTranslation('filings');
  const staff = useQuery({
    queryKey: ['filings', 'staff', filing.entityId],
    queryFn: () => api.get<Page<StaffMember>>('/api/filings/staff', { entityId: filing.entityId, pageSize: 100 }),
  });
  return (
    <Card
      size="small"
      title={t('detail.staffReadiness', { passed: filing.staffReadiness.passed, total: filing.staffReadiness.total })}
    >
      {staff.isError ? (
        <ErrorState error={staff.error} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={staff.isPending}
          pagination={false}
          dataSource={staff.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('staff.none')} /> }}
          columns={[
            { title: t('staff.name'), dataIndex: 'name' },
            { title: t('staff.idNumber'), dataIndex: 'idMasked' },
            {
              title: t('staff.result'),
              dataIndex: 'passed',
              render: (p: boolean, s) =>
                p ? <Tag color="success">{t('staff.passed', { score: s.bestScore })}</Tag> : <Tag>{t('staff.notPassed')}</Tag>,
            },
          ]}
        />
      )}
    </Card>
  );
}

/** A filing for whoever may see it: content by version, history, commitments, and the decisions the user may take. */
export function FilingDetailPage() {
  const { t } = useTranslation('filings');
  const { id } = useParams();
  const q = useQuery({ queryKey: filingKey(Number(id)), queryFn: () => api.get<FilingDetail>(`/api/filings/${id}`) });
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const f = q.data;
  return (
    <PageContainer
      title={
        <Space wrap>
          {f.entityName}
          <span data-testid="filing-status">
            <StatusTag value={f.status} map={filingStatusStyles} />
          </span>
        </Space>
      }
      extra={<Decisions filing={f} />}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <StatusNotice filing={f} />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card size="small" title={t('detail.summary')}>
                <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                  <Descriptions.Item label={t('field.entity')}>
                    <Link to={`/registry/entities/${f.entityId}`}>{f.entityName}</Link>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.route')}>
                    <StatusTag value={f.route} map={filingRouteStyles} />
                    {f.batchNo ? t('field.batchNo', { no: f.batchNo }) : null}
                    {f.whitelisted && <Tag color="gold">{t('field.whitelisted')}</Tag>}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.department')}>
                    {f.department ? t(`common:department.${f.department}`) : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.configVersion')}>v{f.configVersion}</Descriptions.Item>
                  <Descriptions.Item label={t('field.submittedAt')}>
                    {f.submittedAt ? dayjs(f.submittedAt).format('YYYY-MM-DD HH:mm') : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.decidedAt')}>
                    {f.decidedAt ? dayjs(f.decidedAt).format('YYYY-MM-DD HH:mm') : '—'}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
              <Versions filing={f} />
              <StaffReadiness filing={f} />
            </Space>
          </Col>
          <Col xs={24} lg={8}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card size="small" title={t('detail.history')}>
                <Timeline
                  items={[...f.events].reverse().map((e) => ({
                    key: e.id,
                    color:
                      e.toStatus === 'approved'
                        ? 'green'
                        : e.toStatus === 'rejected' || e.toStatus === 'suspended'
                          ? 'red'
                          : e.toStatus === 'changes_requested'
                            ? 'orange'
                            : 'blue',
                    children: (
                      <div data-testid="history-item">
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {e.actorName ?? t('detail.system')}
                        </Typography.Text>
                        <div>{t(`action.${e.action}`)}</div>
                        {e.reason && <Typography.Text type="secondary">{e.reason}</Typography.Text>}
                      </div>
                    ),
                  }))}
                />
              </Card>
              <Card size="small" title={t('detail.commitments')}>
                {f.commitments.length === 0 ? (
                  <Empty description={t('detail.noCommitment')} />
                ) : (
                  f.commitments.map((c) => (
                    <Descriptions key={c.id} size="small" column={1} bordered style={{ marginBottom: 8 }}>
                      <Descriptions.Item label={t('detail.version', { n: c.revision, at: '' })}>
                        {c.intact ? (
                          <Tag color="success">{t('detail.intact')}</Tag>
                        ) : (
                          <Tag color="error">{t('detail.tampered')}</Tag>
                        )}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('detail.signer')}>{c.signerName}</Descriptions.Item>
                      <Descriptions.Item label={t('detail.signedAt')}>
                        {dayjs(c.signedAt).format('YYYY-MM-DD HH:mm:ss')}
                      </Descriptions.Item>
                      <Descriptions.Item label="IP">{c.ip ?? '—'}</Descriptions.Item>
                      <Descriptions.Item label="SHA-256">
                        <Typography.Text code style={{ fontSize: 11, wordBreak: 'break-all' }}>
                          {c.hash}
                        </Typography.Text>
                      </Descriptions.Item>
                    </Descriptions>
                  ))
                )}
              </Card>
            </Space>
          </Col>
        </Row>
      </Space>
    </PageContainer>
  );
}
