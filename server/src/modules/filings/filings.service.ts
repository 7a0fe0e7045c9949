import type { FilingAction, FilingStatus, FilingSummary, TimelineItem } from '@fugong/contract';
import {
  decisionBodySchema,
  filingDataSchema,
  onsiteBodySchema,
  reasonBodySchema,
  saveDraftBodySchema,
  submitFilingBodySchema,
} from '@fugong/contract';
import { localDate } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import { AppError, badTransition, notFound, type FieldError } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { t } from '../../platform/i18n/index';
import { requirePermission } from '../../platform/permissions';
import { filingsRepo, type FilingRow } from './filings.repo';
import { transition, editableStates } from './filing-states';
import { canAccess, filingAccess } from './filing-access';
import { routeFor } from './filing-config';
import { createFilingConfigService } from './filing-config.service';
import { createAttachmentsService, ownEntityId } from './attachments.service';
import { createStaffReadinessService } from './staff-readiness.service';
import { commitmentHash } from './commitment';
import type { FilingsDeps } from './filings.deps';
import { createFilingTransitions } from './filing-transitions';
import { createFilingReads } from './filing-read.service';
import { summary } from './filing-view';

export type { FilingOutcome } from './filing-transitions';

export function createFilingsService(deps: FilingsDeps) {
  const { db, clock, audit, registry } = deps;
  const repo = filingsRepo(deps.dialect);
  const config = createFilingConfigService({ db, clock, audit, repo, registry });
  const attachments = createAttachmentsService({ db, clock, audit, repo, registry, dataDir: deps.dataDir });
  const staff = createStaffReadinessService({ db, clock, audit, pii: deps.pii, repo, registry, config });

  const transitions = createFilingTransitions(deps, repo);
  const { lockedFor, applyActions, publish, routeActions, batchReleased, releaseDueBatches, recordOnsiteResult } = transitions;
  const reads = createFilingReads(deps, repo, config, transitions);

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

  const api = {
    config,
    attachments,
    staff,
    recordOnsiteResult,
    releaseDueBatches,

    ...reads,

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
