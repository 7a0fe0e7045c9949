import type { z } from 'zod';
import {
  fiveSmallVenueTypes,
  type createInspectionBodySchema,
  type EntitySummary,
  type Inspection,
  type InspectionVisit,
  type Page,
  type PremisesType,
  type TimelineItem,
} from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError, invalid } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { own, type Tx } from '../../platform/module';
import { requirePermission } from '../../platform/permissions';
import { inPaths } from '../../platform/scope';
import type { EnforcementTables } from './enforcement.tables';
import { enforcementRepo as repo, type RoundRow } from './enforcement.repo';
import { enforcementPaths as paths, num, pageOf, toInspection, type EnforcementDeps } from './enforcement-access';
import type { createRoundsPart } from './rounds.service';
import type { createNoticesPart } from './notices.service';

/** The premises type an entity is inspected as, unless the inspector says otherwise. */
export function premisesTypeOf(e: { kind: string; smallVenueType: string | null }): PremisesType {
  if (e.smallVenueType)
    return (fiveSmallVenueTypes as readonly string[]).includes(e.smallVenueType) ? 'five_small' : 'nine_small';
  if (e.kind === 'venue') return 'mall';
  return 'other';
}

type InspectionBody = z.output<typeof createInspectionBodySchema>;
/** One premises inspected during a visit. */
export type VisitInspection = Omit<InspectionBody, 'inspectedOn' | 'roundId' | 'visitId' | 'inspectors' | 'inspectorCount'>;
/** A visit 出动 with the premises it inspected: the API records one at a time, paper records and the demo many. */
export interface VisitInput {
  visitedOn: string;
  roundId?: number | null;
  visitId?: number | null;
  inspectors?: string[];
  inspectorCount?: number;
  inspections: VisitInspection[];
}
type Known = { entities: Map<number, EntitySummary>; rounds: Map<number, RoundRow> };

