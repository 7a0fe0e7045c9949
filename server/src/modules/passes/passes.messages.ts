import type { Messages } from '../../platform/i18n/index';

export const passesMessages: Messages = {
  'passes.validation.token_or_id': {
    'zh-CN': '请扫描通行码或输入证件号码（二选一）',
    'zh-TW': '請掃描通行碼或輸入證件號碼（二擇一）',
    en: 'Scan a pass code or enter an ID number (one of them)',
  },
  'passes.validation.time': { 'zh-CN': '时间格式应为 HH:mm', 'zh-TW': '時間格式應為 HH:mm', en: 'Use the time format HH:mm' },
  'passes.already_active': {
    'zh-CN': '此人已有有效的 {passClass} 类通行证，请续期而非重新发放',
    'zh-TW': '此人已有有效的 {passClass} 類通行證，請續期而非重新發放',
    en: 'This person already holds an active class {passClass} pass; renew it instead',
  },
  'passes.class_mismatch': {
    'zh-CN': '{passClass} 类通行证只发给“{category}”类人员',
    'zh-TW': '{passClass} 類通行證只發給「{category}」類人員',
    en: 'Class {passClass} passes are for people of category "{category}" only',
  },
  'passes.not_issuer': {
    'zh-CN': '您的角色不能发放 {passClass} 类通行证',
    'zh-TW': '您的角色不能發放 {passClass} 類通行證',
    en: 'Your role may not issue class {passClass} passes',
  },
  'passes.checkpoint_inactive': { 'zh-CN': '该卡点已停用', 'zh-TW': '該卡點已停用', en: 'This checkpoint is closed' },
};
