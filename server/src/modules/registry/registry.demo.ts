import type { EntityInput, EntityKind, Sector, SizeClass, SmallVenueType } from '@fugong/contract';
import { usccCheckChar } from '@fugong/contract';
import type { DemoServices } from '../../platform/module';
import { systemContext } from '../../platform/context';
import { demoDistricts, type DistrictDef } from '../../demo/districts';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { rng } from '../../demo/random';
import { DEMO_PASSWORD, type DemoLogin } from '../../demo/demo-users';

/** One kind of entity a district holds, with its count at full (seed) scale. */
interface Segment {
  key: string;
  kind: EntityKind;
  sector: Sector;
  industries: readonly string[];
  aboveScale?: boolean;
  aboveQuota?: boolean;
  fourAbove?: boolean;
  sizes: readonly SizeClass[];
  smallVenueTypes?: readonly SmallVenueType[];
  /** share of the segment that has a credit code (individual businesses often only a registration number) */
  withUscc?: number;
  count: number;
}

const INDUSTRY = ['制造业'] as const;
const TRADE = ['批发业', '零售业', '住宿业', '餐饮业', '居民服务业', '租赁和商务服务业'] as const;
const SMALL_TRADE = ['零售业', '餐饮业', '居民服务业'] as const;

const seg = (key: string, count: number, rest: Omit<Segment, 'key' | 'count'>): Segment => ({ key, count, ...rest });
const industrialAbove = (n: number) =>
  seg('industrialAboveScale', n, {
    kind: 'enterprise',
    sector: 'secondary',
    industries: INDUSTRY,
    aboveScale: true,
    fourAbove: true,
    sizes: ['large', 'medium'],
  });
const industrialBelow = (n: number) =>
  seg('industrialBelow', n, { kind: 'enterprise', sector: 'secondary', industries: INDUSTRY, sizes: ['small', 'micro'] });
const commerceAbove = (n: number) =>
  seg('commerceAboveQuota', n, {
    kind: 'enterprise',
    sector: 'tertiary',
    industries: TRADE,
    aboveQuota: true,
    fourAbove: true,
    sizes: ['medium', 'small'],
  });
const commerceBelow = (n: number) =>
  seg('commerceBelow', n, { kind: 'enterprise', sector: 'tertiary', industries: TRADE, sizes: ['small', 'micro'] });
const otherFourAbove = (n: number) =>
  seg('otherFourAbove', n, {
    kind: 'enterprise',
    sector: 'tertiary',
    industries: ['建筑业', '房地产业', '信息传输和软件服务业'],
    fourAbove: true,
    sizes: ['large', 'medium'],
  });
const individuals = (n: number) =>
  seg('individual', n, { kind: 'individual', sector: 'tertiary', industries: SMALL_TRADE, sizes: ['micro'], withUscc: 0.7 });
const fiveSmall = (n: number) =>
  seg('fiveSmall', n, {
    kind: 'individual',
    sector: 'tertiary',
    industries: SMALL_TRADE,
    sizes: ['micro'],
    smallVenueTypes: ['small_restaurant', 'small_food_shop', 'small_supermarket', 'small_barbershop', 'small_pharmacy'],
    withUscc: 0.6,
  });
const farms = (n: number) =>
  seg('farm', n, { kind: 'farm', sector: 'primary', industries: ['农业', '畜牧业'], sizes: ['small', 'micro'] });
const sites = (n: number) =>
  seg('site', n, { kind: 'site', sector: 'secondary', industries: ['建筑业'], sizes: ['medium', 'small'] });
const projects = (n: number) =>
  seg('project', n, { kind: 'project', sector: 'secondary', industries: ['建筑业'], fourAbove: true, sizes: ['large'] });
const hotels = (n: number) =>
  seg('hotel', n, { kind: 'hotel', sector: 'tertiary', industries: ['住宿业'], sizes: ['medium', 'small'] });
const buildings = (n: number) =>
  seg('building', n, { kind: 'building', sector: 'tertiary', industries: ['房地产业'], sizes: ['medium'] });

/**
 * Entity counts at the seeds' full scale, per district; the demo builds `scale` of each (at least
 * one). Issue 4 sets scale to 1 so the figures are reproduced from records: Jizhou 667 industrial
 * enterprises and ~11,800 commerce enterprises; Fengze 722 四上 + 5,561 四下 + 7,312 individual
 * businesses resumed (the totals here leave room for those not resumed); Panzhihua East 62 规上
 * industrial; Baoshan 110 enterprises and projects.
 */