/** Visits 出动 and the inspections they record, with the notices, closures and links each one leads to. */
export function createInspectionsPart(
  deps: EnforcementDeps,
  parts: { rounds: ReturnType<typeof createRoundsPart>; notices: ReturnType<typeof createNoticesPart> },
) {
  const { db, clock, audit, events, regions, registry, filings, complaints } = deps;
  const { usableRound } = parts.rounds;
  const { close, issueNotice } = parts.notices;

  async function byId(id: number) {
    const r = await repo.inspection(db, id);
    if (!r) throw new AppError('common.not_found', 404);
    return r;
  }

  /** Checks a visit and what it inspected (scope, round, figures) before anything is written. */
  async function prepareVisit(ctx: RequestContext, v: VisitInput, known?: Known) {
    const actor = requirePermission(ctx.actor, 'enforcement.inspect');
    const ps = paths(actor);
    const entities = known?.entities ?? (await registry.getManyForService(v.inspections.map((i) => i.entityId)));
    const one = v.inspections.length === 1;
    const plan = v.inspections.map((b, idx) => {
      const e = entities.get(b.entityId);
      const field = one ? 'entityId' : `inspections.${idx}.entityId`;
      if (!e || !inPaths(ps, e.regionPath)) throw invalid([{ field, message: 'enforcement.entity_out_of_scope' }]);
      const failed = Object.values(b.results).filter((x) => !x).length;
      const problemsFound = failed + b.extraProblems;
      if (b.fixedOnSpot > problemsFound)
        throw invalid([{ field: one ? 'fixedOnSpot' : `inspections.${idx}.fixedOnSpot`, message: 'enforcement.fixed_exceeds' }]);
      return { b, e, problemsFound, premisesType: b.premisesType ?? premisesTypeOf(e) };
    });
    let visit: { id: number; roundId: number | null; inspectorCount: number } | null = null;
    let round: RoundRow | null = null;
    if (v.visitId) {
      const row = await repo.visit(db, v.visitId);
      if (!row || row.createdById !== actor.id) throw invalid([{ field: 'visitId', message: 'enforcement.unknown_visit' }]);
      if (row.visitedOn !== v.visitedOn) throw invalid([{ field: 'inspectedOn', message: 'enforcement.visit_date' }]);
      visit = { id: Number(row.id), roundId: num(row.roundId), inspectorCount: Number(row.inspectorCount) };
      if (visit.roundId) round = (await repo.round(db, visit.roundId)) ?? null;
    } else if (v.roundId) {
      const r = known?.rounds.get(v.roundId);
      round =
        r && r.status === 'active' && v.visitedOn >= r.startsOn && v.visitedOn <= r.endsOn
          ? r
          : await usableRound(actor, v.roundId, v.visitedOn, 'roundId');
      known?.rounds.set(v.roundId, round);
    }
    if (round)
      for (const p of plan)
        if (!p.e.regionPath.startsWith(round.regionPath))
          throw invalid([{ field: 'entityId', message: 'enforcement.outside_round_region' }]);
    const names = [...new Set(v.inspectors ?? [])];
    const now = clock.now().toISOString();
    return { ctx, actor, v, plan, visit, round, names, now };
  }

  async function writeVisit(
    trx: Tx,
    p0: Awaited<ReturnType<typeof prepareVisit>>,
  ): Promise<{ visitId: number; inspectionIds: number[]; regionPath: string }> {
    const { ctx, actor, v, plan, round, names, now } = p0;
    const tdb = own<EnforcementTables>(trx);
    let { visit } = p0;
    if (!visit) {
      const count = Math.max(v.inspectorCount ?? 0, names.length, 1);
      const id = await repo.insertVisit(tdb, {
        roundId: round ? Number(round.id) : null,
        visitedOn: v.visitedOn,
        regionPath: plan[0]!.e.regionPath,
        inspectorCount: count,
        inspectors: JSON.stringify(names),
        createdById: actor.id,
        createdBy: actor.displayName,
        createdAt: now,
      });
      visit = { id, roundId: round ? Number(round.id) : null, inspectorCount: count };
    }
    const vis = visit;
    const before = v.visitId ? await repo.countInVisit(tdb, vis.id) : 0;
    // one statement for the visit's inspections; their numbers follow the visit's
    const nos = plan.map(
      (_, i) => `JC${v.visitedOn.replace(/-/g, '')}${String(vis.id).padStart(6, '0')}${String(before + i + 1).padStart(2, '0')}`,
    );
    const idOfNo = await repo.insertInspections(
      tdb,
      plan.map(({ b, e, problemsFound, premisesType }, i) => ({
        no: nos[i]!,
        kind: b.kind,
        entityId: e.id,
        entityName: e.name,
        premisesType,
        regionPath: e.regionPath,
        inspectedOn: v.visitedOn,
        inspectorCount: vis.inspectorCount,
        inspectorId: actor.id,
        inspectorName: actor.displayName,
        results: JSON.stringify(b.results),
        problemsFound,
        fixedOnSpot: b.fixedOnSpot,
        outcome: b.outcome,
        notes: b.notes ?? null,
        filingId: b.filingId ?? null,
        complaintId: b.complaintId ?? null,
        noticeId: null,
        closureId: null,
        createdAt: now,
        visitId: vis.id,
        roundId: vis.roundId,
      })),
    );
    const ids = nos.map((no) => idOfNo.get(no)!);
    for (const [i, p] of plan.entries()) {
      const { b, e } = p;
      const entity = { id: e.id, name: e.name, regionPath: e.regionPath };
      const iid = ids[i]!;
      if (b.outcome === 'notice') await issueNotice(trx, iid, entity, b.noticeItems!, v.visitedOn, b.noticeDeadline!);
      if (b.outcome === 'closure')
        await close(trx, ctx, iid, entity, b.notes || t('zh-CN', 'enforcement.reason.default'), v.visitedOn);
      // the on-site review a 五小单位 filing waits for: passing releases it, failing sends it back
      if (b.kind === 'pre_opening' && b.filingId) {
        const o = await filings.recordOnsiteResult(trx, ctx, b.filingId, {
          passed: b.outcome === 'pass',
          notes: b.notes || t('zh-CN', b.outcome === 'pass' ? 'enforcement.preopening.passed' : 'enforcement.preopening.failed'),
        });
        if (o.entityId !== e.id) throw invalid([{ field: 'filingId', message: 'enforcement.filing_other_entity' }]);
      }
      if (b.complaintId) await complaints.linkInspection(trx, b.complaintId, iid);
    }
    await audit.record(trx, ctx, {
      action: 'enforcement.inspect',
      targetType: 'inspection_visit',
      targetId: vis.id,
      regionPath: plan[0]!.e.regionPath,
      detail: {
        inspections: plan.map((p) => ({
          entityId: p.e.id,
          outcome: p.b.outcome,
          problemsFound: p.problemsFound,
          fixedOnSpot: p.b.fixedOnSpot,
        })),
      },
    });
    return { visitId: vis.id, inspectionIds: ids, regionPath: plan[0]!.e.regionPath };
  }

  /**
   * Records a visit (a new one, or the next premises of one under way) and its inspections in one
   * transaction: notices, closures, pre-opening results for filings and complaint links included.
   */
  async function recordVisit(ctx: RequestContext, v: VisitInput): Promise<{ visitId: number; inspectionIds: number[] }> {
    const prepared = await prepareVisit(ctx, v);
    const result = await db.transaction().execute((trx) => writeVisit(trx, prepared));
    events.publish({
      type: 'enforcement.inspected',
      regionPath: result.regionPath,
      data: { visitId: result.visitId, inspections: result.inspectionIds.length },
    });
    return result;
  }

  /** Many visits from paper records (or the demo) in one transaction: all are recorded or none. */
  async function recordVisits(
    ctx: RequestContext,
    visits: VisitInput[],
  ): Promise<{ visitId: number; inspectionIds: number[] }[]> {
    // one read of the entities and of each round for the whole stack
    const known: Known = {
      entities: await registry.getManyForService(visits.flatMap((v) => v.inspections.map((i) => i.entityId))),
      rounds: new Map(),
    };
    const prepared: Awaited<ReturnType<typeof prepareVisit>>[] = [];
    for (const v of visits) prepared.push(await prepareVisit(ctx, v, known));
    const results = await db.transaction().execute(async (trx) => {
      const out: Awaited<ReturnType<typeof writeVisit>>[] = [];
      for (const p of prepared) out.push(await writeVisit(trx, p));
      return out;
    });
    if (results.length)
      events.publish({ type: 'enforcement.inspected', regionPath: results[0]!.regionPath, data: { visits: results.length } });
    return results;
  }

  registry.registerTimelineSource({
    name: 'enforcement',
    async load(entityId, ctx) {
      const rows = await repo.entityInspections(db, entityId, 100);
      return rows.map((r): TimelineItem => ({
        at: r.createdAt,
        kind: 'enforcement.inspection',
        title: t(ctx.locale, 'enforcement.timeline', { no: r.no, outcome: t(ctx.locale, `enforcement.outcome.${r.outcome}`) }),
        detail: t(ctx.locale, 'enforcement.timeline.detail', { problems: r.problemsFound, fixed: r.fixedOnSpot }),
        link: `/enforcement/inspections?entityId=${r.entityId}`,
      }));
    },
  });

  const api = {
    recordVisit,
    recordVisits,

    /** The caller's own visits (e.g. today's, to add the next premises to), newest first. */
    async visits(
      ctx: RequestContext,
      q: { page: number; pageSize: number; visitedOn?: string; roundId?: number },
    ): Promise<Page<InspectionVisit>> {
      const actor = requirePermission(ctx.actor, 'enforcement.inspect');
      const { total, rows } = await repo.visitsBy(
        db,
        { createdById: actor.id, visitedOn: q.visitedOn, roundId: q.roundId },
        pageOf(q),
      );
      const countOf = await repo.inspectionsPerVisit(
        db,
        rows.map((r) => Number(r.id)),
      );
      return {
        items: rows.map((r) => ({
          id: Number(r.id),
          roundId: num(r.roundId),
          visitedOn: r.visitedOn,
          inspectorCount: Number(r.inspectorCount),
          inspectors: JSON.parse(r.inspectors) as string[],
          createdBy: r.createdBy,
          inspections: countOf.get(Number(r.id)) ?? 0,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async inspect(ctx: RequestContext, b: InspectionBody): Promise<Inspection> {
      const { inspectedOn, roundId, visitId, inspectors, inspectorCount, ...one } = b;
      const r = await recordVisit(ctx, {
        visitedOn: inspectedOn,
        roundId,
        visitId,
        inspectors,
        inspectorCount,
        inspections: [one],
      });
      return toInspection(await byId(r.inspectionIds[0]!));
    },

    async get(ctx: RequestContext, id: number): Promise<Inspection> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const r = await byId(id);
      if (!inPaths(paths(actor), r.regionPath)) throw new AppError('common.not_found', 404);
      return toInspection(r);
    },

    async list(
      ctx: RequestContext,
      q: {
        page: number;
        pageSize: number;
        regionCode?: string;
        entityId?: number;
        outcome?: string;
        roundId?: number;
        visitId?: number;
        from?: string;
        to?: string;
      },
    ): Promise<Page<Inspection>> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const { total, rows } = await repo.inspections(
        db,
        {
          paths: paths(actor),
          regionPath: region?.path,
          entityId: q.entityId,
          outcome: q.outcome,
          roundId: q.roundId,
          visitId: q.visitId,
          from: q.from,
          to: q.to,
        },
        pageOf(q),
      );
      return { items: rows.map(toInspection), total, page: q.page, pageSize: q.pageSize };
    },
  };
  return { api };
}
