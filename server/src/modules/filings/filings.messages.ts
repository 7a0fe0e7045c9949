import { registerMessages, type Messages } from '../../platform/i18n/index';

const m: Messages = {
  // validation
  'filings.code_format': {
    'zh-CN': '编码只能包含小写字母、数字和下划线',
    'zh-TW': '編碼只能包含小寫字母、數字和底線',
    en: 'Codes use lower-case letters, digits and _',
  },
  'filings.batch_required': {
    'zh-CN': '分批次复工须指定批次（1–5）',
    'zh-TW': '分批次復工須指定批次（1–5）',
    en: 'A batch route needs a batch number (1–5)',
  },
  'filings.answer_out_of_range': {
    'zh-CN': '正确答案须是选项之一',
    'zh-TW': '正確答案須是選項之一',
    en: 'The answer must be one of the options',
  },
  'filings.unknown_checklist': {
    'zh-CN': '引用的检查清单不存在',
    'zh-TW': '引用的檢查清單不存在',
    en: 'No checklist with this key',
  },
  'filings.commitment_too_short': {
    'zh-CN': '承诺书内容至少 20 个字',
    'zh-TW': '承諾書內容至少 20 個字',
    en: 'The commitment text needs at least 20 characters',
  },
  'filings.count': { 'zh-CN': '请填写 0 或正整数', 'zh-TW': '請填寫 0 或正整數', en: 'Enter a whole number, 0 or more' },
  'filings.plan_too_short': {
    'zh-CN': '方案内容至少 10 个字',
    'zh-TW': '方案內容至少 10 個字',
    en: 'Write at least 10 characters',
  },
  'filings.too_many_attachments': {
    'zh-CN': '每项最多 5 个附件',
    'zh-TW': '每項最多 5 個附件',
    en: 'At most 5 attachments each',
  },
  'filings.returning_gt_total': {
    'zh-CN': '返岗人数不能多于员工总数',
    'zh-TW': '返崗人數不能多於員工總數',
    en: 'Returning staff cannot exceed the total',
  },
  'filings.other_provinces_gt_returning': {
    'zh-CN': '外省返岗人数不能多于返岗人数',
    'zh-TW': '外省返崗人數不能多於返崗人數',
    en: 'Staff from other provinces cannot exceed returning staff',
  },
  'filings.high_risk_gt_returning': {
    'zh-CN': '来自高风险地区人数不能多于返岗人数',
    'zh-TW': '來自高風險地區人數不能多於返崗人數',
    en: 'Staff from high-risk areas cannot exceed returning staff',
  },
  'filings.signer_name': {
    'zh-CN': '请填写签署人姓名（2–50 字）',
    'zh-TW': '請填寫簽署人姓名（2–50 字）',
    en: "Enter the signer's name (2–50 characters)",
  },
  'filings.must_accept': {
    'zh-CN': '须阅读并同意承诺书',
    'zh-TW': '須閱讀並同意承諾書',
    en: 'You must read and accept the commitment',
  },
  'filings.reason_required': { 'zh-CN': '请填写理由', 'zh-TW': '請填寫理由', en: 'Give a reason' },
  'filings.planned_date_past': {
    'zh-CN': '计划复工日期不能早于今天',
    'zh-TW': '計劃復工日期不能早於今天',
    en: 'The planned date cannot be in the past',
  },
  'filings.checklist_incomplete': {
    'zh-CN': '此项为必须落实的措施',
    'zh-TW': '此項為必須落實的措施',
    en: 'This measure is required',
  },
  'filings.checklist_unknown': {
    'zh-CN': '不属于本清单的项目',
    'zh-TW': '不屬於本清單的項目',
    en: 'Not an item of this checklist',
  },
  'filings.attachment_unknown': {
    'zh-CN': '附件不存在或不属于本单位',
    'zh-TW': '附件不存在或不屬於本單位',
    en: 'Unknown attachment',
  },
  'filings.attachment_wrong_kind': {
    'zh-CN': '附件类型与所属方案不符',
    'zh-TW': '附件類型與所屬方案不符',
    en: 'This attachment belongs to the other plan',
  },
  'filings.staff_id': { 'zh-CN': '身份证号码无效', 'zh-TW': '身分證號碼無效', en: 'Invalid ID card number' },
  // errors
  'filings.no_entity': {
    'zh-CN': '您的账号未绑定市场主体',
    'zh-TW': '您的帳號未綁定市場主體',
    en: 'Your account is not bound to a market entity',
  },
  'filings.already_open': {
    'zh-CN': '本单位已有一份进行中的复工备案（编号 {id}）',
    'zh-TW': '本單位已有一份進行中的復工備案（編號 {id}）',
    en: 'This entity already has an open filing (no. {id})',
  },
  'filings.entity_closed': {
    'zh-CN': '该市场主体已关停，不能备案',
    'zh-TW': '該市場主體已關停，不能備案',
    en: 'The entity is closed and cannot file',
  },
  'filings.commitment_text_changed': {
    'zh-CN': '承诺书内容已更新，请重新阅读后签署',
    'zh-TW': '承諾書內容已更新，請重新閱讀後簽署',
    en: 'The commitment text has changed; read it again and sign',
  },
  'filings.attachment_too_large': {
    'zh-CN': '附件不能超过 {mb} MB',
    'zh-TW': '附件不能超過 {mb} MB',
    en: 'Attachments are limited to {mb} MB',
  },
  'filings.attachment_type': {
    'zh-CN': '只能上传 PDF、PNG、JPG 或 DOCX 文件（按文件内容识别）',
    'zh-TW': '只能上傳 PDF、PNG、JPG 或 DOCX 檔案（按檔案內容識別）',
    en: 'Only PDF, PNG, JPG or DOCX files (checked by content)',
  },
  'filings.attachment_missing': { 'zh-CN': '请选择要上传的文件', 'zh-TW': '請選擇要上傳的檔案', en: 'Choose a file to upload' },
  'filings.staff_duplicate': { 'zh-CN': '该员工已登记', 'zh-TW': '該員工已登記', en: 'This person is already listed' },
  'filings.quiz_answers': { 'zh-CN': '请回答全部 {n} 道题', 'zh-TW': '請回答全部 {n} 道題', en: 'Answer all {n} questions' },
  'filings.config_race': {
    'zh-CN': '配置刚被他人修改，请刷新后重试',
    'zh-TW': '配置剛被他人修改，請重新整理後重試',
    en: 'Someone saved the configuration just now; reload and retry',
  },
  // timeline (entity page)
  'filings.timeline.title': {
    'zh-CN': '复工备案 #{id}：{action}',
    'zh-TW': '復工備案 #{id}：{action}',
    en: 'Filing #{id}: {action}',
  },
  'filings.action.create': { 'zh-CN': '创建草稿', 'zh-TW': '建立草稿', en: 'draft created' },
  'filings.action.submit': { 'zh-CN': '提交备案', 'zh-TW': '提交備案', en: 'submitted' },
  'filings.action.resubmit': { 'zh-CN': '修改后重新提交', 'zh-TW': '修改後重新提交', en: 'resubmitted' },
  'filings.action.auto_approve': { 'zh-CN': '备案即复工，自动通过', 'zh-TW': '備案即復工，自動通過', en: 'approved on filing' },
  'filings.action.await_onsite': { 'zh-CN': '等待现场审核', 'zh-TW': '等待現場審核', en: 'awaiting on-site review' },
  'filings.action.await_batch': { 'zh-CN': '等待批次放行', 'zh-TW': '等待批次放行', en: 'awaiting its batch' },
  'filings.action.start_review': { 'zh-CN': '开始审核', 'zh-TW': '開始審核', en: 'review started' },
  'filings.action.approve': { 'zh-CN': '审核通过', 'zh-TW': '審核通過', en: 'approved' },
  'filings.action.reject': { 'zh-CN': '审核不通过', 'zh-TW': '審核不通過', en: 'rejected' },
  'filings.action.request_changes': { 'zh-CN': '退回修改', 'zh-TW': '退回修改', en: 'changes requested' },
  'filings.action.onsite_pass': { 'zh-CN': '现场审核通过', 'zh-TW': '現場審核通過', en: 'on-site review passed' },
  'filings.action.onsite_fail': { 'zh-CN': '现场审核未通过', 'zh-TW': '現場審核未通過', en: 'on-site review failed' },
  'filings.action.release_batch': { 'zh-CN': '批次到期放行', 'zh-TW': '批次到期放行', en: 'released with its batch' },
  'filings.action.suspend': { 'zh-CN': '暂停营业', 'zh-TW': '暫停營業', en: 'suspended' },
  'filings.action.reopen': { 'zh-CN': '恢复营业', 'zh-TW': '恢復營業', en: 'reopened' },
  // entity status reasons
  'filings.reason.submitted': { 'zh-CN': '提交复工备案', 'zh-TW': '提交復工備案', en: 'Resumption filing submitted' },
  'filings.reason.approved': { 'zh-CN': '复工备案通过', 'zh-TW': '復工備案通過', en: 'Resumption filing approved' },
  'filings.reason.rejected': { 'zh-CN': '复工备案未通过', 'zh-TW': '復工備案未通過', en: 'Resumption filing rejected' },
  // export columns and values
  'filings.col.id': { 'zh-CN': '备案编号', 'zh-TW': '備案編號', en: 'Filing no.' },
  'filings.col.entityName': { 'zh-CN': '市场主体', 'zh-TW': '市場主體', en: 'Entity' },
  'filings.col.status': { 'zh-CN': '状态', 'zh-TW': '狀態', en: 'Status' },
  'filings.col.route': { 'zh-CN': '审核方式', 'zh-TW': '審核方式', en: 'Route' },
  'filings.col.batchNo': { 'zh-CN': '批次', 'zh-TW': '批次', en: 'Batch' },
  'filings.col.plannedDate': { 'zh-CN': '计划复工日期', 'zh-TW': '計劃復工日期', en: 'Planned date' },
  'filings.col.submittedAt': { 'zh-CN': '提交时间', 'zh-TW': '提交時間', en: 'Submitted at' },
  'filings.col.decidedAt': { 'zh-CN': '办结时间', 'zh-TW': '辦結時間', en: 'Decided at' },
  'filings.col.revision': { 'zh-CN': '提交次数', 'zh-TW': '提交次數', en: 'Revisions' },
  'filings.status.draft': { 'zh-CN': '草稿', 'zh-TW': '草稿', en: 'Draft' },
  'filings.status.submitted': { 'zh-CN': '已提交', 'zh-TW': '已提交', en: 'Submitted' },
  'filings.status.under_review': { 'zh-CN': '审核中', 'zh-TW': '審核中', en: 'Under review' },
  'filings.status.changes_requested': { 'zh-CN': '退回修改', 'zh-TW': '退回修改', en: 'Changes requested' },
  'filings.status.resubmitted': { 'zh-CN': '已重新提交', 'zh-TW': '已重新提交', en: 'Resubmitted' },
  'filings.status.awaiting_onsite': { 'zh-CN': '待现场审核', 'zh-TW': '待現場審核', en: 'Awaiting on-site review' },
  'filings.status.awaiting_batch': { 'zh-CN': '待批次放行', 'zh-TW': '待批次放行', en: 'Awaiting batch' },
  'filings.status.approved': { 'zh-CN': '已通过', 'zh-TW': '已通過', en: 'Approved' },
  'filings.status.rejected': { 'zh-CN': '未通过', 'zh-TW': '未通過', en: 'Rejected' },
  'filings.status.suspended': { 'zh-CN': '已暂停', 'zh-TW': '已暫停', en: 'Suspended' },
  'filings.route.commitment': { 'zh-CN': '备案即复工', 'zh-TW': '備案即復工', en: 'Resume on filing' },
  'filings.route.online': { 'zh-CN': '零见面审核', 'zh-TW': '零見面審核', en: 'Online review' },
  'filings.route.onsite': { 'zh-CN': '现场审核', 'zh-TW': '現場審核', en: 'On-site review' },
  'filings.route.batch': { 'zh-CN': '分批次复工', 'zh-TW': '分批次復工', en: 'Risk batch' },
  'filings.sheet': { 'zh-CN': '复工备案', 'zh-TW': '復工備案', en: 'Filings' },
};

registerMessages(m);
