import { useParams } from 'react-router';
import { Card, Descriptions, List, Spin, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { KeyProjectDetail } from '@fugong/contract';
import { api } from '../../app/api';
import { ErrorState } from '../../components/ErrorState';
import { PageContainer } from '../../components/PageContainer';
import { statusColor, yuanText } from './labels';

/** A key project: its facts, its plan 一项一策, its status history and its approvals with documents to follow. */
export function ProjectPage() {
  const { t } = useTranslation('projects');
  const { id } = useParams();
  const q = useQuery({ queryKey: [`/api/projects/${id}`], queryFn: () => api.get<KeyProjectDetail>(`/api/projects/${id}`) });
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  return (
    <PageContainer title={p.name}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('field.entity')}>{p.entityName}</Descriptions.Item>
        <Descriptions.Item label={t('field.level')}>{t(`level.${p.level}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.phase')}>{t(`phase.${p.phase}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.region')}>{p.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('field.investment')}>{yuanText(p.investmentFen)}</Descriptions.Item>
        <Descriptions.Item label={t('field.status')}>
          <Tag color={statusColor[p.status]} data-testid="project-status">
            {t(`status.${p.status}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('field.workers')}>{p.workersOnSite}</Descriptions.Item>
        <Descriptions.Item label={t('field.department')}>
          {p.leadDepartment ? t(`department.${p.leadDepartment}`) : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('plan.title', { version: p.planVersion })} style={{ marginBottom: 16 }}>
        {p.plan ? (
          <>
            <Typography.Title level={5}>{t('plan.prevention')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.plan.preventionPlan}</Typography.Paragraph>
            <Typography.Title level={5}>{t('plan.emergency')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.plan.emergencyPlan}</Typography.Paragraph>
            {p.plan.measures && (
              <>
                <Typography.Title level={5}>{t('plan.measures')}</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.plan.measures}</Typography.Paragraph>
              </>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">{t('plan.none')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('approvals.title')} style={{ marginBottom: 16 }}>
        <List
          locale={{ emptyText: t('approvals.empty') }}
          dataSource={p.approvals}
          renderItem={(a) => (
            <List.Item>
              <div>
                <Typography.Text strong>{a.kind}</Typography.Text> · {a.decidedOn} ·{' '}
                <Tag color={a.overdue ? 'red' : a.status === 'approved' ? 'green' : 'gold'}>
                  {t(`approvalStatus.${a.status}`)}
                  {a.overdue ? ` · ${t('approvals.overdue')}` : ''}
                </Tag>
                {a.letterInsteadOfCertificate && <Tag>{t('approvals.letter')}</Tag>}
                {a.documents.map((d) => (
                  <div key={d.id} style={{ color: d.overdue ? '#cf1322' : undefined }}>
                    {d.name} — {t('approvals.due', { date: d.dueOn })}
                    {d.receivedOn ? ` ✓ ${d.receivedOn}` : ''}
                  </div>
                ))}
              </div>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('history.title')}>
        <Timeline
          items={p.history.map((h) => ({
            children: `${h.changedAt.slice(0, 10)} ${t(`status.${h.to}`)} ${h.reason} — ${h.changedBy}`,
          }))}
        />
      </Card>
    </PageContainer>
  );
}
