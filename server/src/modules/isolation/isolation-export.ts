import type { GridProgress, IsolationKind, IsolationStatus, Locale, SealedReport } from '@fugong/contract';
import { columnsIn, toXlsx, type Texts } from '../../platform/excel';

const kindTexts: Record<IsolationKind, Texts> = {
  home: { 'zh-CN': '居家隔离', 'zh-TW': '居家隔離', en: 'Home' },
  centralised: { 'zh-CN': '集中隔离', 'zh-TW': '集中隔離', en: 'Centralised' },
};
const statusTexts: Record<IsolationStatus, Texts> = {
  active: { 'zh-CN': '隔离中', 'zh-TW': '隔離中', en: 'In isolation' },
  released: { 'zh-CN': '已解除', 'zh-TW': '已解除', en: 'Released' },
};
const yes: Texts = { 'zh-CN': '是', 'zh-TW': '是', en: 'Yes' };
const no: Texts = { 'zh-CN': '否', 'zh-TW': '否', en: 'No' };
const regionText: Texts = { 'zh-CN': '区域', 'zh-TW': '區域', en: 'Area' };
const codeText: Texts = { 'zh-CN': '区划代码', 'zh-TW': '區劃代碼', en: 'Code' };
const totalText: Texts = { 'zh-CN': '合计', 'zh-TW': '合計', en: 'Total' };

export interface IsolationExportRow {
  personName: string;
  idNumberMasked: string;
  kind: string;
  site: string | null;
  regionName: string;
  address: string | null;
  startDate: string;
  endDate: string;
  status: string;
  lastCheckinDate: string | null;
  checkinCount: number;
  feverAlert: number;
}

/** Isolations with their check-in status (checked in today, last check-in, fever); ID numbers masked. */
export function isolationsExport(locale: Locale, today: string, rows: IsolationExportRow[]): Promise<Buffer> {
  const yn = (b: boolean) => (b ? yes : no)[locale];
  const columns = columnsIn<IsolationExportRow>(locale, [
    [{ 'zh-CN': '姓名', 'zh-TW': '姓名', en: 'Name' }, (r) => r.personName, 12],
    [{ 'zh-CN': '证件号码（脱敏）', 'zh-TW': '證件號碼（遮罩）', en: 'ID number (masked)' }, (r) => r.idNumberMasked, 22],
    [{ 'zh-CN': '隔离方式', 'zh-TW': '隔離方式', en: 'Kind' }, (r) => kindTexts[r.kind as IsolationKind]?.[locale] ?? r.kind, 10],
    [{ 'zh-CN': '隔离点', 'zh-TW': '隔離點', en: 'Site' }, (r) => r.site, 16],
    [regionText, (r) => r.regionName, 18],
    [{ 'zh-CN': '隔离地址', 'zh-TW': '隔離地址', en: 'Address' }, (r) => r.address, 26],
    [{ 'zh-CN': '开始日期', 'zh-TW': '開始日期', en: 'Start' }, (r) => r.startDate, 12],
    [{ 'zh-CN': '结束日期', 'zh-TW': '結束日期', en: 'End' }, (r) => r.endDate, 12],
    [
      { 'zh-CN': '状态', 'zh-TW': '狀態', en: 'Status' },
      (r) => statusTexts[r.status as IsolationStatus]?.[locale] ?? r.status,
      10,
    ],
    [
      { 'zh-CN': '今日已打卡', 'zh-TW': '今日已打卡', en: 'Checked in today' },
      (r) => (r.status === 'active' ? yn(r.lastCheckinDate === today) : ''),
      12,
    ],
    [{ 'zh-CN': '最近打卡', 'zh-TW': '最近打卡', en: 'Last check-in' }, (r) => r.lastCheckinDate, 12],
    [{ 'zh-CN': '打卡天数', 'zh-TW': '打卡天數', en: 'Check-ins' }, (r) => r.checkinCount, 10],
    [{ 'zh-CN': '发热预警', 'zh-TW': '發熱預警', en: 'Fever alert' }, (r) => yn(!!r.feverAlert), 10],
  ]);
  return toXlsx({ 'zh-CN': '隔离管理', 'zh-TW': '隔離管理', en: 'Isolations' }[locale], columns, rows);
}

type ReportRow = SealedReport['total'];

/** Sealed buildings per child region with the total as the last row. */
export function sealedReportExport(locale: Locale, report: SealedReport): Promise<Buffer> {
  const columns = columnsIn<ReportRow>(locale, [
    [regionText, (r) => r.regionName, 20],
    [codeText, (r) => r.regionCode, 16],
    [{ 'zh-CN': '累计封闭楼栋', 'zh-TW': '累計封閉樓棟', en: 'Buildings sealed' }, (r) => r.buildings, 14],
    [{ 'zh-CN': '涉及人数', 'zh-TW': '涉及人數', en: 'People' }, (r) => r.people, 12],
    [{ 'zh-CN': '仍在封闭', 'zh-TW': '仍在封閉', en: 'Sealed now' }, (r) => r.sealedNow, 12],
    [{ 'zh-CN': '仍封闭人数', 'zh-TW': '仍封閉人數', en: 'People sealed now' }, (r) => r.peopleSealedNow, 14],
  ]);
  const total = { ...report.total, regionName: `${totalText[locale]}（${report.regionName}）` };
  return toXlsx({ 'zh-CN': '封闭楼栋统计', 'zh-TW': '封閉樓棟統計', en: 'Sealed buildings' }[locale], columns, [
    ...report.rows,
    total,
  ]);
}

/** A screening campaign's progress per grid, with the total as the last row. */
export function screeningExport(locale: Locale, campaignName: string, grids: GridProgress[]): Promise<Buffer> {
  const columns = columnsIn<GridProgress>(locale, [
    [{ 'zh-CN': '排查活动', 'zh-TW': '排查活動', en: 'Campaign' }, () => campaignName, 18],
    [{ 'zh-CN': '网格', 'zh-TW': '網格', en: 'Grid' }, (r) => r.gridName, 24],
    [codeText, (r) => r.gridCode, 18],
    [{ 'zh-CN': '应走访户数', 'zh-TW': '應走訪戶數', en: 'Households target' }, (r) => r.householdsTarget, 12],
    [{ 'zh-CN': '已走访户数', 'zh-TW': '已走訪戶數', en: 'Households visited' }, (r) => r.householdsVisited, 12],
    [{ 'zh-CN': '登记人数', 'zh-TW': '登記人數', en: 'People recorded' }, (r) => r.peopleRecorded, 12],
    [{ 'zh-CN': '进度（%）', 'zh-TW': '進度（%）', en: 'Progress (%)' }, (r) => Math.round(r.progress * 1000) / 10, 10],
  ]);
  const sum = (k: 'householdsTarget' | 'householdsVisited' | 'peopleRecorded') => grids.reduce((a, g) => a + g[k], 0);
  const target = sum('householdsTarget');
  const visited = sum('householdsVisited');
  const total: GridProgress = {
    gridCode: '',
    gridName: totalText[locale],
    householdsTarget: target,
    householdsVisited: visited,
    peopleRecorded: sum('peopleRecorded'),
    progress: target ? Math.min(1, visited / target) : 0,
  };
  return toXlsx({ 'zh-CN': '网格排查进度', 'zh-TW': '網格排查進度', en: 'Screening' }[locale], columns, [...grids, total]);
}
