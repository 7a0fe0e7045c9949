import type { Tally, TallyReport } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { columnsIn, toXlsx } from '../../platform/excel';
import { t } from '../../platform/i18n/index';
import { tallyRepo } from './tally.repo';
import { enforcementPaths as paths, type EnforcementDeps } from './enforcement-access';

type TallyQuery = { from?: string; to?: string; regionCode?: string; roundId?: number };

/** The 执法检查 tally the seeds quote, for any period, region and round, counted from the records. */
export function createTallyPart({ db, regions }: EnforcementDeps) {
  const tallyOf = (ps: string[] | 'all', regionPath: string | null, from: string, to: string, roundId?: number) =>
    tallyRepo.tally(db, { paths: ps, regionPath, from, to, roundId });

  async function tallyReport(ctx: RequestContext, q: TallyQuery): Promise<TallyReport> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.required', 401);
    const ps = paths(actor);
    const from = q.from ?? '0000-01-01';
    const to = q.to ?? '9999-12-31';
    const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
    const children = region ? await regions.children(ctx, region.code).catch(() => []) : await regions.rootsFor(actor);
    const rows = [];
    for (const c of children) {
      const tally = await tallyOf(ps, c.path, from, to, q.roundId);
      if (tally.inspections > 0) rows.push({ ...tally, regionCode: c.code, regionName: c.name });
    }
    const total = await tallyOf(ps, region?.path ?? null, from, to, q.roundId);
    return {
      total: { ...total, regionCode: region?.code ?? null, regionName: region?.name ?? t(ctx.locale, 'enforcement.tally.all') },
      rows,
    };
  }

  const api = {
    async tally(ctx: RequestContext, q: TallyQuery): Promise<Tally> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      return tallyOf(paths(actor), region?.path ?? null, q.from ?? '0000-01-01', q.to ?? '9999-12-31', q.roundId);
    },
    tallyReport,
    async tallyXlsx(ctx: RequestContext, q: TallyQuery): Promise<Buffer> {
      const r = await tallyReport(ctx, q);
      type Row = TallyReport['rows'][number];
      const cols = columnsIn<Row>(ctx.locale, [
        [{ 'zh-CN': '区域', 'zh-TW': '區域', en: 'Region' }, (x) => x.regionName, 24],
        [{ 'zh-CN': '出动执法人员（人次）', 'zh-TW': '出動執法人員（人次）', en: 'Inspector-visits' }, (x) => x.inspectorVisits],
        [{ 'zh-CN': '巡查商户（家次）', 'zh-TW': '巡查商戶（家次）', en: 'Premises visited' }, (x) => x.premises],
        [{ 'zh-CN': '涉及商户（家）', 'zh-TW': '涉及商戶（家）', en: 'Distinct premises' }, (x) => x.distinctPremises],
        [{ 'zh-CN': '发现问题（个）', 'zh-TW': '發現問題（個）', en: 'Problems found' }, (x) => x.problems],
        [{ 'zh-CN': '当场整改（个）', 'zh-TW': '當場整改（個）', en: 'Fixed on the spot' }, (x) => x.fixedOnSpot],
        [{ 'zh-CN': '整改通知书（份）', 'zh-TW': '整改通知書（份）', en: 'Notices issued' }, (x) => x.notices],
        [{ 'zh-CN': '关停（户）', 'zh-TW': '關停（戶）', en: 'Closures' }, (x) => x.closures],
      ]);
      return toXlsx(t(ctx.locale, 'enforcement.tally.sheet'), cols, [...r.rows, r.total]);
    },
  };
  return { api };
}
