import { reportsPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import { inAppReminders } from './reminder-channel';
import type { ReportsOwnTables } from './reports.tables';
import * as m0300 from '../../db/migrations/0300_reports';
import * as m0310 from '../../db/migrations/0310_report_problems';
import * as m0320 from '../../db/migrations/0320_report_rollup';
import * as m0321 from '../../db/migrations/0321_report_rollup';
import * as m0322 from '../../db/migrations/0322_report_rollup_collation';
import { createDailyReportService, type DailyReportService } from './daily-report.service';
import { createReviewService, type ReviewService } from './review.service';
import { createReportProblemsService, type ReportProblemsService } from './report-problems.service';
import { reportsRoutes } from './reports.routes';
import { createReportFactsService } from './report-facts.service';
import { reportsMessages } from './reports.messages';

declare module '../../platform/module' {
  interface ServiceMap {
    dailyReports: DailyReportService;
    reviews: ReviewService;
    reportProblems: ReportProblemsService;
  }
}

export const reportsModule = defineModule<ReportsOwnTables>()({
  name: 'reports',
  tables: [
    'dailyReport',
    'dailyReportVersion',
    'reportAlert',
    'reportReminder',
    'entityReview',
    'reportProblemTicket',
    'dailyReportRollup',
  ],
  migrations: {
    '0300_reports': m0300,
    '0310_report_problems': m0310,
    '0320_report_rollup': m0320,
    '0321_report_rollup': m0321,
    '0322_report_rollup_collation': m0322,
  },
  needs: ['regions', 'registry', 'registryStats', 'tickets'],
  provides: ['dailyReports', 'reviews', 'reportProblems', 'reportFacts'],
  createServices({ core, db }, d) {
    const dailyReports = createDailyReportService({
      db,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      notifier: core.notifier,
      regions: d.regions,
      registry: d.registry,
      registryStats: d.registryStats,
      reminderChannels: [inAppReminders(core.notifier)],
    });
    const reviews = createReviewService({
      db,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      regions: d.regions,
      registry: d.registry,
      registryStats: d.registryStats,
    });
    const reportProblems = createReportProblemsService({
      db,
      clock: core.clock,
      audit: core.audit,
      regions: d.regions,
      tickets: d.tickets,
    });
    return { dailyReports, reviews, reportProblems, reportFacts: createReportFactsService({ db }) };
  },
  routes: reportsRoutes,
  messages: [reportsMessages],
  permissions: Object.keys(reportsPermissions) as (keyof typeof reportsPermissions)[],
  events: { 'reports.*': ['reports.read', 'reports.submit'] },
});
