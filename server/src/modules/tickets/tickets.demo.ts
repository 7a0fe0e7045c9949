import type { Department, Entity, EntityListQuery } from '@fugong/contract';
import type { DemoServices } from '../../platform/module';
import { manualClock } from '../../platform/clock';
import { systemContext, type RequestContext } from '../../platform/context';
import { makeActor, type ActorGrant } from '../../platform/permissions';
import { createNotifier } from '../../platform/notify';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { demoDistricts } from '../../demo/districts';
import { rng } from '../../demo/random';
import { t } from '../../platform/i18n/index';
import { createTicketsService, type NewTicket } from './tickets.service';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A request context for a demo user: the real user id (so "my tickets" and confirmations work) and their grant. */
async function actorOf(
  s: DemoServices,
  username: string,
  grant: Partial<ActorGrant> & Pick<ActorGrant, 'role'>,
  fallbackName = username,
): Promise<RequestContext> {
  const admin = {
    ...systemContext(),
    actor: makeActor({ id: 0, username: 'demo', displayName: 'demo' }, [
      { role: 'admin', regionPath: null, department: null, entityId: null, venueId: null },
    ]),
  };
  const found = (await s.users.list(admin, { q: username, page: 1, pageSize: 20 })).items.find((u) => u.username === username);
  return {
    ...systemContext(),
    ip: '127.0.0.1',
    actor: makeActor({ id: found?.id ?? 0, username, displayName: found?.displayName ?? fallbackName }, [
      { regionPath: null, department: null, entityId: null, venueId: null, ...grant },
    ]),
  };
}

/**
 * The problem loop in Jizhou's first town, lived through the last eight days: tickets in every
 * state, one overdue ticket that climbed 提示 → 督办 → 区领导报到, and closed ones for the statistics.
 * A tickets service on a demo clock replays the days, so deadlines, escalations and the timeline
 * carry the times they would have had.
 */
