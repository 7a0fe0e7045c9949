import { sql, type Kysely, type SqlBool } from 'kysely';
import {
  entityKinds,
  type Coverage,
  type EntityListQuery,
  type LiaisonAssignment,
  type LiaisonCadre,
  type LiaisonTeam,
  type ResolvedList,
  type Page,
  type Visit,
  type TimelineItem,
} from '@fugong/contract';
import type { z } from 'zod';
import type {
  assignLiaisonBodySchema,
  createVisitBodySchema,
  liaisonTeamBodySchema,
  liaisonTeamUpdateSchema,
} from '@fugong/contract';
import type { DB } from '../schema';
import { containsLiteral } from '../../db/sql-helpers';
import { checkTeamMembers, inPaths, likeAny, pathsOf } from './liaison-scope';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { EventBus } from '../../platform/events';
import type { RequestContext } from '../../platform/context';
import { userSummaries } from '../../platform/notify';
import { AppError, conflict, invalid, notFound } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { requirePermission } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryService } from '../registry/registry.service';
import type { PreparedTicket, TicketsService } from '../tickets/tickets.service';
import './liaison.messages';

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  audit: Audit;
  events: EventBus;
  regions: RegionsService;
  registry: Pick<
    RegistryService,
    'getForService' | 'getManyForService' | 'registerTimelineSource' | 'registerCoverageFilter' | 'list'
  >;
  tickets: Pick<TicketsService, 'prepareTicket' | 'createTicket' | 'announceCreated' | 'bySourceRefs'>;
}

const MAX_BULK = 1000;

/**
 * 驻企联络员 / 帮扶工作组: who looks after which entity (with the history of changes), the
 * coverage of a region, and the visit log whose problems become tickets in one step.
 */
