import { Link } from 'react-router';
import { Flex, Input, Select, Statistic, Tag, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { projectLevels, projectPhases, projectStatuses, type KeyProject, type ProjectStats } from '@fugong/contract';
import { api } from '../../app/api';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { ServerTable } from '../../components/ServerTable';
import { useServerTable } from '../../components/useServerTable';
import { statusColor, yuanText } from './labels';

type FilterKey = 'q' | 'level' | 'phase' | 'status';

/** 重点项目: every key project of the caller's area, filtered, with the resumption figures on top. */
export function ProjectsPage() {
  const { t } = useTranslation('projects');
  const { query, filters, setFilters, tableProps } = useServerTable<KeyProject, FilterKey>('/api/projects', [
    'q',
    'level',
    'phase',
    'status',
  ]);
  const stats = useQuery({ queryKey: ['/api/projects/stats'], queryFn: () => api.get<ProjectStats>('/api/projects/stats') });
  const continuing = stats.data?.byPhase.find((p) => p.phase === 'continuing');
  const columns: TableColumnsType<KeyProject> = [
    { title: t('field.name'), dataIndex: 'name', render: (n: string, r) => <Link to={`/projects/${r.id}`}>{n}</Link> },
    { title: t('field.level'), dataIndex: 'level', width: 90, render: (v: string) => t(`level.${v}`) },
    { title: t('field.phase'), dataIndex: 'phase', width: 90, render: (v: string) => t(`phase.${v}`) },
    { title: t('field.region'), dataIndex: 'regionName', width: 140 },
    { title: t('field.investment'), dataIndex: 'investmentFen', width: 140, align: 'right', render: (v: number) => yuanText(v) },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 100,
      render: (v: KeyProject['status']) => <Tag color={statusColor[v]}>{t(`status.${v}`)}</Tag>,
    },
    { title: t('field.workers'), dataIndex: 'workersOnSite', width: 90, align: 'right' },
  ];
  const select = (key: 'level' | 'phase' | 'status', values: readonly string[]) => (
    <Select
      allowClear
      aria-label={t(`field.${key}`)}
      placeholder={t(`field.${key}`)}
      style={{ minWidth: 130 }}
      value={filters[key]}
      onChange={(v?: string) => setFilters({ ...filters, [key]: v ?? '' })}
      options={values.map((v) => ({ value: v, label: t(`${key}.${v}`) }))}
    />
  );
  return (
    <PageContainer
      title={t('menu.projects')}
      extra={<ExportButton url="/api/projects/export" filename={t('export.projects')} query={filters} />}
    >
      {stats.data && (
        <Flex gap={32} wrap style={{ marginBottom: 16 }} data-testid="projects-stats">
          <Statistic title={t('stats.total')} value={stats.data.total.total} />
          <Statistic
            title={t('stats.continuingResumed')}
            value={`${continuing?.resumed ?? 0} / ${continuing?.total ?? 0}`}
            suffix={`(${continuing?.rate ?? 0} %)`}
          />
          <Statistic title={t('stats.workers')} value={stats.data.workersOnSite} />
          <Statistic title={t('stats.pendingDocuments')} value={stats.data.approvals.pendingDocuments} />
          <Statistic title={t('stats.overdue')} value={stats.data.approvals.overdue} />
        </Flex>
      )}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('list.search')}
          placeholder={t('list.search')}
          defaultValue={filters.q}
          onSearch={(v) => setFilters({ ...filters, q: v })}
          style={{ maxWidth: 260 }}
        />
        {select('level', projectLevels)}
        {select('phase', projectPhases)}
        {select('status', projectStatuses)}
      </Flex>
      <ServerTable<KeyProject>
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        scroll={{ x: 900 }}
        {...tableProps}
        locale={{ emptyText: t('list.empty') }}
      />
    </PageContainer>
  );
}
