import type { Permission } from '@fugong/contract';
import type { Kysely, Transaction } from 'kysely';
import type {
  Batch,
  EntityStatus,
  FilingAbilities,
  FilingAction,
  FilingDetail,
  FilingListQuery,
  FilingRevision,
  FilingStatus,
  FilingSummary,
  Department,
  FilingRoute,
  OnsiteResult,
  Page,
  TimelineItem,
} from '@fugong/contract';
import {
  decisionBodySchema,
  filingDataSchema,
  onsiteBodySchema,
  reasonBodySchema,
  saveDraftBodySchema,
  submitFilingBodySchema,
} from '@fugong/contract';
import type { DB } from '../schema';
import type { Clock } from '../../platform/clock';
import { localDate } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { Jobs } from '../../platform/jobs';
import type { Pii } from '../../platform/pii';
import type { RequestContext } from '../../platform/context';
import { systemContext } from '../../platform/context';
import { AppError, badTransition, notFound, type FieldError } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { t } from '../../platform/i18n/index';
import { requirePermission, type Actor } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import { filingsRepo, type FilingRow } from './filings.repo';
import { transition, editableStates, reviewStates } from './filing-states';
import { accessWhere, canAccess, filingAccess, isEmpty, type FilingAccess } from './filing-access';
import { routeFor } from './filing-config';
import { createFilingConfigService } from './filing-config.service';
import { createAttachmentsService, ownEntityId, toAttachment } from './attachments.service';
import { createStaffReadinessService } from './staff-readiness.service';
import { commitmentHash } from './commitment';
import { toXlsx } from '../../platform/excel';

const MAX_EXPORT = 50_000;
import './filings.messages';

type Registry = Pick<RegistryService, 'getForService' | 'changeStatus' | 'registerTimelineSource'>;
type Db = Kysely<DB> | Transaction<DB>;

interface Deps {
  db: Kysely<DB>;
  dialect: 'sqlite' | 'postgres';
  clock: Clock;
  audit: Audit;
  events: EventBus;
  jobs: Jobs;
  pii: Pii;
  regions: RegionsService;
  registry: Registry;
  dataDir: string;
}

/** What a transition did, for the caller to publish once its transaction has committed. */
export interface FilingOutcome {
  filingId: number;
  entityId: number;
  regionPath: string;
  status: FilingStatus;
}

/** Where the entity goes when its filing reaches a state; null leaves it where it is. */
function entityTarget(status: FilingStatus): { to: EntityStatus; reason: string } | null {
  if (status === 'approved') return { to: 'resumed', reason: 'filings.reason.approved' };
  if (status === 'rejected') return { to: 'not_resumed', reason: 'filings.reason.rejected' };
  if (status === 'suspended') return { to: 'suspended', reason: '' };
  if (status === 'submitted' || status === 'resubmitted') return { to: 'filing', reason: 'filings.reason.submitted' };
  return null;
}

function merge(...xs: FilingAccess[]): FilingAccess {
  return { all: xs.some((x) => x.all), clauses: xs.flatMap((x) => x.clauses), entityIds: xs.flatMap((x) => x.entityIds) };
}

