import type { ConvertProblemBody, ConvertProblemResult, Page, ReportProblem, ReportProblemsQuery } from '@fugong/contract';
import { convertProblemBodySchema } from '@fugong/contract';
import { isUniqueViolation } from '../../db/sql-helpers';
import type { Clock } from '../../platform/clock';
import { addDays, localDate } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { RequestContext } from '../../platform/context';
import type { ModuleDb } from '../../platform/module';
import { AppError } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { t } from '../../platform/i18n/index';
import { toXlsx } from '../../platform/excel';
import { requireInScope, requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import type { TicketsService } from '../tickets/tickets.service';
import type { ReportsOwnTables } from './reports.tables';
import { reportsRepo } from './reports.repo';
import { reportProblemsRepo } from './report-problems.repo';
import { rootFor } from '../../platform/scope';

interface Deps {
  db: ModuleDb<ReportsOwnTables>;
  clock: Clock;
  audit: Audit;
  regions: RegionsService;
  tickets: Pick<TicketsService, 'prepareTicket' | 'createTicket' | 'announceCreated'>;
}

/** How far back the staff list of reports with problems looks by default. */
export const PROBLEM_LIST_DAYS = 30;

/** A ticket's reference to the report it came from: one ticket per report (unique on the tickets side too). */
export const reportSourceRef = (reportId: number) => `report:${reportId}`;

const lastCode = (path: string) => path.split('/').filter(Boolean).pop() ?? '';

/**
 * 一日一报 problems → 问题单. Reports keep the link (report → ticket) in their own table, so the
 * staff list can filter converted / not converted without reaching into tickets; the ticket is
 * filed through the tickets service with source `daily_report` and `report:<id>` as its source
 * reference, and both tables refuse a second one by a unique key.
 */
export function createReportProblemsService({ db, clock, audit, regions, tickets }: Deps) {
  const canConvert = (actor: Actor, path: string) => {
    if (!actor.permissions.has('reports.convert')) return false;
    const s = scopeOf(actor, 'reports.convert');
    return s.all || s.regionPaths.some((p) => path.startsWith(p));
  };

  async function query(
    ctx: RequestContext,
    q: Omit<ReportProblemsQuery, 'page' | 'pageSize'>,
    page: { offset: number; limit: number },
  ) {
    const { actor, root } = await rootFor((code) => regions.resolve(code), ctx, 'reports.read', q.regionCode);
    const today = localDate(clock.now());
    const l = reportProblemsRepo.list(
      db,
      {
        underPath: root.path,
        from: q.from ?? addDays(today, -PROBLEM_LIST_DAYS),
        to: q.to ?? today,
        converted: q.converted,
        reportId: q.reportId,
        q: q.q,
      },
      page,
    );
    return { actor, l };
  }

  return {
    async list(ctx: RequestContext, q: ReportProblemsQuery): Promise<Page<ReportProblem>> {
      const { actor, l } = await query(ctx, q, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
      const [total, rows] = await Promise.all([l.count(), l.rows()]);
      const names = await regions.namesOf(rows.map((r) => lastCode(r.regionPath)));
      return {
        items: rows.map((r) => ({
          reportId: Number(r.id),
          entityId: Number(r.entityId),
          entityName: r.entityName,
          regionName: names.get(lastCode(r.regionPath)) ?? null,
          reportDate: r.reportDate,
          problems: r.problems,
          submittedAt: r.submittedAt,
          ticket:
            r.ticketId == null
              ? null
              : { ticketId: Number(r.ticketId), ticketNo: r.ticketNo!, convertedAt: r.convertedAt!, convertedBy: r.convertedBy },
          canConvert: r.ticketId == null && canConvert(actor, r.regionPath),
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** The filtered list as .xlsx (at most 50,000 rows). */
    async exportXlsx(ctx: RequestContext, q: Omit<ReportProblemsQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      const { l } = await query(ctx, q, { offset: 0, limit: 50_000 });
      const rows = await l.rows();
      const names = await regions.namesOf(rows.map((r) => lastCode(r.regionPath)));
      const L = (k: string) => t(ctx.locale, `reports.export.${k}`);
      await audit.record(db, ctx, {
        action: 'reports.export_problems',
        targetType: 'daily_report',
        detail: { filter: q, rows: rows.length },
      });
      return toXlsx(
        L('problemsSheet'),
        [
          { header: L('date'), value: (r: (typeof rows)[number]) => r.reportDate, width: 12 },
          { header: L('name'), value: (r) => r.entityName, width: 32 },
          { header: L('region'), value: (r) => names.get(lastCode(r.regionPath)) ?? '', width: 20 },
          { header: L('problems'), value: (r) => r.problems, width: 60 },
          { header: L('ticket'), value: (r) => r.ticketNo ?? '', width: 20 },
        ],
        rows,
      );
    },

    /**
     * 转为问题单 in one step: files the ticket and records the link in one transaction. A second
     * click (or a parallel one) runs into the unique keys and gets the first ticket back.
     */
    async convert(ctx: RequestContext, reportId: number, input: ConvertProblemBody): Promise<ConvertProblemResult> {
      const actor = requirePermission(ctx.actor, 'reports.convert');
      const body = parseInput(convertProblemBodySchema, input, ctx);
      const report = await reportsRepo.byId(db, reportId);
      if (!report) throw new AppError('common.not_found', 404);
      requireInScope(scopeOf(actor, 'reports.convert'), report.regionPath);
      // a read for the common case (a second click later); the unique keys below settle races
      const known = await reportProblemsRepo.link(db, reportId);
      if (known)
        return {
          ticketId: Number(known.ticketId),
          ticketNo: known.ticketNo,
          convertedAt: known.convertedAt,
          convertedBy: known.convertedBy,
          created: false,
        };
      const problems = report.problems.trim();
      if (!problems) throw new AppError('reports.no_problems', 409);
      const firstLine = problems.split(/\r?\n/)[0]!;
      const prepared = await tickets.prepareTicket({
        source: 'daily_report',
        sourceRef: reportSourceRef(reportId),
        categoryId: body.categoryId,
        title: body.title ?? (firstLine.length > 60 ? `${firstLine.slice(0, 59)}…` : firstLine),
        description: problems,
        entityId: Number(report.entityId),
        major: body.major,
        assignNow: body.assignNow,
      });
      const at = clock.now().toISOString();
      const by = actor.username;
      try {
        const created = await db.transaction().execute(async (trx) => {
          const t = await tickets.createTicket(trx, ctx, prepared);
          await reportProblemsRepo.insertLink(trx, {
            reportId,
            ticketId: t.id,
            ticketNo: t.no,
            convertedBy: by,
            convertedAt: at,
          });
          await audit.record(trx, ctx, {
            action: 'reports.convert_problem',
            targetType: 'daily_report',
            targetId: reportId,
            regionPath: report.regionPath,
            detail: { ticketId: t.id, ticketNo: t.no, entityId: Number(report.entityId) },
          });
          return t;
        });
        tickets.announceCreated(created);
        return { ticketId: created.id, ticketNo: created.no, convertedAt: at, convertedBy: by, created: true };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        const link = await reportProblemsRepo.link(db, reportId);
        if (!link) throw new AppError('common.conflict', 409);
        return {
          ticketId: Number(link.ticketId),
          ticketNo: link.ticketNo,
          convertedAt: link.convertedAt,
          convertedBy: link.convertedBy,
          created: false,
        };
      }
    },
  };
}
export type ReportProblemsService = ReturnType<typeof createReportProblemsService>;
