import type { RequestContext } from '../../platform/context';
import { t } from '../../platform/i18n/index';
import { dueEscalation, supervisionDeadline } from '../../platform/escalation';
import { openComplaintStates } from './complaint-states';
import { complaintsRepo } from './complaints.repo';
import type { ComplaintRecords, ComplaintsDeps } from './complaint-records';

/** Overdue complaints climb the same ladder as tickets: 提示 → 督办 → 区领导报到. */
export function complaintEscalation(deps: ComplaintsDeps, records: ComplaintRecords) {
  const { db, notifier } = deps;
  const { now, event } = records;
  const repo = complaintsRepo;

  return {
    async escalateDue(): Promise<number> {
      const at = now();
      const ctx: RequestContext = { actor: null, ip: null, requestId: null, locale: 'zh-CN' };
      const rows = await repo.overdue(db, at.toISOString(), openComplaintStates, 500);
      let moved = 0;
      for (const r of rows) {
        const level = dueEscalation(r.escalationLevel, r.escalatedAt, at);
        if (!level) continue;
        const done = await db.transaction().execute(async (trx) => {
          const set: Record<string, unknown> = {
            escalationLevel: level,
            escalatedAt: at.toISOString(),
            updatedAt: at.toISOString(),
          };
          if (level === 'supervision') set.deadline = supervisionDeadline(at);
          if (!(await repo.updateLevel(trx, Number(r.id), set, r.escalationLevel))) return false;
          await event(trx, ctx, Number(r.id), { action: 'escalate', note: level });
          const title = t('zh-CN', 'complaints.notify.escalated', {
            level: t('zh-CN', `tickets.level.${level}`),
            no: r.receiptNo,
          });
          await notifier.send(trx, await notifier.usersCovering(trx, 'town', r.regionPath), {
            kind: `complaints.${level}`,
            title,
            link: `/complaints/${r.id}`,
          });
          if (level !== 'reminder')
            await notifier.send(trx, await notifier.usersCovering(trx, 'commander', r.regionPath), {
              kind: `complaints.${level}`,
              title,
              link: `/complaints/${r.id}`,
            });
          return true;
        });
        if (done) moved += 1;
      }
      return moved;
    },
  };
}
