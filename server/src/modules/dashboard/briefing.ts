import type { DashboardSummary, Locale, MetricRow } from '@fugong/contract';
import { toXlsx } from '../../platform/excel';
import { t } from '../../platform/i18n/index';

/** The day's figures as one workbook sheet: categories, sectors, industries, then child regions. */
export function briefingXlsx(s: DashboardSummary, locale: Locale): Promise<Buffer> {
  const L = (k: string) => t(locale, `dashboard.briefing.${k}`);
  type Line = MetricRow & { group: string; name: string };
  const lines: Line[] = [
    ...s.categories.map((r) => ({ ...r, group: L('groups.category'), name: t(locale, `dashboard.category.${r.key}`) })),
    ...s.sectors.map((r) => ({ ...r, group: L('groups.sector'), name: t(locale, `dashboard.sector.${r.key}`) })),
    ...s.industries.map((r) => ({ ...r, group: L('groups.industry'), name: r.key })),
    ...s.children.map((r) => ({ ...r, group: L('groups.region'), name: r.name })),
  ];
  return toXlsx(
    `${L('sheet')} ${s.date}`,
    [
      { header: L('group'), value: (r: Line) => r.group, width: 10 },
      { header: L('name'), value: (r) => r.name, width: 28 },
      { header: L('total'), value: (r) => r.total, width: 10 },
      { header: L('resumed'), value: (r) => r.resumed, width: 10 },
      { header: L('resumptionRate'), value: (r) => r.resumptionRate, width: 10 },
      { header: L('capacityRate'), value: (r) => r.capacityRate, width: 10 },
      { header: L('attendanceRate'), value: (r) => r.attendanceRate, width: 10 },
      { header: L('staffOnDuty'), value: (r) => r.staffOnDuty, width: 12 },
      { header: L('fromOtherProvinces'), value: (r) => r.fromOtherProvinces, width: 12 },
    ],
    lines,
  );
}
