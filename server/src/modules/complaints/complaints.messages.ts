import type { Messages } from '../../platform/i18n/index';

export const complaintsMessages: Messages = {
  'complaints.content_short': {
    'zh-CN': '请至少用 10 个字描述问题',
    'zh-TW': '請至少用 10 個字描述問題',
    en: 'Describe the problem in at least 10 characters',
  },
  'complaints.phone_required': {
    'zh-CN': '请留下手机号码，或选择匿名投诉',
    'zh-TW': '請留下手機號碼，或選擇匿名投訴',
    en: 'Leave a mobile number, or choose to complain anonymously',
  },
  'complaints.unknown_entity': {
    'zh-CN': '市场主体不存在或不在所选区域',
    'zh-TW': '市場主體不存在或不在所選區域',
    en: 'No such entity in the chosen region',
  },
  'complaints.photos_closed': {
    'zh-CN': '投诉提交 {hours} 小时后不能再补充照片',
    'zh-TW': '投訴提交 {hours} 小時後不能再補充照片',
    en: 'Photos can be added within {hours} hours of filing',
  },
  'complaints.out_of_scope': {
    'zh-CN': '该区域不在您的工作范围内',
    'zh-TW': '該區域不在您的工作範圍內',
    en: 'This region is outside your area',
  },
  'complaints.status_not_found': {
    'zh-CN': '未找到该投诉，请核对受理编号和手机号（或查询码）',
    'zh-TW': '未找到該投訴，請核對受理編號和手機號（或查詢碼）',
    en: 'No complaint found; check the receipt number and the phone number (or query code)',
  },
  'complaints.notify.received': {
    'zh-CN': '新投诉举报 {no}，请及时核实',
    'zh-TW': '新投訴舉報 {no}，請及時核實',
    en: 'New complaint {no}; please verify it',
  },
  'complaints.notify.escalated': {
    'zh-CN': '【{level}】投诉 {no} 已超期未答复',
    'zh-TW': '【{level}】投訴 {no} 已逾期未答覆',
    en: '[{level}] Complaint {no} is overdue',
  },
  'complaints.timeline': {
    'zh-CN': '投诉举报 {no}（{status}）',
    'zh-TW': '投訴舉報 {no}（{status}）',
    en: 'Complaint {no} ({status})',
  },
  'complaints.status.received': { 'zh-CN': '已受理', 'zh-TW': '已受理', en: 'Received' },
  'complaints.status.verifying': { 'zh-CN': '核实中', 'zh-TW': '核實中', en: 'Verifying' },
  'complaints.status.substantiated': { 'zh-CN': '情况属实', 'zh-TW': '情況屬實', en: 'Substantiated' },
  'complaints.status.unfounded': { 'zh-CN': '情况不属实', 'zh-TW': '情況不屬實', en: 'Unfounded' },
  'complaints.status.handled': { 'zh-CN': '已处理', 'zh-TW': '已處理', en: 'Handled' },
  'complaints.status.replied': { 'zh-CN': '已答复', 'zh-TW': '已答覆', en: 'Replied' },
  'complaints.sheet': { 'zh-CN': '投诉举报', 'zh-TW': '投訴舉報', en: 'Complaints' },
  'complaints.col.receiptNo': { 'zh-CN': '受理编号', 'zh-TW': '受理編號', en: 'Receipt no.' },
  'complaints.col.content': { 'zh-CN': '内容', 'zh-TW': '內容', en: 'Content' },
  'complaints.col.where': { 'zh-CN': '被投诉对象/地点', 'zh-TW': '被投訴對象/地點', en: 'Entity / place' },
  'complaints.col.status': { 'zh-CN': '状态', 'zh-TW': '狀態', en: 'Status' },
  'complaints.col.createdAt': { 'zh-CN': '受理时间', 'zh-TW': '受理時間', en: 'Received at' },
  'complaints.col.repliedAt': { 'zh-CN': '答复时间', 'zh-TW': '答覆時間', en: 'Replied at' },
};
