import type { Locale, PassClass, ScanDirection, VerifyReason } from '@fugong/contract';
import { columnsIn, toXlsx, type Texts } from '../../platform/excel';
import { maskName } from '../../platform/pii';

const statusTexts: Record<'active' | 'expired' | 'revoked', Texts> = {
  active: { 'zh-CN': '有效', 'zh-TW': '有效', en: 'Active' },
  expired: { 'zh-CN': '已过期', 'zh-TW': '已過期', en: 'Expired' },
  revoked: { 'zh-CN': '已撤销', 'zh-TW': '已撤銷', en: 'Revoked' },
};
const reasonTexts: Record<VerifyReason, Texts> = {
  not_found: { 'zh-CN': '无有效通行证', 'zh-TW': '無有效通行證', en: 'No valid pass' },
  revoked: { 'zh-CN': '通行证已撤销', 'zh-TW': '通行證已撤銷', en: 'Pass revoked' },
  expired: { 'zh-CN': '通行证已过期', 'zh-TW': '通行證已過期', en: 'Pass expired' },
  not_yet_valid: { 'zh-CN': '通行证尚未生效', 'zh-TW': '通行證尚未生效', en: 'Pass not yet valid' },
  out_of_scope: { 'zh-CN': '超出通行范围', 'zh-TW': '超出通行範圍', en: 'Outside the pass’s area' },
  checkpoint_kind: {
    'zh-CN': '此类通行证不能在此卡点通行',
    'zh-TW': '此類通行證不能在此卡點通行',
    en: 'This class is not valid at this checkpoint',
  },
};
const directionTexts: Record<ScanDirection, Texts> = {
  in: { 'zh-CN': '进', 'zh-TW': '進', en: 'In' },
  out: { 'zh-CN': '出', 'zh-TW': '出', en: 'Out' },
};
const holder: Texts = { 'zh-CN': '持证人', 'zh-TW': '持證人', en: 'Holder' };
const idMasked: Texts = { 'zh-CN': '证件号码（脱敏）', 'zh-TW': '證件號碼（遮罩）', en: 'ID number (masked)' };
const passClassText: Texts = { 'zh-CN': '类别', 'zh-TW': '類別', en: 'Class' };

export interface PassExportRow {
  personName: string;
  idNumberMasked: string;
  passClass: PassClass;
  state: 'active' | 'expired' | 'revoked';
  validFrom: string;
  validUntil: string;
  scopeName: string;
  issuedAt: string;
  issuedByName: string | null;
  revokeReason: string | null;
}

/** The filtered passes as .xlsx: masked ID numbers, never the QR token. */
export function passesExport(locale: Locale, rows: PassExportRow[]): Promise<Buffer> {
  const columns = columnsIn<PassExportRow>(locale, [
    [holder, (r) => r.personName, 14],
    [idMasked, (r) => r.idNumberMasked, 22],
    [passClassText, (r) => r.passClass, 8],
    [{ 'zh-CN': '状态', 'zh-TW': '狀態', en: 'Status' }, (r) => statusTexts[r.state][locale], 10],
    [{ 'zh-CN': '生效日期', 'zh-TW': '生效日期', en: 'Valid from' }, (r) => r.validFrom, 12],
    [{ 'zh-CN': '有效至', 'zh-TW': '有效至', en: 'Valid until' }, (r) => r.validUntil, 12],
    [{ 'zh-CN': '通行范围', 'zh-TW': '通行範圍', en: 'Scope' }, (r) => r.scopeName, 20],
    [{ 'zh-CN': '发放时间', 'zh-TW': '發放時間', en: 'Issued' }, (r) => r.issuedAt.slice(0, 10), 12],
    [{ 'zh-CN': '发放人', 'zh-TW': '發放人', en: 'Issued by' }, (r) => r.issuedByName, 14],
    [{ 'zh-CN': '撤销原因', 'zh-TW': '撤銷原因', en: 'Revocation reason' }, (r) => r.revokeReason, 24],
  ]);
  return toXlsx({ 'zh-CN': '通行证', 'zh-TW': '通行證', en: 'Passes' }[locale], columns, rows);
}

export interface ScanExportRow {
  at: string;
  direction: string;
  valid: number;
  reason: string | null;
  passClass: string | null;
  personName: string | null;
  idNumberMasked: string | null;
}

/** China local time of a UTC timestamp, HH:mm:ss. */
const localTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 19);

/** One checkpoint's scans of one day as .xlsx: names and ID numbers masked, as on the scan page. */
export function scanLogExport(locale: Locale, checkpointName: string, date: string, rows: ScanExportRow[]): Promise<Buffer> {
  const columns = columnsIn<ScanExportRow>(locale, [
    [{ 'zh-CN': '卡点', 'zh-TW': '卡點', en: 'Checkpoint' }, () => checkpointName, 18],
    [{ 'zh-CN': '日期', 'zh-TW': '日期', en: 'Date' }, () => date, 12],
    [{ 'zh-CN': '时间', 'zh-TW': '時間', en: 'Time' }, (r) => localTime(r.at), 10],
    [
      { 'zh-CN': '方向', 'zh-TW': '方向', en: 'Direction' },
      (r) => directionTexts[r.direction as ScanDirection]?.[locale] ?? r.direction,
      8,
    ],
    [
      { 'zh-CN': '结果', 'zh-TW': '結果', en: 'Result' },
      (r) =>
        (r.valid
          ? { 'zh-CN': '通行', 'zh-TW': '通行', en: 'Passed' }
          : { 'zh-CN': '禁止通行', 'zh-TW': '禁止通行', en: 'Refused' })[locale],
      10,
    ],
    [
      { 'zh-CN': '原因', 'zh-TW': '原因', en: 'Reason' },
      (r) => (r.reason ? (reasonTexts[r.reason as VerifyReason]?.[locale] ?? r.reason) : ''),
      24,
    ],
    [passClassText, (r) => r.passClass, 8],
    [holder, (r) => (r.personName ? maskName(r.personName) : ''), 12],
    [idMasked, (r) => r.idNumberMasked, 22],
  ]);
  return toXlsx({ 'zh-CN': '核验记录', 'zh-TW': '核驗記錄', en: 'Scans' }[locale], columns, rows);
}
