import { registerMessages, type Messages } from '../../platform/i18n/index';

const m = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

export const suppliesMessages: Messages = {
  'supplies.quantity_number': m('请填写数量', '請填寫數量', 'Enter a quantity'),
  'supplies.quantity_whole': m('数量须为整数', '數量須為整數', 'The quantity must be a whole number'),
  'supplies.quantity_negative': m('数量不能为负数', '數量不能為負數', 'The quantity cannot be negative'),
  'supplies.quantity_positive': m('数量须大于 0', '數量須大於 0', 'The quantity must be more than 0'),
  'supplies.quantity_too_large': m('数量过大', '數量過大', 'The quantity is too large'),
  'supplies.days_too_many': m('最多申报 60 天的需求', '最多申報 60 天的需求', 'Declare at most 60 days of need'),
  'supplies.lines_required': m('请至少填写一种物资', '請至少填寫一種物資', 'Fill in at least one item'),
  'supplies.item_code': m(
    '编码为 2–32 位小写字母、数字或下划线',
    '編碼為 2–32 位小寫字母、數字或底線',
    'Code: 2–32 lower-case letters, digits or _',
  ),
  'supplies.item_code_taken': m('该编码已被使用', '該編碼已被使用', 'This code is already used'),
  'supplies.unknown_item': m('物资不存在或已停用', '物資不存在或已停用', 'No such item, or it is no longer in use'),
  'supplies.item_twice': m('同一物资只能填写一次', '同一物資只能填寫一次', 'Each item can be given once'),
  'supplies.unknown_entity': m(
    '市场主体不存在或不在您的工作范围内',
    '市場主體不存在或不在您的工作範圍內',
    'No such entity in your area',
  ),
  'supplies.unknown_demand': m('需求不存在或不在您的工作范围内', '需求不存在或不在您的工作範圍內', 'No such demand in your area'),
  'supplies.demand_not_open': m(
    '该需求已调配完毕或已关闭',
    '該需求已調配完畢或已關閉',
    'This demand is fully allocated or closed',
  ),
  'supplies.above_demand': m('超过该需求尚待调配的数量', '超過該需求尚待調配的數量', 'More than the demand still needs'),
  'supplies.stock_short': m('库存不足，仅剩 {left}', '庫存不足，僅剩 {left}', 'Not enough stock: {left} left'),
  'supplies.demand_changed': m(
    '需求已被他人调配，尚待调配 {left}',
    '需求已被他人調配，尚待調配 {left}',
    'Someone else allocated to this demand meanwhile: {left} still needed',
  ),
  'supplies.demand_not_cancellable': m(
    '已有调配的需求不能撤销',
    '已有調配的需求不能撤銷',
    'A demand with allocations cannot be cancelled',
  ),
  'supplies.receive_above': m(
    '收到数量不能超过调配数量',
    '收到數量不能超過調配數量',
    'The quantity received cannot exceed the quantity allocated',
  ),
  'supplies.out_of_area': m('该区域不在您的工作范围内', '該區域不在您的工作範圍內', 'This region is outside your area'),
  'supplies.district_reserve_level': m(
    '区级储备须设在区一级',
    '區級儲備須設在區一級',
    'A district reserve belongs to a district',
  ),
  'supplies.town_reserve_level': m('镇街储备须设在镇街一级', '鎮街儲備須設在鎮街一級', 'A town reserve belongs to a town'),
  'supplies.producer_entity': m(
    '生产企业须选择已登记的市场主体',
    '生產企業須選擇已登記的市場主體',
    'A producer must be a registered entity',
  ),
  'supplies.producer_taken': m('该企业已登记为生产企业', '該企業已登記為生產企業', 'This entity is already a producer'),
  'supplies.lines_producer_only': m('只有生产企业才有生产线', '只有生產企業才有生產線', 'Only producers have production lines'),
  'supplies.purchase_counterparty': m('请填写供应商', '請填寫供應商', 'Enter the supplier'),
  'supplies.donation_counterparty': m('请填写捐赠方', '請填寫捐贈方', 'Enter the donor'),
  'supplies.purchase_amount': m('请填写采购金额', '請填寫採購金額', 'Enter the amount paid'),
  'supplies.sheet.ledger': m('物资台账', '物資台賬', 'Supplies ledger'),
  'supplies.sheet.demands': m('物资需求清单', '物資需求清單', 'Supply demands'),
  'supplies.kind.purchase': m('采购', '採購', 'Purchase'),
  'supplies.kind.donation': m('捐赠', '捐贈', 'Donation'),
  'supplies.kind.production': m('生产入库', '生產入庫', 'Production'),
  'supplies.kind.allocation': m('调配出库', '調配出庫', 'Allocation'),
  'supplies.kind.return': m('退回', '退回', 'Return'),
  'supplies.kind.write_off': m('报损', '報損', 'Write-off'),
  'supplies.status.open': m('待调配', '待調配', 'Open'),
  'supplies.status.allocated': m('已调配', '已調配', 'Allocated'),
  'supplies.status.met': m('已满足', '已滿足', 'Met'),
  'supplies.status.cancelled': m('已撤销', '已撤銷', 'Cancelled'),
};
registerMessages(suppliesMessages);
