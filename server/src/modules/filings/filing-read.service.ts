import type {
  Batch,
  FilingAbilities,
  FilingDetail,
  FilingListQuery,
  FilingRevision,
  FilingStatus,
  FilingSummary,
  Page,
} from '@fugong/contract';
import { filingDataSchema } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { requirePermission } from '../../platform/permissions';
import type { FilingRow, FilingsRepo } from './filings.repo';
import type { FilingsDeps } from './filings.deps';
import type { FilingConfigService } from './filing-config.service';
import type { FilingTransitions } from './filing-transitions';
import { abilities, readAccess, summary } from './filing-view';
import { reviewStates } from './filing-states';
import { accessWhere, canAccess, filingAccess, isEmpty, type FilingAccess } from './filing-access';
import { ownEntityId, toAttachment } from './attachments.service';
import { commitmentHash } from './commitment';
import { toXlsx } from '../../platform/excel';

const MAX_EXPORT = 50_000;

/** The read side: lists, their export, a filing's detail and revisions, the batches. */
export function createFilingReads(
  deps: FilingsDeps,
  repo: FilingsRepo,
  config: FilingConfigService,
  transitions: FilingTransitions,
) {
  const { db, audit, registry, regions } = deps;
  const { batchReleased, releaseDueBatches } = transitions;

  async function readable(ctx: RequestContext, id: number): Promise<FilingRow> {
    if (!ctx.actor) throw new AppError('auth.required', 401);
    const row = await repo.byId(db, id);
    if (!row || !canAccess(readAccess(ctx.actor), row)) throw notFound();
    return row;
  }

  async function listQuery(ctx: RequestContext, q: FilingListQuery, offset: number, limit: number) {
    if (!ctx.actor) throw new AppError('auth.required', 401);
    const actor = ctx.actor;
    let access: FilingAccess;
    let statuses: readonly FilingStatus[] | undefined;
    if (q.inbox === 'review') {
      access = filingAccess(requirePermission(actor, 'filings.review'), 'filings.review');
      statuses = reviewStates;
    } else if (q.inbox === 'onsite') {
      access = filingAccess(requirePermission(actor, 'filings.onsite'), 'filings.onsite');
      statuses = ['awaiting_onsite'];
    } else access = readAccess(actor);
    if (isEmpty(access)) throw new AppError('common.forbidden', 403);
    const underPath = q.regionCode ? (await regions.resolve(q.regionCode)).path : undefined;
    return {
      actor,
      l: repo.list(db, {
        where: accessWhere(access),
        status: q.status,
        statuses,
        route: q.route,
        underPath,
        q: q.q,
        offset,
        limit,
      }),
    };
  }

  async function list(ctx: RequestContext, q: FilingListQuery): Promise<Page<FilingSummary & { abilities: FilingAbilities }>> {
    const { actor, l } = await listQuery(ctx, q, (q.page - 1) * q.pageSize, q.pageSize);
    const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
    return {
      items: rows.map((r) => ({ ...summary(r), abilities: abilities(actor, r) })),
      total: Number(n),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** The same list as an .xlsx, whatever page is shown (capped). */
  async function exportXlsx(ctx: RequestContext, q: Omit<FilingListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
    const { l } = await listQuery(ctx, { ...q, page: 1, pageSize: MAX_EXPORT }, 0, MAX_EXPORT);
    const rows = await l.rows();
    await audit.record(db, ctx, { action: 'filings.export', targetType: 'filing', detail: { filter: q, rows: rows.length } });
    const loc = ctx.locale;
    const col = (key: string, value: (r: FilingRow) => string | number | null, width?: number) => ({
      header: t(loc, `filings.col.${key}`),
      value,
      width,
    });
    return toXlsx(
      t(loc, 'filings.sheet'),
      [
        col('id', (r) => r.id, 10),
        col('entityName', (r) => r.entityName, 32),
        col('status', (r) => t(loc, `filings.status.${r.status}`)),
        col('route', (r) => t(loc, `filings.route.${r.route}`)),
        col('batchNo', (r) => r.batchNo, 8),
        col('plannedDate', (r) => r.plannedDate, 14),
        col('submittedAt', (r) => r.submittedAt, 22),
        col('decidedAt', (r) => r.decidedAt, 22),
        col('revision', (r) => r.revision, 10),
      ],
      rows,
    );
  }

  async function get(ctx: RequestContext, id: number): Promise<FilingDetail> {
    let row = await readable(ctx, id);
    if (row.status === 'awaiting_batch' && (await batchReleased(row.batchNo))) {
      await releaseDueBatches({ filingId: id });
      row = (await repo.byId(db, id))!;
    }
    const cfg = await config.version(row.configVersion);
    const data = JSON.parse(row.draft) as {
      preventionPlan?: { attachmentIds?: number[] };
      emergencyPlan?: { attachmentIds?: number[] };
    };
    const [entity, revisions, evs, commitments, files, readiness, batch] = await Promise.all([
      registry.getForService(row.entityId),
      repo.revisions(db, id),
      repo.events(db, [id]),
      repo.commitments(db, id),
      repo.attachments(db, [...(data.preventionPlan?.attachmentIds ?? []), ...(data.emergencyPlan?.attachmentIds ?? [])]),
      repo.readiness(db, row.entityId),
      row.batchNo ? repo.batch(db, row.batchNo) : Promise.resolve(undefined),
    ]);
    return {
      ...summary(row),
      entity,
      data,
      checklist: cfg.checklists.find((c) => c.key === row.checklistKey)!,
      commitmentText: cfg.commitmentText,
      revisions,
      events: evs.map((e) => ({
        id: e.id,
        at: e.at,
        actorName: e.actorName,
        action: e.action,
        fromStatus: e.fromStatus as FilingStatus | null,
        toStatus: e.toStatus as FilingStatus,
        reason: e.reason,
        revision: e.revision,
      })),
      commitments: commitments.map(({ filingId: _f, ...c }) => ({
        ...c,
        intact: commitmentHash(c.text, c.signerName, c.signedAt) === c.hash,
      })),
      attachments: files.filter((f) => f.entityId === row.entityId).map(toAttachment),
      staffReadiness: { total: Number(readiness.total), passed: Number(readiness.passed ?? 0) },
      batchReleaseDate: batch?.releaseDate ?? null,
      abilities: abilities(ctx.actor, row),
    };
  }

  async function revision(ctx: RequestContext, id: number, revision: number): Promise<FilingRevision> {
    await readable(ctx, id);
    const r = await repo.revision(db, id, revision);
    if (!r) throw notFound();
    return {
      revision: r.revision,
      submittedAt: r.submittedAt,
      submittedBy: r.submittedBy,
      data: filingDataSchema.parse(JSON.parse(r.data)),
    };
  }

  /** The filing of the signed-in enterprise user's entity, if any (the enterprise home page). */
  async function mine(ctx: RequestContext): Promise<FilingSummary | null> {
    const entityId = ownEntityId(ctx);
    const rows = await repo.forEntity(db, entityId);
    return rows[0] ? summary(rows[0]) : null;
  }

  async function batches(ctx: RequestContext): Promise<Batch[]> {
    requirePermission(ctx.actor, 'filings.read');
    const rows = await repo.batches(db);
    return rows.map((b) => ({ batchNo: b.batchNo, releaseDate: b.releaseDate, waiting: Number(b.waiting ?? 0) }));
  }

  return { list, exportXlsx, get, revision, mine, batches };
}
