import type { FinanceFigures, FinancingRequest, Locale } from '@fugong/contract';
import { columnsIn, toXlsx, type Texts } from '../../platform/excel';
import { t } from '../../platform/i18n/index';

const h = (zhCN: string, zhTW: string, en: string): Texts => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
const yuan = (fen: number) => Math.round(fen) / 100;

/** The filtered requests as .xlsx: amounts in yuan, every answer's institution and state in one cell. */
export function requestsXlsx(locale: Locale, rows: FinancingRequest[]): Promise<Buffer> {
  const cols = columnsIn<FinancingRequest>(locale, [
    [h('编号', '編號', 'No.'), (r) => r.no, 20],
    [h('企业', '企業', 'Enterprise'), (r) => r.entityName, 30],
    [h('区域', '區域', 'Region'), (r) => r.regionName ?? r.regionCode, 16],
    [h('申请金额（元）', '申請金額（元）', 'Asked (yuan)'), (r) => yuan(r.amountFen)],
    [h('批复金额（元）', '批覆金額（元）', 'Approved (yuan)'), (r) => yuan(r.approvedFen)],
    [h('放款金额（元）', '放款金額（元）', 'Disbursed (yuan)'), (r) => yuan(r.disbursedFen)],
    [h('期限（月）', '期限（月）', 'Term (months)'), (r) => r.termMonths],
    [h('白名单', '白名單', 'White list'), (r) => (r.whitelisted ? '✓' : '')],
    [h('状态', '狀態', 'Status'), (r) => r.status],
    [
      h('机构答复', '機構答覆', 'Answers'),
      (r) => r.answers.map((a) => `${a.institutionName}: ${t(locale, `finance.answer.${a.status}`)}`).join('; '),
      40,
    ],
    [h('提交时间', '提交時間', 'Filed at'), (r) => r.createdAt, 22],
  ]);
  return toXlsx(h('融资需求', '融資需求', 'Financing requests')[locale], cols, rows);
}

type Row = FinanceFigures['byRegion'][number] | FinanceFigures['byInstitution'][number];
/** The figures by region then by institution, one sheet, totals first. */
export function figuresXlsx(locale: Locale, f: FinanceFigures): Promise<Buffer> {
  const rows: (Row & { label: string })[] = [
    { ...f.totals, regionCode: f.regionCode, regionName: f.regionName, label: h('合计', '合計', 'Total')[locale] },
    ...f.byRegion.map((r) => ({ ...r, label: r.regionName ?? r.regionCode })),
    ...f.byInstitution.map((r) => ({ ...r, label: r.institutionName })),
  ];
  const cols = columnsIn<(typeof rows)[number]>(locale, [
    [h('区域 / 机构', '區域 / 機構', 'Region / institution'), (r) => r.label, 30],
    [h('需求笔数', '需求筆數', 'Requests'), (r) => r.requests],
    [h('企业数', '企業數', 'Enterprises'), (r) => r.enterprises],
    [h('机构数', '機構數', 'Institutions'), (r) => r.institutions],
    [h('申请金额（元）', '申請金額（元）', 'Asked (yuan)'), (r) => yuan(r.askedFen), 18],
    [h('批复金额（元）', '批覆金額（元）', 'Approved (yuan)'), (r) => yuan(r.approvedFen), 18],
    [h('放款金额（元）', '放款金額（元）', 'Disbursed (yuan)'), (r) => yuan(r.disbursedFen), 18],
  ]);
  return toXlsx(h('银企对接', '銀企對接', 'Bank–enterprise matching')[locale], cols, rows);
}
