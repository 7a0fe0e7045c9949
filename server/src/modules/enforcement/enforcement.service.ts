import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import {
  fiveSmallVenueTypes,
  type InspectionChecklist,
  type Inspection,
  type Page,
  type PremisesType,
  type RectificationNotice,
  type Tally,
  type TimelineItem,
} from '@fugong/contract';
import type { z } from 'zod';
import type { createInspectionBodySchema, reinspectBodySchema } from '@fugong/contract';
import type { DB } from '../../db/schema';
import { pathPrefix } from '../../db/sql-helpers';
import type { Clock } from '../../platform/clock';
import { localDate } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { RequestContext } from '../../platform/context';
import { AppError, invalid } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import type { FilingsService } from '../filings/filings.service';
import type { ComplaintsService } from '../complaints/complaints.service';
import './enforcement.messages';

type Db = Kysely<DB> | Transaction<DB>;

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  regions: RegionsService;
  registry: Pick<RegistryService, 'getForService' | 'changeStatus' | 'registerTimelineSource'>;
  filings: Pick<FilingsService, 'recordOnsiteResult'>;
  complaints: Pick<ComplaintsService, 'linkInspection'>;
}

/** The premises type an entity is inspected as, unless the inspector says otherwise. */
export function premisesTypeOf(e: { kind: string; smallVenueType: string | null }): PremisesType {
  if (e.smallVenueType) return (fiveSmallVenueTypes as readonly string[]).includes(e.smallVenueType) ? 'five_small' : 'nine_small';
  if (e.kind === 'venue') return 'mall';
  return 'other';
}

/**
 * 综合执法: inspections with a checklist per premises type, rectification notices with a
 * deadline and re-inspection, closure orders (the entity is suspended through the registry) and
 * their lifting, and the tally the seeds quote.
 */
