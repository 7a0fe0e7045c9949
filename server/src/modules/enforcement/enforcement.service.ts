import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import {
  fiveSmallVenueTypes,
  type ClosureOrder,
  type EntitySummary,
  type InspectionChecklist,
  type InspectionChecklistItem,
  type Inspection,
  type InspectionRound,
  type InspectionVisit,
  type Page,
  type PremisesType,
  type RectificationNotice,
  type Tally,
  type TallyReport,
  type TimelineItem,
} from '@fugong/contract';
import type { z } from 'zod';
import type { createInspectionBodySchema, reinspectBodySchema, roundBodySchema } from '@fugong/contract';
import type { DB } from '../schema';
import { containsLiteral, pathPrefix } from '../../db/sql-helpers';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { RequestContext } from '../../platform/context';
import { AppError, invalid } from '../../platform/errors';
import { columnsIn, toXlsx } from '../../platform/excel';
import { t } from '../../platform/i18n/index';
import { requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import type { FilingsService } from '../filings/filings.service';
import type { Tx } from '../../platform/module';
import type { ComplaintsService } from '../complaints/complaints.service';
import './enforcement.messages';

type Db = Kysely<DB> | Transaction<DB>;

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  regions: RegionsService;
  registry: Pick<
    RegistryService,
    'getForService' | 'getManyForService' | 'addressesForService' | 'changeStatus' | 'registerTimelineSource'
  >;
  filings: Pick<FilingsService, 'recordOnsiteResult'>;
  complaints: Pick<ComplaintsService, 'linkInspection'>;
}

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

/**
 * 综合执法: rounds 专项行动 grouping visits 出动 of inspector teams, inspections with a checklist per
 * premises type, rectification notices with a deadline and re-inspection, closure orders (the entity
 * is suspended through the registry) and their lifting, the pre-opening review of 五小单位 filings,
 * and the tally the seeds quote.
 */
