import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '@fugong/contract';

/**
 * On a day nobody reported, a link to the last day that has reports (the summary names it); `fallback`
 * otherwise, since `latestReportDate` equals the day whenever it has reports.
 */
export function LatestReportsLink({
  summary,
  onPick,
  fallback = null,
}: {
  summary: DashboardSummary;
  onPick: (date: string) => void;
  fallback?: ReactNode;
}) {
  const { t } = useTranslation('dashboard');
  const latest = summary.latestReportDate;
  if (!latest || latest === summary.date) return <>{fallback}</>;
  return (
    <a onClick={() => onPick(latest)} data-testid="latest-report-date">
      {t('screen.latestReports', { date: latest })}
    </a>
  );
}
