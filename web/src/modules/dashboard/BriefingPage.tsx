import { Link, useSearchParams } from 'react-router';
import { Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { ExportButton } from '../../components/ExportButton';
import { pct, useSummary } from './queries';
import './briefing.css';

const LEAD = [
  'industrial',
  'industrialAboveScale',
  'commerce',
  'commerceAboveQuota',
  'servicesAboveScale',
  'smallMicro',
  'individual',
  'agriculture',
  'keyProject',
];

/** 新闻发布会口径的日报: a print-ready page that reads like the figures district leaders quote. */
export function BriefingPage() {
  const { t } = useTranslation('dashboard');
  const [search] = useSearchParams();
  const params = { regionCode: search.get('regionCode') ?? undefined, date: search.get('date') ?? undefined };
  const summary = useSummary(params);
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  if (!s) return <Spin />;
  const row = (k: string) => s.categories.find((r) => r.key === k)!;
  const overall = row('overall');
  return (
    <div className="fg-briefing">
      <div className="fg-briefing-tools">
        <Button type="primary" onClick={() => window.print()}>
          {t('briefing.print')}
        </Button>
        <ExportButton url="/api/dashboard/briefing.xlsx" filename={`${t('briefing.file')}-${s.date}.xlsx`} query={params} />
        <Link to={`/dashboard/statistics?${search.toString()}`}>{t('screen.exit')}</Link>
      </div>
      <article>
        <h1>{t('briefing.title', { region: s.regionName })}</h1>
        <p className="fg-briefing-date">{t('briefing.asOf', { date: s.date })}</p>
        <p>
          {t('briefing.overall', {
            resumed: overall.resumed.toLocaleString(),
            total: overall.total.toLocaleString(),
            rate: pct(overall.resumptionRate),
          })}
          {overall.reporting > 0 &&
            t('briefing.staff', {
              onDuty: overall.staffOnDuty.toLocaleString(),
              other: overall.fromOtherProvinces.toLocaleString(),
              capacity: pct(overall.capacityRate),
              attendance: pct(overall.attendanceRate),
            })}
        </p>
        <ul>
          {LEAD.map((k) => row(k))
            .filter((r) => r.total > 0)
            .map((r) => (
              <li key={r.key}>
                {t('briefing.line', {
                  name: t(`category.${r.key}`),
                  total: r.total.toLocaleString(),
                  resumed: r.resumed.toLocaleString(),
                  rate: pct(r.resumptionRate),
                })}
                {r.reporting > 0 && t('briefing.lineRates', { capacity: pct(r.capacityRate), attendance: pct(r.attendanceRate) })}
              </li>
            ))}
        </ul>
        <p>
          {t('briefing.sectors', { list: s.sectors.map((r) => `${t(`sector.${r.key}`)} ${pct(r.resumptionRate)}`).join('，') })}
        </p>
        {s.alerts.entities > 0 ? (
          <p>
            {t('briefing.alerts', {
              count: s.alerts.entities,
              fever: s.alerts.abnormalTemperature,
              suspected: s.alerts.suspectedCases,
            })}
          </p>
        ) : (
          <p>{t('briefing.noAlerts')}</p>
        )}
        <h2>{t('briefing.ranking')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('table.item')}</th>
              <th>{t('table.total')}</th>
              <th>{t('table.resumed')}</th>
              <th>{t('rate.resumptionRate')}</th>
            </tr>
          </thead>
          <tbody>
            {s.children.map((c) => (
              <tr key={c.key}>
                <td>{c.name}</td>
                <td>{c.total.toLocaleString()}</td>
                <td>{c.resumed.toLocaleString()}</td>
                <td>{pct(c.resumptionRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="fg-briefing-note">{t('briefing.note')}</p>
      </article>
    </div>
  );
}
