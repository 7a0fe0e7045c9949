import {
  applicationBodySchema,
  applicationDecisionSchema,
  resubmitBodySchema,
  type ApplicationAction,
  type ApplicationStatus,
  type Department,
  type Disbursement,
  type EntitySummary,
  type MyEligibility,
  type Page,
  type PolicyApplication,
} from '@fugong/contract';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/sql-helpers';
import type { RequestContext } from '../../platform/context';
import { AppError, conflict, invalid } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { t } from '../../platform/i18n/index';
import { requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import { likeAny } from '../../platform/scope';
import type { Queryable } from '../../platform/module';
import { describeConditions, unmetConditions } from './eligibility';
import { nextApplicationStatus } from './application-states';
import { actWhere, mayAct, ownEntities } from './policy-access';
import { policiesRepo as repo, type ApplicationRow, type ApplicationWhere, type MeasureRow } from './policies.repo';
import { ruleOf, type Catalogue } from './catalogue.service';
import type { Ledger } from './ledger.service';
import type { PoliciesDeps } from './policies.deps';
import type { PoliciesTables } from './policies.tables';

export type ApplicationFilter = { q?: string; status?: ApplicationStatus; measureId?: number; regionCode?: string };
const READERS = ['policies.read', 'policies.review', 'policies.disburse', 'policies.apply'] as const;

/** 申报: enterprises apply (or staff on their behalf), the department decides, the ledger pays. */
export function createApplications(d: PoliciesDeps, catalogue: Catalogue, ledger: Ledger) {
  const { db, clock, audit, events, regions, registry } = d;
  const now = () => clock.now().toISOString();

  async function measureInForce(measureId: number) {
    const m = await repo.measureById(db, measureId);
    const pkg = m ? await repo.packageById(db, Number(m.packageId)) : undefined;
    if (!m || !pkg || pkg.status !== 'published') throw invalid([{ field: 'measureId', message: 'policies.measure_not_open' }]);
    return { m, pkg };
  }

  async function toApplications(rows: ApplicationRow[], actor: Actor | null): Promise<PolicyApplication[]> {
    const measures = new Map(
      (
        await repo.measuresByIds(
          db,
          rows.map((r) => Number(r.measureId)),
        )
      ).map((m) => [Number(m.id), m]),
    );
    const packages = new Map(
      (
        await repo.packagesByIds(
          db,
          [...measures.values()].map((m) => Number(m.packageId)),
        )
      ).map((p) => [Number(p.id), p]),
    );
    const names = await regions.namesOf(rows.map((r) => r.regionCode));
    return rows.map((r) => {
      const m = measures.get(Number(r.measureId))!;
      const status = r.status as ApplicationStatus;
      const ref = { regionPath: r.regionPath, department: r.department, entityId: Number(r.entityId) };
      const may = (a: ApplicationAction) => nextApplicationStatus(status, a) !== null;
      return {
        id: Number(r.id),
        measureId: Number(r.measureId),
        measureTitle: m.title,
        packageShortTitle: packages.get(Number(m.packageId))?.shortTitle ?? '',
        subsidyType: m.subsidyType as PolicyApplication['subsidyType'],
        currency: m.currency as PolicyApplication['currency'],
        department: r.department as Department,
        entityId: Number(r.entityId),
        entityName: r.entityName,
        regionCode: r.regionCode,
        regionName: names.get(r.regionCode) ?? null,
        channel: r.channel as PolicyApplication['channel'],
        requestedAmount: r.requestedAmount == null ? null : Number(r.requestedAmount),
        approvedAmount: r.approvedAmount == null ? null : Number(r.approvedAmount),
        contactName: r.contactName,
        note: r.note,
        decisionNote: r.decisionNote,
        status,
        version: Number(r.version),
        createdAt: r.createdAt,
        decidedAt: r.decidedAt,
        abilities: {
          decide: may('approve') && mayAct(actor, 'policies.review', ref),
          pay: may('pay') && mayAct(actor, 'policies.disburse', ref),
          resubmit: may('resubmit') && (mayAct(actor, 'policies.apply', ref) || mayAct(actor, 'policies.assist', ref)),
        },
      };
    });
  }

  function readWhere(actor: Actor): ApplicationWhere {
    return () =>
      actWhere(actor, READERS, {
        path: 'policy_application.region_path',
        department: 'policy_application.department',
        entity: 'policy_application.entity_id',
      });
  }
  async function visible(ctx: RequestContext, id: number) {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.required', 401);
    if (!READERS.some((p) => actor.permissions.has(p))) throw new AppError('common.forbidden', 403);
    const row = await db
      .selectFrom('policyApplication')
      .selectAll()
      .where('id', '=', id)
      .where(readWhere(actor))
      .executeTakeFirst();
    if (!row) throw new AppError('common.not_found', 404);
    return { actor, row };
  }

  async function filterWhere(actor: Actor, f: ApplicationFilter): Promise<ApplicationWhere> {
    const under = f.regionCode ? (await regions.resolve(f.regionCode)).path : null;
    return (eb) =>
      eb.and([
        readWhere(actor)(eb),
        ...(f.status ? [eb('status', '=', f.status)] : []),
        ...(f.measureId ? [eb('measureId', '=', f.measureId)] : []),
        ...(under ? [likeAny('policy_application.region_path', [under])] : []),
        ...(f.q ? [eb('entityName', 'like', `%${f.q}%`)] : []),
      ]);
  }

  async function move(
    trx: Queryable<PoliciesTables>,
    ctx: RequestContext,
    row: ApplicationRow,
    action: ApplicationAction,
    version: number,
    set: Partial<ApplicationRow>,
    note: string | null,
  ) {
    const from = row.status as ApplicationStatus;
    const to = nextApplicationStatus(from, action);
    if (!to) throw conflict('policies.bad_transition', { from: t(ctx.locale, `policies.value.appstatus.${from}`) });
    const ok = await repo.moveApplication(trx, Number(row.id), from, version, { ...set, status: to, updatedAt: now() });
    if (!ok) throw conflict('policies.changed_meanwhile');
    await repo.addEvent(trx, {
      applicationId: Number(row.id),
      at: now(),
      action,
      fromStatus: from,
      toStatus: to,
      actorId: ctx.actor?.id ?? null,
      actorName: ctx.actor?.displayName ?? null,
      note,
    });
    await audit.record(trx, ctx, {
      action: `policies.application_${action}`,
      targetType: 'policy_application',
      targetId: Number(row.id),
      regionPath: row.regionPath,
      detail: { from, to, ...(set.approvedAmount ? { amount: set.approvedAmount } : {}) },
    });
    return to;
  }

  return {
    /** For each entity the caller speaks for: whether it qualifies for the measure, and its application. */
    async mine(ctx: RequestContext, measureId: number): Promise<MyEligibility> {
      const actor = requirePermission(ctx.actor, 'policies.apply');
      const { m, pkg } = await measureInForce(measureId).catch(() => {
        throw new AppError('common.not_found', 404);
      });
      const ids = ownEntities(actor);
      const [entities, apps] = await Promise.all([registry.getManyForService(ids), repo.applicationsFor(db, measureId, ids)]);
      const rule = ruleOf(m);
      return {
        measureId,
        applicationRequired: !!m.applicationRequired,
        entities: ids
          .map((id) => entities.get(id))
          .filter((e): e is EntitySummary => !!e)
          .map((e) => {
            const unmet = e.regionPath.startsWith(pkg.regionPath) ? unmetConditions(rule, e) : [];
            const app = apps.find((a) => Number(a.entityId) === e.id);
            const outside = !e.regionPath.startsWith(pkg.regionPath);
            return {
              entityId: e.id,
              entityName: e.name,
              eligible: !outside && unmet.length === 0,
              unmet: outside ? [t(ctx.locale, 'policies.outside_area')] : describeConditions(rule, ctx.locale, unmet),
              applicationId: app ? Number(app.id) : null,
              applicationStatus: app ? (app.status as ApplicationStatus) : null,
            };
          }),
      };
    },

    async apply(ctx: RequestContext, body: z.input<typeof applicationBodySchema>): Promise<{ id: number }> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      if (!actor.permissions.has('policies.apply') && !actor.permissions.has('policies.assist'))
        throw new AppError('common.forbidden', 403);
      const b = parseInput(applicationBodySchema, body, ctx);
      const { m, pkg } = await measureInForce(b.measureId);
      if (!m.applicationRequired) throw invalid([{ field: 'measureId', message: 'policies.no_application_needed' }]);
      const e = await registry.getForService(b.entityId);
      const own = ownEntities(actor).includes(b.entityId);
      const assist =
        actor.permissions.has('policies.assist') && !!e && scopeOf(actor, 'policies.assist').all
          ? true
          : !!e && scopeOf(actor, 'policies.assist').regionPaths.some((p) => e.regionPath.startsWith(p));
      if (!e || (!own && !assist)) throw invalid([{ field: 'entityId', message: 'policies.unknown_entity' }]);
      if (!e.regionPath.startsWith(pkg.regionPath) || unmetConditions(ruleOf(m), e).length > 0)
        throw invalid([{ field: 'entityId', message: 'policies.not_eligible' }]);
      const at = now();
      const id = await db
        .transaction()
        .execute(async (trx) => {
          const { id } = await repo.insertApplication(trx, {
            measureId: b.measureId,
            department: m.department,
            entityId: e.id,
            entityName: e.name,
            regionCode: e.regionCode,
            regionPath: e.regionPath,
            channel: own ? 'online' : 'on_behalf',
            requestedAmount: b.requestedAmount ?? null,
            approvedAmount: null,
            contactName: b.contactName,
            note: b.note,
            decisionNote: null,
            status: 'submitted',
            decidedBy: null,
            decidedAt: null,
            version: 1,
            createdBy: actor.id,
            createdAt: at,
            updatedAt: at,
          });
          await repo.addEvent(trx, {
            applicationId: Number(id),
            at,
            action: 'submit',
            fromStatus: null,
            toStatus: 'submitted',
            actorId: actor.id,
            actorName: actor.displayName,
            note: null,
          });
          await audit.record(trx, ctx, {
            action: 'policies.application_submit',
            targetType: 'policy_application',
            targetId: Number(id),
            regionPath: e.regionPath,
            detail: { measureId: b.measureId, entityId: e.id },
          });
          const reviewers = await d.notifier.usersCovering(trx, 'department', e.regionPath, m.department as Department);
          await d.notifier.send(trx, reviewers, {
            kind: 'policies.application',
            title: t(ctx.locale, 'policies.notice.applied', { entity: e.name, measure: m.title }),
            link: `/policies/applications/${Number(id)}`,
          });
          return Number(id);
        })
        .catch((err: unknown) => {
          if (isUniqueViolation(err)) throw conflict('policies.already_applied');
          throw err;
        });
      events.publish({ type: 'policies.applied', regionPath: e.regionPath, data: { id, measureId: b.measureId } });
      return { id };
    },

    async list(ctx: RequestContext, q: ApplicationFilter & { page: number; pageSize: number }): Promise<Page<PolicyApplication>> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      if (!READERS.some((p) => actor.permissions.has(p))) throw new AppError('common.forbidden', 403);
      const query = repo.listApplications(db, await filterWhere(actor, q), (q.page - 1) * q.pageSize, q.pageSize);
      const [{ n }, rows] = await Promise.all([query.count(), query.rows()]);
      return { items: await toApplications(rows, actor), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    /** The filtered applications, every row, for the .xlsx export. */
    async all(ctx: RequestContext, f: ApplicationFilter): Promise<PolicyApplication[]> {
      const actor = requirePermission(ctx.actor, 'policies.read');
      const rows = await repo.listApplications(db, await filterWhere(actor, f), 0, 50_000).rows();
      await audit.record(db, ctx, {
        action: 'policies.application_export',
        targetType: 'policy_application',
        detail: { filter: f, rows: rows.length },
      });
      return toApplications(rows, actor);
    },

    async get(ctx: RequestContext, id: number) {
      const { actor, row } = await visible(ctx, id);
      const [app] = await toApplications([row], actor);
      const events = (await repo.eventsOf(db, id)).map((e) => ({
        id: Number(e.id),
        at: e.at,
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorName: e.actorName,
        note: e.note,
      }));
      return { ...app!, events };
    },

    async decide(ctx: RequestContext, id: number, body: z.input<typeof applicationDecisionSchema>) {
      const { actor, row } = await visible(ctx, id);
      requirePermission(actor, 'policies.review');
      if (
        !mayAct(actor, 'policies.review', {
          regionPath: row.regionPath,
          department: row.department,
          entityId: Number(row.entityId),
        })
      )
        throw new AppError('common.forbidden', 403);
      const b = parseInput(applicationDecisionSchema, body, ctx);
      const to = await db.transaction().execute((trx) =>
        move(
          trx,
          ctx,
          row,
          b.action,
          b.version,
          {
            decisionNote: b.note,
            decidedBy: actor.id,
            decidedAt: now(),
            ...(b.action === 'approve' ? { approvedAmount: b.amount! } : {}),
          },
          b.note,
        ),
      );
      events.publish({ type: 'policies.decided', regionPath: row.regionPath, data: { id, status: to } });
    },

    async resubmit(ctx: RequestContext, id: number, body: z.input<typeof resubmitBodySchema>) {
      const { actor, row } = await visible(ctx, id);
      const ref = { regionPath: row.regionPath, department: row.department, entityId: Number(row.entityId) };
      if (!mayAct(actor, 'policies.apply', ref) && !mayAct(actor, 'policies.assist', ref))
        throw new AppError('common.forbidden', 403);
      const b = parseInput(resubmitBodySchema, body, ctx);
      await db
        .transaction()
        .execute((trx) => move(trx, ctx, row, 'resubmit', b.version, { note: `${row.note}\n—\n${b.note}` }, b.note));
    },

    /**
     * Pays an approved application into the ledger. The row's key is the application, so a double
     * click or a parallel call is a no-op that answers with the first payment.
     */
    async pay(ctx: RequestContext, id: number, body: { paidOn: string; reference: string }): Promise<Disbursement> {
      const { actor, row } = await visible(ctx, id);
      requirePermission(actor, 'policies.disburse');
      if (
        !mayAct(actor, 'policies.disburse', {
          regionPath: row.regionPath,
          department: row.department,
          entityId: Number(row.entityId),
        })
      )
        throw new AppError('common.forbidden', 403);
      const key = `app:${id}`;
      const existing = await ledger.byKey(ctx, key);
      if (existing) return existing;
      const m = (await repo.measureById(db, Number(row.measureId))) as MeasureRow;
      const paid = await db
        .transaction()
        .execute(async (trx) => {
          await move(trx, ctx, row, 'pay', Number(row.version), {}, body.reference);
          await ledger.append(trx, ctx, m, [
            {
              entity: { id: Number(row.entityId), name: row.entityName, regionCode: row.regionCode, regionPath: row.regionPath },
              applicationId: id,
              amount: Number(row.approvedAmount),
              paidOn: body.paidOn,
              reference: body.reference,
              source: 'application',
              dedupeKey: key,
            },
          ]);
          return true;
        })
        .catch(async (err: unknown) => {
          // the other call won: answer with its payment
          if (err instanceof AppError && err.status === 409 && (await ledger.byKey(ctx, key))) return false;
          throw err;
        });
      if (paid) events.publish({ type: 'policies.paid', regionPath: row.regionPath, data: { id } });
      return (await ledger.byKey(ctx, key))!;
    },
  };
}
export type Applications = ReturnType<typeof createApplications>;
