import type { Locale } from '@fugong/contract';
import { columnsIn, toXlsx } from '../../platform/excel';
import type { RequestContext } from '../../platform/context';
import { MAX_EXPORT_ROWS, type LabourDeps } from './labour-deps';
import type { PostingsService } from './postings.service';
import type { SurveyService } from './survey.service';
import type { LabourStatsService } from './labour-stats.service';

const yuan = (fen: number) => fen / 100;
const STATUS: Record<string, Record<Locale, string>> = {
  pending_review: { 'zh-CN': '待审核', 'zh-TW': '待審核', en: 'Pending review' },
  approved: { 'zh-CN': '已发布', 'zh-TW': '已發佈', en: 'Published' },
  rejected: { 'zh-CN': '已退回', 'zh-TW': '已退回', en: 'Rejected' },
  filled: { 'zh-CN': '已招满', 'zh-TW': '已招滿', en: 'Filled' },
  closed: { 'zh-CN': '已关闭', 'zh-TW': '已關閉', en: 'Closed' },
};
const INTENTION: Record<string, Record<Locale, string>> = {
  stay: { 'zh-CN': '暂不务工', 'zh-TW': '暫不務工', en: 'Stays home' },
  local: { 'zh-CN': '本地就业', 'zh-TW': '本地就業', en: 'Works locally' },
  away: { 'zh-CN': '外出务工', 'zh-TW': '外出務工', en: 'Works away' },
};