export const registryDemoConfig = {
  scale: 1,
  districts: {
    '120119': [
      industrialAbove(98),
      industrialBelow(569),
      commerceAbove(180),
      commerceBelow(11_650),
      individuals(18_000),
      fiveSmall(2_400),
      farms(5_772),
      sites(60),
      projects(40),
      hotels(120),
      buildings(30),
    ],
    '350503': [
      industrialAbove(210),
      commerceAbove(320),
      otherFourAbove(230),
      industrialBelow(900),
      commerceBelow(5_100),
      individuals(6_800),
      fiveSmall(1_200),
      hotels(90),
      buildings(60),
      projects(30),
    ],
    '230506': [
      industrialAbove(24),
      industrialBelow(40),
      commerceAbove(20),
      commerceBelow(26),
      individuals(900),
      fiveSmall(200),
      sites(12),
      projects(8),
      farms(40),
    ],
    '510402': [
      industrialAbove(62),
      commerceAbove(80),
      otherFourAbove(43),
      industrialBelow(300),
      commerceBelow(2_200),
      individuals(4_000),
      fiveSmall(700),
      farms(60),
      projects(71),
      hotels(40),
    ],
    '430102': [
      industrialAbove(40),
      commerceAbove(420),
      otherFourAbove(200),
      commerceBelow(6_500),
      individuals(9_000),
      fiveSmall(1_500),
      hotels(160),
      buildings(120),
      projects(20),
    ],
  } as Record<string, Segment[]>,
  /**
   * Registered staff per district relative to the size classes' ranges. Fengze's seed gives 90,887 staff
   * on duty over 13,595 resumed entities; at full size ranges its registry would hold ~590,000 staff and
   * show a 17 % attendance rate, so its registered staff are scaled to about 125,000 (roughly 80 % on duty).
   */
  staffScale: { '350503': 0.2 } as Record<string, number>,
};

const WORDS = '恒达兴盛华鑫泰丰源宏远昌隆瑞祥福顺安康永利金诚新宇嘉禾广汇众合天成德润富民长青佳美';
const SUFFIX: Record<EntityKind, string[]> = {
  enterprise: ['有限公司', '有限责任公司', '股份有限公司'],
  individual: ['店', '铺', '行', '馆'],
  building: ['大厦', '商务楼', '广场'],
  site: ['建设工地', '施工项目部'],
  project: ['建设项目', '工程'],
  hotel: ['酒店', '宾馆', '大酒店'],
  venue: ['中心', '馆'],
  farm: ['农场', '养殖场', '合作社'],
};
const VENUE_WORD: Record<string, string> = {
  small_restaurant: '小吃',
  small_food_shop: '食品',
  small_supermarket: '便利超市',
  small_barbershop: '理发',
  small_pharmacy: '大药房',
};
const INDUSTRY_WORD: Record<string, string> = {
  制造业: '机械制造',
  批发业: '商贸',
  零售业: '百货',
  住宿业: '酒店管理',
  餐饮业: '餐饮',
  居民服务业: '家政服务',
  租赁和商务服务业: '商务咨询',
  建筑业: '建筑工程',
  房地产业: '置业',
  信息传输和软件服务业: '信息技术',
  农业: '种植',
  畜牧业: '养殖',
};

function makeUscc(prefix: '91' | '92', district: string, seq: number): string {
  const body = `${prefix}${district}${String(seq).padStart(9, '0')}`;
  return body + usccCheckChar(body);
}

