import type { Department, PolicyKind, SubsidyType } from '@fugong/contract';

/** One measure of a demo package: title, ledger heading, kind, responsible department, whether one applies. */
export type DemoMeasure = [title: string, type: SubsidyType, kind: PolicyKind, department: Department, apply: boolean];

/** Jizhou's 惠企21条 as 27 measures (seed 000: the QR codes of all 27 were handed to every small business). */
export const jizhouMeasures: DemoMeasure[] = [
  ['企业稳岗返还（失业保险费返还）', 'employment_training', 'subsidy', 'labour', true],
  ['停工期间以工代训职业培训补贴', 'employment_training', 'subsidy', 'labour', true],
  ['阶段性减免企业养老、失业、工伤保险单位缴费', 'social_insurance', 'relief', 'labour', false],
  ['受疫情影响企业社会保险费缓缴', 'social_insurance', 'deferral', 'labour', false],
  ['阶段性减半征收职工基本医疗保险单位缴费', 'medical_insurance', 'reduction', 'health', false],
  ['中小微企业贷款临时性延期还本付息', 'loan_deferral', 'deferral', 'finance', false],
  ['国有资产类经营用房减免房租', 'rent_reduction', 'reduction', 'commerce', false],
  ['出口信用保险保费扶持', 'export_insurance', 'insurance', 'commerce', false],
  ['防疫物资生产企业技术改造补助', 'award', 'subsidy', 'industry', true],
  ['重点企业复工复产用工招聘补贴', 'employment_training', 'subsidy', 'labour', true],
  ['新增贷款财政贴息', 'other', 'subsidy', 'finance', true],
  ['政府性融资担保费率降低', 'other', 'reduction', 'finance', true],
  ['小微企业和个体工商户增值税减免', 'other', 'relief', 'approval', false],
  ['房产税、城镇土地使用税困难减免', 'other', 'relief', 'approval', true],
  ['延期缴纳税款', 'other', 'deferral', 'approval', true],
  ['中小企业用电、用气、用水“欠费不停供”', 'other', 'service', 'industry', false],
  ['非居民用户用电成本阶段性降低', 'other', 'reduction', 'industry', false],
  ['住房公积金阶段性缓缴', 'other', 'deferral', 'housing', true],
  ['商贸流通企业促消费奖励', 'award', 'award', 'commerce', true],
  ['农业产业化龙头企业流动资金贷款贴息', 'other', 'subsidy', 'agriculture', true],
  ['旅游企业旅行社质量保证金暂退', 'other', 'service', 'culture_tourism', true],
  ['文旅企业纾困补助', 'award', 'subsidy', 'culture_tourism', true],
  ['政府采购向中小企业倾斜', 'other', 'service', 'finance', false],
  ['行政审批“不见面”办理与容缺受理', 'other', 'service', 'approval', false],
  ['企业合同履约困难法律服务', 'other', 'service', 'market_regulation', false],
  ['个体工商户登记注册费用减免', 'other', 'relief', 'market_regulation', false],
  ['复工复产防疫物资保障', 'other', 'service', 'emergency', false],
];

/** Furong's 暖企7条 (seed 004). */
export const furongMeasures: DemoMeasure[] = [
  ['“白名单”企业融资支持', 'other', 'service', 'finance', true],
  ['“复工闪贷”快速放款', 'loan_deferral', 'deferral', 'finance', true],
  ['复工企业防疫检测费用补贴', 'other', 'subsidy', 'health', true],
  ['防疫物资保障', 'other', 'service', 'emergency', false],
  ['企业用工与招聘补贴', 'employment_training', 'subsidy', 'labour', true],
  ['楼宇经济租金减免奖励', 'rent_reduction', 'reduction', 'commerce', true],
  ['2019年度扶持政策兑现奖励', 'award', 'award', 'finance', false],
];

/** Fengze's 暖企15条 and its ten talent measures (seed 001), the first few of each as the catalogue shows them. */
export const fengzeWarm: DemoMeasure[] = [
  ['疫情期间稳岗用工补助', 'employment_training', 'subsidy', 'labour', true],
  ['中小企业租金减免', 'rent_reduction', 'reduction', 'commerce', true],
  ['防疫物资生产线建设补助', 'award', 'subsidy', 'industry', true],
  ['企业融资贴息', 'other', 'subsidy', 'finance', true],
  ['交通物流保障', 'other', 'service', 'transport', false],
];
export const fengzeTalent: DemoMeasure[] = [
  ['急需紧缺人才引进奖励', 'award', 'award', 'labour', true],
  ['人才租房补贴', 'other', 'subsidy', 'labour', true],
  ['企业线上招聘服务', 'other', 'service', 'labour', false],
];

/**
 * What Jizhou's ledger must add up to (seed 000, 确保政策落实): 674.9万 subsidies, 4870万 social insurance,
 * 701万 medical insurance, 2.7亿 loans deferred, 428.28万 rent, 27 enterprises insured for 2196万 US dollars.
 * Amounts in fen (cents for USD); rows = enterprises, split over the measures named.
 */
export const jizhouLedger = [
  { seqs: [1, 2], type: 'employment_training', amount: 674_900_000, enterprises: [220, 110] },
  { seqs: [3, 4], type: 'social_insurance', amount: 4_870_000_000, enterprises: [600, 150] },
  { seqs: [5], type: 'medical_insurance', amount: 701_000_000, enterprises: [600] },
  { seqs: [6], type: 'loan_deferral', amount: 27_000_000_000, enterprises: [90] },
  { seqs: [7], type: 'rent_reduction', amount: 428_280_000, enterprises: [160] },
  { seqs: [8], type: 'export_insurance', amount: 2_196_000_000, enterprises: [27] },
] as const;
/** Furong: 1562.73万 rewards to 423 enterprises (seed 004). */
export const furongLedger = { seq: 7, amount: 1_562_730_000, enterprises: 423 } as const;
