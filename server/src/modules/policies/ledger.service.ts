import type { Insertable } from 'kysely';
import {
  disbursementBodySchema,
  type Department,
  type Disbursement,
  type Page,
  type PolicyTotals,
  type SubsidyType,
} from '@fugong/contract';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context';
import { AppError, invalid } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { requirePermission, type Actor } from '../../platform/permissions';
import { likeAny, rootFor } from '../../platform/scope';
import type { Queryable } from '../../platform/module';
import { actWhere, mayAct } from './policy-access';
import { policiesRepo as repo, type DisbursementRow, type DisbursementWhere, type MeasureRow } from './policies.repo';
import type { PoliciesDeps } from './policies.deps';
import type { PoliciesTables, PolicyDisbursementTable } from './policies.tables';

export interface LedgerLine {
  entity: { id: number; name: string; regionCode: string; regionPath: string };
  applicationId: number | null;
  amount: number;
  paidOn: string;
  reference: string;
  source: 'application' | 'direct' | 'import';
  dedupeKey: string;
}
export type LedgerFilter = {
  q?: string;
  measureId?: number;
  packageId?: number;
  subsidyType?: SubsidyType;
  regionCode?: string;
  from?: string;
  to?: string;
};

/** The town a path lies in (its second segment), or the district itself for a district-level path. */
export const townOf = (path: string) => {
  const parts = path.split('/').filter(Boolean);
  return parts[1] ?? parts[0] ?? '';
};
export const directKey = (measureId: number, entityId: number, reference: string) => `ref:${measureId}:${entityId}:${reference}`;

