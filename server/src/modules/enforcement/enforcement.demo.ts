import type { Entity, EntityListQuery, InspectionChecklistItem, PremisesType } from '@fugong/contract';
import type { DemoServices } from '../../platform/module';
import { systemContext } from '../../platform/context';
import { localDate } from '../../platform/clock';
import { rng } from '../../demo/random';
import { DEMO_PASSWORD, demoContext, type DemoLogin } from '../../demo/demo-users';
import { premisesTypeOf, type VisitInput, type VisitInspection } from './enforcement.service';

/** Fengze's joint enforcement (seed 001): the period, and the tally the seed reports for it. */
export const fengzeEnforcement = {
  regionCode: '350503',
  roundName: '企业复工复产综合执法监管联合执法检查',
  from: '2020-02-10',
  to: '2020-03-06',
  /** 出动执法人员1300多人次，巡查商户4000多家次，检查发现问题580多个，当场督促整改470多个，开具整改通知书127份，关停违规经营户28户 */
  tally: { inspectorVisits: 1300, premises: 4000, problems: 580, fixedOnSpot: 470, notices: 127, closures: 28 },
} as const;

const DAY = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** What an inspection found: `problems` failed checklist items (extra ones beyond the list), `fixed` of them on the spot. */
function findings(items: InspectionChecklistItem[], problems: number, fixed: number) {
  const active = items.filter((i) => i.active);
  const failed = Math.min(problems, active.length);
  return {
    results: Object.fromEntries(active.map((i, k) => [i.code, k >= failed])),
    extraProblems: problems - failed,
    fixedOnSpot: fixed,
  };
}

/**
 * Fengze's round of joint inspections of malls and 五小单位, recorded visit by visit so the tally
 * report for the round's period and the district reproduces the seed exactly:
 * - 360 visits of 3 inspectors (290 covering 11 premises, 70 covering 10) and 110 re-inspections by 2:
 *   1,080 + 220 = 1,300 inspector-visits; 3,890 + 110 = 4,000 premises visited;
 * - 127 notices (110 re-inspected: 100 rectified, 10 not → closure; 17 still open at the end),
 *   18 closures on the spot: 28 closures, 20 of them lifted since;
 * - problems: closures 18 × (2 found, 1 fixed), notices 92 × (2, 1) + 35 × (1, 1), and 325 premises with
 *   one problem fixed on the spot: 580 found, 470 fixed.
 * Also an active round in Jizhou for the demo inspector.
 */
