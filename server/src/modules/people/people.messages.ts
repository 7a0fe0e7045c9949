import type { Messages } from '../../platform/i18n/index';

export const peopleMessages: Messages = {
  'people.validation.id_number': {
    'zh-CN': '证件号码格式不正确',
    'zh-TW': '證件號碼格式不正確',
    en: 'The document number is not valid',
  },
  'people.validation.reason': {
    'zh-CN': '请填写原因（至少 2 个字）',
    'zh-TW': '請填寫原因（至少 2 個字）',
    en: 'Give a reason (at least 2 characters)',
  },
  'people.duplicate': {
    'zh-CN': '该证件号码已登记（人员编号 {id}）',
    'zh-TW': '該證件號碼已登記（人員編號 {id}）',
    en: 'This document number is already registered (person {id})',
  },
  'people.duplicate_elsewhere': {
    'zh-CN': '该证件号码已在其他辖区登记，请联系上级协调',
    'zh-TW': '該證件號碼已在其他轄區登記，請聯絡上級協調',
    en: 'This document number is registered in another area; ask your supervisor',
  },
  'people.region_out_of_scope': {
    'zh-CN': '该区域不在您的管辖范围内',
    'zh-TW': '該區域不在您的管轄範圍內',
    en: 'This area is outside your jurisdiction',
  },
  'people.unknown_employer': { 'zh-CN': '用工单位不存在', 'zh-TW': '用工單位不存在', en: 'No such employer' },
  'people.self_not_found': {
    'zh-CN': '证件号码与手机号码不匹配，或尚未登记',
    'zh-TW': '證件號碼與手機號碼不相符，或尚未登記',
    en: 'The document number and phone do not match a registered person',
  },
};
