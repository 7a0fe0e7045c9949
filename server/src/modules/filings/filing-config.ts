import type { Department, EntitySummary, FilingConfig, FilingRoute } from '@fugong/contract';
import { fiveSmallVenueTypes } from '@fugong/contract';

export interface RouteDecision {
  route: FilingRoute;
  batchNo: number | null;
  department: Department | null;
  whitelistFastTrack: boolean;
  checklistKey: string;
  ruleName: string | null;
}

type Category = Pick<EntitySummary, 'kind' | 'smallVenueType' | 'sector' | 'industry'>;

function listAllows<T>(list: readonly T[], value: T | null): boolean {
  return list.length === 0 || (value != null && list.includes(value));
}

/** The first rule whose every non-empty list contains the entity's value decides; else the fallback. */
export function routeFor(config: FilingConfig, e: Category): RouteDecision {
  for (const r of config.rules) {
    const m = r.match;
    if (
      listAllows(m.kinds, e.kind) &&
      listAllows(m.smallVenueTypes, e.smallVenueType) &&
      listAllows(m.sectors, e.sector) &&
      listAllows(m.industries, e.industry)
    ) {
      return {
        route: r.route,
        batchNo: r.route === 'batch' ? r.batchNo : null,
        department: r.department,
        whitelistFastTrack: r.whitelistFastTrack,
        checklistKey: r.checklistKey,
        ruleName: r.name,
      };
    }
  }
  const f = config.fallback;
  return {
    route: f.route,
    batchNo: null,
    department: f.department,
    whitelistFastTrack: false,
    checklistKey: f.checklistKey,
    ruleName: null,
  };
}

/** Jizhou released commerce enterprises in five risk batches; each batch is one rule. */
function commerceBatch(
  batchNo: number,
  name: string,
  industries: string[],
  whitelistFastTrack: boolean,
): FilingConfig['rules'][number] {
  return {
    name,
    match: { kinds: ['enterprise'], smallVenueTypes: [], sectors: ['tertiary'], industries },
    route: 'batch',
    batchNo,
    department: 'commerce',
    whitelistFastTrack,
    checklistKey: 'commerce',
  };
}

/** Shorthand for seeded checklist items: code → text, all required unless marked. */
const items = (rows: [string, string, boolean?][]) =>
  rows.map(([code, text, required]) => ({ code, text, required: required ?? true }));

/**
 * Version 1 of the configuration, written when the platform first needs one. Admins replace it
 * in the UI; wording here is ours, organised after the idea of grouped prevention measures.
 */