export async function enforcementDemo(s: DemoServices, log: (m: string) => void): Promise<DemoLogin[]> {
  const started = Date.now();
  const sys = systemContext();
  const f = fengzeEnforcement;
  const district = await s.regions.resolve(f.regionCode);
  const userId = await s.users.createUser(sys, {
    username: 'inspector-fengze',
    displayName: '丰泽区综合执法监管小组',
    password: DEMO_PASSWORD,
    grants: [{ role: 'inspector', regionCode: f.regionCode }],
  });
  const ctx = demoContext(userId, 'inspector-fengze', '丰泽区综合执法监管小组', { role: 'inspector', regionPath: district.path });
  const admin = demoContext(0, 'admin', '系统管理员', { role: 'admin' });

  // premises: resumed malls (four-above trade) and 五小单位 of the district
  const pool: Entity[] = [];
  for (const q of [{ fourAbove: 'true', sector: 'tertiary' }, { kind: 'individual' }] as Partial<EntityListQuery>[]) {
    for (let page = 1; ; page++) {
      const res = await s.registry.list(admin, {
        page,
        pageSize: 500,
        regionCode: f.regionCode,
        status: 'resumed',
        ...q,
      } as EntityListQuery);
      pool.push(...res.items.filter((e) => q.kind !== 'individual' || e.smallVenueType));
      if (page * 500 >= res.total) break;
    }
  }
  if (pool.length < 300) {
    log(`enforcement: only ${pool.length} resumed premises in Fengze; skipped`);
    return [];
  }
  const typeOf = (e: Entity): PremisesType => (e.smallVenueType ? premisesTypeOf(e) : 'mall');
  const checklists = new Map<PremisesType, InspectionChecklistItem[]>();
  for (const type of ['mall', 'five_small', 'nine_small'] as const)
    checklists.set(type, (await s.enforcement.checklist(ctx, type)).items);

  const round = await s.enforcement.createRound(ctx, {
    name: f.roundName,
    regionCode: f.regionCode,
    startsOn: f.from,
    endsOn: f.to,
    premisesTypes: ['mall', 'five_small'],
    notes: '持续组织对辖区大中型商超和“五小单位”开展联合执法检查，督查指导企业落实主体责任和防控措施。',
  });

  // the plan: 360 visits, each a list of (problems, fixed, outcome) for its premises
  type Slot = { problems: number; fixed: number; outcome: 'pass' | 'notice' | 'closure'; reinspect?: 'pass' | 'fail' };
  const slots: Slot[] = [];
  for (let i = 0; i < 18; i++) slots.push({ problems: 2, fixed: 1, outcome: 'closure' });
  for (let i = 0; i < 127; i++)
    slots.push({
      problems: i < 92 ? 2 : 1,
      fixed: 1,
      outcome: 'notice',
      reinspect: i < 100 ? 'pass' : i < 110 ? 'fail' : undefined,
    });
  for (let i = 0; i < 325; i++) slots.push({ problems: 1, fixed: 1, outcome: 'pass' });
  while (slots.length < 3890) slots.push({ problems: 0, fixed: 0, outcome: 'pass' });
  const r = rng(350503);
  // re-inspected notices early enough for the re-inspection to fall inside the period; open ones on the last days
  const total = 3890;
  const ordered: (Slot | null)[] = Array.from({ length: total }, () => null);
  const reinspected = slots.filter((x) => x.reinspect);
  const open = slots.filter((x) => x.outcome === 'notice' && !x.reinspect);
  reinspected.forEach((x, i) => (ordered[Math.floor((i * 3000) / reinspected.length) + 3] = x));
  open.forEach((x, i) => (ordered[total - 1 - i * 10] = x));
  const rest = slots.filter((x) => x.outcome !== 'notice');
  for (let i = rest.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  for (let k = 0, ri = 0; k < total; k++) if (!ordered[k]) ordered[k] = rest[ri++]!;
  const days = Math.round((Date.parse(f.to) - Date.parse(f.from)) / DAY) + 1;
  const notices: { inspectionIndex: number; on: string; slot: Slot }[] = [];
  const inspectionIds: number[] = [];
  const visits: VisitInput[] = [];
  let cursor = 0;
  let premisesIdx = 0;
  for (let v = 0; v < 360; v++) {
    const size = v < 290 ? 11 : 10;
    // the last visits fall on the last day, so the open notices are issued at the end of the period
    const on = addDays(f.from, Math.min(days - 1, Math.floor((v * days) / 360)));
    const inspections: VisitInspection[] = [];
    for (let k = 0; k < size; k++) {
      const slot = ordered[cursor++]!;
      const e = pool[premisesIdx++ % pool.length]!;
      const type = typeOf(e);
      const base = findings(checklists.get(type) ?? [], slot.problems, slot.fixed);
      inspections.push({
        entityId: e.id,
        kind: 'routine',
        premisesType: type,
        ...base,
        outcome: slot.outcome,
        notes: slot.outcome === 'closure' ? '未落实测温登记且拒不整改，责令停业整顿' : null,
        noticeItems:
          slot.outcome === 'notice' ? '一、入口设置测温点并登记；二、每日消毒并建立台账；三、从业人员全程佩戴口罩。' : null,
        noticeDeadline: slot.outcome === 'notice' ? addDays(on, 3) : null,
        filingId: null,
        complaintId: null,
      });
      if (slot.reinspect) notices.push({ inspectionIndex: cursor - 1, on, slot });
    }
    const names = [
      r.pick(['陈', '林', '黄', '王', '李']) + '队长',
      r.pick(['张', '吴', '郑', '蔡']) + '某',
      r.pick(['许', '洪', '庄', '施']) + '某',
    ];
    visits.push({ roundId: round.id, visitedOn: on, inspectors: names, inspectorCount: 3, inspections });
  }
  // recorded like a stack of paper records: 36 visits a transaction
  for (let i = 0; i < visits.length; i += 36)
    for (const res of await s.enforcement.recordVisits(ctx, visits.slice(i, i + 36))) inspectionIds.push(...res.inspectionIds);
  // re-inspections the day after the deadline
  for (const n of notices) {
    const ins = await s.enforcement.get(ctx, inspectionIds[n.inspectionIndex]!);
    const on = addDays(n.on, 4) > f.to ? f.to : addDays(n.on, 4);
    await s.enforcement.reinspect(ctx, ins.noticeId!, {
      passed: n.slot.reinspect === 'pass',
      inspectedOn: on,
      inspectorCount: 2,
      notes: n.slot.reinspect === 'pass' ? '已按通知书整改到位' : '逾期仍未整改',
    });
  }
  // 20 of the 28 closures lifted after rectification
  const closures = await s.enforcement.closures(ctx, { page: 1, pageSize: 100, active: 'true' });
  for (const c of closures.items.slice(0, 20)) await s.enforcement.liftClosure(ctx, c.id, '整改到位，复查合格，准予恢复营业');

  // an active round in Jizhou for the demo inspector
  const today = localDate(s.core.clock.now());
  await s.enforcement
    .createRound(admin, {
      name: '蓟州区商超和五小单位疫情防控专项检查',
      regionCode: '120119',
      startsOn: addDays(today, -7),
      endsOn: addDays(today, 23),
      premisesTypes: ['mall', 'five_small', 'nine_small', 'market'],
      notes: null,
    })
    .catch(() => undefined);
  log(`enforcement: Fengze round — 470 visits, 4000 premises, 127 notices, 28 closures (${Date.now() - started} ms)`);
  return [{ username: 'inspector-fengze', role: 'inspector', where: '丰泽区' }];
}
