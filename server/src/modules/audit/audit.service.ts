import type { AuditEntry, AuditQuery, Locale, Page } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { requirePermission, scopeOf } from '../../platform/permissions';
import { toXlsx } from '../../platform/excel';
import type { ModuleDb } from '../../platform/module';
import { auditRepo } from './audit.repo';
import type { AuditTables } from './audit.tables';

const EXPORT_LIMIT = 50_000;

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['编号', '时间(UTC)', '操作人', '操作', '对象类型', '对象编号', 'IP', '请求编号', '详情'],
  'zh-TW': ['編號', '時間(UTC)', '操作人', '操作', '對象類型', '對象編號', 'IP', '請求編號', '詳情'],
  en: ['ID', 'Time (UTC)', 'Actor', 'Action', 'Target type', 'Target ID', 'IP', 'Request ID', 'Detail'],
};

export function createAuditService({ db }: { db: ModuleDb<AuditTables> }) {
  const repo = auditRepo();
  function paths(ctx: RequestContext) {
    const actor = requirePermission(ctx.actor, 'audit.read');
    const scope = scopeOf(actor, 'audit.read');
    return scope.all ? null : scope.regionPaths;
  }
  return {
    async list(ctx: RequestContext, q: AuditQuery): Promise<Page<AuditEntry>> {
      const under = paths(ctx);
      const [{ n }, items] = await Promise.all([
        repo.count(db, q, under),
        repo.page(db, q, under, (q.page - 1) * q.pageSize, q.pageSize),
      ]);
      return { items, total: Number(n), page: q.page, pageSize: q.pageSize };
    },
    async exportXlsx(ctx: RequestContext, q: AuditQuery): Promise<Buffer> {
      const under = paths(ctx);
      const rows = await repo.page(db, q, under, 0, EXPORT_LIMIT);
      const h = HEADERS[ctx.locale];
      const cols: ((r: AuditEntry) => string | number | null)[] = [
        (r) => r.id,
        (r) => r.at,
        (r) => r.actorName,
        (r) => r.action,
        (r) => r.targetType,
        (r) => r.targetId,
        (r) => r.ip,
        (r) => r.requestId,
        (r) => r.detail,
      ];
      return toXlsx(
        'audit',
        cols.map((value, i) => ({ header: h[i]!, value, width: i === 8 ? 60 : 18 })),
        rows,
      );
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