export const defaultFilingConfig: FilingConfig = {
  rules: [
    {
      name: '五小单位（现场审核）',
      match: { kinds: [], smallVenueTypes: [...fiveSmallVenueTypes], sectors: [], industries: [] },
      route: 'onsite',
      batchNo: null,
      department: 'market_regulation',
      whitelistFastTrack: false,
      checklistKey: 'small_venue',
    },
    {
      name: '建设工地与重点项目',
      match: { kinds: ['site', 'project'], smallVenueTypes: [], sectors: [], industries: [] },
      route: 'online',
      batchNo: null,
      department: 'housing',
      whitelistFastTrack: true,
      checklistKey: 'construction',
    },
    commerceBatch(1, '商贸第一批：民生保供', ['零售业', '农贸市场'], true),
    commerceBatch(2, '商贸第二批：批发与物流', ['批发业', '交通运输、仓储和邮政业'], true),
    commerceBatch(3, '商贸第三批：商务服务', ['租赁和商务服务业'], false),
    commerceBatch(4, '商贸第四批：住宿餐饮', ['住宿业', '餐饮业', '住宿和餐饮业'], false),
    commerceBatch(5, '商贸第五批：居民服务与文化娱乐', ['居民服务业', '文化、体育和娱乐业'], false),
    {
      name: '工业企业（零见面审核）',
      match: { kinds: ['enterprise'], smallVenueTypes: [], sectors: ['secondary'], industries: [] },
      route: 'online',
      batchNo: null,
      department: 'industry',
      whitelistFastTrack: true,
      checklistKey: 'general',
    },
    {
      name: '个体工商户（备案即复工）',
      match: { kinds: ['individual'], smallVenueTypes: [], sectors: [], industries: [] },
      route: 'commitment',
      batchNo: null,
      department: 'market_regulation',
      whitelistFastTrack: false,
      checklistKey: 'individual',
    },
    {
      name: '农业生产主体（备案即复工）',
      match: { kinds: ['farm'], smallVenueTypes: [], sectors: [], industries: [] },
      route: 'commitment',
      batchNo: null,
      department: 'agriculture',
      whitelistFastTrack: false,
      checklistKey: 'general',
    },
    {
      name: '酒店与景区场所',
      match: { kinds: ['hotel', 'venue'], smallVenueTypes: [], sectors: [], industries: [] },
      route: 'online',
      batchNo: null,
      department: 'culture_tourism',
      whitelistFastTrack: false,
      checklistKey: 'general',
    },
  ],
  fallback: { route: 'online', checklistKey: 'general', department: null },
  checklists: [
    {
      key: 'general',
      title: '企业复工通用防控措施',
      items: items([
        ['org_leader', '成立由主要负责人牵头的疫情防控工作小组，明确分工到人'],
        ['org_plan', '制定本单位疫情防控方案和突发情况应急处置预案'],
        ['org_contact', '指定防控联络员，并向所在镇街报备联系方式'],
        ['staff_ledger', '建立全体员工健康台账，逐人登记返岗时间和来源地'],
        ['staff_observe', '外省及重点地区返岗人员按要求落实健康观察'],
        ['staff_training', '上岗前完成全员防控知识培训和考试'],
        ['entry_temp', '厂区（单位）出入口设置测温点，每日两次体温检测'],
        ['entry_register', '外来人员和车辆实行登记、测温、查验制度'],
        ['mask_wearing', '员工在岗期间规范佩戴口罩'],
        ['disinfect_daily', '办公区、车间、电梯、卫生间等每日消毒并记录'],
        ['ventilation', '工作场所每日通风不少于三次，每次不少于30分钟'],
        ['canteen', '食堂实行错峰、分餐，取消集中就餐'],
        ['dorm', '宿舍控制居住人数，定期消毒，禁止串门聚集'],
        ['meeting', '减少集中会议，必要会议控制人数和时长'],
        ['isolation_room', '设置临时隔离观察室，配备必要防护用品'],
        ['abnormal_report', '发现发热、咳嗽等症状员工立即隔离并报告属地'],
        ['supplies_reserve', '储备不少于7天用量的口罩、消毒液、体温计'],
        ['waste', '废弃口罩设专用收集容器，规范处置'],
        ['shuttle', '通勤班车每日消毒，乘车人员佩戴口罩、登记座位', false],
        ['daily_report', '复工后每日向平台报送防控和生产情况'],
      ]),
    },
    {
      key: 'small_venue',
      title: '五小单位复工防控要求',
      items: items([
        ['health_staff', '经营者和从业人员健康状况符合要求后方可上岗'],
        ['temp_check', '顾客进店测温、扫码或登记'],
        ['mask', '从业人员全程佩戴口罩，提醒顾客佩戴口罩'],
        ['limit_flow', '控制店内顾客人数，保持一米以上距离'],
        ['disinfect', '营业场所、柜台、工具每日消毒并做记录'],
        ['ventilation', '保持店内通风'],
        ['no_dine_in', '餐饮店暂停堂食和聚餐，仅提供外卖或打包', false],
        ['no_wildlife', '不经营、不加工野生动物及活禽'],
        ['tools_one_use', '理发等服务工具一客一消毒', false],
        ['pharmacy_register', '药店对购买退烧止咳药品的顾客实名登记', false],
        ['onsite_wait', '未经现场审核通过前不得擅自营业'],
      ]),
    },
    {
      key: 'individual',
      title: '个体工商户复工防控要求',
      items: items([
        ['health_self', '经营者本人及帮工每日自测体温，身体异常不营业'],
        ['mask', '营业期间全程佩戴口罩'],
        ['customer_check', '顾客进店测温、戴口罩'],
        ['distance', '控制店内人数，避免聚集'],
        ['disinfect', '每日消毒并保持通风'],
        ['supplies', '备有口罩、体温计、消毒液'],
        ['report', '发现异常立即向社区报告'],
      ]),
    },
    {
      key: 'commerce',
      title: '商贸服务业复工防控要求',
      items: items([
        ['entry_temp', '入口设测温点，顾客测温、戴口罩方可进入'],
        ['crowd_limit', '按面积核定最大客流并实行限流'],
        ['queue_distance', '收银、排队区域设一米线'],
        ['disinfect', '购物车、扶手、电梯按钮等高频接触部位定时消毒'],
        ['ventilation', '加强通风换气，中央空调按规范运行'],
        ['staff_health', '员工每日健康监测，建立台账'],
        ['cold_chain', '进口冷链食品索证索票、可追溯', false],
        ['contactless', '推广无接触支付和配送'],
        ['emergency_point', '设置应急处置点，发现异常立即报告'],
      ]),
    },
    {
      key: 'construction',
      title: '建设工地复工防控要求',
      items: items([
        ['closed_site', '工地实行封闭管理，人员凭证进出'],
        ['worker_register', '建立务工人员实名制台账，逐人核实来源地'],
        ['temp_twice', '每日两次测温，异常人员立即隔离'],
        ['camp_disinfect', '生活区、食堂、宿舍每日消毒'],
        ['canteen_split', '食堂分餐、错峰就餐'],
        ['isolation_room', '设置隔离观察室'],
        ['supplies', '储备足量防疫物资'],
        ['safety_check', '复工前完成安全生产隐患排查'],
      ]),
    },
  ],
  commitmentText:
    '本单位郑重承诺：已按要求制定疫情防控方案和应急预案，落实主体责任；复工前已对全体员工进行健康排查和防控培训，' +
    '外地返岗人员按规定落实健康观察；具备必要的防疫物资储备；严格执行测温、消毒、通风、佩戴口罩、分餐等措施；' +
    '如发现发热等异常情况，立即报告属地并配合处置；所填报信息真实、准确、完整。如有虚报、瞒报，本单位愿承担相应法律责任，并接受停工整改。',
  quiz: {
    passMark: 80,
    questions: [
      { text: '员工上岗前体温达到多少度及以上时不得上岗并应及时报告？', options: ['36.5℃', '37.3℃', '38.5℃'], answer: 1 },
      {
        text: '工作场所每日通风的要求是？',
        options: ['每天一次即可', '每日不少于三次，每次不少于30分钟', '开空调即可'],
        answer: 1,
      },
      { text: '废弃口罩应如何处置？', options: ['随意丢弃', '投放到专用收集容器', '带回家再用'], answer: 1 },
      { text: '食堂就餐应当怎样安排？', options: ['集中围桌就餐', '错峰、分餐，不面对面就餐', '不作要求'], answer: 1 },
      {
        text: '发现同事出现发热、咳嗽症状时应当？',
        options: ['继续工作', '立即报告并引导其到临时隔离观察室', '让其自行回家'],
        answer: 1,
      },
    ],
  },
};
