import type { z } from 'zod';
import {
  projectLevels,
  projectPhases,
  type Department,
  type Page,
  type ProjectApproval,
  type ProjectStats,
  type approvalBodySchema,
  type approvalListQuerySchema,
} from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { localDate } from '../../platform/clock';
import { AppError, invalid } from '../../platform/errors';
import { requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import { inPaths } from '../../platform/scope';
import { projectsRepo as repo, type ApprovalRow } from './projects.repo';
import {
  approvalsVisible,
  notFound,
  pageOf,
  projectsVisible,
  rate,
  reader,
  toApproval,
  type ProjectsDeps,
} from './projects-access';

type ApprovalQuery = Partial<z.output<typeof approvalListQuerySchema>>;

/** Approvals of key projects, the documents granted to follow 容缺后补 until each is in, and the figures. */
export function createApprovalsPart({ db, clock, audit, events, regions }: ProjectsDeps) {
  const today = () => localDate(clock.now());
  async function withDocs(rows: ApprovalRow[]): Promise<ProjectApproval[]> {
    const docs = await repo.documents(
      db,
      rows.map((r) => Number(r.id)),
    );
    const d = today();
    return rows.map((r) =>
      toApproval(
        r,
        docs.filter((x) => Number(x.approvalId) === Number(r.id)),
        d,
      ),
    );
  }
  function filter(actor: Actor, q: ApprovalQuery, perm: 'projects.read' | 'projects.approve' = 'projects.read') {
    const d = today();
    return {
      visible: approvalsVisible(actor, perm),
      status: q.status,
      department: q.department,
      projectId: q.projectId,
      q: q.q,
      overdueBefore: q.overdue === 'true' ? d : undefined,
      notOverdueBefore: q.overdue === 'false' ? d : undefined,
    };
  }
  async function one(actor: Actor, id: number, perm: 'projects.read' | 'projects.approve' = 'projects.read') {
    const rows = await repo.approvals(db, { visible: approvalsVisible(actor, perm), id }).rows();
    if (!rows[0]) throw notFound();
    return rows[0];
  }

  function canDecide(actor: Actor, regionPath: string, department: Department): boolean {
    const scope = scopeOf(actor, 'projects.approve');
    return scope.all || inPaths(scope.regionPaths, regionPath) || scope.departments.includes(department);
  }

  const api = {
    async createApproval(
      ctx: RequestContext,
      projectId: number,
      b: z.output<typeof approvalBodySchema>,
    ): Promise<ProjectApproval> {
      const actor = requirePermission(ctx.actor, 'projects.approve');
      // the department deciding may record its approval on any project; others only on projects they see
      const mayDecideAny = scopeOf(actor, 'projects.approve').departments.includes(b.department);
      const p = mayDecideAny
        ? await repo.project(db, projectId)
        : await repo.visibleProject(db, projectId, projectsVisible(actor));
      if (!p) throw notFound();
      // a department decides its own approvals; an area's approver those of its projects
      if (!canDecide(actor, p.regionPath, b.department))
        throw invalid([{ field: 'department', message: 'projects.not_your_department' }]);
      const id = await db.transaction().execute(async (trx) => {
        const id = await repo.insertApproval(trx, {
          projectId,
          regionPath: p.regionPath,
          kind: b.kind,
          department: b.department,
          decidedOn: b.decidedOn,
          status: b.status,
          letterInsteadOfCertificate: b.letterInsteadOfCertificate ? 1 : 0,
          online: b.online ? 1 : 0,
          closedOn: b.status === 'pending_documents' ? null : b.decidedOn,
          createdBy: actor.displayName,
          createdAt: clock.now().toISOString(),
        });
        await repo.insertDocuments(
          trx,
          b.documents.map((d) => ({ approvalId: id, name: d.name, dueOn: d.dueOn, receivedOn: null, receivedBy: null })),
        );
        await audit.record(trx, ctx, {
          action: 'projects.approval_create',
          targetType: 'project_approval',
          targetId: id,
          regionPath: p.regionPath,
          detail: b,
        });
        return id;
      });
      return (await withDocs([await one(actor, id)]))[0]!;
    },

    async receiveDocument(ctx: RequestContext, approvalId: number, docId: number, receivedOn: string): Promise<ProjectApproval> {
      const actor = requirePermission(ctx.actor, 'projects.approve');
      const a = await one(actor, approvalId, 'projects.approve');
      if (receivedOn < a.decidedOn) throw invalid([{ field: 'receivedOn', message: 'projects.received_before_decision' }]);
      if (receivedOn > today()) throw invalid([{ field: 'receivedOn', message: 'projects.received_in_future' }]);
      let closed = false;
      await db.transaction().execute(async (trx) => {
        if (!(await repo.receiveDocument(trx, approvalId, docId, receivedOn, actor.displayName))) {
          const known = (await repo.documents(trx, [approvalId])).some((d) => Number(d.id) === docId);
          if (!known) throw notFound();
          throw new AppError('projects.document_received', 409);
        }
        closed = await repo.closeIfComplete(trx, approvalId, receivedOn);
        await audit.record(trx, ctx, {
          action: 'projects.document_receive',
          targetType: 'project_approval',
          targetId: approvalId,
          regionPath: a.regionPath,
          detail: { documentId: docId, receivedOn, closed },
        });
      });
      if (closed) events.publish({ type: 'projects.approval_closed', regionPath: a.regionPath, data: { id: approvalId } });
      return (await withDocs([await one(actor, approvalId)]))[0]!;
    },

    async approvals(ctx: RequestContext, q: z.output<typeof approvalListQuerySchema>): Promise<Page<ProjectApproval>> {
      const actor = reader(ctx.actor);
      const sel = repo.approvals(db, filter(actor, q));
      const [total, rows] = await Promise.all([sel.count(), sel.rows(pageOf(q))]);
      return { items: await withDocs(rows), total, page: q.page, pageSize: q.pageSize };
    },
    async allApprovals(ctx: RequestContext, q: ApprovalQuery): Promise<ProjectApproval[]> {
      const actor = reader(ctx.actor);
      return withDocs(await repo.approvals(db, filter(actor, q)).rows());
    },
    async approval(ctx: RequestContext, id: number): Promise<ProjectApproval> {
      const actor = reader(ctx.actor);
      return (await withDocs([await one(actor, id)]))[0]!;
    },

    async stats(ctx: RequestContext, q: { regionCode?: string }): Promise<ProjectStats> {
      const actor = reader(ctx.actor);
      const under = q.regionCode ? (await regions.resolve(q.regionCode)).path : null;
      const { groups, appr } = await repo.stats(db, projectsVisible(actor), under, today());
      const sum = (pred: (g: (typeof groups)[number]) => boolean, resumedOnly = false) =>
        groups.filter((g) => pred(g) && (!resumedOnly || g.status === 'resumed')).reduce((n, g) => n + Number(g.n), 0);
      const row = (pred: (g: (typeof groups)[number]) => boolean) => {
        const total = sum(pred);
        const resumed = sum(pred, true);
        return { total, resumed, rate: rate(resumed, total) };
      };
      const fen = (resumedOnly: boolean) =>
        groups.filter((g) => !resumedOnly || g.status === 'resumed').reduce((n, g) => n + Number(g.fen ?? 0), 0);
      return {
        regionCode: q.regionCode ?? null,
        total: row(() => true),
        byPhase: projectPhases.map((phase) => ({ phase, ...row((g) => g.phase === phase) })),
        byLevel: projectLevels.map((level) => ({ level, ...row((g) => g.level === level) })),
        workersOnSite: groups.reduce((n, g) => n + Number(g.workers ?? 0), 0),
        investmentFen: fen(false),
        investmentResumedFen: fen(true),
        approvals: {
          total: Number(appr.total ?? 0),
          online: Number(appr.online ?? 0),
          pendingDocuments: Number(appr.pending ?? 0),
          overdue: Number(appr.overdue ?? 0),
        },
      };
    },
  };
  return { api };
}
