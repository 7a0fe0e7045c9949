import type { Messages } from '../../platform/i18n/index';

export const projectsMessages: Messages = {
  'projects.negative': { 'zh-CN': '不能为负数', 'zh-TW': '不能為負數', en: 'Cannot be negative' },
  'projects.unknown_entity': {
    'zh-CN': '项目主体不存在、不是项目类主体或不在您的范围内',
    'zh-TW': '項目主體不存在、不是項目類主體或不在您的範圍內',
    en: 'The entity does not exist, is not a project or is outside your area',
  },
  'projects.entity_taken': {
    'zh-CN': '该主体已登记为重点项目',
    'zh-TW': '該主體已登記為重點項目',
    en: 'This entity is already a key project',
  },
  'projects.status_stale': {
    'zh-CN': '项目状态已被他人更改（当前：{status}），请刷新后重试',
    'zh-TW': '項目狀態已被他人更改（當前：{status}），請重新整理後重試',
    en: 'The project status was changed meanwhile (now: {status}); reload and retry',
  },
  'projects.plan_stale': {
    'zh-CN': '一项一策方案已有更新版本（第{version}版），请刷新后再修改',
    'zh-TW': '一項一策方案已有更新版本（第{version}版），請重新整理後再修改',
    en: 'The plan has a newer version ({version}); reload before editing',
  },
  'projects.documents_required': {
    'zh-CN': '容缺后补须列明缺少的材料及补交期限',
    'zh-TW': '容缺後補須列明缺少的材料及補交期限',
    en: 'Documents to follow need each missing document and its due date',
  },
  'projects.documents_only_pending': {
    'zh-CN': '只有容缺后补的审批才列缺少的材料',
    'zh-TW': '只有容缺後補的審批才列缺少的材料',
    en: 'Only an approval with documents to follow lists missing documents',
  },
  'projects.due_before_decision': {
    'zh-CN': '补交期限不能早于审批日期',
    'zh-TW': '補交期限不能早於審批日期',
    en: 'The due date cannot be before the approval',
  },
  'projects.not_your_department': {
    'zh-CN': '您不能以该部门名义办理审批',
    'zh-TW': '您不能以該部門名義辦理審批',
    en: 'You cannot decide approvals for this department',
  },
  'projects.received_before_decision': {
    'zh-CN': '收到日期不能早于审批日期',
    'zh-TW': '收到日期不能早於審批日期',
    en: 'A document cannot be received before the approval',
  },
  'projects.received_in_future': {
    'zh-CN': '收到日期不能晚于今天',
    'zh-TW': '收到日期不能晚於今天',
    en: 'The date received cannot be after today',
  },
  'projects.document_received': {
    'zh-CN': '该材料已收到',
    'zh-TW': '該材料已收到',
    en: 'This document has already been received',
  },
  'projects.sheet': { 'zh-CN': '重点项目', 'zh-TW': '重點項目', en: 'Key projects' },
  'projects.approvals_sheet': { 'zh-CN': '项目审批', 'zh-TW': '項目審批', en: 'Project approvals' },
};
