import type { Core } from './core';
import { createRegionsService } from './modules/regions/regions.service';
import { createUsersService } from './modules/users/users.service';
import { createAuditService } from './modules/audit/audit.service';
import { createRegistryService } from './modules/registry/registry.service';
import { createTicketsService } from './modules/tickets/tickets.service';
import { createReportProblemsService } from './modules/reports/report-problems.service';
import { createNotifier } from './platform/notify';
import { createComplaintsService } from './modules/complaints/complaints.service';
import { createLiaisonService } from './modules/liaison/liaison.service';
import { createVisitPhotosService } from './modules/liaison/visit-photos.service';
import { createVisitLogService } from './modules/liaison/visit-log.service';
import { createEnforcementService } from './modules/enforcement/enforcement.service';
import { createFilingsService } from './modules/filings/filings.service';
import { createRegistryStatsService } from './modules/registry/registry-stats.service';
import { createDailyReportService } from './modules/reports/daily-report.service';
import { createReviewService } from './modules/reports/review.service';
import { inAppReminders } from './modules/reports/reminder-channel';
import { createDashboardService } from './modules/dashboard/dashboard.service';
import { createVenuesService } from './modules/venues/venues.service';
import { createPeopleService } from './modules/people/people.service';
import { createSelfService } from './modules/people/self-service.service';
import { createCheckpointsService } from './modules/passes/checkpoints.service';
import { createPassesService } from './modules/passes/passes.service';
import { createIsolationService } from './modules/isolation/isolation.service';
import { createSealedBuildingsService } from './modules/isolation/sealed-buildings.service';
import { createScreeningService } from './modules/isolation/screening.service';

/**
 * Every module's service, built once from the core. A module reaches another only through
 * the service named here, never its repository or tables.
 */
export function buildServices(core: Core) {
  const { db, dialect, clock, audit, pii, sessions, events, jobs, config } = core;
  const regions = createRegionsService({ db, dialect });
  const users = createUsersService({
    db,
    dialect,
    clock,
    audit,
    pii,
    sessions,
    regions,
    lockout: { maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes },
  });
  const auditLog = createAuditService({ db });
  const registry = createRegistryService({ db, dialect, clock, audit, events, pii, regions });
  const filings = createFilingsService({
    db,
    dialect,
    clock,
    audit,
    events,
    jobs,
    pii,
    regions,
    registry,
    dataDir: config.dataDir,
  });
  const notifications = createNotifier({ clock });
  const registryStats = createRegistryStatsService({ db, audit });
  const dailyReports = createDailyReportService({
    db,
    clock,
    audit,
    events,
    notifier: notifications,
    regions,
    registry,
    registryStats,
    reminderChannels: [inAppReminders(notifications)],
  });
  const reviews = createReviewService({ db, clock, audit, events, regions, registry, registryStats });
  const dashboard = createDashboardService({ clock, regions, registryStats, dailyReports });
  const venues = createVenuesService({ db, dialect, clock, audit, events, pii, regions, notifier: notifications });
  const tickets = createTicketsService({
    db,
    clock,
    audit,
    events,
    notifier: notifications,
    regions,
    registry,
    dataDir: config.dataDir,
  });
  const reportProblems = createReportProblemsService({ db, clock, audit, regions, tickets });
  const people = createPeopleService({ db, dialect, clock, audit, pii, regions, employers: registry });
  const checkpoints = createCheckpointsService({ db, clock, audit, regions });
  const passes = createPassesService({ db, clock, audit, events, regions, people, checkpoints });
  const isolation = createIsolationService({
    db,
    dialect,
    clock,
    audit,
    events,
    pii,
    regions,
    people,
    passes,
    notifier: notifications,
    retentionDays: config.healthRetentionDays,
  });
  const sealedBuildings = createSealedBuildingsService({ db, clock, audit, events, regions });
  const screening = createScreeningService({ db, clock, audit, regions });
  const selfService = createSelfService({ db, audit, regions, people, passes, isolation });
  jobs.register({
    name: 'isolation.missed-checkins',
    everyMs: 3600_000,
    run: async () => `alerted ${await isolation.alertMissedCheckins()}`,
  });
  jobs.register({
    name: 'isolation.retention',
    everyMs: 6 * 3600_000,
    run: async () => JSON.stringify(await isolation.purgeExpiredHealthData()),
  });
  jobs.register({ name: 'tickets.escalate', everyMs: 5 * 60_000, run: async () => JSON.stringify(await tickets.escalateDue()) });
  const complaints = createComplaintsService({
    db,
    clock,
    audit,
    events,
    pii,
    notifier: notifications,
    regions,
    registry,
    tickets,
    dataDir: config.dataDir,
  });
  jobs.register({
    name: 'complaints.escalate',
    everyMs: 5 * 60_000,
    run: async () => `escalated ${await complaints.escalateDue()}`,
  });
  const liaison = createLiaisonService({ db, clock, audit, events, regions, registry, tickets });
  const visitPhotos = createVisitPhotosService({ db, clock, audit, dataDir: config.dataDir });
  const visitLog = createVisitLogService({ db, audit, regions, tickets });
  const enforcement = createEnforcementService({ db, clock, audit, events, regions, registry, filings, complaints });
  void events;
  void jobs;
  return {
    core,
    sessions,
    regions,
    users,
    auditLog,
    registry,
    registryStats,
    dailyReports,
    reviews,
    reportProblems,
    dashboard,
    filings,
    venues,
    notifications,
    tickets,
    complaints,
    liaison,
    visitPhotos,
    visitLog,
    enforcement,
    people,
    checkpoints,
    passes,
    isolation,
    sealedBuildings,
    screening,
    selfService,
  };
}
export type Services = ReturnType<typeof buildServices>;
