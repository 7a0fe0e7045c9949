import type { z } from 'zod';
import {
  projectTransitions,
  type Department,
  type KeyProject,
  type KeyProjectDetail,
  type Page,
  type ProjectListQuery,
  type ProjectPlan,
  type projectBodySchema,
  type projectPlanBodySchema,
  type projectStatusBodySchema,
} from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { localDate } from '../../platform/clock';
import { AppError, invalid } from '../../platform/errors';
import { can, requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import { inPaths } from '../../platform/scope';
import { isUniqueViolation } from '../../db/sql-helpers';
import { projectsRepo as repo, type ProjectRow } from './projects.repo';
import {
  approvalsVisible,
  notFound,
  pageOf,
  projectsVisible,
  reader,
  toApproval,
  toProject,
  type ProjectsDeps,
} from './projects-access';

const PROJECT_KINDS = new Set(['project', 'site']);

/** Key projects: registration against a registry entity, status with its history, workers, plans 一项一策. */
export function createKeyProjectsPart({ db, clock, audit, events, regions, registry }: ProjectsDeps) {
  async function toProjects(rows: ProjectRow[]): Promise<KeyProject[]> {
    const names = await regions.namesOf(rows.map((r) => r.regionCode));
    return rows.map((r) => toProject(r, names.get(r.regionCode) ?? null));
  }
  /** A project the actor may change (404 when they may not even see it). */
  async function managed(actor: Actor, id: number) {
    const r = await repo.visibleProject(db, id, projectsVisible(actor, 'projects.manage'));
    if (!r) throw notFound();
    return r;
  }
  async function listFilter(actor: Actor, q: Partial<ProjectListQuery>) {
    const under = q.regionCode ? (await regions.resolve(q.regionCode)).path : undefined;
    return { visible: projectsVisible(actor), q: q.q, level: q.level, phase: q.phase, status: q.status, under };
  }

  const api = {
    async createProject(ctx: RequestContext, b: z.output<typeof projectBodySchema>): Promise<KeyProject> {
      const actor = requirePermission(ctx.actor, 'projects.manage');
      const e = await registry.getForService(b.entityId);
      if (!e || !PROJECT_KINDS.has(e.kind)) throw invalid([{ field: 'entityId', message: 'projects.unknown_entity' }]);
      const now = clock.now().toISOString();
      const row = {
        name: b.name,
        entityId: e.id,
        entityName: e.name,
        level: b.level,
        phase: b.phase,
        regionCode: e.regionCode,
        regionPath: e.regionPath,
        leadDepartment: b.leadDepartment ?? null,
        investmentFen: b.investmentFen,
        status: 'not_resumed',
        statusChangedAt: null,
        workersOnSite: b.workersOnSite,
        planVersion: 0,
        createdAt: now,
        updatedAt: now,
      };
      // the actor's area (or department) must cover the project being registered
      if (!canCover(actor, row)) throw invalid([{ field: 'entityId', message: 'projects.unknown_entity' }]);
      const id = await db
        .transaction()
        .execute(async (trx) => {
          const id = await repo.insertProject(trx, row);
          await repo.insertStatus(trx, {
            projectId: id,
            fromStatus: null,
            toStatus: 'not_resumed',
            reason: '',
            changedBy: actor.displayName,
            changedAt: now,
          });
          await audit.record(trx, ctx, {
            action: 'projects.create',
            targetType: 'key_project',
            targetId: id,
            regionPath: e.regionPath,
            detail: b,
          });
          return id;
        })
        .catch((err: unknown) => {
          if (isUniqueViolation(err)) throw new AppError('projects.entity_taken', 409);
          throw err;
        });
      return (await toProjects([(await repo.project(db, id))!]))[0]!;
    },

    async projects(ctx: RequestContext, q: ProjectListQuery): Promise<Page<KeyProject>> {
      const actor = reader(ctx.actor);
      const sel = repo.projects(db, await listFilter(actor, q));
      const [total, rows] = await Promise.all([sel.count(), sel.rows(pageOf(q))]);
      return { items: await toProjects(rows), total, page: q.page, pageSize: q.pageSize };
    },
    async allProjects(ctx: RequestContext, q: Partial<ProjectListQuery>): Promise<KeyProject[]> {
      const actor = reader(ctx.actor);
      return toProjects(await repo.projects(db, await listFilter(actor, q)).rows());
    },

    async project(ctx: RequestContext, id: number): Promise<KeyProjectDetail> {
      const actor = reader(ctx.actor);
      const r = await repo.visibleProject(db, id, projectsVisible(actor));
      if (!r) throw notFound();
      const [[p], plan, history, apprRows] = await Promise.all([
        toProjects([r]),
        repo.plan(db, id, Number(r.planVersion)),
        repo.history(db, id),
        repo.approvals(db, { visible: approvalsVisible(actor), projectId: id }).rows(),
      ]);
      const docs = await repo.documents(
        db,
        apprRows.map((a) => Number(a.id)),
      );
      const today = localDate(clock.now());
      return {
        ...p!,
        plan: plan ? toPlan(plan) : null,
        history: history.map((h) => ({
          from: (h.fromStatus as KeyProject['status'] | null) ?? null,
          to: h.toStatus as KeyProject['status'],
          reason: h.reason,
          changedBy: h.changedBy,
          changedAt: h.changedAt,
        })),
        approvals: apprRows.map((a) =>
          toApproval(
            a,
            docs.filter((d) => Number(d.approvalId) === Number(a.id)),
            today,
          ),
        ),
        abilities: { manage: canCover(actor, r), approve: can(actor, 'projects.approve') },
      };
    },

    async changeStatus(ctx: RequestContext, id: number, b: z.output<typeof projectStatusBodySchema>): Promise<KeyProject> {
      const actor = requirePermission(ctx.actor, 'projects.manage');
      const r = await managed(actor, id);
      if (!projectTransitions[b.from].includes(b.to))
        throw new AppError('common.bad_transition', 409, { from: b.from, action: b.to });
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.moveStatus(trx, id, b.from, b.to, now, b.workersOnSite)))
          throw new AppError('projects.status_stale', 409, { status: r.status });
        await repo.insertStatus(trx, {
          projectId: id,
          fromStatus: b.from,
          toStatus: b.to,
          reason: b.reason,
          changedBy: actor.displayName,
          changedAt: now,
        });
        await audit.record(trx, ctx, {
          action: 'projects.status',
          targetType: 'key_project',
          targetId: id,
          regionPath: r.regionPath,
          detail: b,
        });
      });
      events.publish({ type: 'projects.status', regionPath: r.regionPath, data: { id, from: b.from, to: b.to } });
      return (await toProjects([(await repo.project(db, id))!]))[0]!;
    },

    async setWorkers(ctx: RequestContext, id: number, workersOnSite: number): Promise<KeyProject> {
      const actor = requirePermission(ctx.actor, 'projects.manage');
      const r = await managed(actor, id);
      await db.transaction().execute(async (trx) => {
        await repo.setWorkers(trx, id, workersOnSite, clock.now().toISOString());
        await audit.record(trx, ctx, {
          action: 'projects.workers',
          targetType: 'key_project',
          targetId: id,
          regionPath: r.regionPath,
          detail: { from: Number(r.workersOnSite), to: workersOnSite },
        });
      });
      return (await toProjects([(await repo.project(db, id))!]))[0]!;
    },

    async addPlan(ctx: RequestContext, id: number, b: z.output<typeof projectPlanBodySchema>): Promise<ProjectPlan> {
      const actor = requirePermission(ctx.actor, 'projects.manage');
      const r = await managed(actor, id);
      const version = b.basedOn + 1;
      const now = clock.now().toISOString();
      if (b.basedOn !== Number(r.planVersion)) throw new AppError('projects.plan_stale', 409, { version: Number(r.planVersion) });
      await db
        .transaction()
        .execute(async (trx) => {
          await repo.insertPlan(trx, {
            projectId: id,
            version,
            preventionPlan: b.preventionPlan,
            emergencyPlan: b.emergencyPlan,
            measures: b.measures,
            createdBy: actor.displayName,
            createdAt: now,
          });
          await audit.record(trx, ctx, {
            action: 'projects.plan',
            targetType: 'key_project',
            targetId: id,
            regionPath: r.regionPath,
            detail: { version },
          });
        })
        .catch((err: unknown) => {
          // another version based on the same one landed first
          if (isUniqueViolation(err)) throw new AppError('projects.plan_stale', 409, { version });
          throw err;
        });
      return toPlan((await repo.plan(db, id, version))!);
    },
    async plans(ctx: RequestContext, id: number): Promise<ProjectPlan[]> {
      const actor = reader(ctx.actor);
      if (!(await repo.visibleProject(db, id, projectsVisible(actor)))) throw notFound();
      return (await repo.plans(db, id)).map(toPlan);
    },
  };

  /** Whether the actor's area or department covers a project (registering it, or changing it). */
  function canCover(actor: Actor, r: Pick<ProjectRow, 'regionPath' | 'leadDepartment'>): boolean {
    if (!can(actor, 'projects.manage')) return false;
    const scope = scopeOf(actor, 'projects.manage');
    return (
      scope.all ||
      inPaths(scope.regionPaths, r.regionPath) ||
      (!!r.leadDepartment && scope.departments.includes(r.leadDepartment as Department))
    );
  }
  return { api };
}

const toPlan = (p: {
  version: number;
  preventionPlan: string;
  emergencyPlan: string;
  measures: string;
  createdBy: string;
  createdAt: string;
}): ProjectPlan => ({
  version: Number(p.version),
  preventionPlan: p.preventionPlan,
  emergencyPlan: p.emergencyPlan,
  measures: p.measures,
  createdBy: p.createdBy,
  createdAt: p.createdAt,
});