export function createFilingsService(deps: Deps) {
  const { db, clock, audit, events, registry, regions } = deps;
  const repo = filingsRepo(deps.dialect);
  const config = createFilingConfigService({ db, clock, audit, repo, registry });
  const attachments = createAttachmentsService({ db, clock, audit, repo, registry, dataDir: deps.dataDir });
  const staff = createStaffReadinessService({ db, clock, audit, pii: deps.pii, repo, registry, config });

  function summary(r: FilingRow): FilingSummary {
    return {
      id: r.id,
      entityId: r.entityId,
      entityName: r.entityName,
      regionPath: r.regionPath,
      status: r.status as FilingStatus,
      route: r.route as FilingRoute,
      batchNo: r.batchNo,
      department: r.department as Department | null,
      whitelisted: !!r.whitelisted,
      configVersion: r.configVersion,
      revision: r.revision,
      plannedDate: r.plannedDate,
      submittedAt: r.submittedAt,
      decidedAt: r.decidedAt,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }

  function abilities(actor: Actor | null, r: FilingRow): FilingAbilities {
    const has = (perm: Permission) => !!actor && actor.permissions.has(perm) && canAccess(filingAccess(actor, perm), r);
    const s = r.status as FilingStatus;
    const own = has('filings.submit') && editableStates.includes(s);
    return {
      edit: own,
      submit: own,
      review: has('filings.review') && reviewStates.includes(s),
      onsite: has('filings.onsite') && s === 'awaiting_onsite',
      suspend: has('filings.review') && s === 'approved',
      reopen: has('filings.review') && s === 'suspended',
    };
  }

  /** Readers: whoever holds filings.read in the filing's place, plus the entity's own users. */
  function readAccess(actor: Actor): FilingAccess {
    return merge(
      filingAccess(actor, 'filings.read'),
      filingAccess(actor, 'filings.submit'),
      filingAccess(actor, 'filings.onsite'),
    );
  }

  async function readable(ctx: RequestContext, id: number): Promise<FilingRow> {
    if (!ctx.actor) throw new AppError('auth.required', 401);
    const row = await repo.byId(db, id);
    if (!row || !canAccess(readAccess(ctx.actor), row)) throw notFound();
    return row;
  }

  /** Loads inside the transaction and checks the actor may act with `perm` on it (404 otherwise). */
  async function lockedFor(trx: Db, ctx: RequestContext, id: number, perm: Permission): Promise<FilingRow> {
    const actor = requirePermission(ctx.actor, perm);
    const row = await repo.byId(trx, id);
    if (!row || !canAccess(filingAccess(actor, perm), row)) throw notFound();
    return row;
  }

  async function moveEntity(trx: Db, ctx: RequestContext, row: FilingRow, status: FilingStatus, reason?: string): Promise<void> {
    const target = entityTarget(status);
    if (!target) return;
    try {
      await registry.changeStatus(trx, ctx, row.entityId, target.to, reason || t(ctx.locale, target.reason), {
        type: 'filing',
        id: row.id,
      });
    } catch (err) {
      // the entity is already there or past it (e.g. it had reopened before it filed): the filing still counts
      if (err instanceof AppError && err.code === 'common.bad_transition') return;
      throw err;
    }
  }

  /**
   * Applies a chain of actions from the state read in this transaction, writes one conditional
   * update (0 rows → someone else moved it first → 409) and one history line per action.
   */
  async function applyActions(
    trx: Db,
    ctx: RequestContext,
    row: FilingRow,
    actions: FilingAction[],
    opts: { reason?: string | null; set?: Partial<FilingRow>; revision?: number | null } = {},
  ): Promise<FilingOutcome> {
    const from = row.status as FilingStatus;
    const steps: { action: FilingAction; from: FilingStatus; to: FilingStatus }[] = [];
    let cur = from;
    for (const a of actions) {
      const to = transition(cur, a);
      steps.push({ action: a, from: cur, to });
      cur = to;
    }
    const now = clock.now().toISOString();
    const decided = cur === 'approved' || cur === 'rejected';
    const ok = await repo.moveIf(trx, row.id, from, {
      ...opts.set,
      status: cur,
      updatedAt: now,
      ...(decided ? { decidedAt: now } : {}),
    });
    if (!ok) {
      const fresh = await repo.byId(trx, row.id);
      throw badTransition(fresh?.status ?? from, actions[0]!);
    }
    for (const s of steps) {
      await repo.insertEvent(trx, {
        filingId: row.id,
        at: now,
        actorId: ctx.actor?.id ?? null,
        actorName: ctx.actor?.username ?? null,
        action: s.action,
        fromStatus: s.from,
        toStatus: s.to,
        reason: opts.reason || null,
        revision: opts.revision ?? row.revision,
      });
    }
    if (cur !== from) await moveEntity(trx, ctx, row, cur, cur === 'suspended' ? (opts.reason ?? '') : undefined);
    await audit.record(trx, ctx, {
      action: `filings.${actions.join('+')}`,
      targetType: 'filing',
      targetId: row.id,
      regionPath: row.regionPath,
      detail: { from, to: cur, reason: opts.reason ?? null },
    });
    return { filingId: row.id, entityId: row.entityId, regionPath: row.regionPath, status: cur };
  }

  function publish(o: FilingOutcome) {
    events.publish({
      type: 'filings.status_changed',
      regionPath: o.regionPath,
      data: { filingId: o.filingId, entityId: o.entityId, status: o.status },
    });
  }

  /** Checks the parts of a submission that need the database and the filing's configuration version. */
  async function checkSubmission(row: FilingRow, data: ReturnType<typeof filingDataSchema.parse>): Promise<FieldError[]> {
    const fields: FieldError[] = [];
    if (data.plannedDate < localDate(clock.now()))
      fields.push({ field: 'data.plannedDate', message: 'filings.planned_date_past' });
    const cfg = await config.version(row.configVersion);
    const list = cfg.checklists.find((c) => c.key === row.checklistKey)!;
    const codes = new Set(list.items.map((i) => i.code));
    for (const item of list.items)
      if (item.required && data.checklist[item.code] !== true)
        fields.push({ field: `data.checklist.${item.code}`, message: 'filings.checklist_incomplete' });
    for (const code of Object.keys(data.checklist))
      if (!codes.has(code)) fields.push({ field: `data.checklist.${code}`, message: 'filings.checklist_unknown' });
    for (const [plan, kind] of [
      ['preventionPlan', 'prevention_plan'],
      ['emergencyPlan', 'emergency_plan'],
    ] as const) {
      const ids = data[plan].attachmentIds;
      const found = await repo.attachments(db, ids);
      ids.forEach((id, i) => {
        const a = found.find((f) => f.id === id);
        if (!a || a.entityId !== row.entityId)
          fields.push({ field: `data.${plan}.attachmentIds.${i}`, message: 'filings.attachment_unknown' });
        else if (a.kind !== kind)
          fields.push({ field: `data.${plan}.attachmentIds.${i}`, message: 'filings.attachment_wrong_kind' });
      });
    }
    return fields;
  }

  /** The route a submission takes after it is filed. */
  function routeActions(row: FilingRow, batchReleased: boolean): FilingAction[] {
    if (row.whitelisted || row.route === 'commitment') return ['auto_approve'];
    if (row.route === 'onsite') return ['await_onsite'];
    if (row.route === 'batch') return batchReleased ? ['await_batch', 'release_batch'] : ['await_batch'];
    return [];
  }

  async function batchReleased(batchNo: number | null): Promise<boolean> {
    if (batchNo == null) return false;
    const b = await repo.batch(db, batchNo);
    return !!b?.releaseDate && b.releaseDate <= localDate(clock.now());
  }

  /** Releases every filing whose batch date has come; run by the job, after a date is set, and on read. */
  async function releaseDueBatches(filter?: { filingId: number }): Promise<number> {
    const due = (await repo.dueBatchNos(db, localDate(clock.now()))).map((b) => b.batchNo);
    let waiting = await repo.awaitingBatch(db, due);
    if (filter) waiting = waiting.filter((w) => w.id === filter.filingId);
    let released = 0;
    const ctx = systemContext();
    for (const w of waiting) {
      try {
        const o = await db.transaction().execute((trx) => applyActions(trx, ctx, w, ['release_batch']));
        publish(o);
        released++;
      } catch (err) {
        // another node released it first
        if (!(err instanceof AppError && err.status === 409)) throw err;
      }
    }
    return released;
  }

  /**
   * The on-site result for an `onsite` filing, inside the caller's transaction (the enforcement
   * module records it as part of an inspection). Pass releases the entity; fail sends it back
   * to the enterprise with the inspector's notes.
   */
  async function recordOnsiteResult(
    trx: Db,
    ctx: RequestContext,
    filingId: number,
    result: OnsiteResult,
  ): Promise<FilingOutcome> {
    const row = await lockedFor(trx, ctx, filingId, 'filings.onsite');
    return applyActions(trx, ctx, row, [result.passed ? 'onsite_pass' : 'onsite_fail'], { reason: result.notes || null });
  }

  registry.registerTimelineSource({
    name: 'filings',
    async load(entityId, ctx) {
      const filings = await repo.forEntity(db, entityId);
      const evs = await repo.events(
        db,
        filings.map((f) => f.id),
      );
      return evs.map((e): TimelineItem => ({
        at: e.at,
        kind: `filings.${e.action}`,
        title: t(ctx.locale, 'filings.timeline.title', { id: e.filingId, action: t(ctx.locale, `filings.action.${e.action}`) }),
        detail: [e.reason, e.actorName].filter(Boolean).join(' · ') || undefined,
        link: `/filings/${e.filingId}`,
      }));
    },
  });

  deps.jobs.register({
    name: 'filings.release_batches',
    everyMs: 10 * 60_000,
    run: async () => `released ${await releaseDueBatches()}`,
  });

  async function listQuery(ctx: RequestContext, q: FilingListQuery, offset: number, limit: number) {
    if (!ctx.actor) throw new AppError('auth.required', 401);
    const actor = ctx.actor;
    let access: FilingAccess;
    let statuses: readonly FilingStatus[] | undefined;
    if (q.inbox === 'review') {
      access = filingAccess(requirePermission(actor, 'filings.review'), 'filings.review');
      statuses = reviewStates;
    } else if (q.inbox === 'onsite') {
      access = filingAccess(requirePermission(actor, 'filings.onsite'), 'filings.onsite');
      statuses = ['awaiting_onsite'];
    } else access = readAccess(actor);
    if (isEmpty(access)) throw new AppError('common.forbidden', 403);
    const underPath = q.regionCode ? (await regions.resolve(q.regionCode)).path : undefined;
    return {
      actor,
      l: repo.list(db, {
        where: accessWhere(access),
        status: q.status,
        statuses,
        route: q.route,
        underPath,
        q: q.q,
        offset,
        limit,
      }),
    };
  }

  const api = {
    config,
    attachments,
    staff,
    recordOnsiteResult,
    releaseDueBatches,

    async create(ctx: RequestContext, askedEntityId?: number): Promise<FilingSummary> {
      const entityId = ownEntityId(ctx, askedEntityId);
      const entity = await registry.getForService(entityId);
      if (!entity) throw notFound();
      if (entity.status === 'closed') throw new AppError('filings.entity_closed', 409);
      const existing = await repo.openForEntity(db, entityId);
      if (existing) throw new AppError('filings.already_open', 409, { id: existing.id });
      const cfg = await config.current();
      const decision = routeFor(cfg.config, entity);
      const whitelisted = decision.whitelistFastTrack && (await config.onWhitelist(entityId));
      const now = clock.now().toISOString();
      try {
        const row = await db.transaction().execute(async (trx) => {
          const { id } = await repo.insertFiling(trx, {
            entityId,
            entityName: entity.name,
            regionPath: entity.regionPath,
            status: 'draft',
            route: decision.route,
            batchNo: decision.batchNo,
            department: decision.department,
            whitelisted: whitelisted ? 1 : 0,
            checklistKey: decision.checklistKey,
            configVersion: cfg.version,
            revision: 0,
            draft: '{}',
            plannedDate: null,
            submittedAt: null,
            decidedAt: null,
            createdAt: now,
            updatedAt: now,
          });
          await repo.insertEvent(trx, {
            filingId: Number(id),
            at: now,
            actorId: ctx.actor?.id ?? null,
            actorName: ctx.actor?.username ?? null,
            action: 'create',
            fromStatus: null,
            toStatus: 'draft',
            reason: null,
            revision: 0,
          });
          await audit.record(trx, ctx, {
            action: 'filings.create',
            targetType: 'filing',
            targetId: Number(id),
            regionPath: entity.regionPath,
            detail: { entityId, route: decision.route, configVersion: cfg.version },
          });
          return (await repo.byId(trx, Number(id)))!;
        });
        return summary(row);
      } catch (err) {
        // the partial unique index decides a race between two creators
        if (/unique|duplicate/i.test(String((err as Error).message))) {
          const open = await repo.openForEntity(db, entityId);
          throw new AppError('filings.already_open', 409, { id: open?.id ?? 0 });
        }
        throw err;
      }
    },

    async saveDraft(ctx: RequestContext, id: number, input: unknown): Promise<void> {
      const { data } = parseInput(saveDraftBodySchema, input, ctx);
      const actor = requirePermission(ctx.actor, 'filings.submit');
      const row = await repo.byId(db, id);
      if (!row || !canAccess(filingAccess(actor, 'filings.submit'), row)) throw notFound();
      if (!editableStates.includes(row.status as FilingStatus)) throw badTransition(row.status, 'edit');
      const merged = { ...JSON.parse(row.draft), ...data };
      const r = await repo.updateDraft(
        db,
        id,
        JSON.stringify(merged),
        merged.plannedDate ?? null,
        clock.now().toISOString(),
        editableStates,
      );
      if (Number(r.numUpdatedRows) !== 1) throw badTransition(row.status, 'edit');
    },

    /** Submit (from draft) or resubmit (after changes were requested), signing the commitment again. */
    async submit(ctx: RequestContext, id: number, input: unknown): Promise<FilingSummary> {
      const body = parseInput(submitFilingBodySchema, input, ctx);
      const actor = requirePermission(ctx.actor, 'filings.submit');
      const row = await repo.byId(db, id);
      if (!row || !canAccess(filingAccess(actor, 'filings.submit'), row)) throw notFound();
      const action: FilingAction = row.status === 'changes_requested' ? 'resubmit' : 'submit';
      transition(row.status as FilingStatus, action);
      const fields = await checkSubmission(row, body.data);
      if (fields.length) throw new AppError('common.validation_failed', 400, {}, fields);
      const cfg = await config.version(row.configVersion);
      if (body.commitment.text !== cfg.commitmentText) throw new AppError('filings.commitment_text_changed', 409);
      const released = await batchReleased(row.batchNo);
      const now = clock.now().toISOString();
      const revision = row.revision + 1;
      const outcome = await db.transaction().execute(async (trx) => {
        const o = await applyActions(trx, ctx, row, [action, ...routeActions(row, released)], {
          revision,
          set: { revision, draft: JSON.stringify(body.data), plannedDate: body.data.plannedDate, submittedAt: now },
        });
        await repo.insertRevision(trx, {
          filingId: id,
          revision,
          data: JSON.stringify(body.data),
          submittedAt: now,
          submittedBy: actor.username,
        });
        const signer = body.commitment.signerName;
        await repo.insertCommitment(trx, {
          filingId: id,
          revision,
          text: cfg.commitmentText,
          signerName: signer,
          signedAt: now,
          ip: ctx.ip,
          hash: commitmentHash(cfg.commitmentText, signer, now),
        });
        return o;
      });
      publish(outcome);
      return summary((await repo.byId(db, id))!);
    },

    async decide(ctx: RequestContext, id: number, input: unknown): Promise<FilingSummary> {
      const body = parseInput(decisionBodySchema, input, ctx);
      const outcome = await db.transaction().execute(async (trx) => {
        const row = await lockedFor(trx, ctx, id, 'filings.review');
        return applyActions(trx, ctx, row, [body.action], { reason: body.reason || null });
      });
      publish(outcome);
      return summary((await repo.byId(db, id))!);
    },

    async onsite(ctx: RequestContext, id: number, input: unknown): Promise<FilingSummary> {
      const body = parseInput(onsiteBodySchema, input, ctx);
      const outcome = await db.transaction().execute((trx) => recordOnsiteResult(trx, ctx, id, body));
      publish(outcome);
      return summary((await repo.byId(db, id))!);
    },

    async suspendOrReopen(ctx: RequestContext, id: number, action: 'suspend' | 'reopen', input: unknown): Promise<FilingSummary> {
      const { reason } = parseInput(reasonBodySchema, input, ctx);
      const outcome = await db.transaction().execute(async (trx) => {
        const row = await lockedFor(trx, ctx, id, 'filings.review');
        return applyActions(trx, ctx, row, [action], { reason });
      });
      publish(outcome);
      return summary((await repo.byId(db, id))!);
    },

    async list(ctx: RequestContext, q: FilingListQuery): Promise<Page<FilingSummary & { abilities: FilingAbilities }>> {
      const { actor, l } = await listQuery(ctx, q, (q.page - 1) * q.pageSize, q.pageSize);
      const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
      return {
        items: rows.map((r) => ({ ...summary(r), abilities: abilities(actor, r) })),
        total: Number(n),
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** The same list as an .xlsx, whatever page is shown (capped). */
    async exportXlsx(ctx: RequestContext, q: Omit<FilingListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      const { l } = await listQuery(ctx, { ...q, page: 1, pageSize: MAX_EXPORT }, 0, MAX_EXPORT);
      const rows = await l.rows();
      await audit.record(db, ctx, { action: 'filings.export', targetType: 'filing', detail: { filter: q, rows: rows.length } });
      const loc = ctx.locale;
      const col = (key: string, value: (r: FilingRow) => string | number | null, width?: number) => ({
        header: t(loc, `filings.col.${key}`),
        value,
        width,
      });
      return toXlsx(
        t(loc, 'filings.sheet'),
        [
          col('id', (r) => r.id, 10),
          col('entityName', (r) => r.entityName, 32),
          col('status', (r) => t(loc, `filings.status.${r.status}`)),
          col('route', (r) => t(loc, `filings.route.${r.route}`)),
          col('batchNo', (r) => r.batchNo, 8),
          col('plannedDate', (r) => r.plannedDate, 14),
          col('submittedAt', (r) => r.submittedAt, 22),
          col('decidedAt', (r) => r.decidedAt, 22),
          col('revision', (r) => r.revision, 10),
        ],
        rows,
      );
    },

    async get(ctx: RequestContext, id: number): Promise<FilingDetail> {
      let row = await readable(ctx, id);
      if (row.status === 'awaiting_batch' && (await batchReleased(row.batchNo))) {
        await releaseDueBatches({ filingId: id });
        row = (await repo.byId(db, id))!;
      }
      const cfg = await config.version(row.configVersion);
      const data = JSON.parse(row.draft) as {
        preventionPlan?: { attachmentIds?: number[] };
        emergencyPlan?: { attachmentIds?: number[] };
      };
      const [entity, revisions, evs, commitments, files, readiness, batch] = await Promise.all([
        registry.getForService(row.entityId),
        repo.revisions(db, id),
        repo.events(db, [id]),
        repo.commitments(db, id),
        repo.attachments(db, [...(data.preventionPlan?.attachmentIds ?? []), ...(data.emergencyPlan?.attachmentIds ?? [])]),
        repo.readiness(db, row.entityId),
        row.batchNo ? repo.batch(db, row.batchNo) : Promise.resolve(undefined),
      ]);
      return {
        ...summary(row),
        entity,
        data,
        checklist: cfg.checklists.find((c) => c.key === row.checklistKey)!,
        commitmentText: cfg.commitmentText,
        revisions,
        events: evs.map((e) => ({
          id: e.id,
          at: e.at,
          actorName: e.actorName,
          action: e.action,
          fromStatus: e.fromStatus as FilingStatus | null,
          toStatus: e.toStatus as FilingStatus,
          reason: e.reason,
          revision: e.revision,
        })),
        commitments: commitments.map(({ filingId: _f, ...c }) => ({
          ...c,
          intact: commitmentHash(c.text, c.signerName, c.signedAt) === c.hash,
        })),
        attachments: files.filter((f) => f.entityId === row.entityId).map(toAttachment),
        staffReadiness: { total: Number(readiness.total), passed: Number(readiness.passed ?? 0) },
        batchReleaseDate: batch?.releaseDate ?? null,
        abilities: abilities(ctx.actor, row),
      };
    },

    async revision(ctx: RequestContext, id: number, revision: number): Promise<FilingRevision> {
      await readable(ctx, id);
      const r = await repo.revision(db, id, revision);
      if (!r) throw notFound();
      return {
        revision: r.revision,
        submittedAt: r.submittedAt,
        submittedBy: r.submittedBy,
        data: filingDataSchema.parse(JSON.parse(r.data)),
      };
    },

    /** The filing of the signed-in enterprise user's entity, if any (the enterprise home page). */
    async mine(ctx: RequestContext): Promise<FilingSummary | null> {
      const entityId = ownEntityId(ctx);
      const rows = await repo.forEntity(db, entityId);
      return rows[0] ? summary(rows[0]) : null;
    },

    async batches(ctx: RequestContext): Promise<Batch[]> {
      requirePermission(ctx.actor, 'filings.read');
      const rows = await repo.batches(db);
      return rows.map((b) => ({ batchNo: b.batchNo, releaseDate: b.releaseDate, waiting: Number(b.waiting ?? 0) }));
    },

    async setBatch(ctx: RequestContext, batchNo: number, releaseDate: string | null): Promise<number> {
      requirePermission(ctx.actor, 'filings.configure');
      await db.transaction().execute(async (trx) => {
        await repo.setBatch(trx, batchNo, releaseDate, clock.now().toISOString(), ctx.actor?.username ?? null);
        await audit.record(trx, ctx, {
          action: 'filings.batch_date',
          targetType: 'filing_batch',
          targetId: batchNo,
          detail: { releaseDate },
        });
      });
      return releaseDueBatches();
    },
  };
  return api;
}

export type FilingsService = ReturnType<typeof createFilingsService>;
