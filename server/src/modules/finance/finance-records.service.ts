import type { z } from 'zod';
import { sql, type Expression, type SqlBool } from 'kysely';
import {
  meetingBodySchema,
  meetingQuerySchema,
  rolloverBodySchema,
  rolloverQuerySchema,
  type Page,
  type Rollover,
} from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError, invalid } from '../../platform/errors';
import { requirePermission } from '../../platform/permissions';
import { containsLiteral } from '../../db/sql-helpers';
import { inPaths, likeAny } from '../../platform/scope';
import { centrePaths } from './finance-access';
import { financeRepo as repo } from './finance.repo';
import { financeAdminRepo as admin } from './finance-admin.repo';
import type { FinanceDeps } from './finance.service';

type Out<S extends z.ZodTypeAny> = z.output<S>;

/** Rollovers 续贷, deferrals 延期还本付息 and matching meetings 政银企对接会: the centre's records. */
export function createFinanceRecords(deps: FinanceDeps) {
  const { db, clock, audit, regions, registry } = deps;
  const now = () => clock.now().toISOString();
  function centre(ctx: RequestContext): string[] | 'all' {
    const paths = centrePaths(requirePermission(ctx.actor, 'finance.manage'));
    if (paths !== 'all' && paths.length === 0) throw new AppError('common.forbidden', 403);
    return paths;
  }

  return {
    // ---- rollovers and deferrals ----
    async rollovers(ctx: RequestContext, q: Out<typeof rolloverQuerySchema>): Promise<Page<Rollover>> {
      const paths = centre(ctx);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const list = admin.rollovers(db, (eb) => {
        const ands: Expression<SqlBool>[] = [likeAny('region_path', paths)];
        if (region) ands.push(likeAny('region_path', [region.path]));
        if (q.kind) ands.push(sql<SqlBool>`kind = ${q.kind}`);
        if (q.q) ands.push(containsLiteral('entity_name', q.q));
        return eb.and(ands);
      });
      const [total, rows] = await Promise.all([list.count(), list.rows((q.page - 1) * q.pageSize, q.pageSize)]);
      const insts = new Map(
        (
          await repo.institutionsByIds(
            db,
            rows.map((r) => Number(r.institutionId)),
          )
        ).map((i) => [Number(i.id), i.name]),
      );
      return {
        items: rows.map((r) => ({
          id: Number(r.id),
          kind: r.kind as Rollover['kind'],
          entityId: Number(r.entityId),
          entityName: r.entityName,
          regionCode: r.regionCode,
          institutionId: Number(r.institutionId),
          institutionName: insts.get(Number(r.institutionId)) ?? '',
          amountFen: Number(r.amountFen),
          originalDueOn: r.originalDueOn,
          newDueOn: r.newDueOn,
          note: r.note,
          recordedAt: r.recordedAt,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
    async recordRollover(ctx: RequestContext, b: Out<typeof rolloverBodySchema>): Promise<Rollover> {
      const paths = centre(ctx);
      const e = await registry.getForService(b.entityId);
      if (!e || !inPaths(paths, e.regionPath)) throw invalid([{ field: 'entityId', message: 'finance.unknown_entity' }]);
      const inst = await repo.institution(db, b.institutionId);
      if (!inst || !e.regionPath.startsWith(inst.regionPath))
        throw invalid([{ field: 'institutionId', message: 'finance.unknown_institution' }]);
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await admin.insertRollover(trx, {
          ...b,
          entityName: e.name,
          regionCode: e.regionCode,
          regionPath: e.regionPath,
          note: b.note ?? null,
          recordedAt: now(),
          recordedBy: ctx.actor!.id,
        });
        await audit.record(trx, ctx, {
          action: `finance.${b.kind}`,
          targetType: 'finance_rollover',
          targetId: Number(id),
          regionPath: e.regionPath,
          detail: { amountFen: b.amountFen, institutionId: b.institutionId },
        });
        return Number(id);
      });
      return (await this.rollovers(ctx, { page: 1, pageSize: 1, q: undefined })).items.find((r) => r.id === id)!;
    },

    // ---- 政银企对接会 ----
    async meetings(ctx: RequestContext, q: Out<typeof meetingQuerySchema>) {
      const paths = centre(ctx);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const list = admin.meetings(db, (eb) =>
        eb.and([likeAny('region_path', paths), likeAny('region_path', region ? [region.path] : 'all')]),
      );
      const [total, rows] = await Promise.all([list.count(), list.rows((q.page - 1) * q.pageSize, q.pageSize)]);
      const names = await regions.namesOf(rows.map((r) => r.regionCode));
      return {
        items: rows.map((r) => ({
          id: Number(r.id),
          title: r.title,
          heldOn: r.heldOn,
          regionCode: r.regionCode,
          regionName: names.get(r.regionCode) ?? null,
          institutions: (JSON.parse(r.institutionIds) as number[]).length,
          enterprises: Number(r.enterprises),
          note: r.note,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
    async recordMeeting(ctx: RequestContext, b: Out<typeof meetingBodySchema>) {
      const paths = centre(ctx);
      const region = await regions.resolve(b.regionCode);
      if (!inPaths(paths, region.path)) throw invalid([{ field: 'regionCode', message: 'finance.out_of_area' }]);
      const insts = await repo.institutionsByIds(db, b.institutionIds);
      if (insts.length !== new Set(b.institutionIds).size)
        throw invalid([{ field: 'institutionIds', message: 'finance.unknown_institution' }]);
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await admin.insertMeeting(trx, {
          title: b.title,
          heldOn: b.heldOn,
          regionCode: region.code,
          regionPath: region.path,
          institutionIds: JSON.stringify([...new Set(b.institutionIds)]),
          enterprises: b.enterprises,
          note: b.note ?? null,
          createdAt: now(),
          createdBy: ctx.actor!.id,
        });
        await audit.record(trx, ctx, {
          action: 'finance.meeting',
          targetType: 'finance_meeting',
          targetId: Number(id),
          regionPath: region.path,
        });
        return Number(id);
      });
      return (await this.meetings(ctx, { page: 1, pageSize: 100, regionCode: region.code })).items.find((m) => m.id === id)!;
    },
  };
}
