import type { DashboardQuery, DashboardSummary, MetricRow, Trend } from '@fugong/contract';
import type { Clock } from '../../platform/clock';
import { addDays, localDate } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryStatsService } from '../registry/registry.service';
import { rootFor } from '../../platform/scope';
import type { DailyReportService } from '../reports/reports.service';
import { categoryRows, groupedRows, percent } from './metrics';

interface Deps {
  clock: Clock;
  regions: RegionsService;
  registryStats: RegistryStatsService;
  dailyReports: DailyReportService;
}

/** The last instant of a local (UTC+8) business day, as the UTC ISO text timestamps are stored in. */
export function endOfLocalDay(date: string): string {
  return `${date}T15:59:59.999Z`;
}

/** Length of the code of a child region below a path: districts 6, towns and communities 12, grids 15; null below a grid. */
export function childCodeLength(path: string): number | null {
  const depth = path.split('/').filter(Boolean).length;
  return depth === 0 ? 6 : depth <= 2 ? 12 : depth === 3 ? 15 : null;
}

export function createDashboardService({ clock, regions, registryStats, dailyReports }: Deps) {
  const today = () => localDate(clock.now());

  return {
    /** Every figure of the day for a region subtree: categories, sectors, industries, child regions, alerts. */
    async summary(ctx: RequestContext, q: DashboardQuery): Promise<DashboardSummary> {
      const started = performance.now();
      const { root } = await rootFor((code) => regions.resolve(code), ctx, 'dashboard.read', q.regionCode);
      const date = q.date ?? today();
      const childLen = childCodeLength(root.path);
      const [facts, sums] = await Promise.all([
        registryStats.resumptionFacts(root.path, date, childLen),
        dailyReports.sums(root.path, date, childLen),
      ]);
      const childCode = (c: string | null | undefined) => (c ? c.split('/').filter(Boolean).pop()! : null);
      const childRows = groupedRows(facts, sums, (a) => childCode(a.child));
      // a day without reports (early morning, or a date before reporting began) points at the last day with some
      const latestReportDate = sums.some((x) => x.reporting > 0) ? date : await dailyReports.latestReportDate(root.path, date);
      const names = await regions.namesOf(childRows.map((r) => r.key));
      const children = childRows
        .map((r) => ({ ...r, name: names.get(r.key) ?? r.key }))
        .sort((a, b) => (b.resumptionRate ?? -1) - (a.resumptionRate ?? -1) || b.total - a.total);
      return {
        regionCode: root.code,
        regionName: root.name,
        date,
        categories: categoryRows(facts, sums),
        sectors: groupedRows(facts, sums, (a) => a.sector),
        industries: groupedRows(facts, sums, (a) => a.industry),
        children,
        alerts: {
          abnormalTemperature: sums.reduce((n, s) => n + s.abnormalTemperature, 0),
          suspectedCases: sums.reduce((n, s) => n + s.suspectedCases, 0),
          entities: sums.reduce((n, s) => n + s.abnormalEntities, 0),
        },
        latestReportDate,
        computedMs: Math.round((performance.now() - started) * 10) / 10,
      };
    },

    /** Day by day up to the date: resumption rate, and capacity and attendance from the reports. */
    async trend(ctx: RequestContext, q: DashboardQuery & { days: number }): Promise<Trend> {
      const { root } = await rootFor((code) => regions.resolve(code), ctx, 'dashboard.read', q.regionCode);
      const to = q.date ?? today();
      const from = addDays(to, -(q.days - 1));
      const dates = Array.from({ length: q.days }, (_, i) => addDays(from, i));
      const [totals, reports] = await Promise.all([
        registryStats.resumptionTotalsByDay(root.path, from, to),
        dailyReports.dailyTotals(root.path, from, to),
      ]);
      return {
        regionCode: root.code,
        points: dates.map((date) => {
          const r = reports.get(date);
          const c = totals.get(date) ?? { total: 0, resumed: 0 };
          return {
            date,
            resumed: c.resumed,
            resumptionRate: percent(c.resumed, c.total),
            capacityRate: r && r.registeredStaff ? Math.round(r.capacityWeighted / r.registeredStaff) / 10 : null,
            attendanceRate: r ? percent(r.staffOnDuty, r.registeredStaff) : null,
          };
        }),
      };
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
export type { MetricRow };
