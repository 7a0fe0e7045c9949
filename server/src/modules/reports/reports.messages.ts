import type { Messages } from '../../platform/i18n/index';

export const reportsMessages: Messages = {
  'reports.future_date': {
    'zh-CN': '不能填报未来日期（今天是 {today}）',
    'zh-TW': '不能填報未來日期（今天是 {today}）',
    en: 'A report cannot be for a future date (today is {today})',
  },
  'reports.too_old': {
    'zh-CN': '只能补报最近 {days} 天的日报',
    'zh-TW': '只能補報最近 {days} 天的日報',
    en: 'Only the last {days} days can be reported late',
  },
  'reports.not_resumed': {
    'zh-CN': '本单位尚未复工（当前状态：{status}），复工后方可填报一日一报',
    'zh-TW': '本單位尚未復工（目前狀態：{status}），復工後方可填報一日一報',
    en: 'This entity has not resumed (status: {status}); daily reports start once it resumes',
  },
  'reports.no_problems': {
    'zh-CN': '该日报未填写存在问题，无需转为问题单',
    'zh-TW': '該日報未填寫存在問題，無需轉為問題單',
    en: 'This report lists no problems to turn into a ticket',
  },
  'reports.no_entity': {
    'zh-CN': '当前账号未绑定市场主体',
    'zh-TW': '目前帳號未綁定市場主體',
    en: 'This account is not bound to an entity',
  },
  'reports.on_duty_exceeds': {
    'zh-CN': '其中人数不能超过在岗人数',
    'zh-TW': '其中人數不能超過在崗人數',
    en: 'Cannot exceed the staff on duty',
  },
  'reports.review_future': {
    'zh-CN': '复核日期不能晚于今天',
    'zh-TW': '複核日期不能晚於今天',
    en: 'The review date cannot be after today',
  },
  'reports.review_not_resumed': {
    'zh-CN': '只复核已复工的主体',
    'zh-TW': '只複核已復工的主體',
    en: 'Only resumed entities are reviewed',
  },
  'reports.notify.reminder': {
    'zh-CN': '请填报 {date} 的一日一报',
    'zh-TW': '請填報 {date} 的一日一報',
    en: 'Please submit your daily report for {date}',
  },
  'reports.notify.alert': {
    'zh-CN': '异常预警：{name} {date} 报告体温异常 {fever} 人、疑似 {suspected} 人',
    'zh-TW': '異常預警：{name} {date} 報告體溫異常 {fever} 人、疑似 {suspected} 人',
    en: 'Alert: {name} reports {fever} with abnormal temperature and {suspected} suspected on {date}',
  },
  'reports.export.sheet': { 'zh-CN': '未报送', 'zh-TW': '未報送', en: 'Not reported' },
  'reports.export.name': { 'zh-CN': '名称', 'zh-TW': '名稱', en: 'Name' },
  'reports.export.region': { 'zh-CN': '所在区划', 'zh-TW': '所在區劃', en: 'Region' },
  'reports.export.last': { 'zh-CN': '最近报送', 'zh-TW': '最近報送', en: 'Last report' },
  'reports.export.problemsSheet': { 'zh-CN': '日报反映的问题', 'zh-TW': '日報反映的問題', en: 'Report problems' },
  'reports.export.date': { 'zh-CN': '日期', 'zh-TW': '日期', en: 'Date' },
  'reports.export.problems': { 'zh-CN': '存在问题', 'zh-TW': '存在問題', en: 'Problems' },
  'reports.export.ticket': { 'zh-CN': '问题单', 'zh-TW': '問題單', en: 'Ticket' },
  'reports.export.reminded': { 'zh-CN': '已提醒', 'zh-TW': '已提醒', en: 'Reminded at' },
};