/** .xlsx of the lists and the figures; each export is audited with its filters. */
export function createLabourExports(
  deps: LabourDeps,
  postings: PostingsService,
  survey: SurveyService,
  stats: LabourStatsService,
) {
  const { db, audit } = deps;
  const logged = (ctx: RequestContext, action: string, detail: unknown, rows: number) =>
    audit.record(db, ctx, { action, targetType: 'export', detail: { ...(detail as object), rows } });

  return {
    async postings(ctx: RequestContext, q: Parameters<PostingsService['rowsForExport']>[1]): Promise<Buffer> {
      const rows = await postings.rowsForExport(ctx, q, MAX_EXPORT_ROWS);
      await logged(ctx, 'labour.export_postings', q, rows.length);
      const L = ctx.locale;
      return toXlsx(
        L === 'en' ? 'Postings' : '岗位',
        columnsIn<(typeof rows)[number]>(L, [
          [{ 'zh-CN': '岗位', 'zh-TW': '崗位', en: 'Title' }, (r) => r.title, 24],
          [{ 'zh-CN': '用工单位', 'zh-TW': '用工單位', en: 'Employer' }, (r) => r.entityName, 30],
          [{ 'zh-CN': '招聘会', 'zh-TW': '招聘會', en: 'Job fair' }, (r) => r.fairName, 24],
          [{ 'zh-CN': '工作地点', 'zh-TW': '工作地點', en: 'Place' }, (r) => r.regionName],
          [{ 'zh-CN': '招聘人数', 'zh-TW': '招聘人數', en: 'Places' }, (r) => r.places, 10],
          [{ 'zh-CN': '已录用', 'zh-TW': '已錄用', en: 'Hired' }, (r) => r.hired, 10],
          [{ 'zh-CN': '报名人数', 'zh-TW': '報名人數', en: 'Applicants' }, (r) => r.applications, 10],
          [{ 'zh-CN': '月薪下限（元）', 'zh-TW': '月薪下限（元）', en: 'Pay from (yuan)' }, (r) => yuan(r.payMinFen), 12],
          [{ 'zh-CN': '月薪上限（元）', 'zh-TW': '月薪上限（元）', en: 'Pay to (yuan)' }, (r) => yuan(r.payMaxFen), 12],
          [{ 'zh-CN': '有效期至', 'zh-TW': '有效期至', en: 'Valid until' }, (r) => r.validUntil, 12],
          [{ 'zh-CN': '状态', 'zh-TW': '狀態', en: 'Status' }, (r) => STATUS[r.status]?.[L] ?? r.status, 10],
        ]),
        rows,
      );
    },

    async survey(ctx: RequestContext, q: { regionCode?: string; intention?: string }): Promise<Buffer> {
      const rows = await survey.rowsForExport(ctx, q, MAX_EXPORT_ROWS);
      await logged(ctx, 'labour.export_survey', q, rows.length);
      const L = ctx.locale;
      return toXlsx(
        L === 'en' ? 'Labour survey' : '劳务输出意愿',
        columnsIn<(typeof rows)[number]>(L, [
          [{ 'zh-CN': '村/网格', 'zh-TW': '村/網格', en: 'Village / grid' }, (r) => r.regionName, 24],
          [{ 'zh-CN': '户', 'zh-TW': '戶', en: 'Household' }, (r) => r.household, 20],
          [{ 'zh-CN': '姓名', 'zh-TW': '姓名', en: 'Name' }, (r) => r.personName, 12],
          [{ 'zh-CN': '意愿', 'zh-TW': '意願', en: 'Intention' }, (r) => INTENTION[r.intention]?.[L] ?? r.intention, 12],
          [{ 'zh-CN': '技能', 'zh-TW': '技能', en: 'Trade' }, (r) => r.trade, 14],
          [{ 'zh-CN': '意向地', 'zh-TW': '意向地', en: 'Destination' }, (r) => r.destination, 14],
          [{ 'zh-CN': '摸排日期', 'zh-TW': '摸排日期', en: 'Surveyed on' }, (r) => r.surveyedOn, 12],
        ]),
        rows,
      );
    },

    async stats(ctx: RequestContext, q: { regionCode?: string; from?: string; to?: string }): Promise<Buffer> {
      const s = await stats.stats(ctx, q);
      await logged(ctx, 'labour.export_stats', q, s.children.length + 1);
      const L = ctx.locale;
      const rows = [...s.children, s];
      return toXlsx(
        L === 'en' ? 'Labour figures' : '用工统计',
        columnsIn<(typeof rows)[number]>(L, [
          [
            { 'zh-CN': '区域', 'zh-TW': '區域', en: 'Region' },
            (r) => (r === s ? `${r.regionName}（${L === 'en' ? 'total' : '合计'}）` : r.regionName),
            24,
          ],
          [{ 'zh-CN': '招聘会', 'zh-TW': '招聘會', en: 'Job fairs' }, (r) => r.fairs, 10],
          [{ 'zh-CN': '浏览人次', 'zh-TW': '瀏覽人次', en: 'Visits' }, (r) => r.visits, 10],
          [{ 'zh-CN': '用工企业', 'zh-TW': '用工企業', en: 'Enterprises' }, (r) => r.enterprises, 10],
          [{ 'zh-CN': '岗位', 'zh-TW': '崗位', en: 'Postings' }, (r) => r.postings, 10],
          [{ 'zh-CN': '招聘人数', 'zh-TW': '招聘人數', en: 'Places' }, (r) => r.places, 10],
          [{ 'zh-CN': '求职人次', 'zh-TW': '求職人次', en: 'Applications' }, (r) => r.applications, 10],
          [{ 'zh-CN': '就业意向', 'zh-TW': '就業意向', en: 'Intentions' }, (r) => r.intentions, 10],
          [{ 'zh-CN': '录用', 'zh-TW': '錄用', en: 'Hires' }, (r) => r.hires, 10],
          [{ 'zh-CN': '共享员工（人）', 'zh-TW': '共享員工（人）', en: 'Shared workers' }, (r) => r.sharedWorkers, 12],
          [{ 'zh-CN': '点对点返岗（人）', 'zh-TW': '點對點返崗（人）', en: 'Transported workers' }, (r) => r.transported, 12],
          [{ 'zh-CN': '意愿摸排（人）', 'zh-TW': '意願摸排（人）', en: 'Surveyed' }, (r) => r.surveyed, 12],
          [{ 'zh-CN': '外出务工意愿', 'zh-TW': '外出務工意願', en: 'Wish to work away' }, (r) => r.wishAway, 12],
        ]),
        rows,
      );
    },
  };
}
