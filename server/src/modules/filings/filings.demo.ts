import type { Entity, EntityListQuery, FilingDetail } from '@fugong/contract';
import { idCardCheckChar } from '@fugong/contract';
import type { DemoServices } from '../../platform/module';
import { systemContext, type RequestContext } from '../../platform/context';
import { localDate } from '../../platform/clock';
import { makeActor, type ActorGrant } from '../../platform/permissions';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { demoDistricts } from '../../demo/districts';
import { rng } from '../../demo/random';
import { routeFor } from './filing-config';

const as = (username: string, grant: Partial<ActorGrant> & Pick<ActorGrant, 'role'>): RequestContext => ({
  ...systemContext(),
  ip: '127.0.0.1',
  actor: makeActor({ id: 0, username, displayName: username }, [
    { regionPath: null, department: null, entityId: null, venueId: null, ...grant },
  ]),
});

/** A few filings in Jizhou's first town (the demo `town` user's), in the states a reviewer meets. */
export async function filingsDemo(s: DemoServices, log: (m: string) => void): Promise<void> {
  const r = rng(3203);
  const jz = buildDistrictRegions(demoDistricts[0]!);
  const town = jz.find((x) => x.level === 'town')!;
  const admin = as('admin', { role: 'admin' });
  const reviewer = as('town', { role: 'town', regionPath: town.path });
  const inspector = as('inspector', { role: 'inspector', regionPath: jz.find((x) => x.level === 'district')!.path });
  const today = localDate(s.core.clock.now());
  const inDays = (n: number) => localDate(new Date(s.core.clock.now().getTime() + n * 86_400_000));

  // the two demo enterprise users file by hand in the walkthrough; leave their entities alone
  const reserved = /福顺家常菜小餐馆|恒达机械制造/;
  async function find(q: Partial<EntityListQuery>, n: number): Promise<Entity[]> {
    const page = await s.registry.list(admin, {
      page: 1,
      pageSize: Math.min(500, n + 2),
      regionCode: town.code,
      status: 'not_resumed',
      ...q,
    } as EntityListQuery);
    return page.items.filter((e) => !reserved.test(e.name)).slice(0, n);
  }

  await s.filings.setBatch(admin, 1, '2026-02-24');
  await s.filings.setBatch(admin, 2, '2026-03-02');
  await s.filings.setBatch(admin, 3, inDays(7));

  async function file(e: Entity): Promise<{ ctx: RequestContext; d: FilingDetail }> {
    const ctx = as(`demo-${e.id}`, { role: 'enterprise', entityId: e.id });
    const created = await s.filings.create(ctx, e.id);
    const d = await s.filings.get(ctx, created.id);
    const total = r.int(4, 120);
    const returning = r.int(Math.floor(total / 2), total);
    const data = {
      plannedDate: inDays(r.int(1, 5)),
      staff: { total, returning, fromOtherProvinces: r.int(0, Math.floor(returning / 5)), fromHighRiskAreas: 0 },
      preventionPlan: {
        text: '成立防控小组，出入口测温登记，每日两次消毒并记录，员工错峰就餐，设临时隔离观察室。',
        attachmentIds: [],
      },
      emergencyPlan: { text: '发现发热等症状员工立即隔离观察，报告所在社区和镇街，配合疾控流调并停工消杀。', attachmentIds: [] },
      supplies: { masks: r.int(100, 3000), thermometers: r.int(1, 10), disinfectantLitres: r.int(5, 100) },
      checklist: Object.fromEntries(d.checklist.items.map((i) => [i.code, true])),
    };
    await s.filings.submit(ctx, created.id, {
      data,
      commitment: { signerName: e.name.slice(-4) + '负责人', text: d.commitmentText, accepted: true },
    });
    return { ctx, d: await s.filings.get(ctx, created.id) };
  }

  // the town's generated entities are mostly commerce and small businesses; add four that go to online review
  const grid = jz.find((x) => x.level === 'grid' && x.path.startsWith(town.path))!;
  const extra: { kind: 'hotel' | 'site' | 'project' | 'building'; name: string; industry: string }[] = [
    { kind: 'hotel', name: '蓟州渔阳宾馆', industry: '住宿业' },
    { kind: 'site', name: '小庄街道安置房三期工地', industry: '建筑业' },
    { kind: 'project', name: '蓟州冷链物流园项目', industry: '建筑业' },
    { kind: 'building', name: '渔阳商务楼', industry: '房地产业' },
  ];
  for (const [i, x] of extra.entries()) {
    await s.registry.createEntity(systemContext(), {
      kind: x.kind,
      name: x.name,
      regNo: `DEMO-FILING-${i + 1}`,
      regionCode: grid.code,
      sector: x.kind === 'hotel' || x.kind === 'building' ? 'tertiary' : 'secondary',
      industry: x.industry,
      registeredStaff: r.int(20, 200),
    });
  }
  const cfg = (await s.filings.config.current()).config;
  const all = (await find({}, 200)).map((e) => ({ e, route: routeFor(cfg, e).route }));
  const byRoute = (route: string, n: number) =>
    all
      .filter((x) => x.route === route)
      .slice(0, n)
      .map((x) => x.e);
  let count = 0;

  // online review: one approved (with staff who took the exam), one sent back, one being reviewed, the rest waiting
  for (const [i, e] of byRoute('online', 5).entries()) {
    const { d, ctx } = await file(e);
    count++;
    if (i === 0) {
      await s.filings.decide(reviewer, d.id, { action: 'approve' });
      // Panzhihua: staff pass a short exam before going on duty
      for (const [j, name] of ['赵丽', '钱伟', '孙强'].entries()) {
        const id = `12022519880${j + 1}1500${j}`;
        const member = await s.filings.staff.add(ctx, { name, idNumber: id + idCardCheckChar(id), phone: `1380000${1000 + j}` });
        if (j < 2)
          await s.filings.staff.answer(systemContext(), member.quizPath!.split('/').pop()!, { answers: [1, 1, 1, 1, 1] });
      }
    }
    if (i === 1)
      await s.filings.decide(reviewer, d.id, { action: 'request_changes', reason: '应急预案未写明联系人和联系电话，请补充。' });
    if (i === 2) await s.filings.decide(reviewer, d.id, { action: 'start_review' });
  }
  // commerce batches: released ones approve at once, later ones wait for their date
  for (const e of byRoute('batch', 4)) {
    await file(e);
    count++;
  }
  // 五小单位: one passed on site, one waiting for the inspector
  for (const [i, e] of byRoute('onsite', 2).entries()) {
    const { d } = await file(e);
    count++;
    if (i === 0) await s.filings.onsite(inspector, d.id, { passed: true, notes: '测温点、消毒记录齐全，工具一客一消毒。' });
  }
  for (const e of byRoute('commitment', 2)) {
    await file(e);
    count++;
  }
  log(`filings: ${count} filings in ${town.name} (batch dates set, today ${today})`);
}
