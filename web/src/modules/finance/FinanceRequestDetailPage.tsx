import { useState } from 'react';
import { useParams } from 'react-router';
import { App, Button, Card, Descriptions, Empty, Select, Space, Spin, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { FinancingDetail, Institution, Page } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { StatusTag } from '../../components/StatusTag';
import { AnswerPanel } from './AnswerPanel';
import { answerStatusStyles, requestStatusStyles } from './labels';
import { yuan } from './money';

function RouteBox({ d, onDone }: { d: FinancingDetail; onDone: (x: FinancingDetail) => void }) {
  const { t } = useTranslation('finance');
  const { message } = App.useApp();
  const [ids, setIds] = useState<number[]>([]);
  const insts = useQuery({
    queryKey: ['/api/finance/institutions', 'for', d.entityId],
    queryFn: () => api.get<Page<Institution>>('/api/finance/institutions', { entityId: d.entityId, pageSize: 100 }),
  });
  const route = useMutation({
    mutationFn: () => api.post<FinancingDetail>(`/api/finance/requests/${d.id}/route`, { institutionIds: ids }),
    onSuccess: onDone,
    onError: (e) => message.error(e instanceof Error ? e.message : String(e)),
  });
  return (
    <Space wrap>
      <Select
        mode="multiple"
        aria-label={t('field.institutions')}
        placeholder={t('field.institutions')}
        style={{ minWidth: 260 }}
        value={ids}
        onChange={setIds}
        options={(insts.data?.items ?? [])
          .filter((i) => !d.institutionIds.includes(i.id))
          .map((i) => ({ value: i.id, label: i.name }))}
      />
      <Button type="primary" disabled={ids.length === 0} loading={route.isPending} onClick={() => route.mutate()}>
        {t('act.route')}
      </Button>
    </Space>
  );
}

/** One request: the enterprise's facts, every answer it may see, the caller's moves. */
export function FinanceRequestDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation('finance');
  const qc = useQueryClient();
  const key = ['/api/finance/requests', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<FinancingDetail>(`/api/finance/requests/${id}`) });
  const set = (d: FinancingDetail) => qc.setQueryData(key, d);
  const confirm = useMutation({
    mutationFn: () => api.post<FinancingDetail>(`/api/finance/requests/${id}/confirm`),
    onSuccess: set,
  });
  if (q.isLoading) return <Spin style={{ margin: 48 }} />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <PageContainer
      title={`${t('detail.title')} ${d.no}`}
      extra={
        d.abilities.confirm && (
          <Button type="primary" loading={confirm.isPending} onClick={() => confirm.mutate()} data-testid="finance-confirm">
            {t('act.confirm')}
          </Button>
        )
      }
    >
      <Card style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('field.entity')}>
            {d.entityName} {d.whitelisted && <Tag color="gold">{t('field.whitelisted')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.amountYuan')}>{yuan(d.amountFen)}</Descriptions.Item>
          <Descriptions.Item label={t('field.status')}>
            <StatusTag value={d.status} map={requestStatusStyles} />
          </Descriptions.Item>
          <Descriptions.Item label={t('field.purpose')}>
            {t(`purpose.${d.purpose}`)} {d.purposeNote}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.termMonths')}>{d.termMonths}</Descriptions.Item>
          <Descriptions.Item label={t('field.collateral')}>{t(`collateral.${d.collateral}`)}</Descriptions.Item>
          <Descriptions.Item label={t('field.urgency')}>{t(`urgency.${d.urgency}`)}</Descriptions.Item>
          <Descriptions.Item label={t('field.contactName')}>
            {d.contactName} {d.contactPhone}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.firstAnswerDue')}>
            {dayjs(d.firstAnswerDue).format('YYYY-MM-DD HH:mm')}
            {d.escalationLevel && (
              <Tag color="red" style={{ marginLeft: 4 }}>
                {t(`escalation.${d.escalationLevel}`)}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.approvedYuan')}>{yuan(d.approvedFen)}</Descriptions.Item>
          <Descriptions.Item label={t('field.disbursedYuan')}>
            <span data-testid="finance-disbursed">{yuan(d.disbursedFen)}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {d.abilities.route && (
        <Card size="small" title={t('detail.route')} style={{ marginBottom: 12 }}>
          <RouteBox d={d} onDone={set} />
        </Card>
      )}
      <Typography.Title level={5}>{t('field.answers')}</Typography.Title>
      {d.answers.length === 0 && <Empty description={t('list.unrouted')} />}
      {d.answers.map((a) => (
        <Card
          key={a.id}
          size="small"
          style={{ marginBottom: 8 }}
          title={a.institutionName}
          extra={<StatusTag value={a.status} map={answerStatusStyles} testId={`answer-${a.institutionId}`} />}
        >
          <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
            {a.approvedFen !== null && (
              <Descriptions.Item label={t('field.approvedYuan')}>{yuan(a.approvedFen)}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('field.disbursedYuan')}>{yuan(a.disbursedFen)}</Descriptions.Item>
            {a.declineReason && <Descriptions.Item label={t('field.declineReason')}>{a.declineReason}</Descriptions.Item>}
            {a.note && <Descriptions.Item label={t('field.note')}>{a.note}</Descriptions.Item>}
          </Descriptions>
          {a.disbursements.map((x) => (
            <div key={x.id}>
              {x.disbursedOn} · {yuan(x.amountFen)}{' '}
              {x.hoursFromAccount !== null && `· ${t('detail.hours', { n: x.hoursFromAccount })}`}{' '}
              {x.confirmedAt ? <Tag color="green">{t('detail.confirmed')}</Tag> : <Tag>{t('detail.unconfirmed')}</Tag>}
            </div>
          ))}
          <div style={{ marginTop: 8 }}>
            <AnswerPanel answer={a} onDone={set} />
          </div>
        </Card>
      ))}
    </PageContainer>
  );
}
