import type { CategoryKeyColumns } from '../../db/category-key';

/**
 * The day's report sums per local day, leaf region and category attributes (the report's
 * snapshot of them): what the dashboard reads instead of one row per entity. Written in the
 * same transaction as each report (the difference between the replaced and the new report);
 * a missing industry or size class is stored as ''.
 */
export interface DailyReportRollupTable extends CategoryKeyColumns {
  reportDate: string;
  reporting: number;
  registeredStaff: number;
  staffOnDuty: number;
  fromOtherProvinces: number;
  /** Σ capacity (tenths of a percent) × registered staff */
  capacityWeighted: number;
  abnormalTemperature: number;
  suspectedCases: number;
  /** reports with fever or a suspected case */
  abnormalEntities: number;
}

export interface ReportRollupTables {
  dailyReportRollup: DailyReportRollupTable;
}
