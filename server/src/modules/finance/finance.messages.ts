import { registerMessages, type Messages } from '../../platform/i18n/index';

const m = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

export const financeMessages: Messages = {
  'finance.amount_positive': m(
    '请填写大于 0 的金额（整数分）',
    '請填寫大於 0 的金額（整數分）',
    'Enter an amount above 0 (whole fen)',
  ),
  'finance.amount_cap': m('金额超过上限 50 亿元', '金額超過上限 50 億元', 'The amount is above the cap of 5 billion yuan'),
  'finance.term': m('期限为 1 至 360 个月', '期限為 1 至 360 個月', 'The term is 1 to 360 months'),
  'finance.phone': m(
    '请填写手机号或带区号的固定电话',
    '請填寫手機號或帶區號的固定電話',
    'Enter a mobile number or a landline with area code',
  ),
  'finance.pick_institution': m('请至少选择一家金融机构', '請至少選擇一家金融機構', 'Choose at least one institution'),
  'finance.reason_required': m('请说明不予贷款的原因', '請說明不予貸款的原因', 'Give the reason for declining'),
  'finance.note_required': m('请说明需要补充的材料', '請說明需要補充的材料', 'Say which documents are needed'),
  'finance.due_after': m('新到期日须晚于原到期日', '新到期日須晚於原到期日', 'The new due date must be after the original one'),
  'finance.unknown_entity': m('市场主体不存在或不在您的范围内', '市場主體不存在或不在您的範圍內', 'No such entity in your area'),
  'finance.unknown_institution': m(
    '金融机构不存在、已停用或不服务该区域',
    '金融機構不存在、已停用或不服務該區域',
    'No such active institution serving this area',
  ),
  'finance.unknown_product': m('产品不存在或不属于本机构', '產品不存在或不屬於本機構', 'No such product of your institution'),
  'finance.out_of_area': m('该区域不在您的工作范围内', '該區域不在您的工作範圍內', 'This region is outside your area'),
  'finance.not_bank_user': m('该用户没有银行角色', '該用戶沒有銀行角色', 'This user holds no bank role'),
  'finance.approved_above_asked': m(
    '批复金额不能超过申请金额',
    '批覆金額不能超過申請金額',
    'The approved amount cannot exceed the amount asked',
  ),
  'finance.over_approved': m(
    '放款合计不能超过批复金额',
    '放款合計不能超過批覆金額',
    'Disbursements cannot exceed the approved amount',
  ),
  'finance.taken': m('该需求已由其他机构承接', '該需求已由其他機構承接', 'Another institution has taken this request'),
  'finance.quota_exhausted': m('产品额度不足', '產品額度不足', 'The product’s quota is not enough'),
  'finance.stale': m(
    '该答复已被他人更新，请刷新后重试',
    '該答覆已被他人更新，請重新整理後重試',
    'Someone else has just updated this answer; reload and try again',
  ),
  'finance.not_open': m('该需求已结束', '該需求已結束', 'This request is no longer open'),
  'finance.not_approved': m('尚未批复，不能放款', '尚未批覆，不能放款', 'Not approved: nothing can be disbursed'),
  'finance.nothing_to_confirm': m('没有待确认的放款', '沒有待確認的放款', 'No disbursement waits for confirmation'),
  'finance.already_listed': m('该企业已在白名单中', '該企業已在白名單中', 'The enterprise is on the white list already'),
  'finance.whitelist_removed': m('该条目已移出白名单', '該條目已移出白名單', 'This entry has been removed already'),
  'finance.whitelist_conflict': m(
    '白名单刚被他人修改，请重试',
    '白名單剛被他人修改，請重試',
    'The white list was just changed by someone else; try again',
  ),
  'finance.answer.received': m('已接收', '已接收', 'received'),
  'finance.answer.contacted': m('已联系', '已聯繫', 'contacted'),
  'finance.answer.under_review': m('审批中', '審批中', 'under review'),
  'finance.answer.info_requested': m('需补充材料', '需補充材料', 'documents needed'),
  'finance.answer.approved': m('已批复', '已批覆', 'approved'),
  'finance.answer.declined': m('不予贷款', '不予貸款', 'declined'),
  'finance.answer.disbursed': m('已放款', '已放款', 'disbursed'),
  'finance.notify.shared': m('新融资需求 {no}：{entity}', '新融資需求 {no}：{entity}', 'New financing request {no}: {entity}'),
  'finance.notify.route': m(
    '融资需求 {no}（{entity}）待分派金融机构',
    '融資需求 {no}（{entity}）待分派金融機構',
    'Financing request {no} ({entity}) waits to be routed',
  ),
  'finance.notify.answered': m('融资需求 {no}：{status}', '融資需求 {no}：{status}', 'Financing request {no}: {status}'),
  'finance.notify.disbursed': m(
    '融资需求 {no} 已放款 {yuan} 元，请确认到账',
    '融資需求 {no} 已放款 {yuan} 元，請確認到賬',
    'Request {no}: {yuan} yuan disbursed, please confirm receipt',
  ),
  'finance.notify.reminder': m(
    '【提示】融资需求 {no}（{entity}）超时未答复',
    '【提示】融資需求 {no}（{entity}）逾時未答覆',
    '[Reminder] Request {no} ({entity}) is overdue for a first answer',
  ),
  'finance.notify.supervision': m(
    '【督办】融资需求 {no}（{entity}）仍未答复',
    '【督辦】融資需求 {no}（{entity}）仍未答覆',
    '[Supervision] Request {no} ({entity}) still has no answer',
  ),
  'finance.notify.leaders': m(
    '【区领导报到】融资需求 {no}（{entity}）',
    '【區領導報到】融資需求 {no}（{entity}）',
    '[Leaders] Request {no} ({entity})',
  ),
};
registerMessages(financeMessages);
