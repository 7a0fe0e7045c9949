import { invalid } from '../../platform/errors';
import { userIdsWith } from '../../platform/grants';
import type { Queryable } from '../../platform/module';
import type { LiaisonTables } from './liaison.tables';

/**
 * A team's make-up, on creation and on every edit: the leader is one of the members, and each member is
 * an active cadre holding the liaison role inside the area of whoever forms the team.
 */
export async function checkTeamMembers(
  db: Queryable<LiaisonTables>,
  paths: string[] | 'all',
  b: { memberIds: number[]; leaderId: number },
): Promise<number[]> {
  const ids = [...new Set(b.memberIds)];
  if (!ids.includes(b.leaderId)) throw invalid([{ field: 'leaderId', message: 'liaison.leader_member' }]);
  const ok = new Set(await userIdsWith(db, { role: 'liaison', ids, within: paths }));
  if (ids.some((id) => !ok.has(id))) throw invalid([{ field: 'memberIds', message: 'liaison.not_liaison' }]);
  return ids;
}
