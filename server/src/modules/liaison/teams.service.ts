import type { z } from 'zod';
import type { LiaisonCadre, LiaisonTeam, Page, liaisonTeamBodySchema, liaisonTeamUpdateSchema } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError, conflict, invalid, notFound } from '../../platform/errors';
import { usersWith } from '../../platform/grants';
import { userSummaries } from '../../platform/notify';
import { requirePermission } from '../../platform/permissions';
import { inPaths, pathsOf } from '../../platform/scope';
import { checkTeamMembers } from './liaison-scope';
import { pageOf, type LiaisonDeps } from './liaison-deps';
import { assignmentRepo } from './liaison.repo';
import { teamRepo as repo } from './team.repo';

/** Help teams 帮扶工作组: formed, edited and dissolved inside an officer's area, and the cadres to form them of. */
export function createTeamsPart({ db, clock, audit, regions }: LiaisonDeps) {
  /** Teams with their members and how many entities each looks after now, in three queries. */
  async function teamDtos(rows: { id: number; name: string; regionCode: string; version: number }[]): Promise<LiaisonTeam[]> {
    const ids = rows.map((r) => Number(r.id));
    if (ids.length === 0) return [];
    const members = await repo.members(db, ids);
    const users = await userSummaries(
      db,
      members.map((m) => Number(m.userId)),
    );
    const countOf = await assignmentRepo.currentPerTeam(db, ids);
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
    const team = await repo.team(db, id);
    if (!team) throw notFound('team');
    return (await teamDtos([team]))[0]!;
  }
  const memberRows = (teamId: number, memberIds: number[], leaderId: number) =>
    memberIds.map((userId) => ({ teamId, userId, leader: userId === leaderId ? 1 : 0 }));

  return {
    async createTeam(ctx: RequestContext, b: z.output<typeof liaisonTeamBodySchema>): Promise<LiaisonTeam> {
      const actor = requirePermission(ctx.actor, 'liaison.assign');
      const region = await regions.resolve(b.regionCode);
      const paths = pathsOf(actor, 'liaison.assign');
      if (!inPaths(paths, region.path)) throw invalid([{ field: 'regionCode', message: 'liaison.entity_out_of_scope' }]);
      const memberIds = await checkTeamMembers(db, paths, b);
      const id = await db.transaction().execute(async (trx) => {
        const id = await repo.insertTeam(trx, {
          name: b.name,
          regionCode: region.code,
          regionPath: region.path,
          createdAt: clock.now().toISOString(),
        });
        await repo.insertMembers(trx, memberRows(id, memberIds, b.leaderId));
        await audit.record(trx, ctx, {
          action: 'liaison.team_create',
          targetType: 'liaison_team',
          targetId: id,
          regionPath: region.path,
          detail: b,
        });
        return id;
      });
      return teamDto(id);
    },

    /** Rename a team or change its members and leader, if nobody changed it since `version` was read. */
    async updateTeam(ctx: RequestContext, id: number, b: z.output<typeof liaisonTeamUpdateSchema>): Promise<LiaisonTeam> {
      const actor = requirePermission(ctx.actor, 'liaison.assign');
      const paths = pathsOf(actor, 'liaison.assign');
      const team = await repo.activeTeam(db, id);
      if (!team || !inPaths(paths, team.regionPath)) throw notFound('team');
      const memberIds = await checkTeamMembers(db, paths, b);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.renameIfVersion(trx, id, b.name, b.version))) throw conflict('liaison.team_changed');
        const before = await repo.replaceMembers(trx, id, memberRows(id, memberIds, b.leaderId));
        const leader = before.find((m) => m.leader);
        await audit.record(trx, ctx, {
          action: 'liaison.team_update',
          targetType: 'liaison_team',
          targetId: id,
          regionPath: team.regionPath,
          detail: {
            before: {
              name: team.name,
              memberIds: before.map((m) => Number(m.userId)),
              leaderId: leader ? Number(leader.userId) : null,
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
      const team = await repo.activeTeam(db, id);
      if (!team || !inPaths(pathsOf(actor, 'liaison.assign'), team.regionPath)) throw notFound('team');
      await db.transaction().execute(async (trx) => {
        if (!(await repo.dissolve(trx, id, clock.now().toISOString()))) throw notFound('team');
        const n = await assignmentRepo.currentOfTeam(trx, id);
        if (n > 0) throw conflict('liaison.team_in_use', { count: n });
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
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      // a team by its name or by one of its members' names (members hold the liaison role)
      const needle = q.q;
      const memberIds = needle
        ? (await usersWith(db, { role: 'liaison', search: needle, includeDisabled: true }))
            .filter((u) => u.displayName.toLowerCase().includes(needle.toLowerCase()))
            .map((u) => u.id)
        : [];
      const { total, rows } = await repo.teams(db, { paths, regionPath: region?.path, q: needle, memberIds }, pageOf(q));
      return { items: await teamDtos(rows), total, page: q.page, pageSize: q.pageSize };
    },

    /** Cadres holding the liaison role inside the caller's area, to pick an assignee or team members from. */
    async cadres(ctx: RequestContext, q: { q?: string }): Promise<LiaisonCadre[]> {
      const actor = requirePermission(ctx.actor, 'liaison.assign');
      const rows = await usersWith(db, { role: 'liaison', within: pathsOf(actor, 'liaison.assign'), search: q.q, limit: 50 });
      const countOf = await assignmentRepo.currentPerLiaison(db, [...new Set(rows.map((r) => r.id))]);
      const names = await regions.namesOf(rows.map((r) => r.regionCode).filter((c): c is string => !!c));
      const seen = new Set<number>();
      return rows
        .filter((r) => !seen.has(r.id) && seen.add(r.id))
        .map((r) => ({
          id: r.id,
          displayName: r.displayName,
          username: r.username,
          regionName: r.regionCode ? (names.get(r.regionCode) ?? null) : null,
          assigned: countOf.get(r.id) ?? 0,
        }));
    },

    /**
     * Bulk enrolment (a district's whole roster, the demo): teams formed in one transaction with one
     * audit record; members must hold the liaison role.
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
        for (let i = 0; i < rows.length; i += 500) ids.push(...(await repo.insertTeams(trx, rows.slice(i, i + 500))));
        const members = teams.flatMap((team, i) => memberRows(ids[i]!, team.memberIds, team.leaderId));
        for (let i = 0; i < members.length; i += 500) await repo.insertMembers(trx, members.slice(i, i + 500));
        await audit.record(trx, ctx, {
          action: 'liaison.team_create_many',
          targetType: 'liaison_team',
          detail: { teams: teams.length, members: members.length },
        });
        return ids;
      });
    },
  };
}
