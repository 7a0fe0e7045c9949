import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Badge, DatePicker, Empty, Spin, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MetricRow } from '@fugong/contract';
import { usePermissions } from '../../app/auth';
import { RegionPicker } from '../../components/RegionPicker';
import { ErrorState } from '../../components/ErrorState';
import { ScreenCard } from '../../components/ScreenCard';
import { useWebModules } from '../../app/modules-context';
import { EChart } from './EChart';
import { LatestReportsLink } from './LatestReportsLink';
import { MetricLabel } from './MetricLabel';
import { pct, useAlerts, useLiaisonCoverage, useSummary, useTrend } from './queries';
import { useLiveDashboard } from './use-live-dashboard';
import './dashboard-screen.css';

const TABLE_KEYS = [
  'overall',
  'industrialAboveScale',
  'commerceAboveQuota',
  'servicesAboveScale',
  'smallMicro',
  'individual',
  'industrial',
  'commerce',
  'fourAbove',
  'fourBelow',
  'agriculture',
  'keyProject',
];

/** 复工复产指挥大屏: full screen, headline rates, trend, town ranking, categories, alerts; refreshed live from the event stream. */
export function DashboardScreen() {
  const { t } = useTranslation('dashboard');
  const [search, setSearch] = useSearchParams();
  const params = { regionCode: search.get('regionCode') ?? undefined, date: search.get('date') ?? undefined };
  const perms = usePermissions();
  const modules = useWebModules();
  const summary = useSummary(params);
  const trend = useTrend(params);
  const alerts = useAlerts(params, perms.has('reports.read'));
  const coverage = useLiaisonCoverage(params, perms.has('liaison.read'));
  const live = useLiveDashboard();
  const set = (k: string, v: string | null) => {
    const s = new URLSearchParams(search);
    if (v) s.set(k, v);
    else s.delete(k);
    setSearch(s, { replace: true });
  };
  const s = summary.data;
  const cat = (k: string) => s?.categories.find((r) => r.key === k);
  const overall = cat('overall');
  const projects = cat('keyProject');

  const trendOption = useMemo(() => {
    const pts = trend.data?.points ?? [];
    return {
      textStyle: { color: '#cfe3ff' },
      tooltip: { trigger: 'axis' },
      legend: { textStyle: { color: '#cfe3ff' }, top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: pts.map((p) => p.date.slice(5)), axisLabel: { color: '#cfe3ff' } },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { color: '#cfe3ff', formatter: '{value}%' },
        splitLine: { lineStyle: { color: '#1d3a66' } },
      },
      series: [
        {
          name: t('rate.resumptionRate'),
          type: 'line',
          smooth: true,
          data: pts.map((p) => p.resumptionRate),
          itemStyle: { color: '#37d39b' },
        },
        {
          name: t('rate.capacityRate'),
          type: 'line',
          smooth: true,
          connectNulls: true,
          data: pts.map((p) => p.capacityRate),
          itemStyle: { color: '#ffc53d' },
        },
        {
          name: t('rate.attendanceRate'),
          type: 'line',
          smooth: true,
          connectNulls: true,
          data: pts.map((p) => p.attendanceRate),
          itemStyle: { color: '#4fa3ff' },
        },
      ],
    };
  }, [trend.data, t]);

  const rankOption = useMemo(() => {
    const rows = [...(s?.children ?? [])]
      .filter((c) => c.total > 0)
      .slice(0, 15)
      .reverse();
    return {
      textStyle: { color: '#cfe3ff' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 90, right: 40, top: 8, bottom: 20 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { color: '#cfe3ff', formatter: '{value}%' },
        splitLine: { lineStyle: { color: '#1d3a66' } },
      },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { color: '#cfe3ff' } },
      series: [
        {
          name: t('rate.resumptionRate'),
          type: 'bar',
          data: rows.map((r) => r.resumptionRate),
          itemStyle: { color: '#37d39b' },
          label: { show: true, position: 'right', color: '#cfe3ff', formatter: '{c}%' },
        },
      ],
    };
  }, [s, t]);

  if (summary.isError)
    return (
      <div className="fg-screen">
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      </div>
    );

  return (
    <div className="fg-screen" data-testid="dashboard-screen">
      <header className="fg-screen-head">
        <div className="fg-screen-tools">
          <RegionPicker
            value={params.regionCode ?? null}
            onChange={(c) => set('regionCode', c)}
            placeholder={t('screen.region')}
            style={{ width: 200 }}
          />
          <DatePicker
            value={params.date ? dayjs(params.date) : null}
            onChange={(d) => set('date', d ? d.format('YYYY-MM-DD') : null)}
            placeholder={t('screen.today')}
          />
        </div>
        <h1>
          {s?.regionName} {t('screen.title')} <small>{s?.date}</small>
        </h1>
        <div className="fg-screen-tools">
          <Tooltip title={t('screen.liveHint')}>
            <Badge
              status={live.connected ? 'processing' : 'default'}
              text={
                <span className="fg-live" data-testid="live-count">
                  {t('screen.live', { count: live.events })}
                </span>
              }
            />
          </Tooltip>
          <Link to={`/dashboard/briefing?${search.toString()}`}>{t('screen.briefing')}</Link>
          <Link to="/dashboard/statistics">{t('screen.exit')}</Link>
        </div>
      </header>
      {!s ? (
        <Spin size="large" style={{ display: 'block', marginTop: 120 }} />
      ) : (
        <>
          <section className="fg-screen-cards">
            <ScreenCard
              label={<MetricLabel kind="rate" k="resumptionRate" />}
              value={pct(overall?.resumptionRate)}
              sub={t('screen.resumedOf', { resumed: overall?.resumed ?? 0, total: overall?.total ?? 0 })}
              testId="headline-resumption"
            />
            <ScreenCard
              label={<MetricLabel kind="rate" k="capacityRate" />}
              value={pct(overall?.capacityRate)}
              sub={
                <LatestReportsLink
                  summary={s}
                  onPick={(d) => set('date', d)}
                  fallback={t('screen.reporting', { count: overall?.reporting ?? 0 })}
                />
              }
            />
            <ScreenCard
              label={<MetricLabel kind="rate" k="attendanceRate" />}
              value={pct(overall?.attendanceRate)}
              sub={t('screen.onDuty', { count: overall?.staffOnDuty ?? 0 })}
            />
            <ScreenCard
              label={<MetricLabel kind="rate" k="fromOtherProvinces" />}
              value={(overall?.fromOtherProvinces ?? 0).toLocaleString()}
              sub={t('screen.people')}
            />
            <ScreenCard
              label={<MetricLabel kind="category" k="keyProject" />}
              value={`${projects?.resumed ?? 0} / ${projects?.total ?? 0}`}
              sub={pct(projects?.resumptionRate)}
            />
            {coverage.data && (
              <Link to="/liaison/coverage" className="fg-screen-card-link">
                <ScreenCard
                  label={t('screen.liaisonCoverage')}
                  value={pct(coverage.data.total.rate)}
                  sub={t('screen.coveredOf', { covered: coverage.data.total.covered, total: coverage.data.total.total })}
                  testId="headline-liaison-coverage"
                />
              </Link>
            )}
            <ScreenCard
              label={t('screen.alerts')}
              value={String(s.alerts.entities)}
              sub={t('screen.alertDetail', { fever: s.alerts.abnormalTemperature, suspected: s.alerts.suspectedCases })}
              danger={s.alerts.entities > 0}
              testId="headline-alerts"
            />
            {modules.flatMap((m) =>
              (m.screenCards ?? []).map((C, i) => <C key={`${m.name}-${i}`} regionCode={params.regionCode} date={params.date} />),
            )}
          </section>
          <section className="fg-screen-grid">
            <Panel title={t('screen.trend')}>{trend.data ? <EChart option={trendOption} /> : <Spin />}</Panel>
            <Panel title={t('screen.ranking')}>{s.children.length ? <EChart option={rankOption} /> : <Empty />}</Panel>
            <Panel title={t('screen.byCategory')}>
              <CategoryTable rows={TABLE_KEYS.map((k) => cat(k)).filter((r): r is MetricRow => !!r)} />
            </Panel>
            <Panel title={t('screen.alertList')}>
              {(alerts.data ?? []).length === 0 ? (
                <div className="fg-screen-empty">{t('screen.noAlerts')}</div>
              ) : (
                <ul className="fg-screen-alerts">
                  {alerts.data!.map((a) => (
                    <li key={a.id}>
                      <b>{a.entityName}</b> {t('screen.alertLine', { fever: a.abnormalTemperature, suspected: a.suspectedCases })}{' '}
                      <small>{dayjs(a.at).format('HH:mm')}</small>
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
          </section>
        </>
      )}
    </div>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="fg-screen-panel">
      <h2>{title}</h2>
      <div className="body">{children}</div>
    </div>
  );
}

function CategoryTable({ rows }: { rows: MetricRow[] }) {
  const { t } = useTranslation('dashboard');
  return (
    <table className="fg-screen-table">
      <thead>
        <tr>
          <th>{t('table.category')}</th>
          <th>{t('table.total')}</th>
          <th>{t('table.resumed')}</th>
          <th>{t('rate.resumptionRate')}</th>
          <th>{t('rate.capacityRate')}</th>
          <th>{t('rate.attendanceRate')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid={`row-${r.key}`}>
            <td>
              <MetricLabel kind="category" k={r.key} />
            </td>
            <td>{r.total.toLocaleString()}</td>
            <td>{r.resumed.toLocaleString()}</td>
            <td>{pct(r.resumptionRate)}</td>
            <td>{pct(r.capacityRate)}</td>
            <td>{pct(r.attendanceRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