export function createEnforcementService(deps: Deps) {
  const { db, clock, audit, events, regions, registry, filings, complaints } = deps;

  function paths(actor: Actor): string[] | 'all' {
    const perm = ['enforcement.inspect', 'enforcement.read'].find((p) => actor.permissions.has(p));
    if (!perm) throw new AppError('common.forbidden', 403);
    const s = scopeOf(actor, perm);
    return s.all ? 'all' : s.regionPaths;
  }
  const inPaths = (ps: string[] | 'all', path: string) => ps === 'all' || ps.some((p) => path.startsWith(p));
  const likeAny = (col: string, ps: string[] | 'all') =>
    ps === 'all' ? sql<SqlBool>`1 = 1` : ps.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(ps.map((p) => sql`${sql.ref(col)} like ${pathPrefix(p)} escape '\\'`), sql` or `)})`;

  const toInspection = (r: Awaited<ReturnType<typeof byId>>): Inspection => ({
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
    noticeId: r.noticeId == null ? null : Number(r.noticeId),
    closureId: r.closureId == null ? null : Number(r.closureId),
    createdAt: r.createdAt,
  });
  async function byId(dbx: Db, id: number) {
    const r = await dbx.selectFrom('inspection').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('common.not_found', 404);
    return r;
  }

  async function insertInspection(trx: Db, actor: Actor, v: { kind: string; entity: { id: number; name: string; regionPath: string }; premisesType: string; inspectedOn: string; inspectorCount: number; results: Record<string, boolean>; problemsFound: number; fixedOnSpot: number; outcome: string; notes: string | null; filingId: number | null; complaintId: number | null }) {
    const { id } = await trx
      .insertInto('inspection')
      .values({
        no: `tmp-${clock.now().getTime()}-${Math.random().toString(36).slice(2, 10)}`,
        kind: v.kind,
        entityId: v.entity.id,
        entityName: v.entity.name,
        premisesType: v.premisesType,
        regionPath: v.entity.regionPath,
        inspectedOn: v.inspectedOn,
        inspectorCount: v.inspectorCount,
        inspectorId: actor.id,
        inspectorName: actor.displayName,
        results: JSON.stringify(v.results),
        problemsFound: v.problemsFound,
        fixedOnSpot: v.fixedOnSpot,
        outcome: v.outcome,
        notes: v.notes,
        filingId: v.filingId,
        complaintId: v.complaintId,
        noticeId: null,
        closureId: null,
        createdAt: clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const iid = Number(id);
    await trx.updateTable('inspection').set({ no: `JC${v.inspectedOn.replace(/-/g, '')}${String(iid).padStart(6, '0')}` }).where('id', '=', iid).execute();
    return iid;
  }

  /** 关停: a closure order, and the entity suspended through the registry's state machine. */
  async function close(trx: Db, ctx: RequestContext, inspectionId: number, entity: { id: number; name: string; regionPath: string }, reason: string, on: string) {
    const { id } = await trx.insertInto('closureOrder').values({ entityId: entity.id, entityName: entity.name, regionPath: entity.regionPath, inspectionId, reason, orderedOn: on, liftedAt: null, liftedReason: null }).returning('id').executeTakeFirstOrThrow();
    await registry.changeStatus(trx, ctx, entity.id, 'suspended', t('zh-CN', 'enforcement.reason.closure', { reason }), { type: 'closure_order', id: Number(id) });
    await trx.updateTable('inspection').set({ closureId: Number(id) }).where('id', '=', inspectionId).execute();
    return Number(id);
  }

  async function noticeDto(id: number): Promise<RectificationNotice> {
    const n = await db.selectFrom('rectificationNotice').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const e = await registry.getForService(Number(n.entityId));
    return {
      id: Number(n.id),
      no: n.no,
      inspectionId: Number(n.inspectionId),
      entityId: Number(n.entityId),
      entityName: n.entityName,
      address: (e as { address?: string | null } | null)?.address ?? null,
      items: n.items,
      issuedOn: n.issuedOn,
      deadline: n.deadline,
      status: n.status as RectificationNotice['status'],
      reinspectionId: n.reinspectionId == null ? null : Number(n.reinspectionId),
    };
  }

  registry.registerTimelineSource({
    name: 'enforcement',
    async load(entityId, ctx) {
      const rows = await db.selectFrom('inspection').selectAll().where('entityId', '=', entityId).orderBy('id', 'desc').limit(100).execute();
      return rows.map((r): TimelineItem => ({
        at: r.createdAt,
        kind: 'enforcement.inspection',
        title: t(ctx.locale, 'enforcement.timeline', { no: r.no, outcome: t(ctx.locale, `enforcement.outcome.${r.outcome}`) }),
        detail: t(ctx.locale, 'enforcement.timeline.detail', { problems: r.problemsFound, fixed: r.fixedOnSpot }),
        link: `/enforcement/inspections/${r.id}`,
      }));
    },
  });

  return {
    async checklist(ctx: RequestContext, type: PremisesType): Promise<InspectionChecklist> {
      if (!ctx.actor) throw new AppError('auth.required', 401);
      const r = await db.selectFrom('inspectionChecklist').selectAll().where('premisesType', '=', type).executeTakeFirst();
      return { premisesType: type, items: r ? JSON.parse(r.items) : [], updatedAt: r?.updatedAt ?? null };
    },
    async setChecklist(ctx: RequestContext, type: PremisesType, items: { code: string; text: string }[]): Promise<InspectionChecklist> {
      requirePermission(ctx.actor, 'enforcement.configure');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('inspectionChecklist').values({ premisesType: type, items: JSON.stringify(items), updatedAt: now }).onConflict((oc) => oc.column('premisesType').doUpdateSet({ items: JSON.stringify(items), updatedAt: now })).execute();
        await audit.record(trx, ctx, { action: 'enforcement.checklist', targetType: 'inspection_checklist', targetId: type, detail: { items: items.length } });
      });
      return { premisesType: type, items, updatedAt: now };
    },

    async inspect(ctx: RequestContext, b: z.output<typeof createInspectionBodySchema>): Promise<Inspection> {
      const actor = requirePermission(ctx.actor, 'enforcement.inspect');
      const e = await registry.getForService(b.entityId);
      if (!e || !inPaths(paths(actor), e.regionPath)) throw invalid([{ field: 'entityId', message: 'enforcement.entity_out_of_scope' }]);
      const premisesType = b.premisesType ?? premisesTypeOf(e);
      const failed = Object.values(b.results).filter((x) => !x).length;
      const problemsFound = failed + b.extraProblems;
      if (b.fixedOnSpot > problemsFound) throw invalid([{ field: 'fixedOnSpot', message: 'enforcement.fixed_exceeds' }]);
      const entity = { id: e.id, name: e.name, regionPath: e.regionPath };
      const id = await db.transaction().execute(async (trx) => {
        const iid = await insertInspection(trx, actor, { kind: b.kind, entity, premisesType, inspectedOn: b.inspectedOn, inspectorCount: b.inspectorCount, results: b.results, problemsFound, fixedOnSpot: b.fixedOnSpot, outcome: b.outcome, notes: b.notes ?? null, filingId: b.filingId ?? null, complaintId: b.complaintId ?? null });
        if (b.outcome === 'notice') {
          const year = b.inspectedOn.slice(0, 4);
          const { id: nid } = await trx
            .insertInto('rectificationNotice')
            .values({ no: `tmp-${iid}`, inspectionId: iid, entityId: e.id, entityName: e.name, regionPath: e.regionPath, items: b.noticeItems!, issuedOn: b.inspectedOn, deadline: b.noticeDeadline!, status: 'issued', reinspectionId: null })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx.updateTable('rectificationNotice').set({ no: t('zh-CN', 'enforcement.notice.no', { year, n: String(Number(nid)).padStart(4, '0') }) }).where('id', '=', Number(nid)).execute();
          await trx.updateTable('inspection').set({ noticeId: Number(nid) }).where('id', '=', iid).execute();
        }
        if (b.outcome === 'closure') await close(trx, ctx, iid, entity, b.notes || t('zh-CN', 'enforcement.reason.default'), b.inspectedOn);
        // the on-site review a 五小单位 filing waits for
        if (b.kind === 'pre_opening' && b.filingId) await filings.recordOnsiteResult(trx, ctx, b.filingId, { passed: b.outcome === 'pass', notes: b.notes ?? '' });
        if (b.complaintId) await complaints.linkInspection(trx, b.complaintId, iid);
        await audit.record(trx, ctx, { action: 'enforcement.inspect', targetType: 'inspection', targetId: iid, regionPath: e.regionPath, detail: { entityId: e.id, outcome: b.outcome, problemsFound, fixedOnSpot: b.fixedOnSpot } });
        return iid;
      });
      events.publish({ type: 'enforcement.inspected', regionPath: e.regionPath, data: { inspectionId: id, outcome: b.outcome } });
      return toInspection(await byId(db, id));
    },

    /** Re-inspection after the notice's deadline: rectified closes the notice, otherwise 关停. */
    async reinspect(ctx: RequestContext, noticeId: number, b: z.output<typeof reinspectBodySchema>): Promise<RectificationNotice> {
      const actor = requirePermission(ctx.actor, 'enforcement.inspect');
      const n = await db.selectFrom('rectificationNotice').selectAll().where('id', '=', noticeId).executeTakeFirst();
      if (!n || !inPaths(paths(actor), n.regionPath)) throw new AppError('common.not_found', 404);
      if (n.status !== 'issued') throw new AppError('common.bad_transition', 409, { from: n.status, action: 'reinspect' });
      const prev = await byId(db, Number(n.inspectionId));
      const entity = { id: Number(n.entityId), name: n.entityName, regionPath: n.regionPath };
      await db.transaction().execute(async (trx) => {
        const iid = await insertInspection(trx, actor, { kind: 'reinspection', entity, premisesType: prev.premisesType, inspectedOn: b.inspectedOn, inspectorCount: b.inspectorCount, results: {}, problemsFound: 0, fixedOnSpot: 0, outcome: b.passed ? 'pass' : 'closure', notes: b.notes ?? null, filingId: null, complaintId: null });
        const moved = await trx.updateTable('rectificationNotice').set({ status: b.passed ? 'rectified' : 'escalated', reinspectionId: iid }).where('id', '=', noticeId).where('status', '=', 'issued').executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw new AppError('common.conflict', 409);
        if (!b.passed) await close(trx, ctx, iid, entity, b.notes || t('zh-CN', 'enforcement.reason.notRectified', { no: n.no }), b.inspectedOn);
        await audit.record(trx, ctx, { action: 'enforcement.reinspect', targetType: 'rectification_notice', targetId: noticeId, regionPath: n.regionPath, detail: { passed: b.passed } });
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
        const r = await trx.updateTable('closureOrder').set({ liftedAt: clock.now().toISOString(), liftedReason: reason }).where('id', '=', closureId).where('liftedAt', 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new AppError('common.conflict', 409);
        await registry.changeStatus(trx, ctx, Number(c.entityId), 'resumed', t('zh-CN', 'enforcement.reason.lifted', { reason }), { type: 'closure_order', id: closureId });
        await audit.record(trx, ctx, { action: 'enforcement.lift', targetType: 'closure_order', targetId: closureId, regionPath: c.regionPath, detail: { reason } });
      });
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

    async list(ctx: RequestContext, q: { page: number; pageSize: number; regionCode?: string; entityId?: number; outcome?: string; from?: string; to?: string }): Promise<Page<Inspection>> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      let base = db.selectFrom('inspection').where(() => likeAny('inspection.region_path', paths(actor)));
      if (region) base = base.where(() => likeAny('inspection.region_path', [region.path]));
      if (q.entityId) base = base.where('entityId', '=', q.entityId);
      if (q.outcome) base = base.where('outcome', '=', q.outcome);
      if (q.from) base = base.where('inspectedOn', '>=', q.from);
      if (q.to) base = base.where('inspectedOn', '<=', q.to);
      const [{ n }, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        base.selectAll().orderBy('id', 'desc').offset((q.page - 1) * q.pageSize).limit(q.pageSize).execute(),
      ]);
      return { items: rows.map(toInspection), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    /** 执法检查 tally for any period and region, counted from the records. */
    async tally(ctx: RequestContext, q: { from?: string; to?: string; regionCode?: string }): Promise<Tally> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const ps = paths(actor);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const from = q.from ?? '0000-01-01';
      const to = q.to ?? localDate(clock.now());
      const scoped = (col: string) => sql<SqlBool>`${likeAny(col, ps)} and ${region ? likeAny(col, [region.path]) : sql<SqlBool>`1 = 1`}`;
      const i = await db
        .selectFrom('inspection')
        .select((eb) => [
          eb.fn.countAll<number>().as('inspections'),
          eb.fn.sum<number>('inspectorCount').as('inspectorVisits'),
          eb.fn.count<number>('entityId').distinct().as('premises'),
          eb.fn.sum<number>('problemsFound').as('problems'),
          eb.fn.sum<number>('fixedOnSpot').as('fixedOnSpot'),
        ])
        .where(() => scoped('inspection.region_path'))
        .where('inspectedOn', '>=', from)
        .where('inspectedOn', '<=', to)
        .executeTakeFirstOrThrow();
      const notices = await db.selectFrom('rectificationNotice').select((eb) => eb.fn.countAll<number>().as('n')).where(() => scoped('rectification_notice.region_path')).where('issuedOn', '>=', from).where('issuedOn', '<=', to).executeTakeFirstOrThrow();
      const closures = await db.selectFrom('closureOrder').select((eb) => eb.fn.countAll<number>().as('n')).where(() => scoped('closure_order.region_path')).where('orderedOn', '>=', from).where('orderedOn', '<=', to).executeTakeFirstOrThrow();
      return {
        inspectorVisits: Number(i.inspectorVisits ?? 0),
        premises: Number(i.premises ?? 0),
        inspections: Number(i.inspections ?? 0),
        problems: Number(i.problems ?? 0),
        fixedOnSpot: Number(i.fixedOnSpot ?? 0),
        notices: Number(notices.n),
        closures: Number(closures.n),
      };
    },
  };
}
export type EnforcementService = ReturnType<typeof createEnforcementService>;
