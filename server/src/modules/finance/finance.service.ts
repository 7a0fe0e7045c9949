import crypto from 'node:crypto';
import {
  normalisePhone,
  type AnswerActBody,
  type AnswerStatus,
  type LoanDisbursementBody,
  type EscalationLevel,
  type FinancingDetail,
  type FinancingListQuery,
  type FinancingRequest,
  type FinancingRequestBody,
  type Page,
} from '@fugong/contract';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { Pii } from '../../platform/pii';
import { maskPhone } from '../../platform/pii';
import type { RequestContext } from '../../platform/context';
import type { Notifier } from '../../platform/notify';
import { AppError, invalid } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { requirePermission } from '../../platform/permissions';
import { addWorkingDays, addWorkingHours } from '../../platform/working-time';
import { dueEscalation } from '../../platform/escalation';
import type { ModuleDb, Queryable } from '../../platform/module';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import { answerTransition } from './finance-states';
import { financeRepo as repo, type RequestRow } from './finance.repo';
import type { FinanceTables } from './finance.tables';
import { isCentre, isRequester, requireAnyRole, viewerOf, visibleRequests, type FinanceViewer } from './finance-access';
import { createFinanceViews } from './finance-views';
import { requestFilter } from './finance-filters';
import './finance.messages';

export interface FinanceDeps {
  db: ModuleDb<FinanceTables>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  pii: Pii;
  notifier: Notifier;
  regions: RegionsService;
  registry: Pick<RegistryService, 'getForService'>;
}

/** A white-listed enterprise's request gets a first answer within this many working hours; others within days. */
export const WHITELIST_FIRST_ANSWER_HOURS = 24;
export const FIRST_ANSWER_DAYS = 5;

