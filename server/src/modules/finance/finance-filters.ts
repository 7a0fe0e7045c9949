import { sql, type SqlBool } from 'kysely';
import type { FinancingListQuery } from '@fugong/contract';
import { containsLiteral, pathPrefix } from '../../db/sql-helpers';
import type { RegionsService } from '../regions/regions.service';
import { visibleRequests, type FinanceViewer } from './finance-access';
import type { RequestWhere } from './finance.repo';

const DAY = 86_400_000;
/** A local (UTC+8) day's start as a UTC timestamp text, for comparing with created_at. */
export const localDayStart = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 8 * 3600_000).toISOString();
export const localDayEnd = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 8 * 3600_000 + DAY).toISOString();

/** The caller's visible requests narrowed by the list's filters. */
export async function requestFilter(
  regions: Pick<RegionsService, 'resolve'>,
  v: FinanceViewer,
  q: Omit<FinancingListQuery, 'page' | 'pageSize'>,
): Promise<RequestWhere> {
  const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
  const ands: ReturnType<typeof sql<SqlBool>>[] = [visibleRequests(v)];
  if (region) ands.push(sql<SqlBool>`financing_request.region_path like ${pathPrefix(region.path)} escape '\\'`);
  if (q.status) ands.push(sql<SqlBool>`financing_request.status = ${q.status}`);
  if (q.whitelisted) ands.push(sql<SqlBool>`financing_request.whitelisted = ${q.whitelisted === 'true' ? 1 : 0}`);
  if (q.unrouted === 'true')
    ands.push(sql<SqlBool>`not exists (select 1 from financing_answer u where u.request_id = financing_request.id)`);
  if (q.from) ands.push(sql<SqlBool>`financing_request.created_at >= ${localDayStart(q.from)}`);
  if (q.to) ands.push(sql<SqlBool>`financing_request.created_at < ${localDayEnd(q.to)}`);
  if (q.q) {
    ands.push(
      sql<SqlBool>`(${containsLiteral('financing_request.entity_name', q.q)} or ${containsLiteral('financing_request.no', q.q)})`,
    );
  }
  // a bank officer's filters read its own answer; the centre's read any answer
  const inst =
    v.institutionId !== null && v.centre !== 'all' && v.centre.length === 0 ? v.institutionId : (q.institutionId ?? null);
  if (q.answerStatus || inst !== null) {
    const conds = [sql<SqlBool>`a.request_id = financing_request.id`];
    if (inst !== null) conds.push(sql<SqlBool>`a.institution_id = ${inst}`);
    if (q.answerStatus) conds.push(sql<SqlBool>`a.status = ${q.answerStatus}`);
    ands.push(sql<SqlBool>`exists (select 1 from financing_answer a where ${sql.join(conds, sql` and `)})`);
  }
  const where = sql<SqlBool>`(${sql.join(ands, sql` and `)})`;
  return () => where;
}