export function createLiaisonService(deps: Deps) {
  const { db, clock, audit, events, regions, registry, tickets } = deps;

  // "entities without a liaison" for the registry's list, coverage and export
  registry.registerCoverageFilter({
    name: 'noLiaison',
    where: (col) => sql<SqlBool>`${sql.ref(col)} not in (select entity_id from liaison_assignment where ended_at is null)`,
  });
  registry.registerCoverageFilter({
    name: 'withLiaison',
    where: (col) => sql<SqlBool>`${sql.ref(col)} in (select entity_id from liaison_assignment where ended_at is null)`,
  });

  async function names(rows: { liaisonUserId: number | null; teamId: number | null }[]) {
    const users = await userSummaries(
      db,
      rows
        .map((r) => r.liaisonUserId)
        .filter((x): x is number => x != null)
        .map(Number),
    );
    const teamIds = [
      ...new Set(
        rows
          .map((r) => r.teamId)
          .filter((x): x is number => x != null)
          .map(Number),
      ),
    ];
    const teams = teamIds.length
      ? await db.selectFrom('liaisonTeam').select(['id', 'name']).where('id', 'in', teamIds).execute()
      : [];
    return { users, teams: new Map(teams.map((x) => [Number(x.id), x.name])) };
  }

  /** Teams with their members and how many entities each looks after now, in three queries. */
  async function teamDtos(rows: { id: number; name: string; regionCode: string; version: number }[]): Promise<LiaisonTeam[]> {
    const ids = rows.map((r) => Number(r.id));
    if (ids.length === 0) return [];
    const members = await db
      .selectFrom('liaisonTeamMember')
      .selectAll()
      .where('teamId', 'in', ids)
      .orderBy('leader', 'desc')
      .orderBy('userId')
      .execute();
    const users = await userSummaries(
      db,
      members.map((m) => Number(m.userId)),
    );
    const counts = await db
      .selectFrom('liaisonAssignment')
      .select(['teamId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('teamId', 'in', ids)
      .where('endedAt', 'is', null)
      .groupBy('teamId')
      .execute();
    const countOf = new Map(counts.map((c) => [Number(c.teamId), Number(c.n)]));
    const regionNames = await regions.namesOf(rows.map((r) => r.regionCode));
    return rows.map((team) => ({
      id: Number(team.id),
      version: Number(team.version),
      name: team.name,
      regionCode: team.regionCode,
      regionName: regionNames.get(team.regionCode) ?? null,
      members: members
        .filter((m) => Number(m.teamId) === Number(team.id))
        .map((m) => ({
          userId: Number(m.userId),
          displayName: users.get(Number(m.userId))?.displayName ?? String(m.userId),
          leader: !!m.leader,
        })),
      assigned: countOf.get(Number(team.id)) ?? 0,
    }));
  }
  async function teamDto(id: number): Promise<LiaisonTeam> {
    const team = await db.selectFrom('liaisonTeam').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return (await teamDtos([team]))[0]!;
  }
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
    const page = await registry.list(ctx, {
      page: 1,
      pageSize: 500,
      regionCode: region.code,
      kind: b.kind,
      coverage: 'noLiaison',
    } as EntityListQuery);
    if (page.total > MAX_BULK) throw invalid([{ field: 'regionCode', message: 'liaison.too_many' }]);
    let items = page.items;
    for (let p = 2; items.length < page.total; p++)
      items = items.concat(
        (
          await registry.list(ctx, {
            page: p,
            pageSize: 500,
            regionCode: region.code,
            kind: b.kind,
            coverage: 'noLiaison',
          } as EntityListQuery)
        ).items,
      );
    return items.map((e) => ({ id: e.id, name: e.name, kind: e.kind, regionPath: e.regionPath }));
  }

  registry.registerTimelineSource({
    name: 'liaison',
    async load(entityId, ctx) {
      const visits = await db
        .selectFrom('liaisonVisit')
        .selectAll()
        .where('entityId', '=', entityId)
        .orderBy('id', 'desc')
        .limit(100)
        .execute();
      return visits.map((v): TimelineItem => ({
        at: v.createdAt,
        kind: 'liaison.visit',
        title: t(ctx.locale, 'liaison.timeline.visit', { name: v.liaisonName, mode: t(ctx.locale, `liaison.mode.${v.mode}`) }),
        detail: [(JSON.parse(v.policies) as string[]).join('、'), v.notes].filter(Boolean).join(' · '),
      }));
    },
  });

  return {
    async createTeam(ctx: RequestContext, b: z.output<typeof liaisonTeamBodySchema>): Promise<LiaisonTeam> {
      const actor = requirePermission(ctx.actor, 'liaison.assign');
      const region = await regions.resolve(b.regionCode);
      const paths = pathsOf(actor, 'liaison.assign');
      if (!inPaths(paths, region.path)) throw invalid([{ field: 'regionCode', message: 'liaison.entity_out_of_scope' }]);
      const memberIds = await checkTeamMembers(db, paths, b);
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('liaisonTeam')
          .values({ name: b.name, regionCode: region.code, regionPath: region.path, createdAt: clock.now().toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('liaisonTeamMember')
          .values(memberIds.map((userId) => ({ teamId: Number(id), userId, leader: userId === b.leaderId ? 1 : 0 })))
          .execute();
        await audit.record(trx, ctx, {
          action: 'liaison.team_create',
          targetType: 'liaison_team',
          targetId: Number(id),
          regionPath: region.path,
          detail: b,
        });
        return Number(id);
      });
      return teamDto(id);
    },

    /** Rename a team or change its members and leader, if nobody changed it since `version` was read. */
    async updateTeam(ctx: RequestContext, id: number, b: z.output<typeof liaisonTeamUpdateSchema>): Promise<LiaisonTeam> {
      const actor = requirePermission(ctx.actor, 'liaison.assign');
      const paths = pathsOf(actor, 'liaison.assign');
      const team = await db
        .selectFrom('liaisonTeam')
        .selectAll()
        .where('id', '=', id)
        .where('dissolvedAt', 'is', null)
        .executeTakeFirst();
      if (!team || !inPaths(paths, team.regionPath)) throw notFound('team');
      const memberIds = await checkTeamMembers(db, paths, b);
      await db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('liaisonTeamMember').select(['userId', 'leader']).where('teamId', '=', id).execute();
        const moved = await trx
          .updateTable('liaisonTeam')
          .set((eb) => ({ name: b.name, version: eb('version', '+', 1) }))
          .where('id', '=', id)
          .where('version', '=', b.version)
          .where('dissolvedAt', 'is', null)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) === 0) throw conflict('liaison.team_changed');
        await trx.deleteFrom('liaisonTeamMember').where('teamId', '=', id).execute();
        await trx
          .insertInto('liaisonTeamMember')
          .values(memberIds.map((userId) => ({ teamId: id, userId, leader: userId === b.leaderId ? 1 : 0 })))
          .execute();
        await audit.record(trx, ctx, {
          action: 'liaison.team_update',
          targetType: 'liaison_team',
          targetId: id,
          regionPath: team.regionPath,
          detail: {
            before: {
              name: team.name,
              memberIds: before.map((m) => Number(m.userId)),
              leaderId: before.find((m) => m.leader) ? Number(before.find((m) => m.leader)!.userId) : null,
            },
            after: { name: b.name, memberIds, leaderId: b.leaderId },
          },
        });
      });
      return teamDto(id);
    },

    /**
     * Dissolves a team that looks after nothing any more (409 with the count otherwise: reassign first).
     * The team row is locked before counting, and an assignment to a team locks the same row, so a
     * dissolution and an assignment racing each other cannot both succeed.
     */
    async dissolveTeam(ctx: RequestContext, id: number): Promise<void> {
      const actor = requirePermission(ctx.actor, 'liaison.assign');
      const team = await db
        .selectFrom('liaisonTeam')
        .selectAll()
        .where('id', '=', id)
        .where('dissolvedAt', 'is', null)
        .executeTakeFirst();
      if (!team || !inPaths(pathsOf(actor, 'liaison.assign'), team.regionPath)) throw notFound('team');
      await db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        const moved = await trx
          .updateTable('liaisonTeam')
          .set((eb) => ({ dissolvedAt: now, version: eb('version', '+', 1) }))
          .where('id', '=', id)
          .where('dissolvedAt', 'is', null)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) === 0) throw notFound('team');
        const { n } = await trx
          .selectFrom('liaisonAssignment')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('teamId', '=', id)
          .where('endedAt', 'is', null)
          .executeTakeFirstOrThrow();
        if (Number(n) > 0) throw conflict('liaison.team_in_use', { count: Number(n) });
        await audit.record(trx, ctx, {
          action: 'liaison.team_dissolve',
          targetType: 'liaison_team',
          targetId: id,
          regionPath: team.regionPath,
          detail: { name: team.name },
        });
      });
    },

    async teams(
      ctx: RequestContext,
      q: { page: number; pageSize: number; q?: string; regionCode?: string },
    ): Promise<Page<LiaisonTeam>> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      if (!actor.permissions.has('liaison.assign') && !actor.permissions.has('liaison.read'))
        throw new AppError('common.forbidden', 403);
      const paths = pathsOf(actor, actor.permissions.has('liaison.assign') ? 'liaison.assign' : 'liaison.read');
      let base = db
        .selectFrom('liaisonTeam')
        .where('dissolvedAt', 'is', null)
        .where(() => likeAny('liaison_team.region_path', paths));
      if (q.regionCode) {
        const r = await regions.resolve(q.regionCode);
        base = base.where(() => likeAny('liaison_team.region_path', [r.path]));
      }
      if (q.q) {
        // a team by its name or by one of its members' names
        const needle = q.q;
        base = base.where((eb) =>
          eb.or([
            containsLiteral('liaison_team.name', needle),
            eb(
              'id',
              'in',
              db
                .selectFrom('liaisonTeamMember')
                .innerJoin('appUser', 'appUser.id', 'liaisonTeamMember.userId')
                .select('liaisonTeamMember.teamId')
                .where(() => containsLiteral('app_user.display_name', needle)),
            ),
          ]),
        );
      }
      const [{ n }, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        base
          .selectAll()
          .orderBy('id')
          .offset((q.page - 1) * q.pageSize)
          .limit(q.pageSize)
          .execute(),
      ]);
      return { items: await teamDtos(rows), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    /** Cadres holding the liaison role inside the caller's area, to pick an assignee or team members from. */
    async cadres(ctx: RequestContext, q: { q?: string }): Promise<LiaisonCadre[]> {
      const actor = requirePermission(ctx.actor, 'liaison.assign');
      const paths = pathsOf(actor, 'liaison.assign');
      let base = db
        .selectFrom('appUser')
        .innerJoin('userGrant', 'userGrant.userId', 'appUser.id')
        .select(['appUser.id', 'appUser.displayName', 'appUser.username', 'userGrant.regionCode'])
        .where('userGrant.role', '=', 'liaison')
        .where('appUser.disabled', '=', 0)
        .where(() => likeAny('user_grant.region_path', paths));
      const needle = q.q;
      if (needle)
        base = base.where((eb) =>
          eb.or([containsLiteral('app_user.display_name', needle), containsLiteral('app_user.username', needle)]),
        );
      const rows = await base.orderBy('appUser.id').limit(50).execute();
      const ids = [...new Set(rows.map((r) => Number(r.id)))];
      const counts = ids.length
        ? await db
            .selectFrom('liaisonAssignment')
            .select(['liaisonUserId', (eb) => eb.fn.countAll<number>().as('n')])
            .where('liaisonUserId', 'in', ids)
            .where('endedAt', 'is', null)
            .groupBy('liaisonUserId')
            .execute()
        : [];
      const countOf = new Map(counts.map((c) => [Number(c.liaisonUserId), Number(c.n)]));
      const names = await regions.namesOf(rows.map((r) => r.regionCode).filter((c): c is string => !!c));
      const seen = new Set<number>();
      return rows
        .filter((r) => !seen.has(Number(r.id)) && seen.add(Number(r.id)))
        .map((r) => ({
          id: Number(r.id),
          displayName: r.displayName,
          username: r.username,
          regionName: r.regionCode ? (names.get(r.regionCode) ?? null) : null,
          assigned: countOf.get(Number(r.id)) ?? 0,
        }));
    },

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

    /**
     * Bulk enrolment (a district's whole roster, the demo): teams formed and entities assigned in one
     * transaction each, with one audit record; members must hold the liaison role.
     */
    async createTeams(
      ctx: RequestContext,
      teams: { name: string; regionCode: string; memberIds: number[]; leaderId: number }[],
    ): Promise<number[]> {
      requirePermission(ctx.actor, 'liaison.assign');
      const places = await regions.placesOf(teams.map((x) => x.regionCode));
      const now = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const ids: number[] = [];
        const rows = teams.map((team) => {
          const place = places.get(team.regionCode);
          if (!place) throw invalid([{ field: 'regionCode', message: 'regions.unknown' }]);
          return { name: team.name, regionCode: place.code, regionPath: place.path, createdAt: now };
        });
        for (let i = 0; i < rows.length; i += 500) {
          // ids in insertion order: sorted, since an identity only grows
          const inserted = await trx
            .insertInto('liaisonTeam')
            .values(rows.slice(i, i + 500))
            .returning('id')
            .execute();
          ids.push(...inserted.map((r) => Number(r.id)).sort((a, b) => a - b));
        }
        const members = teams.flatMap((team, i) =>
          team.memberIds.map((userId) => ({ teamId: ids[i]!, userId, leader: userId === team.leaderId ? 1 : 0 })),
        );
        for (let i = 0; i < members.length; i += 500)
          await trx
            .insertInto('liaisonTeamMember')
            .values(members.slice(i, i + 500))
            .execute();
        await audit.record(trx, ctx, {
          action: 'liaison.team_create_many',
          targetType: 'liaison_team',
          detail: { teams: teams.length, members: members.length },
        });
        return ids;
      });
    },
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
          await trx
            .updateTable('liaisonAssignment')
            .set({ endedAt: now, endedReason: t(ctx.locale, 'liaison.reassigned') })
            .where(
              'entityId',
              'in',
              chunk.map((r) => r.entityId),
            )
            .where('endedAt', 'is', null)
            .execute();
          await trx.insertInto('liaisonAssignment').values(chunk).execute();
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
      if (b.liaisonUserId) {
        const u = (await userSummaries(db, [b.liaisonUserId])).get(b.liaisonUserId);
        if (!u?.roles.includes('liaison')) throw invalid([{ field: 'liaisonUserId', message: 'liaison.not_liaison' }]);
      }
      if (b.teamId) {
        const team = await db
          .selectFrom('liaisonTeam')
          .select('regionPath')
          .where('id', '=', b.teamId)
          .where('dissolvedAt', 'is', null)
          .executeTakeFirst();
        if (!team || !inPaths(paths, team.regionPath)) throw invalid([{ field: 'teamId', message: 'liaison.unknown_team' }]);
      }
      const list = await targets(ctx, b, paths);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        if (b.teamId) {
          // takes the team's row lock (see dissolveTeam) and sees a dissolution committed meanwhile
          const held = await trx
            .updateTable('liaisonTeam')
            .set((eb) => ({ version: eb.ref('version') }))
            .where('id', '=', b.teamId)
            .where('dissolvedAt', 'is', null)
            .executeTakeFirst();
          if (Number(held.numUpdatedRows) === 0) throw invalid([{ field: 'teamId', message: 'liaison.unknown_team' }]);
        }
        for (const e of list) {
          await trx
            .updateTable('liaisonAssignment')
            .set({ endedAt: now, endedReason: b.reason ?? t(ctx.locale, 'liaison.reassigned') })
            .where('entityId', '=', e.id)
            .where('endedAt', 'is', null)
            .execute();
          await trx
            .insertInto('liaisonAssignment')
            .values({
              entityId: e.id,
              entityKind: e.kind,
              entityName: e.name,
              regionPath: e.regionPath,
              liaisonUserId: b.liaisonUserId ?? null,
              teamId: b.teamId ?? null,
              startedAt: now,
              endedAt: null,
              endedReason: null,
              assignedBy: actor.displayName,
            })
            .execute();
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
      let base = db.selectFrom('liaisonAssignment');
      if (paths) base = base.where(() => likeAny('liaison_assignment.region_path', paths));
      else
        base = base.where((eb) =>
          eb.or([
            eb('liaisonUserId', '=', actor.id),
            eb('teamId', 'in', db.selectFrom('liaisonTeamMember').select('teamId').where('userId', '=', actor.id)),
          ]),
        );
      if (q.entityId) base = base.where('entityId', '=', q.entityId);
      if (q.liaisonUserId) base = base.where('liaisonUserId', '=', q.liaisonUserId);
      if (q.teamId) base = base.where('teamId', '=', q.teamId);
      const needle = q.q;
      if (needle) base = base.where(() => containsLiteral('liaison_assignment.entity_name', needle));
      if (region) base = base.where(() => likeAny('liaison_assignment.region_path', [region.path]));
      if (q.current !== 'false') base = base.where('endedAt', 'is', null);
      const [{ n }, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        base
          .selectAll()
          .orderBy('id', 'desc')
          .offset((q.page - 1) * q.pageSize)
          .limit(q.pageSize)
          .execute(),
      ]);
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
        total: Number(n),
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

    /** A visit from a phone: each problem found becomes a ticket to the category's department at once. */
    async logVisit(ctx: RequestContext, b: z.output<typeof createVisitBodySchema>): Promise<Visit> {
      const actor = requirePermission(ctx.actor, 'liaison.visit');
      const e = await registry.getForService(b.entityId);
      if (!e || !inPaths(pathsOf(actor, 'liaison.visit'), e.regionPath))
        throw invalid([{ field: 'entityId', message: 'liaison.entity_out_of_scope' }]);
      const now = clock.now().toISOString();
      // one transaction for the visit and its tickets; the ticket facts are read first
      const prepared: PreparedTicket[] = [];
      for (const p of b.problems)
        prepared.push(
          await tickets.prepareTicket({
            source: 'liaison_visit',
            categoryId: p.categoryId,
            title: p.title,
            description: p.description,
            entityId: e.id,
            assignNow: true,
          }),
        );
      const result = await db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('liaisonVisit')
          .values({
            entityId: e.id,
            entityName: e.name,
            regionPath: e.regionPath,
            liaisonUserId: actor.id,
            liaisonName: actor.displayName,
            visitDate: b.visitDate,
            mode: b.mode,
            policies: JSON.stringify(b.policies),
            notes: b.notes ?? null,
            problemCount: b.problems.length,
            createdAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const created = [];
        for (const [i, p] of prepared.entries())
          created.push(await tickets.createTicket(trx, ctx, { ...p, sourceRef: `visit:${id}#${i}` }));
        await audit.record(trx, ctx, {
          action: 'liaison.visit',
          targetType: 'liaison_visit',
          targetId: Number(id),
          regionPath: e.regionPath,
          detail: { entityId: e.id, problems: b.problems.length },
        });
        return { id: Number(id), created };
      });
      for (const c of result.created) tickets.announceCreated(c);
      events.publish({ type: 'liaison.visit', regionPath: e.regionPath, data: { visitId: result.id, entityId: e.id } });
      return {
        id: result.id,
        entityId: e.id,
        entityName: e.name,
        liaisonName: actor.displayName,
        visitDate: b.visitDate,
        mode: b.mode,
        policies: b.policies,
        notes: b.notes ?? null,
        problemCount: b.problems.length,
        ticketIds: result.created.map((c) => c.id),
        createdAt: now,
      };
    },
  };
}
export type LiaisonService = ReturnType<typeof createLiaisonService>;
