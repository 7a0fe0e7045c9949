import type { Messages } from '../../platform/i18n/index';

export const liaisonMessages: Messages = {
  'liaison.one_assignee': {
    'zh-CN': '请选择一名联络员或一个工作组',
    'zh-TW': '請選擇一名聯絡員或一個工作組',
    en: 'Choose one liaison or one team',
  },
  'liaison.targets_required': {
    'zh-CN': '请选择市场主体或区域',
    'zh-TW': '請選擇市場主體或區域',
    en: 'Choose entities or a region',
  },
  'liaison.entity_out_of_scope': {
    'zh-CN': '市场主体不存在或不在您的工作范围内',
    'zh-TW': '市場主體不存在或不在您的工作範圍內',
    en: 'The entity does not exist or is outside your area',
  },
  'liaison.too_many': {
    'zh-CN': '一次最多分配 1000 个主体，请缩小区域',
    'zh-TW': '一次最多分配 1000 個主體，請縮小區域',
    en: 'At most 1000 entities at once; choose a smaller region',
  },
  'liaison.not_liaison': {
    'zh-CN': '所选人员不是驻企联络员',
    'zh-TW': '所選人員不是駐企聯絡員',
    en: 'The person chosen is not a liaison',
  },
  'liaison.unknown_team': { 'zh-CN': '工作组不存在', 'zh-TW': '工作組不存在', en: 'No such team' },
  'liaison.leader_member': { 'zh-CN': '组长须是组员之一', 'zh-TW': '組長須是組員之一', en: 'The leader must be a member' },
  'liaison.team_changed': {
    'zh-CN': '该工作组刚被他人修改，请刷新后再改',
    'zh-TW': '該工作組剛被他人修改，請重新整理後再改',
    en: 'Someone else has just changed this team; reload it and edit again',
  },
  'liaison.team_in_use': {
    'zh-CN': '该工作组仍负责 {count} 个市场主体，请先将其重新分配后再解散',
    'zh-TW': '該工作組仍負責 {count} 個市場主體，請先將其重新分配後再解散',
    en: 'The team still looks after {count} entities; reassign them before dissolving it',
  },
  'liaison.to_before_from': {
    'zh-CN': '结束日期不能早于开始日期',
    'zh-TW': '結束日期不能早於開始日期',
    en: 'The end date is before the start date',
  },
  'liaison.export_too_many': {
    'zh-CN': '一次最多导出 20000 条走访记录，请缩小日期或区域范围',
    'zh-TW': '一次最多匯出 20000 條走訪記錄，請縮小日期或區域範圍',
    en: 'At most 20,000 visits per export; narrow the dates or the region',
  },
  'liaison.reassigned': { 'zh-CN': '重新分配', 'zh-TW': '重新分配', en: 'Reassigned' },
  'liaison.mode.onsite': { 'zh-CN': '上门走访', 'zh-TW': '上門走訪', en: 'on site' },
  'liaison.mode.phone': { 'zh-CN': '电话', 'zh-TW': '電話', en: 'by phone' },
  'liaison.mode.online': { 'zh-CN': '线上', 'zh-TW': '線上', en: 'online' },
  'liaison.timeline.visit': {
    'zh-CN': '{name} 走访（{mode}）',
    'zh-TW': '{name} 走訪（{mode}）',
    en: 'Visit by {name} ({mode})',
  },
};