/** The entities of one district, deterministic for a given config. */
export function buildDistrictEntities(d: DistrictDef, segments: Segment[], scale: number): EntityInput[] {
  const r = rng(Number(d.code) * 7 + 11);
  const staffScale = registryDemoConfig.staffScale[d.code] ?? 1;
  const grids = buildDistrictRegions(d)
    .filter((x) => x.level === 'grid')
    .map((x) => x.code);
  const place = d.name.replace(/区$/, '');
  const out: EntityInput[] = [];
  let seq = 1;
  for (const s of segments) {
    const n = Math.max(1, Math.round(s.count * scale));
    for (let i = 0; i < n; i++) {
      const no = seq++;
      const venueType = s.smallVenueTypes ? r.pick(s.smallVenueTypes) : null;
      const industry =
        venueType === 'small_restaurant' ? '餐饮业' : venueType === 'small_barbershop' ? '居民服务业' : r.pick(s.industries);
      const word = venueType ? VENUE_WORD[venueType]! : (INDUSTRY_WORD[industry] ?? '');
      const name = `${s.kind === 'enterprise' ? place : ''}${r.pick([...WORDS])}${r.pick([...WORDS])}${word}${r.pick(SUFFIX[s.kind])}`;
      const hasUscc = r.next() < (s.withUscc ?? 1);
      const size = r.pick(s.sizes);
      const sized =
        size === 'large'
          ? r.int(300, 2000)
          : size === 'medium'
            ? r.int(100, 299)
            : size === 'small'
              ? r.int(10, 99)
              : r.int(1, 9);
      const staff = Math.max(1, Math.round(sized * staffScale));
      out.push({
        kind: s.kind,
        name,
        uscc: hasUscc ? makeUscc(s.kind === 'individual' ? '92' : '91', d.code, no) : null,
        regNo: hasUscc ? null : `${d.code}60${String(no).padStart(7, '0')}`,
        regionCode: r.pick(grids),
        address: `${place}${r.pick([...WORDS])}${r.pick(['路', '街', '大道'])}${r.int(1, 300)}号`,
        sector: s.sector,
        industry,
        aboveScale: !!s.aboveScale,
        aboveQuota: !!s.aboveQuota,
        fourAbove: !!s.fourAbove,
        sizeClass: size,
        smallVenueType: venueType,
        registeredStaff: staff,
        contactName: null,
        contactPhone: null,
        riskLevel: r.next() < 0.05 ? 'high' : r.next() < 0.2 ? 'medium' : 'low',
      });
    }
  }
  return out;
}

/**
 * Demo step: the entities of the five districts, plus two enterprise users in Jizhou's first town
 * (the town of the demo user `town`): a small restaurant and a manufacturer.
 */
export async function registryDemo(s: DemoServices, log: (m: string) => void): Promise<DemoLogin[]> {
  const ctx = systemContext();
  for (const d of demoDistricts) {
    const entities = buildDistrictEntities(d, registryDemoConfig.districts[d.code] ?? [], registryDemoConfig.scale);
    for (let i = 0; i < entities.length; i += 2000) await s.registry.createEntities(ctx, entities.slice(i, i + 2000));
    log(`registry: ${d.name} — ${entities.length} entities`);
  }
  const jz = buildDistrictRegions(demoDistricts[0]!);
  const town = jz.find((x) => x.level === 'town')!;
  const grid = jz.find((x) => x.level === 'grid' && x.path.startsWith(town.path))!;
  const restaurant = await s.registry.createEntity(ctx, {
    kind: 'individual',
    name: '蓟州福顺家常菜小餐馆',
    uscc: makeUscc('92', '120119', 900_001),
    regionCode: grid.code,
    address: '蓟州渔阳路18号',
    sector: 'tertiary',
    industry: '餐饮业',
    sizeClass: 'micro',
    smallVenueType: 'small_restaurant',
    registeredStaff: 6,
    contactName: '王福顺',
  });
  const factory = await s.registry.createEntity(ctx, {
    kind: 'enterprise',
    name: '天津蓟州恒达机械制造有限公司',
    uscc: makeUscc('91', '120119', 900_002),
    regionCode: grid.code,
    address: '蓟州工业园区兴业路6号',
    sector: 'secondary',
    industry: '制造业',
    aboveScale: true,
    fourAbove: true,
    sizeClass: 'medium',
    registeredStaff: 180,
    contactName: '李恒达',
  });
  await s.users.createUser(ctx, {
    username: 'enterprise',
    displayName: '福顺小餐馆',
    password: DEMO_PASSWORD,
    grants: [{ role: 'enterprise', entityId: restaurant }],
  });
  await s.users.createUser(ctx, {
    username: 'enterprise2',
    displayName: '恒达机械',
    password: DEMO_PASSWORD,
    grants: [{ role: 'enterprise', entityId: factory }],
  });
  return [
    { username: 'enterprise', role: 'enterprise', where: `${town.name} 小餐馆 #${restaurant}` },
    { username: 'enterprise2', role: 'enterprise', where: `${town.name} 制造企业 #${factory}` },
  ];
}