/** 兑付台账: append-only rows, their list and export, and the totals in the shape of the press figures. */
export function createLedger(d: PoliciesDeps) {
  const { db, clock, audit, events, regions, registry } = d;
  const READERS = ['policies.read', 'policies.disburse', 'policies.apply'] as const;

  const readWhere =
    (actor: Actor): DisbursementWhere =>
    () =>
      actWhere(actor, READERS, {
        path: 'policy_disbursement.region_path',
        department: 'policy_disbursement.department',
        entity: 'policy_disbursement.entity_id',
      });

  async function toRows(rows: DisbursementRow[]): Promise<Disbursement[]> {
    const measures = new Map(
      (
        await repo.measuresByIds(
          db,
          rows.map((r) => Number(r.measureId)),
        )
      ).map((m) => [Number(m.id), m]),
    );
    const names = await regions.namesOf(rows.map((r) => r.regionCode));
    return rows.map((r) => ({
      id: Number(r.id),
      measureId: Number(r.measureId),
      measureTitle: measures.get(Number(r.measureId))?.title ?? '',
      subsidyType: r.subsidyType as SubsidyType,
      department: r.department as Department,
      entityId: Number(r.entityId),
      entityName: r.entityName,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      applicationId: r.applicationId == null ? null : Number(r.applicationId),
      currency: r.currency as Disbursement['currency'],
      amount: Number(r.amount),
      paidOn: r.paidOn,
      reference: r.reference,
      source: r.source as Disbursement['source'],
      createdAt: r.createdAt,
    }));
  }

  async function filterWhere(actor: Actor, f: LedgerFilter): Promise<DisbursementWhere> {
    const under = f.regionCode ? (await regions.resolve(f.regionCode)).path : null;
    return (eb) =>
      eb.and([
        readWhere(actor)(eb),
        ...(f.measureId ? [eb('measureId', '=', f.measureId)] : []),
        ...(f.packageId ? [eb('packageId', '=', f.packageId)] : []),
        ...(f.subsidyType ? [eb('subsidyType', '=', f.subsidyType)] : []),
        ...(under ? [likeAny('policy_disbursement.region_path', [under])] : []),
        ...(f.from ? [eb('paidOn', '>=', f.from)] : []),
        ...(f.to ? [eb('paidOn', '<=', f.to)] : []),
        ...(f.q ? [eb.or([eb('entityName', 'like', `%${f.q}%`), eb('reference', 'like', `%${f.q}%`)])] : []),
      ]);
  }

  /** Appends ledger rows inside the caller's transaction; rows whose key exists already are skipped. Returns how many were new. */
  async function append(
    trx: Queryable<PoliciesTables>,
    ctx: RequestContext,
    m: MeasureRow,
    lines: LedgerLine[],
  ): Promise<number> {
    const at = clock.now().toISOString();
    let added = 0;
    for (let i = 0; i < lines.length; i += 500) {
      const rows: Insertable<PolicyDisbursementTable>[] = lines.slice(i, i + 500).map((l) => ({
        measureId: Number(m.id),
        packageId: Number(m.packageId),
        subsidyType: m.subsidyType,
        department: m.department,
        entityId: l.entity.id,
        entityName: l.entity.name,
        regionCode: l.entity.regionCode,
        regionPath: l.entity.regionPath,
        townCode: townOf(l.entity.regionPath),
        applicationId: l.applicationId,
        currency: m.currency,
        amount: l.amount,
        paidOn: l.paidOn,
        reference: l.reference,
        source: l.source,
        dedupeKey: l.dedupeKey,
        createdBy: ctx.actor?.id ?? null,
        createdAt: at,
      }));
      added += (await repo.insertDisbursements(trx, rows)).length;
    }
    if (added > 0)
      await audit.record(trx, ctx, {
        action: 'policies.disburse',
        targetType: 'policy_measure',
        targetId: Number(m.id),
        regionPath: lines.length === 1 ? lines[0]!.entity.regionPath : null,
        detail: { rows: added, amount: lines.reduce((s, l) => s + l.amount, 0), currency: m.currency, source: lines[0]?.source },
      });
    return added;
  }

  return {
    append,

    async byKey(_ctx: RequestContext, key: string): Promise<Disbursement | null> {
      const row = await repo.disbursementByKey(db, key);
      return row ? (await toRows([row]))[0]! : null;
    },

    /** A payment or relief the department computed itself (no application); the same reference twice is one row. */
    async record(ctx: RequestContext, body: z.input<typeof disbursementBodySchema>): Promise<Disbursement> {
      const actor = requirePermission(ctx.actor, 'policies.disburse');
      const b = parseInput(disbursementBodySchema, body, ctx);
      const m = await repo.measureById(db, b.measureId);
      if (!m) throw invalid([{ field: 'measureId', message: 'policies.unknown_measure' }]);
      const e = await registry.getForService(b.entityId);
      if (!e || !mayAct(actor, 'policies.disburse', { regionPath: e.regionPath, department: m.department, entityId: e.id }))
        throw invalid([{ field: 'entityId', message: 'policies.unknown_entity' }]);
      if (m.applicationRequired) throw invalid([{ field: 'measureId', message: 'policies.pay_through_application' }]);
      const key = directKey(b.measureId, e.id, b.reference);
      await db.transaction().execute((trx) =>
        append(trx, ctx, m, [
          {
            entity: e,
            applicationId: null,
            amount: b.amount,
            paidOn: b.paidOn,
            reference: b.reference,
            source: 'direct',
            dedupeKey: key,
          },
        ]),
      );
      events.publish({ type: 'policies.paid', regionPath: e.regionPath, data: { measureId: b.measureId } });
      return (await this.byKey(ctx, key))!;
    },

    async list(ctx: RequestContext, q: LedgerFilter & { page: number; pageSize: number }): Promise<Page<Disbursement>> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      if (!READERS.some((p) => actor.permissions.has(p))) throw new AppError('common.forbidden', 403);
      const query = repo.listDisbursements(db, await filterWhere(actor, q), (q.page - 1) * q.pageSize, q.pageSize);
      const [{ n }, rows] = await Promise.all([query.count(), query.rows()]);
      return { items: await toRows(rows), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    async all(ctx: RequestContext, f: LedgerFilter): Promise<Disbursement[]> {
      const actor = requirePermission(ctx.actor, 'policies.read');
      const rows = await repo.listDisbursements(db, await filterWhere(actor, f), 0, 100_000).rows();
      await audit.record(db, ctx, {
        action: 'policies.ledger_export',
        targetType: 'policy_disbursement',
        detail: { filter: f, rows: rows.length },
      });
      return toRows(rows);
    },

    /** Sums of the ledger for a region subtree (the caller's by default): by type, measure and town. */
    async totals(
      ctx: RequestContext,
      q: { regionCode?: string; packageId?: number; from?: string; to?: string },
    ): Promise<PolicyTotals> {
      const { actor, root } = await rootFor(regions.resolve, ctx, 'policies.read', q.regionCode);
      const base = await filterWhere(actor, { packageId: q.packageId, from: q.from, to: q.to });
      const where: DisbursementWhere = (eb) => eb.and([base(eb), likeAny('policy_disbursement.region_path', [root.path])]);
      const [byType, byMeasure, byTown, reached] = await Promise.all([
        repo.totals(db, where, 'subsidyType'),
        repo.totals(db, where, 'measureId'),
        repo.totals(db, where, 'townCode'),
        repo.entitiesReached(db, where),
      ]);
      const measures = new Map(
        (
          await repo.measuresByIds(
            db,
            byMeasure.map((r) => Number(r.measureId)),
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
      const names = await regions.namesOf(byTown.map((r) => r.townCode));
      const num = (r: { currency: string; amount: unknown; entities: unknown; rows: unknown }) => ({
        currency: r.currency as Disbursement['currency'],
        amount: Number(r.amount),
        entities: Number(r.entities),
        rows: Number(r.rows),
      });
      return {
        regionCode: root.code,
        regionName: root.name,
        byType: byType.map((r) => ({ ...num(r), subsidyType: r.subsidyType as SubsidyType })),
        byMeasure: byMeasure.map((r) => {
          const m = measures.get(Number(r.measureId));
          return {
            ...num(r),
            measureId: Number(r.measureId),
            title: m?.title ?? '',
            packageShortTitle: (m && packages.get(Number(m.packageId))?.shortTitle) ?? '',
          };
        }),
        byRegion: byTown.map((r) => ({ ...num(r), regionCode: r.townCode, regionName: names.get(r.townCode) ?? null })),
        enterprisesReached: reached,
      };
    },
  };
}
export type Ledger = ReturnType<typeof createLedger>;