export function createEnforcementService(deps: Deps) {
  const { db, clock, audit, events, regions, registry, filings, complaints } = deps;

  function paths(actor: Actor): string[] | 'all' {
    const perm = (['enforcement.inspect', 'enforcement.read', 'enforcement.configure'] as const).find((p) =>
      actor.permissions.has(p),
    );
    if (!perm) throw new AppError('common.forbidden', 403);
    const s = scopeOf(actor, perm);
    return s.all ? 'all' : s.regionPaths;
  }
  const inPaths = (ps: string[] | 'all', path: string) => ps === 'all' || ps.some((p) => path.startsWith(p));
  const likeAny = (col: string, ps: string[] | 'all') =>
    ps === 'all'
      ? sql<SqlBool>`1 = 1`
      : ps.length === 0
        ? sql<SqlBool>`1 = 0`
        : sql<SqlBool>`(${sql.join(
            ps.map((p) => sql`${sql.ref(col)} like ${pathPrefix(p)} escape '\\'`),
            sql` or `,
          )})`;
  /** Rounds of the actor's area and those covering it (a district round is worked by a town's inspectors). */
  const roundVisible = (ps: string[] | 'all') =>
    ps === 'all'
      ? sql<SqlBool>`1 = 1`
      : ps.length === 0
        ? sql<SqlBool>`1 = 0`
        : sql<SqlBool>`(${likeAny('inspection_round.region_path', ps)} or ${sql.join(
            ps.map((p) => sql`${p} like ${sql.ref('inspection_round.region_path')} || '%'`),
            sql` or `,
          )})`;
  const num = (v: unknown) => (v == null ? null : Number(v));

  type InspectionRow = Awaited<ReturnType<typeof byId>>;
  const toInspection = (r: InspectionRow): Inspection => ({
    id: Number(r.id),
    no: r.no,
    kind: r.kind as Inspection['kind'],
    entityId: Number(r.entityId),
    entityName: r.entityName,
    premisesType: r.premisesType as PremisesType,
    inspectedOn: r.inspectedOn,
    inspectorCount: Number(r.inspectorCount),
    inspectorName: r.inspectorName,
    results: JSON.parse(r.results) as Record<string, boolean>,
    problemsFound: Number(r.problemsFound),
    fixedOnSpot: Number(r.fixedOnSpot),
    outcome: r.outcome as Inspection['outcome'],
    notes: r.notes,
    noticeId: num(r.noticeId),
    closureId: num(r.closureId),
    visitId: num(r.visitId),
    roundId: num(r.roundId),
    filingId: num(r.filingId),
    createdAt: r.createdAt,
  });
  async function byId(dbx: Db, id: number) {
    const r = await dbx.selectFrom('inspection').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('common.not_found', 404);
    return r;
  }

  const parseItems = (json: string): InspectionChecklistItem[] =>
    (JSON.parse(json) as Partial<InspectionChecklistItem>[]).map((i) => ({
      code: i.code!,
      text: i.text!,
      active: i.active !== false,
    }));

  type RoundRow = NonNullable<Awaited<ReturnType<typeof roundRow>>>;
  const roundRow = (dbx: Db, id: number) => dbx.selectFrom('inspectionRound').selectAll().where('id', '=', id).executeTakeFirst();
  async function toRounds(rows: RoundRow[]): Promise<InspectionRound[]> {
    const names = await regions.namesOf(rows.map((r) => r.regionCode));
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      premisesTypes: JSON.parse(r.premisesTypes) as PremisesType[],
      notes: r.notes,
      status: r.status as InspectionRound['status'],
      createdBy: r.createdBy,
      createdAt: r.createdAt,
    }));
  }
  /** A round the actor may record visits for: visible, active, and the date inside its period. */
  async function usableRound(actor: Actor, id: number, on: string, field: string) {
    const r = await roundRow(db, id);
    const ps = paths(actor);
    if (!r || !(inPaths(ps, r.regionPath) || (ps !== 'all' && ps.some((p) => p.startsWith(r.regionPath)))))
      throw invalid([{ field, message: 'enforcement.unknown_round' }]);
    if (r.status !== 'active') throw invalid([{ field, message: 'enforcement.round_closed' }]);
    if (on < r.startsOn || on > r.endsOn) throw invalid([{ field: 'inspectedOn', message: 'enforcement.outside_round' }]);
    return r;
  }

  /** 关停: a closure order, and the entity suspended through the registry's state machine. */
  async function close(
    trx: Db,
    ctx: RequestContext,
    inspectionId: number,
    entity: { id: number; name: string; regionPath: string },
    reason: string,
    on: string,
  ) {
    const { id } = await trx
      .insertInto('closureOrder')
      .values({
        entityId: entity.id,
        entityName: entity.name,
        regionPath: entity.regionPath,
        inspectionId,
        reason,
        orderedOn: on,
        liftedAt: null,
        liftedReason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await changeStatusIfAllowed(
      trx,
      ctx,
      entity.id,
      'suspended',
      t('zh-CN', 'enforcement.reason.closure', { reason }),
      Number(id),
    );
    await trx
      .updateTable('inspection')
      .set({ closureId: Number(id) })
      .where('id', '=', inspectionId)
      .execute();
    return Number(id);
  }
  /** An entity that is not operating (not resumed, already suspended) keeps its status; the order still stands. */
  async function changeStatusIfAllowed(
    trx: Db,
    ctx: RequestContext,
    entityId: number,
    to: 'suspended' | 'resumed',
    reason: string,
    closureId: number,
  ) {
    try {
      await registry.changeStatus(trx, ctx, entityId, to, reason, { type: 'closure_order', id: closureId });
    } catch (err) {
      if (err instanceof AppError && err.code === 'common.bad_transition') return;
      throw err;
    }
  }

  async function issueNotice(
    trx: Db,
    inspectionId: number,
    e: { id: number; name: string; regionPath: string },
    items: string,
    on: string,
    deadline: string,
  ) {
    const { id } = await trx
      .insertInto('rectificationNotice')
      .values({
        no: `tmp-${inspectionId}`,
        inspectionId,
        entityId: e.id,
        entityName: e.name,
        regionPath: e.regionPath,
        items,
        issuedOn: on,
        deadline,
        status: 'issued',
        reinspectionId: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('rectificationNotice')
      .set({ no: t('zh-CN', 'enforcement.notice.no', { year: on.slice(0, 4), n: String(Number(id)).padStart(4, '0') }) })
      .where('id', '=', Number(id))
      .execute();
    await trx
      .updateTable('inspection')
      .set({ noticeId: Number(id) })
      .where('id', '=', inspectionId)
      .execute();
  }

  /** Checks a visit and what it inspected (scope, round, figures) before anything is written. */
  async function prepareVisit(
    ctx: RequestContext,
    v: VisitInput,
    known?: { entities: Map<number, EntitySummary>; rounds: Map<number, RoundRow> },
  ) {
    const actor = requirePermission(ctx.actor, 'enforcement.inspect');
    const ps = paths(actor);
    const entities = known?.entities ?? (await registry.getManyForService(v.inspections.map((i) => i.entityId)));
    const plan = v.inspections.map((b, idx) => {
      const e = entities.get(b.entityId);
      const field = v.inspections.length === 1 ? 'entityId' : `inspections.${idx}.entityId`;
      if (!e || !inPaths(ps, e.regionPath)) throw invalid([{ field, message: 'enforcement.entity_out_of_scope' }]);
      const failed = Object.values(b.results).filter((x) => !x).length;
      const problemsFound = failed + b.extraProblems;
      if (b.fixedOnSpot > problemsFound)
        throw invalid([
          {
            field: v.inspections.length === 1 ? 'fixedOnSpot' : `inspections.${idx}.fixedOnSpot`,
            message: 'enforcement.fixed_exceeds',
          },
        ]);
      return { b, e, problemsFound, premisesType: b.premisesType ?? premisesTypeOf(e) };
    });
    let visit: { id: number; roundId: number | null; inspectorCount: number } | null = null;
    let round: RoundRow | null = null;
    if (v.visitId) {
      const row = await db.selectFrom('inspectionVisit').selectAll().where('id', '=', v.visitId).executeTakeFirst();
      if (!row || row.createdById !== actor.id) throw invalid([{ field: 'visitId', message: 'enforcement.unknown_visit' }]);
      if (row.visitedOn !== v.visitedOn) throw invalid([{ field: 'inspectedOn', message: 'enforcement.visit_date' }]);
      visit = { id: Number(row.id), roundId: num(row.roundId), inspectorCount: Number(row.inspectorCount) };
      if (visit.roundId) round = (await roundRow(db, visit.roundId)) ?? null;
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
    trx: Db,
    p0: Awaited<ReturnType<typeof prepareVisit>>,
  ): Promise<{ visitId: number; inspectionIds: number[]; regionPath: string }> {
    const { ctx, actor, v, plan, round, names, now } = p0;
    let { visit } = p0;
    if (!visit) {
      const count = Math.max(v.inspectorCount ?? 0, names.length, 1);
      const { id } = await trx
        .insertInto('inspectionVisit')
        .values({
          roundId: round ? Number(round.id) : null,
          visitedOn: v.visitedOn,
          regionPath: plan[0]!.e.regionPath,
          inspectorCount: count,
          inspectors: JSON.stringify(names),
          createdById: actor.id,
          createdBy: actor.displayName,
          createdAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      visit = { id: Number(id), roundId: round ? Number(round.id) : null, inspectorCount: count };
    }
    const vis = visit;
    const before = v.visitId
      ? Number(
          (
            await trx
              .selectFrom('inspection')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('visitId', '=', vis.id)
              .executeTakeFirstOrThrow()
          ).n,
        )
      : 0;
    // one statement for the visit's inspections; their numbers follow the visit's
    const nos = plan.map(
      (_, i) => `JC${v.visitedOn.replace(/-/g, '')}${String(vis.id).padStart(6, '0')}${String(before + i + 1).padStart(2, '0')}`,
    );
    const inserted = await trx
      .insertInto('inspection')
      .values(
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
      )
      .returning(['id', 'no'])
      .execute();
    const idOfNo = new Map(inserted.map((r) => [r.no, Number(r.id)]));
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
      if (b.complaintId) await complaints.linkInspection(trx as Tx, b.complaintId, iid);
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
    const known = {
      entities: await registry.getManyForService(visits.flatMap((v) => v.inspections.map((i) => i.entityId))),
      rounds: new Map<number, RoundRow>(),
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

  async function noticeDtos(rows: Awaited<ReturnType<typeof noticeRows>>): Promise<RectificationNotice[]> {
    const reins = rows
      .map((n) => n.reinspectionId)
      .filter((x): x is number => x != null)
      .map(Number);
    const closures = reins.length
      ? await db.selectFrom('inspection').select(['id', 'closureId']).where('id', 'in', reins).execute()
      : [];
    const closureOf = new Map(closures.map((c) => [Number(c.id), num(c.closureId)]));
    // every inspection is of a registered entity, so the notice carries the entity's registered address
    const addresses = rows.length
      ? await registry.addressesForService(rows.map((n) => Number(n.entityId)))
      : new Map<number, string | null>();
    return rows.map((n) => ({
      id: Number(n.id),
      no: n.no,
      inspectionId: Number(n.inspectionId),
      entityId: Number(n.entityId),
      entityName: n.entityName,
      address: addresses.get(Number(n.entityId)) ?? null,
      items: n.items,
      issuedOn: n.issuedOn,
      deadline: n.deadline,
      status: n.status as RectificationNotice['status'],
      reinspectionId: num(n.reinspectionId),
      closureId: n.reinspectionId == null ? null : (closureOf.get(Number(n.reinspectionId)) ?? null),
    }));
  }
  const noticeRows = (ids: number[]) => db.selectFrom('rectificationNotice').selectAll().where('id', 'in', ids).execute();
  async function noticeDto(id: number): Promise<RectificationNotice> {
    const [n] = await noticeDtos(await noticeRows([id]));
    if (!n) throw new AppError('common.not_found', 404);
    return n;
  }

  async function tallyOf(
    ps: string[] | 'all',
    regionPath: string | null,
    from: string,
    to: string,
    roundId?: number,
  ): Promise<Tally> {
    const where = (col: string) =>
      sql<SqlBool>`${likeAny(`${col}.region_path`, ps)} and ${regionPath ? likeAny(`${col}.region_path`, [regionPath]) : sql<SqlBool>`1 = 1`}`;
    let ins = db
      .selectFrom('inspection')
      .where(() => where('inspection'))
      .where('inspectedOn', '>=', from)
      .where('inspectedOn', '<=', to);
    if (roundId) ins = ins.where('roundId', '=', roundId);
    const i = await ins
      .select((eb) => [
        eb.fn.countAll<number>().as('inspections'),
        eb.fn.count<number>('entityId').distinct().as('distinctPremises'),
        eb.fn.count<number>('visitId').distinct().as('visits'),
        eb.fn.sum<number>('problemsFound').as('problems'),
        eb.fn.sum<number>('fixedOnSpot').as('fixedOnSpot'),
        eb.fn.sum<number>(sql`case when visit_id is null then inspector_count else 0 end`).as('loose'),
      ])
      .executeTakeFirstOrThrow();
    // inspectors are counted once per visit that inspected something here in the period
    const v = await db
      .selectFrom('inspectionVisit')
      .select((eb) => eb.fn.sum<number>('inspectorCount').as('n'))
      .where('id', 'in', ins.select('visitId').where('visitId', 'is not', null))
      .executeTakeFirstOrThrow();
    const ofInspection = (q: typeof ins) => q.select('inspection.id');
    let notices = db
      .selectFrom('rectificationNotice')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(() => where('rectification_notice'))
      .where('issuedOn', '>=', from)
      .where('issuedOn', '<=', to);
    let closures = db
      .selectFrom('closureOrder')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(() => where('closure_order'))
      .where('orderedOn', '>=', from)
      .where('orderedOn', '<=', to);
    if (roundId) {
      notices = notices.where('inspectionId', 'in', ofInspection(ins));
      closures = closures.where('inspectionId', 'in', ofInspection(ins));
    }
    const [n, c] = await Promise.all([notices.executeTakeFirstOrThrow(), closures.executeTakeFirstOrThrow()]);
    return {
      inspectorVisits: Number(v.n ?? 0) + Number(i.loose ?? 0),
      premises: Number(i.inspections ?? 0),
      distinctPremises: Number(i.distinctPremises ?? 0),
      visits: Number(i.visits ?? 0),
      inspections: Number(i.inspections ?? 0),
      problems: Number(i.problems ?? 0),
      fixedOnSpot: Number(i.fixedOnSpot ?? 0),
      notices: Number(n.n),
      closures: Number(c.n),
    };
  }

  async function tallyReport(
    ctx: RequestContext,
    q: { from?: string; to?: string; regionCode?: string; roundId?: number },
  ): Promise<TallyReport> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.required', 401);
    const ps = paths(actor);
    const from = q.from ?? '0000-01-01';
    const to = q.to ?? '9999-12-31';
    const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
    const children = region ? await regions.children(ctx, region.code).catch(() => []) : await regions.rootsFor(actor);
    const rows = [];
    for (const c of children) {
      const tally = await tallyOf(ps, c.path, from, to, q.roundId);
      if (tally.inspections > 0) rows.push({ ...tally, regionCode: c.code, regionName: c.name });
    }
    const total = await tallyOf(ps, region?.path ?? null, from, to, q.roundId);
    return {
      total: { ...total, regionCode: region?.code ?? null, regionName: region?.name ?? t(ctx.locale, 'enforcement.tally.all') },
      rows,
    };
  }

  registry.registerTimelineSource({
    name: 'enforcement',
    async load(entityId, ctx) {
      const rows = await db
        .selectFrom('inspection')
        .selectAll()
        .where('entityId', '=', entityId)
        .orderBy('id', 'desc')
        .limit(100)
        .execute();
      return rows.map((r): TimelineItem => ({
        at: r.createdAt,
        kind: 'enforcement.inspection',
        title: t(ctx.locale, 'enforcement.timeline', { no: r.no, outcome: t(ctx.locale, `enforcement.outcome.${r.outcome}`) }),
        detail: t(ctx.locale, 'enforcement.timeline.detail', { problems: r.problemsFound, fixed: r.fixedOnSpot }),
        link: `/enforcement/inspections?entityId=${r.entityId}`,
      }));
    },
  });

  return {
    recordVisit,
    recordVisits,

    async checklist(ctx: RequestContext, type: PremisesType): Promise<InspectionChecklist> {
      if (!ctx.actor) throw new AppError('auth.required', 401);
      const r = await db.selectFrom('inspectionChecklist').selectAll().where('premisesType', '=', type).executeTakeFirst();
      return { premisesType: type, items: r ? parseItems(r.items) : [], updatedAt: r?.updatedAt ?? null };
    },
    /** Replaces the list; an item once used is deactivated, never removed, so old inspections still read. */
    async setChecklist(ctx: RequestContext, type: PremisesType, items: InspectionChecklistItem[]): Promise<InspectionChecklist> {
      requirePermission(ctx.actor, 'enforcement.configure');
      const now = clock.now().toISOString();
      if (!items.some((i) => i.active)) throw invalid([{ field: 'items', message: 'enforcement.checklist_empty' }]);
      await db.transaction().execute(async (trx) => {
        const prev = await trx.selectFrom('inspectionChecklist').selectAll().where('premisesType', '=', type).executeTakeFirst();
        const removed = prev ? parseItems(prev.items).filter((p) => !items.some((i) => i.code === p.code)) : [];
        if (removed.length) throw invalid([{ field: 'items', message: 'enforcement.item_removed' }]);
        const json = JSON.stringify(items);
        await trx
          .insertInto('inspectionChecklist')
          .values({ premisesType: type, items: json, updatedAt: now })
          .onConflict((oc) => oc.column('premisesType').doUpdateSet({ items: json, updatedAt: now }))
          .execute();
        await audit.record(trx, ctx, {
          action: 'enforcement.checklist',
          targetType: 'inspection_checklist',
          targetId: type,
          detail: { items: items.length, active: items.filter((i) => i.active).length },
        });
      });
      return { premisesType: type, items, updatedAt: now };
    },

    async createRound(ctx: RequestContext, b: z.output<typeof roundBodySchema>): Promise<InspectionRound> {
      const actor = requirePermission(ctx.actor, 'enforcement.inspect');
      const region = await regions.resolve(b.regionCode);
      if (!inPaths(paths(actor), region.path))
        throw invalid([{ field: 'regionCode', message: 'enforcement.region_out_of_scope' }]);
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('inspectionRound')
          .values({
            name: b.name,
            regionCode: region.code,
            regionPath: region.path,
            startsOn: b.startsOn,
            endsOn: b.endsOn,
            premisesTypes: JSON.stringify(b.premisesTypes),
            notes: b.notes ?? null,
            status: 'active',
            createdBy: actor.displayName,
            createdAt: clock.now().toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: 'enforcement.round_create',
          targetType: 'inspection_round',
          targetId: Number(id),
          regionPath: region.path,
          detail: b,
        });
        return Number(id);
      });
      return (await toRounds([(await roundRow(db, id))!]))[0]!;
    },
    async closeRound(ctx: RequestContext, id: number): Promise<InspectionRound> {
      const actor = requirePermission(ctx.actor, 'enforcement.inspect');
      const r = await roundRow(db, id);
      if (!r || !inPaths(paths(actor), r.regionPath)) throw new AppError('common.not_found', 404);
      await db.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable('inspectionRound')
          .set({ status: 'closed' })
          .where('id', '=', id)
          .where('status', '=', 'active')
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1)
          throw new AppError('common.bad_transition', 409, { from: r.status, action: 'close' });
        await audit.record(trx, ctx, {
          action: 'enforcement.round_close',
          targetType: 'inspection_round',
          targetId: id,
          regionPath: r.regionPath,
        });
      });
      return (await toRounds([(await roundRow(db, id))!]))[0]!;
    },
    async rounds(
      ctx: RequestContext,
      q: { page: number; pageSize: number; status?: string; q?: string },
    ): Promise<Page<InspectionRound>> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      let base = db.selectFrom('inspectionRound').where(() => roundVisible(paths(actor)));
      if (q.status) base = base.where('status', '=', q.status);
      const needle = q.q;
      if (needle) base = base.where(() => containsLiteral('inspection_round.name', needle));
      const [{ n }, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        base
          .selectAll()
          .orderBy('startsOn', 'desc')
          .orderBy('id', 'desc')
          .offset((q.page - 1) * q.pageSize)
          .limit(q.pageSize)
          .execute(),
      ]);
      return { items: await toRounds(rows), total: Number(n), page: q.page, pageSize: q.pageSize };
    },
    async round(ctx: RequestContext, id: number): Promise<InspectionRound> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const r = await db
        .selectFrom('inspectionRound')
        .selectAll()
        .where('id', '=', id)
        .where(() => roundVisible(paths(actor)))
        .executeTakeFirst();
      if (!r) throw new AppError('common.not_found', 404);
      return (await toRounds([r]))[0]!;
    },

    /** The caller's own visits (e.g. today's, to add the next premises to), newest first. */
    async visits(
      ctx: RequestContext,
      q: { page: number; pageSize: number; visitedOn?: string; roundId?: number },
    ): Promise<Page<InspectionVisit>> {
      const actor = requirePermission(ctx.actor, 'enforcement.inspect');
      let base = db.selectFrom('inspectionVisit').where('createdById', '=', actor.id);
      if (q.visitedOn) base = base.where('visitedOn', '=', q.visitedOn);
      if (q.roundId) base = base.where('roundId', '=', q.roundId);
      const [{ n }, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        base
          .selectAll()
          .orderBy('id', 'desc')
          .offset((q.page - 1) * q.pageSize)
          .limit(q.pageSize)
          .execute(),
      ]);
      const ids = rows.map((r) => Number(r.id));
      const counts = ids.length
        ? await db
            .selectFrom('inspection')
            .select(['visitId', (eb) => eb.fn.countAll<number>().as('n')])
            .where('visitId', 'in', ids)
            .groupBy('visitId')
            .execute()
        : [];
      const countOf = new Map(counts.map((c) => [Number(c.visitId), Number(c.n)]));
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
        total: Number(n),
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
      return toInspection(await byId(db, r.inspectionIds[0]!));
    },

    /** Re-inspection after the notice's deadline: rectified closes the notice, otherwise 关停. */
    async reinspect(
      ctx: RequestContext,
      noticeId: number,
      b: z.output<typeof reinspectBodySchema>,
    ): Promise<RectificationNotice> {
      const actor = requirePermission(ctx.actor, 'enforcement.inspect');
      const n = await db.selectFrom('rectificationNotice').selectAll().where('id', '=', noticeId).executeTakeFirst();
      if (!n || !inPaths(paths(actor), n.regionPath)) throw new AppError('common.not_found', 404);
      if (n.status !== 'issued') throw new AppError('common.bad_transition', 409, { from: n.status, action: 'reinspect' });
      if (b.inspectedOn < n.issuedOn) throw invalid([{ field: 'inspectedOn', message: 'enforcement.reinspect_before_notice' }]);
      const prev = await byId(db, Number(n.inspectionId));
      const entity = { id: Number(n.entityId), name: n.entityName, regionPath: n.regionPath };
      await db.transaction().execute(async (trx) => {
        const { id: vid } = await trx
          .insertInto('inspectionVisit')
          .values({
            roundId: num(prev.roundId),
            visitedOn: b.inspectedOn,
            regionPath: n.regionPath,
            inspectorCount: b.inspectorCount,
            inspectors: '[]',
            createdById: actor.id,
            createdBy: actor.displayName,
            createdAt: clock.now().toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const { id } = await trx
          .insertInto('inspection')
          .values({
            no: `JC${b.inspectedOn.replace(/-/g, '')}${String(Number(vid)).padStart(6, '0')}01`,
            kind: 'reinspection',
            entityId: entity.id,
            entityName: entity.name,
            premisesType: prev.premisesType,
            regionPath: entity.regionPath,
            inspectedOn: b.inspectedOn,
            inspectorCount: b.inspectorCount,
            inspectorId: actor.id,
            inspectorName: actor.displayName,
            results: '{}',
            problemsFound: 0,
            fixedOnSpot: 0,
            outcome: b.passed ? 'pass' : 'closure',
            notes: b.notes ?? null,
            filingId: null,
            complaintId: null,
            noticeId: null,
            closureId: null,
            createdAt: clock.now().toISOString(),
            visitId: Number(vid),
            roundId: num(prev.roundId),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const iid = Number(id);
        const moved = await trx
          .updateTable('rectificationNotice')
          .set({ status: b.passed ? 'rectified' : 'escalated', reinspectionId: iid })
          .where('id', '=', noticeId)
          .where('status', '=', 'issued')
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw new AppError('common.conflict', 409);
        if (!b.passed)
          await close(
            trx,
            ctx,
            iid,
            entity,
            b.notes || t('zh-CN', 'enforcement.reason.notRectified', { no: n.no }),
            b.inspectedOn,
          );
        await audit.record(trx, ctx, {
          action: 'enforcement.reinspect',
          targetType: 'rectification_notice',
          targetId: noticeId,
          regionPath: n.regionPath,
          detail: { passed: b.passed },
        });
      });
      events.publish({
        type: 'enforcement.inspected',
        regionPath: n.regionPath,
        data: { noticeId, outcome: b.passed ? 'pass' : 'closure' },
      });
      return noticeDto(noticeId);
    },

    /** Lifting a closure order reopens the entity (suspended → resumed). */
    async liftClosure(ctx: RequestContext, closureId: number, reason: string): Promise<void> {
      const actor = requirePermission(ctx.actor, 'enforcement.inspect');
      const c = await db.selectFrom('closureOrder').selectAll().where('id', '=', closureId).executeTakeFirst();
      if (!c || !inPaths(paths(actor), c.regionPath)) throw new AppError('common.not_found', 404);
      if (c.liftedAt) throw new AppError('common.bad_transition', 409, { from: 'lifted', action: 'lift' });
      await db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('closureOrder')
          .set({ liftedAt: clock.now().toISOString(), liftedReason: reason })
          .where('id', '=', closureId)
          .where('liftedAt', 'is', null)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new AppError('common.conflict', 409);
        // another closure order still in force keeps the entity suspended
        const other = await trx
          .selectFrom('closureOrder')
          .select('id')
          .where('entityId', '=', c.entityId)
          .where('liftedAt', 'is', null)
          .executeTakeFirst();
        if (!other)
          await changeStatusIfAllowed(
            trx,
            ctx,
            Number(c.entityId),
            'resumed',
            t('zh-CN', 'enforcement.reason.lifted', { reason }),
            closureId,
          );
        await audit.record(trx, ctx, {
          action: 'enforcement.lift',
          targetType: 'closure_order',
          targetId: closureId,
          regionPath: c.regionPath,
          detail: { reason },
        });
      });
      events.publish({ type: 'enforcement.lifted', regionPath: c.regionPath, data: { closureId } });
    },

    async get(ctx: RequestContext, id: number): Promise<Inspection> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const r = await byId(db, id);
      if (!inPaths(paths(actor), r.regionPath)) throw new AppError('common.not_found', 404);
      return toInspection(r);
    },
    async notice(ctx: RequestContext, id: number): Promise<RectificationNotice> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const n = await db.selectFrom('rectificationNotice').select('regionPath').where('id', '=', id).executeTakeFirst();
      if (!n || !inPaths(paths(actor), n.regionPath)) throw new AppError('common.not_found', 404);
      return noticeDto(id);
    },
    async notices(
      ctx: RequestContext,
      q: { page: number; pageSize: number; status?: string; regionCode?: string; q?: string },
    ): Promise<Page<RectificationNotice>> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      let base = db.selectFrom('rectificationNotice').where(() => likeAny('rectification_notice.region_path', paths(actor)));
      if (q.regionCode) {
        const region = await regions.resolve(q.regionCode);
        base = base.where(() => likeAny('rectification_notice.region_path', [region.path]));
      }
      if (q.status) base = base.where('status', '=', q.status);
      const needle = q.q;
      if (needle)
        base = base.where((eb) =>
          eb.or([
            containsLiteral('rectification_notice.entity_name', needle),
            containsLiteral('rectification_notice.no', needle),
          ]),
        );
      const [{ n }, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        base
          .selectAll()
          .orderBy('id', 'desc')
          .offset((q.page - 1) * q.pageSize)
          .limit(q.pageSize)
          .execute(),
      ]);
      return { items: await noticeDtos(rows), total: Number(n), page: q.page, pageSize: q.pageSize };
    },
    async closures(
      ctx: RequestContext,
      q: { page: number; pageSize: number; active?: 'true' | 'false'; regionCode?: string; q?: string },
    ): Promise<Page<ClosureOrder>> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      let base = db.selectFrom('closureOrder').where(() => likeAny('closure_order.region_path', paths(actor)));
      if (q.regionCode) {
        const region = await regions.resolve(q.regionCode);
        base = base.where(() => likeAny('closure_order.region_path', [region.path]));
      }
      if (q.active === 'true') base = base.where('liftedAt', 'is', null);
      if (q.active === 'false') base = base.where('liftedAt', 'is not', null);
      const needle = q.q;
      if (needle) base = base.where(() => containsLiteral('closure_order.entity_name', needle));
      const [{ n }, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        base
          .selectAll()
          .orderBy('id', 'desc')
          .offset((q.page - 1) * q.pageSize)
          .limit(q.pageSize)
          .execute(),
      ]);
      return {
        items: rows.map((r) => ({
          id: Number(r.id),
          entityId: Number(r.entityId),
          entityName: r.entityName,
          inspectionId: Number(r.inspectionId),
          reason: r.reason,
          orderedOn: r.orderedOn,
          liftedAt: r.liftedAt,
          liftedReason: r.liftedReason,
        })),
        total: Number(n),
        page: q.page,
        pageSize: q.pageSize,
      };
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
      let base = db.selectFrom('inspection').where(() => likeAny('inspection.region_path', paths(actor)));
      if (region) base = base.where(() => likeAny('inspection.region_path', [region.path]));
      if (q.entityId) base = base.where('entityId', '=', q.entityId);
      if (q.outcome) base = base.where('outcome', '=', q.outcome);
      if (q.roundId) base = base.where('roundId', '=', q.roundId);
      if (q.visitId) base = base.where('visitId', '=', q.visitId);
      if (q.from) base = base.where('inspectedOn', '>=', q.from);
      if (q.to) base = base.where('inspectedOn', '<=', q.to);
      const [{ n }, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        base
          .selectAll()
          .orderBy('id', 'desc')
          .offset((q.page - 1) * q.pageSize)
          .limit(q.pageSize)
          .execute(),
      ]);
      return { items: rows.map(toInspection), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    /** 执法检查 tally for any period, region and round, counted from the records. */
    async tally(ctx: RequestContext, q: { from?: string; to?: string; regionCode?: string; roundId?: number }): Promise<Tally> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      return tallyOf(paths(actor), region?.path ?? null, q.from ?? '0000-01-01', q.to ?? '9999-12-31', q.roundId);
    },
    tallyReport,
    async tallyXlsx(
      ctx: RequestContext,
      q: { from?: string; to?: string; regionCode?: string; roundId?: number },
    ): Promise<Buffer> {
      const r = await tallyReport(ctx, q);
      type Row = TallyReport['rows'][number];
      const cols = columnsIn<Row>(ctx.locale, [
        [{ 'zh-CN': '区域', 'zh-TW': '區域', en: 'Region' }, (x) => x.regionName, 24],
        [{ 'zh-CN': '出动执法人员（人次）', 'zh-TW': '出動執法人員（人次）', en: 'Inspector-visits' }, (x) => x.inspectorVisits],
        [{ 'zh-CN': '巡查商户（家次）', 'zh-TW': '巡查商戶（家次）', en: 'Premises visited' }, (x) => x.premises],
        [{ 'zh-CN': '涉及商户（家）', 'zh-TW': '涉及商戶（家）', en: 'Distinct premises' }, (x) => x.distinctPremises],
        [{ 'zh-CN': '发现问题（个）', 'zh-TW': '發現問題（個）', en: 'Problems found' }, (x) => x.problems],
        [{ 'zh-CN': '当场整改（个）', 'zh-TW': '當場整改（個）', en: 'Fixed on the spot' }, (x) => x.fixedOnSpot],
        [{ 'zh-CN': '整改通知书（份）', 'zh-TW': '整改通知書（份）', en: 'Notices issued' }, (x) => x.notices],
        [{ 'zh-CN': '关停（户）', 'zh-TW': '關停（戶）', en: 'Closures' }, (x) => x.closures],
      ]);
      return toXlsx(t(ctx.locale, 'enforcement.tally.sheet'), cols, [...r.rows, r.total]);
    },
  };
}
export type EnforcementService = ReturnType<typeof createEnforcementService>;
