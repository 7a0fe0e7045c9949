import { registerMessages, type Messages } from '../../platform/i18n/index';

export const labourMessages: Messages = {
  'labour.whole_number': { 'zh-CN': '请输入整数', 'zh-TW': '請輸入整數', en: 'Enter a whole number' },
  'labour.places_min': { 'zh-CN': '人数至少为 1', 'zh-TW': '人數至少為 1', en: 'At least 1' },
  'labour.pay_negative': { 'zh-CN': '薪酬不能为负数', 'zh-TW': '薪酬不能為負數', en: 'Pay cannot be negative' },
  'labour.pay_range': {
    'zh-CN': '薪酬上限不能低于下限',
    'zh-TW': '薪酬上限不能低於下限',
    en: 'The upper pay cannot be below the lower',
  },
  'labour.ends_before_start': {
    'zh-CN': '结束日期不能早于开始日期',
    'zh-TW': '結束日期不能早於開始日期',
    en: 'The end cannot be before the start',
  },
  'labour.reason_required': { 'zh-CN': '退回时请写明原因', 'zh-TW': '退回時請寫明原因', en: 'Give a reason for rejecting' },
  'labour.unknown_entity': {
    'zh-CN': '市场主体不存在或不归您管理',
    'zh-TW': '市場主體不存在或不歸您管理',
    en: 'No such entity among those you act for',
  },
  'labour.entity_not_resumed': {
    'zh-CN': '该市场主体尚未复工，不能发布用工需求',
    'zh-TW': '該市場主體尚未復工，不能發佈用工需求',
    en: 'The entity has not resumed work and cannot take on staff',
  },
  'labour.date_past': { 'zh-CN': '日期不能早于今天', 'zh-TW': '日期不能早於今天', en: 'The date cannot be in the past' },
  'labour.fair_closed': {
    'zh-CN': '招聘会不存在、已结束或不覆盖该单位所在地',
    'zh-TW': '招聘會不存在、已結束或不覆蓋該單位所在地',
    en: 'The job fair does not exist, has ended or does not cover the employer’s place',
  },
  'labour.out_of_scope': {
    'zh-CN': '该区域不在您的工作范围内',
    'zh-TW': '該區域不在您的工作範圍內',
    en: 'This region is outside your area',
  },
  'labour.posting_full': { 'zh-CN': '该岗位已招满', 'zh-TW': '該崗位已招滿', en: 'All places of this posting are filled' },
  'labour.already_applied': {
    'zh-CN': '此手机号已报名该岗位',
    'zh-TW': '此手機號已報名該崗位',
    en: 'This phone number has already applied for this posting',
  },
  'labour.unknown_offer': {
    'zh-CN': '供需信息不存在或不在您的范围内',
    'zh-TW': '供需資訊不存在或不在您的範圍內',
    en: 'No such offer or request in your area',
  },
  'labour.periods_disjoint': {
    'zh-CN': '双方的用工时段没有重叠',
    'zh-TW': '雙方的用工時段沒有重疊',
    en: 'The two periods do not overlap',
  },
  'labour.match_exceeds': {
    'zh-CN': '匹配人数超过剩余的可共享或所需人数',
    'zh-TW': '匹配人數超過剩餘的可共享或所需人數',
    en: 'More workers than the offer or the request has left',
  },
  'labour.already_confirmed': { 'zh-CN': '已确认', 'zh-TW': '已確認', en: 'Already confirmed' },
  'labour.batch_full': { 'zh-CN': '车辆座位已满', 'zh-TW': '車輛座位已滿', en: 'All seats are taken' },
  'labour.batch_left': {
    'zh-CN': '车辆已出发，不能再添加乘客',
    'zh-TW': '車輛已出發，不能再添加乘客',
    en: 'The vehicle has left; no more passengers',
  },
  'labour.passenger_twice': {
    'zh-CN': '此人已在本批次名单中',
    'zh-TW': '此人已在本批次名單中',
    en: 'This person is already on the batch',
  },
  'labour.survey_level': {
    'zh-CN': '请选择村、社区或网格',
    'zh-TW': '請選擇村、社區或網格',
    en: 'Choose a village, community or grid',
  },
  'labour.destination_only_away': {
    'zh-CN': '只有外出务工才填写意向地',
    'zh-TW': '只有外出務工才填寫意向地',
    en: 'A destination is only given for working away',
  },
};
registerMessages(labourMessages);
