import { sql, type SqlBool } from 'kysely';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { inPaths, likeAny, pathsOf } from '../../platform/scope';
import type { RequestRow } from './finance.repo';

/**
 * Who sees a financing request's details: the financial affairs centre of the area (a `department`
 * grant of department `finance`, or an administrator), the entity itself, a liaison of the entity's
 * area, and the institutions it is shared with (each seeing its own answer only). Nobody else —
 * not even the town or the district commander, who see totals.
 */
export interface FinanceViewer {
  actor: Actor;
  /** centre: region subtrees, or all */
  centre: string[] | 'all';
  entityIds: number[];
  liaison: string[] | 'all';
  /** the bank officer's institution */
  institutionId: number | null;
}

export function centrePaths(actor: Actor): string[] | 'all' {
  const out: string[] = [];
  for (const g of actor.grants) {
    if (g.role === 'admin') return 'all';
    if (g.role === 'department' && g.department === 'finance') {
      if (!g.regionPath) return 'all';
      out.push(g.regionPath);
    }
  }
  return out;
}

export function viewerOf(actor: Actor, institutionId: number | null): FinanceViewer {
  const request = actor.permissions.has('finance.request');
  return {
    actor,
    centre: actor.permissions.has('finance.manage') ? centrePaths(actor) : [],
    entityIds: request ? actor.grants.filter((g) => g.role === 'enterprise' && g.entityId).map((g) => g.entityId!) : [],
    liaison: request && actor.grants.some((g) => g.role === 'liaison') ? liaisonPaths(actor) : [],
    institutionId: actor.permissions.has('finance.answer') ? institutionId : null,
  };
}

function liaisonPaths(actor: Actor): string[] | 'all' {
  const p = pathsOf(actor, 'finance.request');
  if (p === 'all') return 'all';
  return actor.grants.filter((g) => g.role === 'liaison' && g.regionPath).map((g) => g.regionPath!);
}

export const isCentre = (v: FinanceViewer, path: string) => inPaths(v.centre, path);
export const isRequester = (v: FinanceViewer, r: Pick<RequestRow, 'entityId' | 'regionPath'>) =>
  v.entityIds.includes(r.entityId) || inPaths(v.liaison, r.regionPath);

export function requireAnyRole(v: FinanceViewer): void {
  const none = v.centre !== 'all' && v.centre.length === 0 && v.entityIds.length === 0;
  if (
    none &&
    v.liaison !== 'all' &&
    v.liaison.length === 0 &&
    v.institutionId === null &&
    !v.actor.permissions.has('finance.answer')
  )
    throw new AppError('common.forbidden', 403);
}

/** The WHERE clause of every list of requests. */
export function visibleRequests(v: FinanceViewer) {
  const ors = [likeAny('financing_request.region_path', v.centre), likeAny('financing_request.region_path', v.liaison)];
  if (v.entityIds.length) ors.push(sql<SqlBool>`financing_request.entity_id in (${sql.join(v.entityIds)})`);
  if (v.institutionId !== null)
    ors.push(
      sql<SqlBool>`exists (select 1 from financing_answer fa where fa.request_id = financing_request.id and fa.institution_id = ${v.institutionId})`,
    );
  return sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}