export function createFinanceRequests(deps: FinanceDeps) {
  const { db, clock, audit, events, pii, notifier, regions, registry } = deps;
  const now = () => clock.now();
  const views = createFinanceViews(deps);

  async function viewer(ctx: RequestContext): Promise<FinanceViewer> {
    if (!ctx.actor) throw new AppError('auth.required', 401);
    const officer = ctx.actor.permissions.has('finance.answer') ? await repo.officer(db, ctx.actor.id) : undefined;
    const v = viewerOf(ctx.actor, officer ? Number(officer.institutionId) : null);
    requireAnyRole(v);
    return v;
  }
  const canSee = (v: FinanceViewer, r: RequestRow, sharedWith: number[]) =>
    isCentre(v, r.regionPath) || isRequester(v, r) || (v.institutionId !== null && sharedWith.includes(v.institutionId));

  async function visible(v: FinanceViewer, id: number): Promise<RequestRow> {
    const r = await repo.request(db, id);
    if (!r) throw new AppError('common.not_found', 404);
    const answers = await repo.answersOf(db, [id]);
    if (
      !canSee(
        v,
        r,
        answers.map((a) => Number(a.institutionId)),
      )
    )
      throw new AppError('common.not_found', 404);
    return r;
  }

  /** Institutions that exist, are active and serve the entity's area; anything else is a field error. */
  async function checkInstitutions(ids: number[], path: string, field: string): Promise<number[]> {
    const unique = [...new Set(ids)];
    const rows = await repo.institutionsByIds(db, unique);
    const ok = rows.filter((i) => i.active && path.startsWith(i.regionPath)).map((i) => Number(i.id));
    if (ok.length !== unique.length) throw invalid([{ field, message: 'finance.unknown_institution' }]);
    return ok;
  }

  async function officersOf(dbx: Queryable<FinanceTables>, institutionIds: number[]): Promise<number[]> {
    const out: number[] = [];
    for (const id of institutionIds) out.push(...(await repo.officersOf(dbx, id)).map((o) => Number(o.userId)));
    return out;
  }

  async function share(trx: Queryable<FinanceTables>, r: RequestRow, ids: number[], at: string) {
    await repo.share(trx, Number(r.id), ids, at);
    await notifier.send(trx, await officersOf(trx, ids), {
      kind: 'finance.shared',
      title: t('zh-CN', 'finance.notify.shared', { no: r.no, entity: r.entityName }),
      link: `/finance/requests/${r.id}`,
    });
  }

  async function detail(v: FinanceViewer, id: number): Promise<FinancingDetail> {
    const r = await visible(v, id);
    return views.detail(v, r);
  }

  return {
    async create(ctx: RequestContext, b: FinancingRequestBody & { amountFen: number }): Promise<FinancingDetail> {
      const actor = requirePermission(ctx.actor, 'finance.request');
      const v = await viewer(ctx);
      const e = await registry.getForService(b.entityId);
      if (!e || !(isRequester(v, { entityId: e.id, regionPath: e.regionPath }) || isCentre(v, e.regionPath)))
        throw invalid([{ field: 'entityId', message: 'finance.unknown_entity' }]);
      const institutionIds = await checkInstitutions(b.institutionIds ?? [], e.regionPath, 'institutionIds');
      const whitelisted = await views.isWhitelisted(e.id);
      const at = now();
      const due = whitelisted ? addWorkingHours(at, WHITELIST_FIRST_ANSWER_HOURS) : addWorkingDays(at, FIRST_ANSWER_DAYS);
      const phone = normalisePhone(b.contactPhone);
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repo.insertRequest(trx, {
          no: `tmp-${crypto.randomBytes(12).toString('hex')}`,
          entityId: e.id,
          entityName: e.name,
          regionCode: e.regionCode,
          regionPath: e.regionPath,
          amountFen: b.amountFen,
          purpose: b.purpose,
          purposeNote: b.purposeNote ?? null,
          termMonths: b.termMonths,
          collateral: b.collateral,
          collateralNote: b.collateralNote ?? null,
          urgency: b.urgency ?? 'normal',
          exclusive: b.exclusive ? 1 : 0,
          routedByCentre: institutionIds.length === 0 ? 1 : 0,
          whitelisted: whitelisted ? 1 : 0,
          status: 'open',
          approvedFen: 0,
          disbursedFen: 0,
          takenByInstitutionId: null,
          firstAnswerDue: due.toISOString(),
          firstAnsweredAt: null,
          firstDisbursedAt: null,
          escalationLevel: null,
          escalatedAt: null,
          contactName: b.contactName,
          contactPhoneEnc: pii.encrypt(phone),
          contactPhoneMasked: maskPhone(phone),
          createdBy: actor.id,
          createdAt: at.toISOString(),
          updatedAt: at.toISOString(),
        });
        const rid = Number(id);
        const no = `RZ${at.toISOString().slice(0, 10).replace(/-/g, '')}${String(rid).padStart(6, '0')}`;
        await repo.updateRequest(trx, rid, { no });
        const row = (await repo.request(trx, rid))!;
        if (institutionIds.length) await share(trx, row, institutionIds, at.toISOString());
        else
          await notifier.send(trx, await notifier.usersCovering(trx, 'department', e.regionPath, 'finance'), {
            kind: 'finance.to_route',
            title: t('zh-CN', 'finance.notify.route', { no, entity: e.name }),
            link: `/finance/requests/${rid}`,
          });
        await audit.record(trx, ctx, {
          action: 'finance.request',
          targetType: 'financing_request',
          targetId: rid,
          regionPath: e.regionPath,
          detail: { amountFen: b.amountFen, institutionIds, whitelisted },
        });
        return rid;
      });
      events.publish({ type: 'finance.requested', regionPath: e.regionPath, data: { requestId: id } });
      return detail(v, id);
    },

    async list(ctx: RequestContext, q: FinancingListQuery): Promise<Page<FinancingRequest>> {
      const v = await viewer(ctx);
      const where = await requestFilter(regions, v, q);
      const list = repo.requestList(db, where);
      const [{ n }, rows] = await Promise.all([list.count(), list.rows((q.page - 1) * q.pageSize, q.pageSize)]);
      return { items: await views.summaries(v, rows), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    async exportRows(ctx: RequestContext, q: Omit<FinancingListQuery, 'page' | 'pageSize'>) {
      const v = await viewer(ctx);
      const rows = await repo.requestList(db, await requestFilter(regions, v, q)).rows(0, 10_000);
      await audit.record(db, ctx, { action: 'finance.export', targetType: 'financing_request', detail: { rows: rows.length } });
      return views.summaries(v, rows);
    },

    get: async (ctx: RequestContext, id: number) => detail(await viewer(ctx), id),

    /** The centre shares a request with (more) institutions. */
    async route(ctx: RequestContext, id: number, institutionIds: number[]): Promise<FinancingDetail> {
      requirePermission(ctx.actor, 'finance.manage');
      const v = await viewer(ctx);
      const r = await visible(v, id);
      if (!isCentre(v, r.regionPath)) throw new AppError('common.forbidden', 403);
      if (r.status !== 'open') throw new AppError('finance.not_open', 409);
      const ids = await checkInstitutions(institutionIds, r.regionPath, 'institutionIds');
      await db.transaction().execute(async (trx) => {
        await share(trx, r, ids, now().toISOString());
        await audit.record(trx, ctx, {
          action: 'finance.route',
          targetType: 'financing_request',
          targetId: id,
          regionPath: r.regionPath,
          detail: { institutionIds: ids },
        });
      });
      return detail(v, id);
    },

    /** An officer moves its institution's answer one step; conditional on the version read. */
    async act(ctx: RequestContext, answerId: number, b: AnswerActBody): Promise<FinancingDetail> {
      const actor = requirePermission(ctx.actor, 'finance.answer');
      const v = await viewer(ctx);
      const a = await repo.answer(db, answerId);
      if (!a || v.institutionId === null || Number(a.institutionId) !== v.institutionId)
        throw new AppError('common.not_found', 404);
      const r = (await repo.request(db, Number(a.requestId)))!;
      const from = a.status as AnswerStatus;
      const to = answerTransition(from, b.action);
      if (b.action === 'approve') {
        if (b.approvedFen! > Number(r.amountFen))
          throw invalid([{ field: 'approvedFen', message: 'finance.approved_above_asked' }]);
        if (b.productId !== undefined) {
          const p = await repo.product(db, b.productId);
          if (!p || Number(p.institutionId) !== v.institutionId)
            throw invalid([{ field: 'productId', message: 'finance.unknown_product' }]);
        }
      }
      const at = now().toISOString();
      await db.transaction().execute(async (trx) => {
        const set: Record<string, unknown> = { status: to, updatedAt: at, note: b.note ?? a.note };
        if (b.action === 'approve') {
          if (r.exclusive && !(await repo.takeRequest(trx, Number(r.id), v.institutionId!, at)))
            throw new AppError('finance.taken', 409);
          if (b.productId !== undefined && !(await repo.drawQuota(trx, b.productId, b.approvedFen!)))
            throw new AppError('finance.quota_exhausted', 409);
          set.approvedFen = b.approvedFen;
          set.productId = b.productId ?? null;
        }
        if (b.action === 'decline') set.declineReason = b.declineReason;
        if (b.action === 'open_account') set.accountOpenedAt = at;
        if (!(await repo.moveAnswer(trx, answerId, b.version, set))) throw new AppError('finance.stale', 409);
        await repo.addToRequest(trx, Number(r.id), {
          approvedFen: b.action === 'approve' ? b.approvedFen : undefined,
          answeredAt: from === 'received' ? at : undefined,
        });
        if (b.action === 'decline') await views.closeIfAllDeclined(trx, Number(r.id), at);
        await notifier.send(trx, r.createdBy ? [Number(r.createdBy)] : [], {
          kind: 'finance.answered',
          title: t('zh-CN', 'finance.notify.answered', { no: r.no, status: t('zh-CN', `finance.answer.${to}`) }),
          link: `/finance/requests/${r.id}`,
        });
        await audit.record(trx, ctx, {
          action: `finance.answer.${b.action}`,
          targetType: 'financing_answer',
          targetId: answerId,
          regionPath: r.regionPath,
          detail: { requestId: Number(r.id), from, to, approvedFen: b.approvedFen, productId: b.productId, by: actor.id },
        });
      });
      events.publish({ type: 'finance.answered', regionPath: r.regionPath, data: { requestId: Number(r.id) } });
      return detail(v, Number(r.id));
    },

    /** A tranche of money paid out on an approved answer. */
    async disburse(ctx: RequestContext, answerId: number, b: LoanDisbursementBody): Promise<FinancingDetail> {
      requirePermission(ctx.actor, 'finance.answer');
      const v = await viewer(ctx);
      const a = await repo.answer(db, answerId);
      if (!a || v.institutionId === null || Number(a.institutionId) !== v.institutionId)
        throw new AppError('common.not_found', 404);
      if (a.status !== 'approved') throw new AppError('finance.not_approved', 409);
      if (Number(a.disbursedFen) + b.amountFen > Number(a.approvedFen))
        throw invalid([{ field: 'amountFen', message: 'finance.over_approved' }]);
      const r = (await repo.request(db, Number(a.requestId)))!;
      const at = now();
      await db.transaction().execute(async (trx) => {
        // a parallel tranche may have been recorded since the read: the database has the last word
        if (!(await repo.addDisbursed(trx, answerId, b.amountFen, at.toISOString()))) throw new AppError('finance.stale', 409);
        await repo.insertDisbursement(trx, {
          answerId,
          requestId: Number(r.id),
          institutionId: v.institutionId!,
          amountFen: b.amountFen,
          disbursedOn: b.disbursedOn,
          recordedAt: at.toISOString(),
          minutesFromAccount: a.accountOpenedAt ? Math.round((at.getTime() - Date.parse(a.accountOpenedAt)) / 60_000) : null,
          confirmedAt: null,
          recordedBy: ctx.actor!.id,
        });
        await repo.addToRequest(trx, Number(r.id), { disbursedFen: b.amountFen, disbursedAt: at.toISOString() });
        await repo.updateRequest(trx, Number(r.id), { status: 'served', updatedAt: at.toISOString() });
        await notifier.send(trx, r.createdBy ? [Number(r.createdBy)] : [], {
          kind: 'finance.disbursed',
          title: t('zh-CN', 'finance.notify.disbursed', { no: r.no, yuan: (b.amountFen / 100).toFixed(2) }),
          link: `/finance/requests/${r.id}`,
        });
        await audit.record(trx, ctx, {
          action: 'finance.disburse',
          targetType: 'financing_answer',
          targetId: answerId,
          regionPath: r.regionPath,
          detail: { requestId: Number(r.id), amountFen: b.amountFen, disbursedOn: b.disbursedOn },
        });
      });
      events.publish({ type: 'finance.disbursed', regionPath: r.regionPath, data: { requestId: Number(r.id) } });
      return detail(v, Number(r.id));
    },

    /** The enterprise confirms the money has arrived (every tranche recorded so far). */
    async confirm(ctx: RequestContext, id: number): Promise<FinancingDetail> {
      requirePermission(ctx.actor, 'finance.request');
      const v = await viewer(ctx);
      const r = await visible(v, id);
      if (!isRequester(v, r)) throw new AppError('common.forbidden', 403);
      await db.transaction().execute(async (trx) => {
        const n = await repo.confirmDisbursements(trx, id, now().toISOString());
        if (n === 0) throw new AppError('finance.nothing_to_confirm', 409);
        await audit.record(trx, ctx, {
          action: 'finance.confirm',
          targetType: 'financing_request',
          targetId: id,
          regionPath: r.regionPath,
          detail: { tranches: n },
        });
      });
      return detail(v, id);
    },

    /** The escalation ladder for requests nobody has answered in time; returns how many moved. */
    async escalateDue(): Promise<number> {
      const at = now();
      let moved = 0;
      for (const r of await repo.overdueUnanswered(db, at.toISOString(), 200)) {
        const to: EscalationLevel | null = dueEscalation(r.escalationLevel, r.escalatedAt, at);
        if (!to) continue;
        await db.transaction().execute(async (trx) => {
          if (!(await repo.updateLevel(trx, Number(r.id), r.escalationLevel, to, at.toISOString()))) return;
          const role = to === 'leaders' ? 'commander' : 'department';
          const users = await notifier.usersCovering(trx, role, r.regionPath, to === 'leaders' ? null : 'finance');
          const answers = await repo.answersOf(trx, [Number(r.id)]);
          await notifier.send(
            trx,
            [
              ...users,
              ...(await officersOf(
                trx,
                answers.map((a) => Number(a.institutionId)),
              )),
            ],
            {
              kind: 'finance.escalated',
              title: t('zh-CN', `finance.notify.${to}`, { no: r.no, entity: r.entityName }),
              link: `/finance/requests/${r.id}`,
            },
          );
          await audit.record(
            trx,
            { actor: null, ip: null, requestId: null, locale: 'zh-CN' },
            {
              action: 'finance.escalate',
              targetType: 'financing_request',
              targetId: Number(r.id),
              regionPath: r.regionPath,
              detail: { from: r.escalationLevel, to },
            },
          );
          moved += 1;
        });
      }
      return moved;
    },

    viewer,
    /** For other modules (filings' white-list fast track): whether the entity is on the white list now. */
    isWhitelisted: (entityId: number) => views.isWhitelisted(entityId),
    visibleRequests,
  };
}
export type FinanceRequests = ReturnType<typeof createFinanceRequests>;
