import type { z } from 'zod';
import {
  entityKinds,
  type assignLiaisonBodySchema,
  type Coverage,
  type EntityListQuery,
  type LiaisonAssignment,
  type Page,
  type ResolvedList,
} from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError, invalid } from '../../platform/errors';
import { userIdsWith } from '../../platform/grants';
import { t } from '../../platform/i18n/index';
import { userSummaries } from '../../platform/notify';
import { requirePermission } from '../../platform/permissions';
import { inPaths, pathsOf } from '../../platform/scope';
import { pageOf, type LiaisonDeps } from './liaison-deps';
import { assignmentRepo as repo, coveredSql, uncoveredSql, type AssignmentRow } from './liaison.repo';
import { teamRepo } from './team.repo';

const MAX_BULK = 1000;

/** Who looks after which entity (with the history of changes), and the coverage of a region. */
export function createAssignmentsPart({ db, clock, audit, events, regions, registry }: LiaisonDeps) {
  // "entities without a liaison" for the registry's list, coverage and export
  registry.registerCoverageFilter({ name: 'noLiaison', where: uncoveredSql });
  registry.registerCoverageFilter({ name: 'withLiaison', where: coveredSql });

  async function names(rows: AssignmentRow[]) {
    const users = await userSummaries(
      db,
      rows
        .map((r) => r.liaisonUserId)
        .filter((x): x is number => x != null)
        .map(Number),
    );
    const teamIds = rows
      .map((r) => r.teamId)
      .filter((x): x is number => x != null)
      .map(Number);
    return { users, teams: await teamRepo.namesOf(db, [...new Set(teamIds)]) };
  }

  const listNoLiaison = (ctx: RequestContext, regionCode: string, kind: string | undefined, page: number) =>
    registry.list(ctx, { page, pageSize: 500, regionCode, kind, coverage: 'noLiaison' } as EntityListQuery);

  /** Entities named by a list or by a region (+ kind) still without a liaison, inside the assigner's area. */
  async function targets(ctx: RequestContext, b: z.output<typeof assignLiaisonBodySchema>, paths: string[] | 'all') {
    const out: { id: number; name: string; kind: string; regionPath: string }[] = [];
    if (b.entityIds?.length) {
      for (const id of [...new Set(b.entityIds)]) {
        const e = await registry.getForService(id);
        if (!e || !inPaths(paths, e.regionPath)) throw invalid([{ field: 'entityIds', message: 'liaison.entity_out_of_scope' }]);
        out.push({ id: e.id, name: e.name, kind: e.kind, regionPath: e.regionPath });
      }
      return out;
    }
    const region = await regions.resolve(b.regionCode!);
    if (!inPaths(paths, region.path)) throw invalid([{ field: 'regionCode', message: 'liaison.entity_out_of_scope' }]);
    const page = await listNoLiaison(ctx, region.code, b.kind, 1);
    if (page.total > MAX_BULK) throw invalid([{ field: 'regionCode', message: 'liaison.too_many' }]);
    let items = page.items;
    for (let p = 2; items.length < page.total; p++)
      items = items.concat((await listNoLiaison(ctx, region.code, b.kind, p)).items);
    return items.map((e) => ({ id: e.id, name: e.name, kind: e.kind, regionPath: e.regionPath }));
  }

  return {
    /** A pasted list: each line a credit code or an entity name, matched inside the caller's area. */
    async resolveList(ctx: RequestContext, lines: string[]): Promise<ResolvedList> {
      requirePermission(ctx.actor, 'liaison.assign');
      const out: ResolvedList = { matched: [], unmatched: [] };
      const seen = new Set<number>();
      for (const line of [...new Set(lines.map((l) => l.trim()).filter(Boolean))]) {
        const page = await registry.list(ctx, { page: 1, pageSize: 5, q: line } as EntityListQuery);
        const exact = page.items.filter((e) => e.name === line || e.uscc === line.toUpperCase());
        const hit = exact.length === 1 ? exact[0] : exact.length === 0 && page.items.length === 1 ? page.items[0] : null;
        if (!hit) {
          out.unmatched.push({ line, reason: page.items.length === 0 ? 'none' : 'ambiguous' });
          continue;
        }
        if (seen.has(hit.id)) continue;
        seen.add(hit.id);
        out.matched.push({ line, entityId: hit.id, name: hit.name, kind: hit.kind, uscc: hit.uscc });
      }
      return out;
    },

    /** Bulk enrolment (a district's whole roster, the demo): entities assigned in one transaction, one audit record. */
    async assignMany(
      ctx: RequestContext,
      pairs: { entityId: number; liaisonUserId?: number | null; teamId?: number | null }[],
    ): Promise<number> {
      const actor = requirePermission(ctx.actor, 'liaison.assign');
      const entities = await registry.getManyForService(pairs.map((p) => p.entityId));
      const now = clock.now().toISOString();
      const rows = pairs.map((p) => {
        const e = entities.get(p.entityId);
        if (!e) throw invalid([{ field: 'entityIds', message: 'liaison.entity_out_of_scope' }]);
        return {
          entityId: e.id,
          entityKind: e.kind,
          entityName: e.name,
          regionPath: e.regionPath,
          liaisonUserId: p.liaisonUserId ?? null,
          teamId: p.teamId ?? null,
          startedAt: now,
          endedAt: null,
          endedReason: null,
          assignedBy: actor.displayName,
        };
      });
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 500) {
          const chunk = rows.slice(i, i + 500);
          await repo.end(
            trx,
            chunk.map((r) => r.entityId),
            now,
            t(ctx.locale, 'liaison.reassigned'),
          );
          await repo.insert(trx, chunk);
        }
        await audit.record(trx, ctx, {
          action: 'liaison.assign_many',
          targetType: 'liaison_assignment',
          detail: { entities: rows.length },
        });
      });
      return rows.length;
    },

    /**
     * Assigns a liaison or a team to entities; a current assignment is ended (kept in the
     * history with the reason) and replaced. The partial unique index keeps one current per entity.
     */
    async assign(ctx: RequestContext, b: z.output<typeof assignLiaisonBodySchema>): Promise<{ assigned: number }> {
      const actor = requirePermission(ctx.actor, 'liaison.assign');
      const paths = pathsOf(actor, 'liaison.assign');
      const liaisonUserId = b.liaisonUserId;
      if (liaisonUserId) {
        const holders = await userIdsWith(db, { role: 'liaison', ids: [liaisonUserId], includeDisabled: true });
        if (!holders.includes(liaisonUserId)) throw invalid([{ field: 'liaisonUserId', message: 'liaison.not_liaison' }]);
      }
      const teamId = b.teamId;
      if (teamId) {
        const team = await teamRepo.activeTeam(db, teamId);
        if (!team || !inPaths(paths, team.regionPath)) throw invalid([{ field: 'teamId', message: 'liaison.unknown_team' }]);
      }
      const list = await targets(ctx, b, paths);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        // takes the team's row lock (see dissolveTeam) and sees a dissolution committed meanwhile
        if (teamId && !(await teamRepo.holdActive(trx, teamId)))
          throw invalid([{ field: 'teamId', message: 'liaison.unknown_team' }]);
        for (const e of list) {
          await repo.end(trx, [e.id], now, b.reason ?? t(ctx.locale, 'liaison.reassigned'));
          await repo.insert(trx, [
            {
              entityId: e.id,
              entityKind: e.kind,
              entityName: e.name,
              regionPath: e.regionPath,
              liaisonUserId: liaisonUserId ?? null,
              teamId: teamId ?? null,
              startedAt: now,
              endedAt: null,
              endedReason: null,
              assignedBy: actor.displayName,
            },
          ]);
        }
        await audit.record(trx, ctx, {
          action: 'liaison.assign',
          targetType: 'liaison_assignment',
          detail: { entities: list.length, liaisonUserId: b.liaisonUserId, teamId: b.teamId, regionCode: b.regionCode ?? null },
        });
      });
      events.publish({ type: 'liaison.assigned', regionPath: list[0]?.regionPath ?? null, data: { count: list.length } });
      return { assigned: list.length };
    },

    async assignments(
      ctx: RequestContext,
      q: {
        page: number;
        pageSize: number;
        entityId?: number;
        liaisonUserId?: number;
        teamId?: number;
        q?: string;
        regionCode?: string;
        current?: 'true' | 'false';
      },
    ): Promise<Page<LiaisonAssignment>> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      // a liaison sees their own; officers their area
      const own = !actor.permissions.has('liaison.read') && !actor.permissions.has('liaison.assign');
      if (own && !actor.permissions.has('liaison.visit')) throw new AppError('common.forbidden', 403);
      const paths = own ? null : pathsOf(actor, actor.permissions.has('liaison.assign') ? 'liaison.assign' : 'liaison.read');
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const { total, rows } = await repo.list(
        db,
        {
          paths,
          ownBy: actor.id,
          entityId: q.entityId,
          liaisonUserId: q.liaisonUserId,
          teamId: q.teamId,
          q: q.q,
          regionPath: region?.path,
          currentOnly: q.current !== 'false',
        },
        pageOf(q),
      );
      const nm = await names(rows);
      return {
        items: rows.map((r) => ({
          id: Number(r.id),
          entityId: Number(r.entityId),
          entityName: r.entityName,
          entityKind: r.entityKind,
          liaisonUserId: r.liaisonUserId == null ? null : Number(r.liaisonUserId),
          liaisonName: r.liaisonUserId == null ? null : (nm.users.get(Number(r.liaisonUserId))?.displayName ?? null),
          teamId: r.teamId == null ? null : Number(r.teamId),
          teamName: r.teamId == null ? null : (nm.teams.get(Number(r.teamId)) ?? null),
          startedAt: r.startedAt,
          endedAt: r.endedAt,
          endedReason: r.endedReason,
          assignedBy: r.assignedBy,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** Per kind: entities in the region and how many have a current liaison (target 100 %). */
    async coverage(ctx: RequestContext, regionCode: string | undefined): Promise<Coverage> {
      const actor = ctx.actor;
      if (!actor || !(actor.permissions.has('liaison.read') || actor.permissions.has('liaison.assign')))
        throw new AppError('common.forbidden', 403);
      const code = regionCode ?? (await regions.rootsFor(actor))[0]?.code;
      if (!code) throw new AppError('common.not_found', 404);
      const count = async (kind: string, coverage?: string) =>
        (
          await registry.list(ctx, {
            page: 1,
            pageSize: 1,
            regionCode: code,
            kind,
            ...(coverage ? { coverage } : {}),
          } as EntityListQuery)
        ).total;
      const rows = [];
      for (const kind of entityKinds) {
        const total = await count(kind);
        if (total === 0) continue;
        const covered = await count(kind, 'withLiaison');
        rows.push({ kind, total, covered, rate: Math.round((1000 * covered) / total) / 10 });
      }
      const total = rows.reduce((a, r) => a + r.total, 0);
      const covered = rows.reduce((a, r) => a + r.covered, 0);
      return {
        regionCode: code,
        rows,
        total: { kind: 'all', total, covered, rate: total ? Math.round((1000 * covered) / total) / 10 : null },
      };
    },
  };
}
