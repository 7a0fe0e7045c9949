import type { TicketStats, TicketStatsRow } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { t } from '../../platform/i18n/index';
import { requirePermission } from '../../platform/permissions';
import { toXlsx } from '../../platform/excel';
import { ticketsRepo } from './tickets.repo';
import type { TicketRecords, TicketsDeps } from './ticket-records';

function statsRow(
  key: string,
  name: string | null,
  a: {
    received: number;
    closed: number;
    onTime: number;
    handled: number;
    handlingMinutes: number;
    reopened: number;
    satisfactionSum: number;
    rated: number;
    escalated: number;
    open: number;
  },
): TicketStatsRow {
  const pct = (n: number, d: number) => (d > 0 ? Math.round((1000 * n) / d) / 10 : null);
  return {
    key,
    name,
    received: a.received,
    closed: a.closed,
    onTime: a.onTime,
    onTimeRate: pct(a.onTime, a.handled),
    avgHandlingHours: a.handled > 0 ? Math.round((10 * a.handlingMinutes) / a.handled / 60) / 10 : null,
    reopened: a.reopened,
    reopenRate: pct(a.reopened, a.handled),
    satisfaction: a.rated > 0 ? Math.round((100 * a.satisfactionSum) / a.rated) / 100 : null,
    escalated: a.escalated,
    open: a.open,
  };
}

/** 问题单统计: received, closed, on time, handling hours, reopened, satisfaction and escalations per department or region. */
export function ticketStatistics(deps: TicketsDeps, records: TicketRecords) {
  const { db, regions } = deps;
  const { listWhere } = records;
  const repo = ticketsRepo;

  async function stats(
    ctx: RequestContext,
    q: { from?: string; to?: string; regionCode?: string; by: 'department' | 'region' },
  ): Promise<TicketStats> {
    const actor = requirePermission(ctx.actor, 'tickets.stats');
    const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
    // business dates are local (UTC+8): a day starts at 16:00 UTC the day before
    const fromIso = q.from ? new Date(`${q.from}T00:00:00+08:00`).toISOString() : null;
    const toIso = q.to ? new Date(`${q.to}T23:59:59.999+08:00`).toISOString() : null;
    const base = listWhere(actor, {}, region?.path ?? null);
    const rows = await repo.stats(db, (eb) => {
      const ands = [base(eb)];
      if (fromIso) ands.push(eb('ticket.createdAt', '>=', fromIso));
      if (toIso) ands.push(eb('ticket.createdAt', '<=', toIso));
      return eb.and(ands);
    });
    const empty = () => ({
      received: 0,
      closed: 0,
      onTime: 0,
      handled: 0,
      handlingMinutes: 0,
      reopened: 0,
      satisfactionSum: 0,
      rated: 0,
      escalated: 0,
      open: 0,
    });
    const groups = new Map<string, ReturnType<typeof empty>>();
    const total = empty();
    // group by department, or by the child region under the requested one (town under a district …)
    const depth = region ? region.path.split('/').filter(Boolean).length : 1;
    for (const r of rows) {
      const key =
        q.by === 'department'
          ? (r.department ?? '-')
          : (r.regionPath.split('/').filter(Boolean)[depth] ?? r.regionPath.split('/').filter(Boolean)[depth - 1] ?? '-');
      const g = groups.get(key) ?? empty();
      for (const k of Object.keys(total) as (keyof typeof total)[]) {
        g[k] += Number(r[k] ?? 0);
        total[k] += Number(r[k] ?? 0);
      }
      groups.set(key, g);
    }
    const names = q.by === 'region' ? await regions.namesOf([...groups.keys()]) : new Map<string, string>();
    const nameOf = (k: string) =>
      q.by === 'department'
        ? k === '-'
          ? t(ctx.locale, 'tickets.status.collected')
          : t(ctx.locale, `department.${k}`)
        : (names.get(k) ?? k);
    return {
      rows: [...groups.entries()].sort((a, b) => b[1].received - a[1].received).map(([k, a]) => statsRow(k, nameOf(k), a)),
      total: statsRow('total', t(ctx.locale, 'tickets.col.total'), total),
    };
  }

  return {
    stats,
    async statsXlsx(
      ctx: RequestContext,
      q: { from?: string; to?: string; regionCode?: string; by: 'department' | 'region' },
    ): Promise<Buffer> {
      const s = await stats(ctx, q);
      const L = ctx.locale;
      const col = (k: string, value: (r: TicketStatsRow) => string | number | null) => ({
        header: t(L, `tickets.col.${k}`),
        value,
      });
      return toXlsx<TicketStatsRow>(
        t(L, 'tickets.sheet.stats'),
        [
          { ...col('key', (r) => r.name), width: 24 },
          col('received', (r) => r.received),
          col('closed', (r) => r.closed),
          col('onTimeRate', (r) => r.onTimeRate),
          col('avgHours', (r) => r.avgHandlingHours),
          col('reopenRate', (r) => r.reopenRate),
          col('satisfaction', (r) => r.satisfaction),
          col('escalated', (r) => r.escalated),
          col('open', (r) => r.open),
        ],
        [...s.rows, s.total],
      );
    },
  };
}