export async function ticketsDemo(s: DemoServices, log: (m: string) => void): Promise<void> {
  const r = rng(4401);
  const realNow = s.core.clock.now();
  // eight days ago, 09:00 local
  const start = new Date(Math.floor((realNow.getTime() + 8 * HOUR) / DAY) * DAY - 8 * DAY + HOUR);
  const clock = manualClock(start);
  const tickets = createTicketsService({
    db: s.core.db,
    clock,
    audit: s.core.audit,
    events: s.core.events,
    notifier: createNotifier({ clock }),
    regions: s.regions,
    // the real service already put tickets on the entity timeline
    registry: { getForService: s.registry.getForService, registerTimelineSource: () => undefined },
    dataDir: s.core.config.dataDir,
  });

  const jz = buildDistrictRegions(demoDistricts[0]!);
  const district = jz.find((x) => x.level === 'district')!;
  const towns = jz.filter((x) => x.level === 'town');
  const town = towns[0]!;
  const admin = await actorOf(s, 'admin', { role: 'admin' });
  const townCtx = await actorOf(s, 'town', { role: 'town', regionPath: town.path });
  const liaison = await actorOf(s, 'liaison', { role: 'liaison', regionPath: town.path });
  const commander = await actorOf(s, 'commander', { role: 'commander', regionPath: district.path });
  const dept = (d: Department) =>
    actorOf(
      s,
      d === 'industry' || d === 'commerce' ? d : `demo-${d}`,
      { role: 'department', regionPath: district.path, department: d },
      `区${t('zh-CN', `department.${d}`)}`,
    );

  const page = await s.registry.list(admin, { page: 1, pageSize: 60, regionCode: town.code } as EntityListQuery);
  const entities = page.items;
  const restaurant = entities.find((e) => /福顺家常菜小餐馆/.test(e.name));
  const others = entities.filter((e) => e !== restaurant);
  if (others.length < 10) {
    log('tickets: too few entities in the first town; skipped');
    return;
  }
  const enterpriseCtx = restaurant ? await actorOf(s, 'enterprise', { role: 'enterprise', entityId: restaurant.id }) : townCtx;

  async function file(ctx: RequestContext, e: Entity, input: Omit<NewTicket, 'entityId'>) {
    const p = await tickets.prepareTicket({ ...input, entityId: e.id });
    return s.core.db.transaction().execute((trx) => tickets.createTicket(trx, ctx, p));
  }
  const later = (hours: number) => clock.advance(hours * HOUR);
  const deadlineIn = (hours: number) => new Date(clock.now().getTime() + hours * HOUR).toISOString();

  // 1. the walkthrough's own: the restaurant reports a shortage; the department has answered, the owner is to confirm
  const supplies = await file(enterpriseCtx, restaurant ?? others[0]!, {
    source: 'self_report',
    categoryCode: 'supplies',
    title: '缺少额温枪和消毒液',
    description: '复工前需额温枪 2 把、消毒液 20 升，市场上买不到。',
  });
  await tickets.assign(townCtx, supplies.id, { department: 'industry', note: '请工信局从区储备调剂' });
  later(2);
  const industry = await dept('industry');
  await tickets.accept(industry, supplies.id, null);
  later(3);
  await tickets.handle(industry, supplies.id, '已从区防疫物资储备调拨额温枪 2 把、消毒液 20 升，明日送达。');

  // 2. the overdue one: a liaison's financing problem that nobody solved in time
  const loan = await file(liaison, others[0]!, {
    source: 'liaison_visit',
    categoryCode: 'financing',
    title: '流动资金缺口 300 万元，贷款到期无法续贷',
    description: '企业反映 3 月到期贷款 300 万元，银行要求先还后贷，复工后资金周转困难。',
    major: true,
  });
  await tickets.assign(townCtx, loan.id, { department: 'finance', deadline: deadlineIn(20), note: '请金融事务中心协调银行续贷' });

  // 3. waiting for 交办
  await file(liaison, others[1]!, {
    source: 'liaison_visit',
    categoryCode: 'logistics',
    title: '原料运输车辆无法进入外省',
    description: '外省原料供应商所在地卡口劝返，原料断供。',
  });

  // 4. a reminder: dining, overdue since yesterday
  const dining = await file(townCtx, others[2]!, {
    source: 'daily_report',
    categoryCode: 'dining',
    title: '员工就餐无法分餐',
    description: '食堂面积小，无法做到错峰分餐。',
  });
  await tickets.assign(townCtx, dining.id, { department: 'market_regulation', deadline: deadlineIn(24 * 6) });

  // 5. labour, closed with a satisfied enterprise; 6. certificates, reopened once then closed; 7. policy, fresh
  const labour = await file(liaison, others[3]!, {
    source: 'liaison_visit',
    categoryCode: 'labour',
    title: '缺普工 30 人',
    description: '订单恢复，一线普工缺口 30 人。',
  });
  await tickets.assign(townCtx, labour.id, { department: 'labour' });
  const cert = await file(townCtx, others[4]!, {
    source: 'staff',
    categoryCode: 'certificates',
    title: '食品经营许可证到期需延续',
    description: '许可证 2 月到期，疫情期间无法现场办理。',
  });
  await tickets.assign(townCtx, cert.id, { department: 'approval' });

  later(24);
  const labourDept = await dept('labour');
  await tickets.accept(labourDept, labour.id, null);
  const approval = await dept('approval');
  await tickets.accept(approval, cert.id, null);
  later(4);
  await tickets.handle(labourDept, labour.id, '已通过“春风行动”线上招聘会推送岗位，已到岗 26 人。');
  await tickets.handle(approval, cert.id, '告知可网上申请延续。');
  later(2);
  await tickets.confirm(liaison, labour.id, { satisfaction: 5, note: '企业满意' });
  await tickets.reopen(townCtx, cert.id, '企业反映网上系统无法上传材料');
  later(3);
  await tickets.handle(approval, cert.id, '已容缺受理，先行延续，材料后补。');
  await tickets.confirm(townCtx, cert.id, { satisfaction: 4, note: '电话回访企业确认' });

  // the ladder for the financing ticket: reminder, then a supervision order a working day later, then the leaders
  later(20);
  await tickets.escalateDue();
  const utilities = await file(liaison, others[5]!, {
    source: 'liaison_visit',
    categoryCode: 'utilities',
    title: '厂区用电容量不足',
    description: '复产后新增设备，变压器容量不足。',
  });
  await tickets.assign(townCtx, utilities.id, { department: 'housing', deadline: deadlineIn(6) });
  const housing = await dept('housing');
  await tickets.accept(housing, utilities.id, null);
  later(30);
  await tickets.escalateDue();
  later(24 * 2 + 2);
  await tickets.escalateDue();
  if (!['supervision', 'leaders'].includes((await tickets.get(commander, utilities.id)).escalationLevel ?? '')) {
    await tickets.whistle(liaison, utilities.id, { level: 'supervision', note: '影响全厂复产，联络员吹哨' });
  }

  // a history of closed tickets across the district, for the statistics
  const districtPage = await s.registry.list(admin, { page: 1, pageSize: 200, regionCode: district.code } as EntityListQuery);
  const pool = districtPage.items.filter((e) => e !== restaurant);
  const codes = [
    'supplies',
    'financing',
    'labour',
    'logistics',
    'dining',
    'parking',
    'certificates',
    'utilities',
    'policy',
  ] as const;
  const deptOf: Record<(typeof codes)[number], Department> = {
    supplies: 'industry',
    financing: 'finance',
    labour: 'labour',
    logistics: 'transport',
    dining: 'market_regulation',
    parking: 'transport',
    certificates: 'approval',
    utilities: 'housing',
    policy: 'commerce',
  };
  for (let i = 0; i < 24 && pool.length > 0; i++) {
    const e = pool[r.int(0, pool.length - 1)]!;
    const code = r.pick(codes);
    const tk = await file(commander, e, {
      source: r.pick(['liaison_visit', 'daily_report', 'self_report'] as const),
      categoryCode: code,
      title: `${e.name.slice(0, 10)}：${r.pick(['咨询复工补贴', '缺少防护服', '员工返岗通勤', '停车位不足', '用水压力不足', '申请贷款贴息'])}`,
      description: '走访中收集。',
    });
    await tickets.assign(townCtx.actor && e.regionPath.startsWith(town.path) ? townCtx : commander, tk.id, {
      department: deptOf[code],
    });
    const d = await dept(deptOf[code]);
    await tickets.accept(d, tk.id, null);
    clock.advance(r.int(1, 30) * HOUR);
    await tickets.handle(d, tk.id, '已办结，已电话反馈企业。');
    if (r.next() < 0.15) {
      await tickets.reopen(commander, tk.id, '企业不满意，退回重办');
      clock.advance(r.int(1, 8) * HOUR);
      await tickets.handle(d, tk.id, '重新协调后办结。');
    }
    await tickets.confirm(commander, tk.id, { satisfaction: r.int(3, 5), note: null });
  }
  // the open ones are now overdue by the real clock too: run the ladder once more at "now"
  clock.set(realNow);
  await tickets.escalateDue();
  // whichever rung the weekdays left it on, the liaison blows the whistle: 联络员吹哨，区领导报到
  if ((await tickets.get(commander, loan.id)).escalationLevel !== 'leaders')
    await tickets.whistle(liaison, loan.id, { level: 'leaders', note: '企业资金链濒临断裂，联络员吹哨' });
  log('tickets: problem loop in Jizhou (tickets in the leaders’ queue, reminders and supervision orders, closed history)');
}
