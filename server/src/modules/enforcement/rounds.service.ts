import type { z } from 'zod';
import type {
  InspectionChecklist,
  InspectionChecklistItem,
  InspectionRound,
  Page,
  PremisesType,
  roundBodySchema,
} from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError, invalid } from '../../platform/errors';
import { requirePermission, type Actor } from '../../platform/permissions';
import { inPaths } from '../../platform/scope';
import { enforcementRepo as repo, type RoundRow } from './enforcement.repo';
import { enforcementPaths as paths, pageOf, type EnforcementDeps } from './enforcement-access';

const parseItems = (json: string): InspectionChecklistItem[] =>
  (JSON.parse(json) as Partial<InspectionChecklistItem>[]).map((i) => ({
    code: i.code!,
    text: i.text!,
    active: i.active !== false,
  }));

/** Checklists per premises type and the rounds 专项行动 visits are recorded under. */
export function createRoundsPart({ db, clock, audit, regions }: EnforcementDeps) {
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
  const roundDto = async (id: number) => (await toRounds([(await repo.round(db, id))!]))[0]!;

  /** A round the actor may record visits for: visible, active, and the date inside its period. */
  async function usableRound(actor: Actor, id: number, on: string, field: string) {
    const r = await repo.round(db, id);
    const ps = paths(actor);
    if (!r || !(inPaths(ps, r.regionPath) || (ps !== 'all' && ps.some((p) => p.startsWith(r.regionPath)))))
      throw invalid([{ field, message: 'enforcement.unknown_round' }]);
    if (r.status !== 'active') throw invalid([{ field, message: 'enforcement.round_closed' }]);
    if (on < r.startsOn || on > r.endsOn) throw invalid([{ field: 'inspectedOn', message: 'enforcement.outside_round' }]);
    return r;
  }

  const api = {
    async checklist(ctx: RequestContext, type: PremisesType): Promise<InspectionChecklist> {
      if (!ctx.actor) throw new AppError('auth.required', 401);
      const r = await repo.checklist(db, type);
      return { premisesType: type, items: r ? parseItems(r.items) : [], updatedAt: r?.updatedAt ?? null };
    },
    /** Replaces the list; an item once used is deactivated, never removed, so old inspections still read. */
    async setChecklist(ctx: RequestContext, type: PremisesType, items: InspectionChecklistItem[]): Promise<InspectionChecklist> {
      requirePermission(ctx.actor, 'enforcement.configure');
      const now = clock.now().toISOString();
      if (!items.some((i) => i.active)) throw invalid([{ field: 'items', message: 'enforcement.checklist_empty' }]);
      await db.transaction().execute(async (trx) => {
        const prev = await repo.checklist(trx, type);
        const removed = prev ? parseItems(prev.items).filter((p) => !items.some((i) => i.code === p.code)) : [];
        if (removed.length) throw invalid([{ field: 'items', message: 'enforcement.item_removed' }]);
        await repo.putChecklist(trx, type, JSON.stringify(items), now);
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
        const id = await repo.insertRound(trx, {
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
        });
        await audit.record(trx, ctx, {
          action: 'enforcement.round_create',
          targetType: 'inspection_round',
          targetId: id,
          regionPath: region.path,
          detail: b,
        });
        return id;
      });
      return roundDto(id);
    },
    async closeRound(ctx: RequestContext, id: number): Promise<InspectionRound> {
      const actor = requirePermission(ctx.actor, 'enforcement.inspect');
      const r = await repo.round(db, id);
      if (!r || !inPaths(paths(actor), r.regionPath)) throw new AppError('common.not_found', 404);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.closeRound(trx, id)))
          throw new AppError('common.bad_transition', 409, { from: r.status, action: 'close' });
        await audit.record(trx, ctx, {
          action: 'enforcement.round_close',
          targetType: 'inspection_round',
          targetId: id,
          regionPath: r.regionPath,
        });
      });
      return roundDto(id);
    },
    async rounds(
      ctx: RequestContext,
      q: { page: number; pageSize: number; status?: string; q?: string },
    ): Promise<Page<InspectionRound>> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const { total, rows } = await repo.rounds(db, { paths: paths(actor), status: q.status, q: q.q }, pageOf(q));
      return { items: await toRounds(rows), total, page: q.page, pageSize: q.pageSize };
    },
    async round(ctx: RequestContext, id: number): Promise<InspectionRound> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const r = await repo.visibleRound(db, id, paths(actor));
      if (!r) throw new AppError('common.not_found', 404);
      return (await toRounds([r]))[0]!;
    },
  };
  return { usableRound, api };
}
