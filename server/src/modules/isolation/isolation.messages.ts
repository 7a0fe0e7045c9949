import type { Messages } from '../../platform/i18n/index';

export const isolationMessages: Messages = {
  'isolation.validation.temperature': {
    'zh-CN': '体温应在 34–43 ℃ 之间',
    'zh-TW': '體溫應在 34–43 ℃ 之間',
    en: 'Temperature must be between 34 and 43 °C',
  },
  'isolation.validation.site': {
    'zh-CN': '集中隔离须填写隔离点',
    'zh-TW': '集中隔離須填寫隔離點',
    en: 'Centralised isolation needs a site',
  },
  'isolation.already_active': { 'zh-CN': '此人正在隔离中', 'zh-TW': '此人正在隔離中', en: 'This person is already in isolation' },
  'isolation.release_not_due': {
    'zh-CN': '隔离期至 {endDate} 结束，届时方可解除',
    'zh-TW': '隔離期至 {endDate} 結束，屆時方可解除',
    en: 'The isolation ends on {endDate}; it can be released from then',
  },
  'isolation.final_check_failed': {
    'zh-CN': '解除前检查未通过（发热或有症状），已通知网格员',
    'zh-TW': '解除前檢查未通過（發熱或有症狀），已通知網格員',
    en: 'The final check failed (fever or symptoms); the grid worker is alerted',
  },
  'isolation.checkin_done': { 'zh-CN': '今天已经打卡', 'zh-TW': '今天已經打卡', en: 'Today’s check-in is already recorded' },
  'isolation.alert_fever_title': {
    'zh-CN': '隔离人员体温异常：{name}',
    'zh-TW': '隔離人員體溫異常：{name}',
    en: 'Fever reported in isolation: {name}',
  },
  'isolation.alert_missed_title': {
    'zh-CN': '隔离人员未按时打卡：{name}',
    'zh-TW': '隔離人員未按時打卡：{name}',
    en: 'Missed isolation check-in: {name}',
  },
  'isolation.validation.rules_empty': { 'zh-CN': '至少需要一条规则', 'zh-TW': '至少需要一條規則', en: 'Keep at least one rule' },
  'isolation.validation.rule_condition': {
    'zh-CN': '每条规则至少设置一个条件',
    'zh-TW': '每條規則至少設定一個條件',
    en: 'Give each rule at least one condition',
  },
  'isolation.validation.rule_days': {
    'zh-CN': '隔离措施的天数至少为 1 天',
    'zh-TW': '隔離措施的天數至少為 1 天',
    en: 'An isolation measure needs at least 1 day',
  },
  'isolation.validation.rule_name_unique': {
    'zh-CN': '规则名称不能重复',
    'zh-TW': '規則名稱不能重複',
    en: 'Rule names must be unique',
  },
  'isolation.all_regions': { 'zh-CN': '全部区域', 'zh-TW': '全部區域', en: 'All regions' },
  'isolation.unknown_grid': {
    'zh-CN': '网格不在本次排查范围内',
    'zh-TW': '網格不在本次排查範圍內',
    en: 'That grid is not part of this campaign',
  },
};
