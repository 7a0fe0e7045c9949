import type { Messages } from '../../platform/i18n/index';

export const enforcementMessages: Messages = {
  'enforcement.notice_required': {
    'zh-CN': '下达整改通知书须写明整改事项和期限',
    'zh-TW': '下達整改通知書須寫明整改事項和期限',
    en: 'A rectification notice needs the items and a deadline',
  },
  'enforcement.filing_required': {
    'zh-CN': '开业前现场审核须关联备案',
    'zh-TW': '開業前現場審核須關聯備案',
    en: 'A pre-opening inspection needs the filing',
  },
  'enforcement.entity_out_of_scope': {
    'zh-CN': '市场主体不存在或不在您的执法范围内',
    'zh-TW': '市場主體不存在或不在您的執法範圍內',
    en: 'The entity does not exist or is outside your area',
  },
  'enforcement.fixed_exceeds': {
    'zh-CN': '当场整改数不能多于发现问题数',
    'zh-TW': '當場整改數不能多於發現問題數',
    en: 'Fixed on the spot cannot exceed the problems found',
  },
  'enforcement.notice.no': { 'zh-CN': '执改〔{year}〕{n}号', 'zh-TW': '執改〔{year}〕{n}號', en: 'RN-{year}-{n}' },
  'enforcement.reason.closure': {
    'zh-CN': '执法检查责令关停：{reason}',
    'zh-TW': '執法檢查責令關停：{reason}',
    en: 'Closure order: {reason}',
  },
  'enforcement.reason.default': {
    'zh-CN': '防控措施严重不落实',
    'zh-TW': '防控措施嚴重不落實',
    en: 'Prevention measures seriously neglected',
  },
  'enforcement.reason.notRectified': {
    'zh-CN': '逾期未按 {no} 整改',
    'zh-TW': '逾期未按 {no} 整改',
    en: 'Not rectified as ordered by {no}',
  },
  'enforcement.reason.lifted': { 'zh-CN': '解除关停：{reason}', 'zh-TW': '解除關停：{reason}', en: 'Closure lifted: {reason}' },
  'enforcement.outcome.pass': { 'zh-CN': '合格', 'zh-TW': '合格', en: 'passed' },
  'enforcement.outcome.notice': { 'zh-CN': '下达整改通知书', 'zh-TW': '下達整改通知書', en: 'rectification notice' },
  'enforcement.outcome.closure': { 'zh-CN': '责令关停', 'zh-TW': '責令關停', en: 'closure order' },
  'enforcement.timeline': {
    'zh-CN': '执法检查 {no}：{outcome}',
    'zh-TW': '執法檢查 {no}：{outcome}',
    en: 'Inspection {no}: {outcome}',
  },
  'enforcement.timeline.detail': {
    'zh-CN': '发现问题 {problems} 个，当场整改 {fixed} 个',
    'zh-TW': '發現問題 {problems} 個，當場整改 {fixed} 個',
    en: '{problems} problems found, {fixed} fixed on the spot',
  },
  'enforcement.inspectors_required': {
    'zh-CN': '请填写出动执法人员',
    'zh-TW': '請填寫出動執法人員',
    en: 'Name the inspectors or give their number',
  },
  'enforcement.item_code': {
    'zh-CN': '编码只能用小写字母、数字和下划线',
    'zh-TW': '編碼只能用小寫字母、數字和底線',
    en: 'Codes use lower-case letters, digits and underscores',
  },
  'enforcement.item_code_taken': { 'zh-CN': '检查项编码重复', 'zh-TW': '檢查項編碼重複', en: 'Two items have the same code' },
  'enforcement.item_removed': {
    'zh-CN': '检查项不能删除，只能停用',
    'zh-TW': '檢查項不能刪除，只能停用',
    en: 'Items cannot be removed, only deactivated',
  },
  'enforcement.checklist_empty': {
    'zh-CN': '至少保留一项启用的检查项',
    'zh-TW': '至少保留一項啟用的檢查項',
    en: 'Keep at least one active item',
  },
  'enforcement.round_period': {
    'zh-CN': '结束日期不能早于开始日期',
    'zh-TW': '結束日期不能早於開始日期',
    en: 'The end cannot be before the start',
  },
  'enforcement.region_out_of_scope': {
    'zh-CN': '区域不在您的执法范围内',
    'zh-TW': '區域不在您的執法範圍內',
    en: 'The region is outside your area',
  },
  'enforcement.unknown_round': { 'zh-CN': '专项行动不存在', 'zh-TW': '專項行動不存在', en: 'No such round' },
  'enforcement.round_closed': { 'zh-CN': '专项行动已结束', 'zh-TW': '專項行動已結束', en: 'The round is closed' },
  'enforcement.outside_round': {
    'zh-CN': '检查日期不在专项行动期间内',
    'zh-TW': '檢查日期不在專項行動期間內',
    en: 'The date is outside the round’s period',
  },
  'enforcement.outside_round_region': {
    'zh-CN': '该市场主体不在专项行动区域内',
    'zh-TW': '該市場主體不在專項行動區域內',
    en: 'The entity is outside the round’s region',
  },
  'enforcement.unknown_visit': {
    'zh-CN': '出动记录不存在或不是您登记的',
    'zh-TW': '出動記錄不存在或不是您登記的',
    en: 'No such visit of yours',
  },
  'enforcement.visit_date': {
    'zh-CN': '检查日期须与本次出动日期一致',
    'zh-TW': '檢查日期須與本次出動日期一致',
    en: 'The date must be the visit’s date',
  },
  'enforcement.filing_other_entity': {
    'zh-CN': '该备案不属于被检查的市场主体',
    'zh-TW': '該備案不屬於被檢查的市場主體',
    en: 'The filing belongs to another entity',
  },
  'enforcement.reinspect_before_notice': {
    'zh-CN': '复查日期不能早于通知书下达日期',
    'zh-TW': '複查日期不能早於通知書下達日期',
    en: 'The re-inspection cannot precede the notice',
  },
  'enforcement.preopening.passed': {
    'zh-CN': '开业前现场检查合格',
    'zh-TW': '開業前現場檢查合格',
    en: 'Pre-opening inspection passed',
  },
  'enforcement.preopening.failed': {
    'zh-CN': '开业前现场检查不合格',
    'zh-TW': '開業前現場檢查不合格',
    en: 'Pre-opening inspection failed',
  },
  'enforcement.tally.all': { 'zh-CN': '全部', 'zh-TW': '全部', en: 'All' },
  'enforcement.tally.sheet': { 'zh-CN': '执法检查统计', 'zh-TW': '執法檢查統計', en: 'Enforcement tally' },
};
