import type { Disbursement, Locale, PolicyApplication } from '@fugong/contract';
import { columnsIn, toXlsx } from '../../platform/excel';
import { t } from '../../platform/i18n/index';

/** Minor units as a decimal amount (fen → yuan, cents → dollars), the way the press figures read. */
const major = (v: number | null) => (v == null ? null : v / 100);

export function applicationsXlsx(locale: Locale, rows: PolicyApplication[]): Promise<Buffer> {
  const cols = columnsIn<PolicyApplication>(locale, [
    [{ 'zh-CN': '编号', 'zh-TW': '編號', en: 'No.' }, (r) => r.id, 8],
    [{ 'zh-CN': '政策', 'zh-TW': '政策', en: 'Package' }, (r) => r.packageShortTitle, 14],
    [{ 'zh-CN': '措施', 'zh-TW': '措施', en: 'Measure' }, (r) => r.measureTitle, 36],
    [{ 'zh-CN': '市场主体', 'zh-TW': '市場主體', en: 'Entity' }, (r) => r.entityName, 28],
    [{ 'zh-CN': '区域', 'zh-TW': '區域', en: 'Region' }, (r) => r.regionName, 16],
    [{ 'zh-CN': '状态', 'zh-TW': '狀態', en: 'Status' }, (r) => t(locale, `policies.value.appstatus.${r.status}`), 12],
    [{ 'zh-CN': '币种', 'zh-TW': '幣種', en: 'Currency' }, (r) => r.currency, 8],
    [{ 'zh-CN': '申请金额', 'zh-TW': '申請金額', en: 'Requested' }, (r) => major(r.requestedAmount), 14],
    [{ 'zh-CN': '核定金额', 'zh-TW': '核定金額', en: 'Approved' }, (r) => major(r.approvedAmount), 14],
    [{ 'zh-CN': '申报时间', 'zh-TW': '申報時間', en: 'Applied at' }, (r) => r.createdAt, 22],
  ]);
  return toXlsx('applications', cols, rows);
}

export function ledgerXlsx(locale: Locale, rows: Disbursement[]): Promise<Buffer> {
  const cols = columnsIn<Disbursement>(locale, [
    [{ 'zh-CN': '兑付日期', 'zh-TW': '兌付日期', en: 'Paid on' }, (r) => r.paidOn, 12],
    [{ 'zh-CN': '类别', 'zh-TW': '類別', en: 'Type' }, (r) => r.subsidyType, 18],
    [{ 'zh-CN': '措施', 'zh-TW': '措施', en: 'Measure' }, (r) => r.measureTitle, 36],
    [{ 'zh-CN': '市场主体', 'zh-TW': '市場主體', en: 'Entity' }, (r) => r.entityName, 28],
    [{ 'zh-CN': '区域', 'zh-TW': '區域', en: 'Region' }, (r) => r.regionName, 16],
    [{ 'zh-CN': '币种', 'zh-TW': '幣種', en: 'Currency' }, (r) => r.currency, 8],
    [{ 'zh-CN': '金额', 'zh-TW': '金額', en: 'Amount' }, (r) => major(r.amount), 16],
    [{ 'zh-CN': '凭证号', 'zh-TW': '憑證號', en: 'Reference' }, (r) => r.reference, 20],
    [{ 'zh-CN': '来源', 'zh-TW': '來源', en: 'Source' }, (r) => r.source, 12],
  ]);
  return toXlsx('ledger', cols, rows);
}
