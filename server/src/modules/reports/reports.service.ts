// What other modules may use of reports: its services' types and the shapes they exchange. The
// services themselves come by name through the manifest's `needs` (ServiceMap).
export type { DailyReportService } from './daily-report.service';
export type { ReviewService } from './review.service';
export type { ReportProblemsService } from './report-problems.service';
export type { NewDailyReport, ReportSumRow } from './reports.repo';
