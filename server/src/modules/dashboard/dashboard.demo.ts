import type { DemoServices } from '../../platform/module';
import { systemContext } from '../../platform/context';
import { addDays } from '../../platform/clock';
import { rng } from '../../demo/random';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { demoDistricts } from '../../demo/districts';
import { DEMO_PASSWORD, type DemoLogin } from '../../demo/demo-users';
import type { NewDailyReport } from '../reports/reports.service';
import { seedDistricts } from './seed-figures';

type Entity = Awaited<ReturnType<DemoServices['registryStats']['entitiesUnder']>>[number];

/** The demo's own grouping of a district's entities; each plan says how many of a bucket had resumed by the seed date. */
function bucketOf(e: Entity): string {
  if (e.kind !== 'enterprise') return e.kind;
  if (e.sector === 'secondary') return e.aboveScale ? 'industrialAbove' : 'industrialBelow';
  if (e.aboveQuota) return 'commerceAbove';
  if (e.sector === 'tertiary') return e.fourAbove ? 'servicesAbove' : 'commerceBelow';
  return 'otherEnterprise';
}

type Count = number | { rate: number };
interface Plan {
  resumed: Record<string, Count>;
  /** exact report sums the seed quotes, over some buckets */
  staff?: { buckets: string[] | 'all'; attendance?: number; onDuty?: number; fromOtherProvinces?: number }[];
  /** industrial 复产率 with 规上 at 100 % */
  industrialCapacity?: number;
}

/** Resumed counts per bucket; buckets not named resume at 80 %. */
const plans: Record<string, Plan> = {
  // Jizhou: commerce 11,002 of 11,830 (93.0 %) with 限上 all resumed; 中小微 lands at 95.5 % through the farms (all resumed)
  '120119': {
    resumed: {
      industrialAbove: { rate: 1 },
      industrialBelow: { rate: 1 },
      commerceAbove: { rate: 1 },
      commerceBelow: 10_822,
      individual: { rate: 0.918 },
      farm: { rate: 1 },
      site: { rate: 1 },
      hotel: { rate: 1 },
      project: { rate: 0.9 },
    },
    industrialCapacity: 96,
  },
  // Fengze: 四上 722 = 210 + 300 + 200 + 12 projects; 四下 5,561 = 850 + 4,640 + 71 hotels; 7,312 individual
  '350503': {
    resumed: {
      industrialAbove: 210,
      commerceAbove: 300,
      servicesAbove: 200,
      project: 12,
      industrialBelow: 850,
      commerceBelow: 4_640,
      hotel: 71,
      individual: 7_312,
    },
    staff: [{ buckets: 'all', onDuty: 90_887, fromOtherProvinces: 11_272 }],
  },
  '230506': {
    resumed: {
      industrialAbove: { rate: 1 },
      industrialBelow: { rate: 1 },
      commerceAbove: { rate: 1 },
      commerceBelow: { rate: 1 },
      site: 0,
      project: 0,
      individual: { rate: 0.6 },
      farm: { rate: 0.5 },
    },
  },
  // Panzhihua East: farms 57 of 60 (95 %), 规上工业 62 of 62, 规上服务业 39 of 43 (90.7 %), key projects 66 of 71
  '510402': { resumed: { farm: 57, industrialAbove: { rate: 1 }, servicesAbove: 39, project: 66 } },
  // Furong: 规上工业 all (attendance 92 %), 规上服务业 186 of 200 (93 %, attendance 89 %)
  '430102': {
    resumed: { industrialAbove: { rate: 1 }, servicesAbove: 186 },
    staff: [
      { buckets: ['industrialAbove'], attendance: 0.92 },
      { buckets: ['servicesAbove'], attendance: 0.89 },
    ],
  },
};

const count = (c: Count | undefined, n: number) =>
  c === undefined ? Math.round(n * 0.8) : typeof c === 'number' ? Math.min(c, n) : Math.round(n * c.rate);

