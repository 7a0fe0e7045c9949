import type { Locale, PersonCategory } from '@fugong/contract';
import { columnsIn, toXlsx, type Texts } from '../../platform/excel';
import type { PersonSummary } from './person-summary';

export const categoryTexts: Record<PersonCategory, Texts> = {
  resident: { 'zh-CN': '常住居民', 'zh-TW': '常住居民', en: 'Resident' },
  outside_worker: { 'zh-CN': '外来务工人员', 'zh-TW': '外來務工人員', en: 'Outside worker' },
  scattered_outsider: { 'zh-CN': '零散外来人员', 'zh-TW': '零散外來人員', en: 'Scattered outsider' },
};

export const nameText: Texts = { 'zh-CN': '姓名', 'zh-TW': '姓名', en: 'Name' };
export const idNumberText: Texts = { 'zh-CN': '证件号码（脱敏）', 'zh-TW': '證件號碼（遮罩）', en: 'ID number (masked)' };
export const regionText: Texts = { 'zh-CN': '区域', 'zh-TW': '區域', en: 'Area' };

type Row = PersonSummary & { createdAt: string };

/** The filtered people list as .xlsx: ID numbers and phones only in their masked form. */
export function peopleExport(locale: Locale, rows: Row[], regionNames: Map<string, string>): Promise<Buffer> {
  const columns = columnsIn<Row>(locale, [
    [nameText, (r) => r.name, 14],
    [idNumberText, (r) => r.idNumberMasked, 22],
    [{ 'zh-CN': '手机号码（脱敏）', 'zh-TW': '手機號碼（遮罩）', en: 'Phone (masked)' }, (r) => r.phoneMasked, 16],
    [{ 'zh-CN': '人员类别', 'zh-TW': '人員類別', en: 'Category' }, (r) => categoryTexts[r.category][locale], 14],
    [{ 'zh-CN': '居住地', 'zh-TW': '居住地', en: 'Residence' }, (r) => regionNames.get(r.regionCode) ?? r.regionCode, 20],
    [{ 'zh-CN': '区划代码', 'zh-TW': '區劃代碼', en: 'Region code' }, (r) => r.regionCode, 16],
    [{ 'zh-CN': '住址', 'zh-TW': '住址', en: 'Address' }, (r) => r.address, 30],
    [{ 'zh-CN': '用工单位编号', 'zh-TW': '用工單位編號', en: 'Employer no.' }, (r) => r.employerEntityId, 12],
    [{ 'zh-CN': '登记时间', 'zh-TW': '登記時間', en: 'Registered' }, (r) => r.createdAt.slice(0, 10), 12],
  ]);
  return toXlsx({ 'zh-CN': '人员登记', 'zh-TW': '人員登記', en: 'People' }[locale], columns, rows);
}
