import type { Locale, Page, Visit, VisitDetail, VisitMode } from '@fugong/contract';
import type { z } from 'zod';
import type { visitFilterSchema } from '@fugong/contract';
import type { Audit } from '../../platform/audit';
import type { RequestContext } from '../../platform/context';
import { AppError, invalid, notFound } from '../../platform/errors';
import { columnsIn, toXlsx } from '../../platform/excel';
import { t } from '../../platform/i18n/index';
import type { ModuleDb } from '../../platform/module';
import type { Actor } from '../../platform/permissions';
import { inPaths, pathsOf } from '../../platform/scope';
import type { RegionsService } from '../regions/regions.service';
import type { TicketsService } from '../tickets/tickets.service';
import type { LiaisonTables } from './liaison.tables';
import { visitRepo as repo, type VisitFilter, type VisitRow } from './visit.repo';

interface Deps {
  db: ModuleDb<LiaisonTables>;
  audit: Audit;
  regions: Pick<RegionsService, 'resolve' | 'namesOf'>;
  tickets: Pick<TicketsService, 'bySourceRefs'>;
}

type Filter = z.output<typeof visitFilterSchema>;

/** One export holds at most this many visits: a district's whole season, far beyond a town's. */
export const MAX_VISIT_EXPORT = 20_000;

/**
 * 走访记录: the visit log of an area (a liaison sees their own), filtered by date, mode, liaison, entity
 * and region; one visit with the tickets its problems became; the filtered log as .xlsx.
 */
export function createVisitLogService({ db, audit, regions, tickets }: Deps) {
  /** Readers and assigners see their area; a liaison only their own visits. */
  function access(ctx: RequestContext): { actor: Actor; paths: string[] | 'all'; ownOnly: boolean } {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.required', 401);
    const perm = (['liaison.read', 'liaison.assign', 'liaison.visit'] as const).find((p) => actor.permissions.has(p));
    if (!perm) throw new AppError('common.forbidden', 403);
    return { actor, paths: pathsOf(actor, perm), ownOnly: perm === 'liaison.visit' };
  }

  /** The visits the caller may read that match the filter. */
  async function filtered(ctx: RequestContext, q: Filter): Promise<VisitFilter> {
    const { actor, paths, ownOnly } = access(ctx);
    if (q.from && q.to && q.from > q.to) throw invalid([{ field: 'to', message: 'liaison.to_before_from' }]);
    const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
    return {
      paths,
      liaisonUserId: q.mine === 'true' || ownOnly ? actor.id : undefined,
      entityId: q.entityId,
      regionPath: region?.path,
      from: q.from,
      to: q.to,
      mode: q.mode,
      liaison: q.liaison,
      q: q.q,
    };
  }

  /** The tickets the visits' problems became, in one query. */
  async function ticketsOf(rows: VisitRow[]) {
    const refs = rows.flatMap((r) => Array.from({ length: Number(r.problemCount) }, (_, i) => `visit:${r.id}#${i}`));
    const found = await tickets.bySourceRefs('liaison_visit', refs);
    const byVisit = new Map<number, typeof found>();
    for (const tk of found) {
      const m = /^visit:(\d+)#(\d+)$/.exec(tk.sourceRef ?? '');
      if (!m) continue;
      const list = byVisit.get(Number(m[1])) ?? [];
      list[Number(m[2])] = tk;
      byVisit.set(Number(m[1]), list);
    }
    return (visitId: number) => (byVisit.get(visitId) ?? []).filter((x) => x != null);
  }

  function toVisit(r: VisitRow, ticketIds: number[]): Visit {
    return {
      id: Number(r.id),
      entityId: Number(r.entityId),
      entityName: r.entityName,
      liaisonName: r.liaisonName,
      visitDate: r.visitDate,
      mode: r.mode as VisitMode,
      policies: JSON.parse(r.policies) as string[],
      notes: r.notes,
      problemCount: Number(r.problemCount),
      ticketIds,
      createdAt: r.createdAt,
    };
  }

  return {
    async list(ctx: RequestContext, q: Filter & { page: number; pageSize: number }): Promise<Page<Visit>> {
      const f = await filtered(ctx, q);
      const [n, rows] = await Promise.all([
        repo.count(db, f),
        repo.rows(db, f, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize }),
      ]);
      const of = await ticketsOf(rows);
      return {
        items: rows.map((r) =>
          toVisit(
            r,
            of(Number(r.id)).map((x) => x.id),
          ),
        ),
        total: n,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(ctx: RequestContext, id: number): Promise<VisitDetail> {
      const { actor, paths, ownOnly } = access(ctx);
      const r = await repo.visit(db, id);
      if (!r || !inPaths(paths, r.regionPath) || (ownOnly && Number(r.liaisonUserId) !== actor.id)) throw notFound('visit');
      const found = (await ticketsOf([r]))(id);
      // town, village or community, grid: the district is the reader's own and is left out
      const codes = r.regionPath.split('/').filter(Boolean).slice(1);
      const names = await regions.namesOf(codes);
      const regionName =
        codes
          .map((c) => names.get(c))
          .filter(Boolean)
          .join(' ') || null;
      return {
        ...toVisit(
          r,
          found.map((x) => x.id),
        ),
        regionName,
        problems: found.map((x) => ({ ticketId: x.id, title: x.title, status: x.status })),
      };
    },

    /** The filtered log as .xlsx (newest first); audited with the filters and the row count. */
    async exportXlsx(ctx: RequestContext, q: Filter): Promise<Buffer> {
      const f = await filtered(ctx, q);
      if ((await repo.count(db, f)) > MAX_VISIT_EXPORT) throw invalid([{ field: 'from', message: 'liaison.export_too_many' }]);
      const rows = await repo.rows(db, f);
      const of = await ticketsOf(rows);
      const L: Locale = ctx.locale;
      const columns = columnsIn<VisitRow>(L, [
        [{ 'zh-CN': '走访日期', 'zh-TW': '走訪日期', en: 'Date' }, (r) => r.visitDate, 12],
        [{ 'zh-CN': '市场主体', 'zh-TW': '市場主體', en: 'Entity' }, (r) => r.entityName, 30],
        [{ 'zh-CN': '联络员', 'zh-TW': '聯絡員', en: 'Liaison' }, (r) => r.liaisonName, 12],
        [{ 'zh-CN': '方式', 'zh-TW': '方式', en: 'Mode' }, (r) => t(L, `liaison.mode.${r.mode}`), 10],
        [
          { 'zh-CN': '宣讲政策', 'zh-TW': '宣講政策', en: 'Policies delivered' },
          (r) => (JSON.parse(r.policies) as string[]).join('、'),
          30,
        ],
        [{ 'zh-CN': '发现问题（件）', 'zh-TW': '發現問題（件）', en: 'Problems' }, (r) => Number(r.problemCount), 10],
        [
          { 'zh-CN': '转办工单', 'zh-TW': '轉辦工單', en: 'Tickets' },
          (r) =>
            of(Number(r.id))
              .map((x) => `#${x.id} ${x.title}`)
              .join('；'),
          40,
        ],
        [{ 'zh-CN': '备注', 'zh-TW': '備註', en: 'Notes' }, (r) => r.notes, 40],
      ]);
      await audit.record(db, ctx, {
        action: 'liaison.visits_export',
        targetType: 'liaison_visit',
        detail: { filters: q, rows: rows.length },
      });
      return toXlsx({ 'zh-CN': '走访记录', 'zh-TW': '走訪記錄', en: 'Visits' }[L], columns, rows);
    },
  };
}
export type VisitLogService = ReturnType<typeof createVisitLogService>;