/** Spreads `total` over the items in proportion to their weights, never above each one's cap, summing exactly. */
export function spread(weights: number[], caps: number[], total: number): number[] {
  const W = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w, i) => Math.min(caps[i]!, Math.floor((total * w) / (W || 1))));
  let left = total - out.reduce((a, b) => a + b, 0);
  for (let pass = 0; left > 0 && pass < 1000; pass++) {
    let moved = false;
    for (let i = 0; i < out.length && left > 0; i++) {
      if (out[i]! < caps[i]!) {
        out[i]!++;
        left--;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return out;
}

const REGISTERED_AT = '2020-01-20T01:00:00.000Z';

/**
 * Demo step: the five districts as they stood on their press-conference dates. Each district's
 * entities are registered from 20 January 2020, resume on days spread over the month before the
 * seed date, and report on the seed date with the sums the seeds quote; a test reads the
 * figures back from the dashboard API. Entities bound to demo users are left as they are.
 */
export async function dashboardDemo(s: DemoServices, log: (m: string) => void): Promise<DemoLogin[]> {
  const ctx = systemContext();
  for (const seed of seedDistricts) {
    const started = Date.now();
    const plan = plans[seed.code]!;
    const r = rng(Number(seed.code) + 4);
    const all = await s.registryStats.entitiesUnder(`/${seed.code}/`);
    const bound = await s.registryStats.boundToUsers(all.map((e) => Number(e.id)));
    const pool = all.filter((e) => e.status === 'not_resumed' && !bound.has(Number(e.id)) && e.kind !== 'building');
    const byBucket = new Map<string, Entity[]>();
    for (const e of pool) {
      const b = bucketOf(e);
      if (!byBucket.has(b)) byBucket.set(b, []);
      byBucket.get(b)!.push(e);
    }
    const resumed: Entity[] = [];
    for (const [b, list] of byBucket) resumed.push(...list.slice(0, count(plan.resumed[b], list.length)));
    // resumption days over the month before the seed date; most resumed in the last fortnight
    const byDay = new Map<string, number[]>();
    for (const e of resumed) {
      const back = Math.floor(Math.pow(r.next(), 2) * 30);
      const at = `${addDays(seed.date, -back)}T0${r.int(0, 9)}:00:00.000Z`;
      if (!byDay.has(at)) byDay.set(at, []);
      byDay.get(at)!.push(Number(e.id));
    }
    await s.registryStats.backfill(
      ctx,
      all.filter((e) => !bound.has(Number(e.id))).map((e) => Number(e.id)),
      REGISTERED_AT,
      [...byDay.entries()].map(([at, ids]) => ({ at, ids })),
      '演示数据：按发布会时点回填复工状态',
    );

    // the seed date's daily reports from every entity resumed by then
    const onDuty = resumed.map((e) => Math.round(e.registeredStaff * (0.6 + r.next() * 0.4)));
    const fromOther = onDuty.map((n) => Math.floor(n * r.next() * 0.2));
    const capacity = resumed.map(() => r.int(600, 1000));
    for (const st of plan.staff ?? []) {
      const idx = resumed.flatMap((e, i) => (st.buckets === 'all' || st.buckets.includes(bucketOf(e)) ? [i] : []));
      const regs = idx.map((i) => resumed[i]!.registeredStaff);
      const target = st.onDuty ?? Math.round(st.attendance! * regs.reduce((a, b) => a + b, 0));
      spread(regs, regs, target).forEach((v, k) => (onDuty[idx[k]!] = v));
      if (st.fromOtherProvinces !== undefined) {
        const duty = idx.map((i) => onDuty[i]!);
        spread(duty, duty, st.fromOtherProvinces).forEach((v, k) => (fromOther[idx[k]!] = v));
      }
    }
    if (plan.industrialCapacity !== undefined) {
      const above = resumed.filter((e) => bucketOf(e) === 'industrialAbove');
      const below = resumed.filter((e) => bucketOf(e) === 'industrialBelow');
      const wA = above.reduce((a, e) => a + e.registeredStaff, 0);
      const wB = below.reduce((a, e) => a + e.registeredStaff, 0);
      const belowTenths = Math.round((plan.industrialCapacity * 10 * (wA + wB) - 1000 * wA) / wB);
      resumed.forEach((e, i) => {
        const b = bucketOf(e);
        if (b === 'industrialAbove') capacity[i] = 1000;
        if (b === 'industrialBelow') capacity[i] = belowTenths;
      });
    }
    const at = `${seed.date}T02:30:00.000Z`;
    const rows: NewDailyReport[] = resumed.map((e, i) => ({
      entityId: Number(e.id),
      entityName: e.name,
      reportDate: seed.date,
      regionPath: e.regionPath,
      kind: e.kind,
      sector: e.sector,
      industry: e.industry,
      aboveScale: Number(e.aboveScale),
      aboveQuota: Number(e.aboveQuota),
      fourAbove: Number(e.fourAbove),
      sizeClass: e.sizeClass,
      registeredStaff: e.registeredStaff,
      staffOnDuty: onDuty[i]!,
      fromOtherProvinces: Math.min(fromOther[i]!, onDuty[i]!),
      underObservation: r.next() < 0.05 ? 1 : 0,
      abnormalTemperature: 0,
      suspectedCases: 0,
      capacityTenths: capacity[i]!,
      supplyDaysLeft: r.int(3, 30),
      problems: '',
      submittedBy: 'demo',
      submittedAt: at,
    }));
    await s.dailyReports.insertMany(rows);
    log(
      `dashboard: ${seed.code} on ${seed.date} — ${resumed.length} of ${pool.length} resumed, ${rows.length} daily reports (${Date.now() - started} ms)`,
    );
  }
  return [await reporterLogin(s)];
}

/** A resumed food company in the demo town whose user reports in the walkthrough (resumed today, so not in the seed figures). */
async function reporterLogin(s: DemoServices): Promise<DemoLogin> {
  const ctx = systemContext();
  const jz = buildDistrictRegions(demoDistricts[0]!);
  const town = jz.find((x) => x.level === 'town')!;
  const grid = jz.find((x) => x.level === 'grid' && x.path.startsWith(town.path))!;
  const id = await s.registry.createEntity(ctx, {
    kind: 'enterprise',
    name: '天津蓟州华鑫食品有限公司',
    uscc: null,
    regNo: '120119600900003',
    regionCode: grid.code,
    address: '蓟州渔阳镇兴华路3号',
    sector: 'secondary',
    industry: '制造业',
    aboveScale: false,
    aboveQuota: false,
    fourAbove: false,
    sizeClass: 'small',
    smallVenueType: null,
    registeredStaff: 60,
    contactName: '赵华鑫',
    contactPhone: null,
    riskLevel: 'low',
  } as Parameters<DemoServices['registry']['createEntity']>[1]);
  await s.core.db.transaction().execute((trx) => s.registry.changeStatus(trx, ctx, id, 'resumed', '演示：已复工，逐日填报'));
  await s.users.createUser(ctx, {
    username: 'enterprise3',
    displayName: '华鑫食品',
    password: DEMO_PASSWORD,
    grants: [{ role: 'enterprise', entityId: id }],
  });
  return { username: 'enterprise3', role: 'enterprise', where: `${town.name} 食品企业 #${id}（已复工，一日一报）` };
}
