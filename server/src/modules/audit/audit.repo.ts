import type { AuditQuery } from '@fugong/contract';
import { startsWithText } from '../../db/sql-helpers';
import type { Queryable } from '../../platform/module';
import type { AuditTables } from './audit.tables';

type Db = Queryable<AuditTables>;

export function auditRepo() {
  function filtered(db: Db, f: Omit<AuditQuery, 'page' | 'pageSize'>, underPaths: string[] | null) {
    let q = db.selectFrom('auditLog');
    if (f.actor) q = q.where('actorName', '=', f.actor);
    if (f.action) q = q.where(startsWithText('audit_log.action', f.action));
    if (f.targetType) q = q.where('targetType', '=', f.targetType);
    if (f.targetId) q = q.where('targetId', '=', f.targetId);
    // dates are local (UTC+8) days; the log keeps UTC instants
    if (f.from) q = q.where('at', '>=', new Date(`${f.from}T00:00:00+08:00`).toISOString());
    if (f.to) q = q.where('at', '<', new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString());
    if (underPaths) q = q.where((eb) => eb.or(underPaths.map((p) => eb('regionPath', 'like', p + '%'))));
    return q;
  }
  return {
    count: (db: Db, f: AuditQuery, underPaths: string[] | null) =>
      filtered(db, f, underPaths)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    page: (db: Db, f: AuditQuery, underPaths: string[] | null, offset: number, limit: number) =>
      filtered(db, f, underPaths)
        .select(['id', 'at', 'actorId', 'actorName', 'action', 'targetType', 'targetId', 'ip', 'requestId', 'detail'])
        .orderBy('id', 'desc')
        .offset(offset)
        .limit(limit)
        .execute(),
  };
}
