import type { FinanceFigures } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { rootFor } from '../../platform/scope';
import type { FinanceDeps } from './finance.service';
import { localDayEnd, localDayStart } from './finance-filters';
import { financeFiguresRepo as repo, type Period } from './finance-figures.repo';
import { financeRepo } from './finance.repo';

const HOUR = 3_600_000;
function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  const v = s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  return Math.round(v * 10) / 10;
}
/** The segment of `path` one level below `root` ('/120119/' under '/'), or the root itself. */
function childOf(root: string, path: string): string {
  const rest = path.slice(root.length).split('/').filter(Boolean);
  return rest.length === 0 ? root : `${root}${rest[0]}/`;
}
const codeOf = (path: string) => path.split('/').filter(Boolean).pop() ?? '';

interface Acc {
  requests: number;
  entities: Set<number>;
  institutions: Set<number>;
  askedFen: number;
  approvedFen: number;
  disbursedFen: number;
}
const acc = (): Acc => ({
  requests: 0,
  entities: new Set(),
  institutions: new Set(),
  askedFen: 0,
  approvedFen: 0,
  disbursedFen: 0,
});
const out = (a: Acc) => ({
  requests: a.requests,
  enterprises: a.entities.size,
  institutions: a.institutions.size,
  askedFen: a.askedFen,
  approvedFen: a.approvedFen,
  disbursedFen: a.disbursedFen,
});

/**
 * Requests, enterprises served, institutions involved, amounts asked / approved / disbursed (each
 * yuan once: the request's sums move with its answers), medians, white-list share, rollovers and
 * fast-track money — by region, period and institution. No enterprise's details.
 */
export function createFinanceFigures(deps: Pick<FinanceDeps, 'db' | 'regions'>) {
  const { db, regions } = deps;
  return {
    async figures(ctx: RequestContext, q: { regionCode?: string; from?: string; to?: string }): Promise<FinanceFigures> {
      const { root } = await rootFor((c) => regions.resolve(c), ctx, 'finance.figures', q.regionCode);
      const p: Period = { from: q.from ? localDayStart(q.from) : null, to: q.to ? localDayEnd(q.to) : null };
      const [paths, insts, timings, rolls, fast, listed, whitelisted] = await Promise.all([
        repo.byPath(db, root.path, p),
        repo.byInstitution(db, root.path, p),
        repo.timings(db, root.path, p),
        repo.rollovers(db, root.path, p),
        repo.fastTrack(db, root.path, p),
        repo.listedInstitutions(db, root.path),
        repo.whitelisted(db, root.path),
      ]);
      const total = acc();
      const byChild = new Map<string, Acc>();
      const byInst = new Map<number, Acc>();
      let whitelistedRequests = 0;
      for (const r of paths) {
        const child = childOf(root.path, r.regionPath);
        const c = byChild.get(child) ?? acc();
        byChild.set(child, c);
        for (const a of [total, c]) {
          a.requests += r.requests;
          a.entities.add(r.entityId);
          a.askedFen += r.asked;
          a.approvedFen += r.approved;
          a.disbursedFen += r.disbursed;
        }
        whitelistedRequests += r.whitelisted;
      }
      for (const r of insts) {
        total.institutions.add(r.institutionId);
        byChild.get(childOf(root.path, r.regionPath))?.institutions.add(r.institutionId);
        const i = byInst.get(r.institutionId) ?? acc();
        byInst.set(r.institutionId, i);
        i.requests += r.requests;
        i.entities.add(r.entityId);
        i.institutions.add(r.institutionId);
        i.askedFen += r.asked;
        i.approvedFen += r.approved;
        i.disbursedFen += r.disbursed;
      }
      const [names, instRows] = await Promise.all([
        regions.namesOf([root.code, ...[...byChild.keys()].map(codeOf)].filter(Boolean)),
        financeRepo.institutionsByIds(db, [...byInst.keys()]),
      ]);
      const instNames = new Map(instRows.map((i) => [Number(i.id), i.name]));
      const hours = (from: string, to: string | null) => (to ? (Date.parse(to) - Date.parse(from)) / HOUR : null);
      const toFirst = timings.map((t) => hours(t.createdAt, t.firstAnsweredAt)).filter((x): x is number => x !== null);
      const toMoney = timings.map((t) => hours(t.createdAt, t.firstDisbursedAt)).filter((x): x is number => x !== null);
      return {
        regionCode: root.code,
        regionName: root.code ? (names.get(root.code) ?? root.name) : null,
        totals: {
          ...out(total),
          institutionsListed: listed,
          whitelisted,
          whitelistedRequests,
          medianHoursToFirstAnswer: median(toFirst),
          medianHoursToMoney: median(toMoney),
          rolloverFen: rolls.get('rollover')?.fen ?? 0,
          rolloverEnterprises: rolls.get('rollover')?.entities ?? 0,
          deferralFen: rolls.get('deferral')?.fen ?? 0,
          deferralEnterprises: rolls.get('deferral')?.entities ?? 0,
          fastTrackFen: fast.fen,
          fastTrackOnTimeFen: fast.onTime,
        },
        byRegion: [...byChild.entries()]
          .map(([path, a]) => ({ regionCode: codeOf(path), regionName: names.get(codeOf(path)) ?? null, ...out(a) }))
          .sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
        byInstitution: [...byInst.entries()]
          .map(([id, a]) => ({ institutionId: id, institutionName: instNames.get(id) ?? '', ...out(a) }))
          .sort((a, b) => b.disbursedFen - a.disbursedFen || a.institutionId - b.institutionId),
      };
    },
  };
}
