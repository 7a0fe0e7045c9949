import type { DemoServices } from '../../platform/module';
import { manualClock } from '../../platform/clock';
import { systemContext, type RequestContext } from '../../platform/context';
import { makeActor } from '../../platform/permissions';
import { createNotifier } from '../../platform/notify';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { demoDistricts } from '../../demo/districts';
import { rng } from '../../demo/random';
import { createComplaintsService } from './complaints.service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const subjects = [
  '口罩价格过高',
  '药店体温计加价销售',
  '超市未查验健康码',
  '餐馆堂食未隔桌',
  '农贸市场摊主不戴口罩',
  '理发店未登记顾客信息',
  '小区门口流动摊贩聚集',
  '酒精消毒液以次充好',
];

/**
 * Fengze's 34 complaints, every one answered (the figure its press release quotes), and three in
 * Jizhou's first town still open for the walkthrough. Replayed on a demo clock over the last ten days.
 */
export async function complaintsDemo(s: DemoServices, log: (m: string) => void): Promise<void> {
  const r = rng(5501);
  const realNow = s.core.clock.now();
  const clock = manualClock(new Date(Math.floor((realNow.getTime() + 8 * HOUR) / DAY) * DAY - 10 * DAY + 2 * HOUR));
  const service = createComplaintsService({
    db: s.core.db,
    clock,
    audit: s.core.audit,
    events: s.core.events,
    pii: s.core.pii,
    notifier: createNotifier({ clock }),
    regions: s.regions,
    registry: { getForService: s.registry.getForService, registerTimelineSource: () => undefined },
    tickets: s.tickets,
    dataDir: s.core.config.dataDir,
  });
  const staff = (name: string, path: string): RequestContext => ({
    ...systemContext(),
    ip: '127.0.0.1',
    actor: makeActor({ id: 0, username: name, displayName: name }, [
      { role: 'town', regionPath: path, department: null, entityId: null, venueId: null },
    ]),
  });
  const publicCtx = systemContext();

  const fz = buildDistrictRegions(demoDistricts.find((d) => d.shortName === 'fengze')!);
  const fzTowns = fz.filter((x) => x.level === 'town');
  for (let i = 0; i < 34; i++) {
    const town = fzTowns[i % fzTowns.length]!;
    const officer = staff(`${town.name}市场监管所`, town.path);
    const receipt = await service.submitPublic(publicCtx, {
      content: `${town.name}${r.pick(subjects)}，请相关部门尽快查处。`,
      regionCode: town.code,
      address: `${town.name}${r.int(1, 200)}号`,
      occurredOn: null,
      anonymous: r.next() < 0.3,
      contactName: null,
      phone: `139${String(r.int(10000000, 99999999))}`,
      entityId: null,
      entityName: null,
    });
    const row = await s.core.db
      .selectFrom('complaint')
      .select('id')
      .where('receiptNo', '=', receipt.receiptNo)
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    clock.advance(r.int(1, 2) * HOUR);
    await service.verify(officer, id, '已派员现场核实');
    clock.advance(r.int(1, 3) * HOUR);
    if (r.next() < 0.75) {
      await service.substantiate(officer, id, '情况属实');
      await service.handle(officer, id, { note: '已责令整改，依法处理' });
      await service.reply(officer, id, '您反映的问题经核实属实，已责令整改并依法处理，感谢您的监督。');
    } else {
      await service.dismiss(officer, id, '现场未发现所反映问题');
      await service.reply(officer, id, '经现场核查，未发现您反映的问题，我们将持续关注。');
    }
    clock.advance(r.int(0, 1) * HOUR);
  }

  const jz = buildDistrictRegions(demoDistricts[0]!);
  const town = jz.find((x) => x.level === 'town')!;
  const officer = staff('镇街工作人员', town.path);
  const open = [
    '福顺家常菜小餐馆后厨员工未佩戴口罩，餐具消毒不到位。',
    '镇中心农贸市场入口无人测温，人员聚集。',
    '某药店体温计标价 180 元一支，明显哄抬价格。',
  ];
  for (const [i, content] of open.entries()) {
    // the last three days, so they are still within their deadline
    clock.set(new Date(realNow.getTime() - (3 - i) * DAY));
    const receipt = await service.submitPublic(publicCtx, {
      content,
      regionCode: town.code,
      address: `${town.name}中街 ${i + 3} 号`,
      occurredOn: null,
      anonymous: false,
      contactName: '王女士',
      phone: `1380013800${i}`,
      entityId: null,
      entityName: null,
    });
    const row = await s.core.db
      .selectFrom('complaint')
      .select('id')
      .where('receiptNo', '=', receipt.receiptNo)
      .executeTakeFirstOrThrow();
    if (i >= 1) await service.verify(officer, Number(row.id), '已派员核实');
    if (i >= 2) await service.substantiate(officer, Number(row.id), '核实属实');
  }
  log('complaints: Fengze 34 received, 34 answered; 3 open in Jizhou (receipts TS…, phone 13800138000-2)');
}
