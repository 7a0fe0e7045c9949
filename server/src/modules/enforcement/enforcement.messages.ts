import { registerMessages, type Messages } from '../../platform/i18n/index';

export const enforcementMessages: Messages = {
  'enforcement.notice_required': { 'zh-CN': '下达整改通知书须写明整改事项和期限', 'zh-TW': '下達整改通知書須寫明整改事項和期限', en: 'A rectification notice needs the items and a deadline' },
  'enforcement.filing_required': { 'zh-CN': '开业前现场审核须关联备案', 'zh-TW': '開業前現場審核須關聯備案', en: 'A pre-opening inspection needs the filing' },
  'enforcement.entity_out_of_scope': { 'zh-CN': '市场主体不存在或不在您的执法范围内', 'zh-TW': '市場主體不存在或不在您的執法範圍內', en: 'The entity does not exist or is outside your area' },
  'enforcement.fixed_exceeds': { 'zh-CN': '当场整改数不能多于发现问题数', 'zh-TW': '當場整改數不能多於發現問題數', en: 'Fixed on the spot cannot exceed the problems found' },
  'enforcement.notice.no': { 'zh-CN': '执改〔{year}〕{n}号', 'zh-TW': '執改〔{year}〕{n}號', en: 'RN-{year}-{n}' },
  'enforcement.reason.closure': { 'zh-CN': '执法检查责令关停：{reason}', 'zh-TW': '執法檢查責令關停：{reason}', en: 'Closure order: {reason}' },
  'enforcement.reason.default': { 'zh-CN': '防控措施严重不落实', 'zh-TW': '防控措施嚴重不落實', en: 'Prevention measures seriously neglected' },
  'enforcement.reason.notRectified': { 'zh-CN': '逾期未按 {no} 整改', 'zh-TW': '逾期未按 {no} 整改', en: 'Not rectified as ordered by {no}' },
  'enforcement.reason.lifted': { 'zh-CN': '解除关停：{reason}', 'zh-TW': '解除關停：{reason}', en: 'Closure lifted: {reason}' },
  'enforcement.outcome.pass': { 'zh-CN': '合格', 'zh-TW': '合格', en: 'passed' },
  'enforcement.outcome.notice': { 'zh-CN': '下达整改通知书', 'zh-TW': '下達整改通知書', en: 'rectification notice' },
  'enforcement.outcome.closure': { 'zh-CN': '责令关停', 'zh-TW': '責令關停', en: 'closure order' },
  'enforcement.timeline': { 'zh-CN': '执法检查 {no}：{outcome}', 'zh-TW': '執法檢查 {no}：{outcome}', en: 'Inspection {no}: {outcome}' },
  'enforcement.timeline.detail': { 'zh-CN': '发现问题 {problems} 个，当场整改 {fixed} 个', 'zh-TW': '發現問題 {problems} 個，當場整改 {fixed} 個', en: '{problems} problems found, {fixed} fixed on the spot' },
};
registerMessages(enforcementMessages);
