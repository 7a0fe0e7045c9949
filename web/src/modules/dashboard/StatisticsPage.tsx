import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, DatePicker, Flex, Table, Tabs, type TableColumnsType } from 'antd';
import { DesktopOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MetricRow } from '@fugong/contract';
import { PageContainer } from '../../components/PageContainer';
import { RegionPicker } from '../../components/RegionPicker';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { LatestReportsLink } from './LatestReportsLink';
import { MetricLabel } from './MetricLabel';
import { pct, useSummary } from './queries';
import { useLiveDashboard } from './use-live-dashboard';

/** 复工复产统计: every rate for a region subtree and a day, by category, sector, industry and child region. */
export function StatisticsPage() {
  const { t } = useTranslation('dashboard');
  const [search, setSearch] = useSearchParams();
  const params = { regionCode: search.get('regionCode') ?? undefined, date: search.get('date') ?? undefined };
  const summary = useSummary(params);
  useLiveDashboard();
  const set = (k: string, v: string | null) => {
    const s = new URLSearchParams(search);
    if (v) s.set(k, v);
    else s.delete(k);
    setSearch(s, { replace: true });
  };
  const columns = (kind: 'category' | 'sector' | 'name'): TableColumnsType<MetricRow & { name?: string }> => [
    {
      title: t('table.item'),
      key: 'key',
      render: (_, r) => (kind === 'name' ? (r.name ?? r.key) : <MetricLabel kind={kind} k={r.key} />),
    },
    { title: t('table.total'), dataIndex: 'total', align: 'right' },
    { title: t('table.resumed'), dataIndex: 'resumed', align: 'right' },
    { title: <MetricLabel kind="rate" k="resumptionRate" />, dataIndex: 'resumptionRate', align: 'right', render: pct },
    { title: <MetricLabel kind="rate" k="capacityRate" />, dataIndex: 'capacityRate', align: 'right', render: pct },
    { title: <MetricLabel kind="rate" k="attendanceRate" />, dataIndex: 'attendanceRate', align: 'right', render: pct },
    { title: t('table.staffOnDuty'), dataIndex: 'staffOnDuty', align: 'right' },
    { title: <MetricLabel kind="rate" k="fromOtherProvinces" />, dataIndex: 'fromOtherProvinces', align: 'right' },
  ];
  const s = summary.data;
  const table = (rows: (MetricRow & { name?: string })[], kind: 'category' | 'sector' | 'name') => (
    <Table
      rowKey="key"
      size="small"
      loading={summary.isFetching}
      dataSource={rows}
      columns={columns(kind)}
      pagination={false}
      scroll={{ x: 800 }}
    />
  );
  return (
    <PageContainer
      title={t('menu.statistics')}
      extra={
        <>
          <Link to={`/dashboard/screen?${search.toString()}`}>
            <Button type="primary" icon={<DesktopOutlined />}>
              {t('screen.open')}
            </Button>
          </Link>
          <ExportButton
            url="/api/dashboard/briefing.xlsx"
            filename={`${t('briefing.file')}-${s?.date ?? ''}.xlsx`}
            query={params}
          />
          <Link to={`/dashboard/briefing?${search.toString()}`}>
            <Button icon={<PrinterOutlined />}>{t('briefing.print')}</Button>
          </Link>
        </>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <RegionPicker
          value={params.regionCode ?? null}
          onChange={(c) => set('regionCode', c)}
          placeholder={t('screen.region')}
          style={{ width: 240 }}
        />
        <DatePicker
          value={params.date ? dayjs(params.date) : null}
          onChange={(d) => set('date', d ? d.format('YYYY-MM-DD') : null)}
          placeholder={t('screen.today')}
        />
      </Flex>
      {s && s.latestReportDate !== s.date && s.latestReportDate && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={<LatestReportsLink summary={s} onPick={(d) => set('date', d)} />}
        />
      )}
      {summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Card size="small" title={s ? `${s.regionName} · ${s.date}` : ' '}>
          <Tabs
            items={[
              { key: 'categories', label: t('tabs.categories'), children: table(s?.categories ?? [], 'category') },
              { key: 'sectors', label: t('tabs.sectors'), children: table(s?.sectors ?? [], 'sector') },
              { key: 'industries', label: t('tabs.industries'), children: table(s?.industries ?? [], 'name') },
              { key: 'children', label: t('tabs.children'), children: table(s?.children ?? [], 'name') },
            ]}
          />
        </Card>
      )}
    </PageContainer>
  );
}
