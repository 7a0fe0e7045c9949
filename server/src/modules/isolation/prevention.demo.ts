import type { PassClass, PersonCategory } from '@fugong/contract';
import { idCardCheckChar } from '@fugong/contract';
import type { DemoServices } from '../../platform/module';
import { addDays, localDate } from '../../platform/clock';
import { systemContext, type RequestContext } from '../../platform/context';
import { makeActor } from '../../platform/permissions';
import { rng } from '../../demo/random';
import { DEMO_PASSWORD, type DemoLogin } from '../../demo/demo-users';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰海波宁鹏飞';
// origins of returning workers in the seeds (Gansu, Chongqing, Guizhou) and Hubei, by GB/T 2260 prefix
const ORIGINS = [
  { code: '620102', name: '甘肃省兰州市', risk: 'low' },
  { code: '500101', name: '重庆市万州区', risk: 'low' },
  { code: '520102', name: '贵州省贵阳市', risk: 'medium' },
  { code: '420102', name: '湖北省武汉市', risk: 'high' },
] as const;

/** Panzhihua East: 13 buildings sealed, 2,093 people, all since released (seed 003). */
const SEALED_RESIDENTS = [212, 168, 145, 187, 96, 233, 174, 121, 158, 139, 201, 117, 142];

export async function preventionDemo(s: DemoServices, log: (m: string) => void): Promise<DemoLogin[]> {
  const r = rng(70_2020);
  const db = s.core.db;
  const today = localDate(s.core.clock.now());
  const name = () => r.pick([...SURNAMES]) + r.pick([...GIVEN]) + (r.next() < 0.6 ? r.pick([...GIVEN]) : '');
  let seq = 0;
  const idCard = (prefix: string) => {
    seq++;
    const birth = `19${60 + (seq % 40)}${String(1 + (seq % 12)).padStart(2, '0')}${String(1 + (seq % 28)).padStart(2, '0')}`;
    const first17 = prefix + birth + String(seq).padStart(3, '0');
    return first17 + idCardCheckChar(first17);
  };
  const phone = () => `13${r.int(5, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
  const regionsOf = async (code: string, level: 'grid' | 'community') =>
    s.regions.descendantsAt((await s.regions.resolve(code)).path, level);

  const userId = async (username: string) =>
    Number((await db.selectFrom('appUser').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id);
  async function ctxOf(username: string): Promise<RequestContext> {
    const id = await userId(username);
    const grants = await db
      .selectFrom('userGrant')
      .select(['role', 'regionPath', 'department', 'entityId', 'venueId'])
      .where('userId', '=', id)
      .execute();
    return { ...systemContext(), actor: makeActor({ id, username, displayName: username }, grants as never) };
  }

  // ---- Jizhou: residents, returning workers of one employer, scattered visitors; A/B/C passes ----
  const jzGrid = (await regionsOf('120119', 'grid'))[0]!;
  const jzTown = jzGrid.path.split('/').filter(Boolean)[1]!;
  const jzCommunity = jzGrid.path.split('/').filter(Boolean)[2]!;
  const logins: DemoLogin[] = [];
  await s.users.createUser(systemContext(), {
    username: 'checkpoint',
    displayName: '卡点值守人员',
    password: DEMO_PASSWORD,
    grants: [{ role: 'checkpoint', regionCode: jzTown }],
  });
  logins.push({ username: 'checkpoint', role: 'checkpoint', where: jzTown });
  const grid = await ctxOf('grid');
  const town = await ctxOf('town');
  const admin = await ctxOf('admin');
  const employer =
    (await s.registry.list(admin, { page: 1, pageSize: 1, regionCode: jzTown, kind: 'enterprise' } as never)).items[0]?.id ??
    null;

  const add = async (
    ctx: RequestContext,
    regionCode: string,
    category: PersonCategory,
    prefix: string,
    extra: { employerEntityId?: number | null; address?: string } = {},
  ) =>
    s.people.create(ctx, {
      name: name(),
      idType: 'id_card',
      idNumber: idCard(prefix),
      phone: phone(),
      regionCode,
      category,
      address: extra.address ?? `${r.int(1, 12)}栋${r.int(1, 4)}单元${r.int(1, 6)}0${r.int(1, 4)}`,
      employerEntityId: extra.employerEntityId ?? null,
    });
  const issue = (ctx: RequestContext, personId: number, passClass: PassClass) => s.passes.issue(ctx, { personId, passClass });

  const residents: number[] = [];
  for (let i = 0; i < 12; i++) residents.push(await add(grid, jzGrid.code, 'resident', '120119'));
  for (const p of residents.slice(0, 10)) await issue(grid, p, 'A');
  const workers: number[] = [];
  for (let i = 0; i < 8; i++)
    workers.push(await add(grid, jzGrid.code, 'outside_worker', r.pick(ORIGINS).code, { employerEntityId: employer }));
  if (employer) await s.passes.bulkIssue(town, { employerEntityId: employer, passClass: 'B' });
  else for (const p of workers) await issue(town, p, 'B');
  const visitors: number[] = [];
  for (let i = 0; i < 3; i++) visitors.push(await add(grid, jzGrid.code, 'scattered_outsider', '110105'));
  for (const p of visitors) await issue(grid, p, 'C');
  const revoked = (await s.passes.list(town, { page: 1, pageSize: 1, personId: residents[1] } as never)).items[0]!;
  await s.passes.revoke(town, revoked.id, '健康码转黄，暂停通行');

  const communityName = (await s.regions.get(jzCommunity))?.name ?? '';
  const gate = await s.checkpoints.create(town, {
    name: `${communityName}东门`,
    kind: 'community_gate',
    regionCode: jzCommunity,
  });
  const road = await s.checkpoints.create(town, { name: '津蓟高速出口卡点', kind: 'road', regionCode: jzTown });
  await s.checkpoints.addShift(town, gate, {
    date: today,
    startTime: '07:00',
    endTime: '19:00',
    team: '党员先锋岗',
    members: ['社区干部', '网格员', '志愿者'],
  });
  await s.checkpoints.addShift(town, road, {
    date: today,
    startTime: '00:00',
    endTime: '23:59',
    team: '公安交警 + 卫健',
    members: ['交警', '医护', '志愿者', '志愿者'],
  });
  const staff = await ctxOf('checkpoint');
  const passList = (await s.passes.list(town, { page: 1, pageSize: 40 } as never)).items;
  for (const p of passList.slice(0, 10)) {
    const token = (await s.passes.get(town, p.id)).token;
    if (token)
      await s.passes.verify(staff, {
        checkpointId: p.passClass === 'B' ? road : gate,
        direction: r.next() < 0.5 ? 'in' : 'out',
        token,
      });
  }

  // returning workers from risk areas: assessment → home / centralised isolation, some check-ins
  for (const [i, p] of workers.slice(0, 3).entries()) {
    const origin = ORIGINS[3 - (i % 2)]!;
    const out = await s.isolation.assess(grid, {
      personId: p,
      originRegion: origin.name,
      originRisk: origin.risk,
      travelHistory: [],
      healthCode: i === 2 ? 'yellow' : 'green',
      temperature: 36.4 + i * 0.1,
      contact: 'none',
      site: null,
      override: null,
    });
    if (out.isolationId && i === 0) await s.isolation.staffCheckin(grid, out.isolationId, { temperature: 36.5, symptoms: [] });
  }
  log(
    `prevention: Jizhou ${residents.length + workers.length + visitors.length} people, ${passList.length} passes, 2 checkpoints, 3 assessments`,
  );

  // ---- Panzhihua East: home isolation notices, a centralised case, 13 sealed buildings (2,093 people) ----
  const pzGrids = await regionsOf('510402', 'grid');
  const pzCommunities = await regionsOf('510402', 'community');
  const pzTown = pzGrids[0]!.path.split('/').filter(Boolean)[1]!;
  await s.users.createUser(systemContext(), {
    username: 'grid-pzh',
    displayName: '东区网格员',
    password: DEMO_PASSWORD,
    grants: [{ role: 'grid', regionCode: pzGrids[0]!.code }],
  });
  await s.users.createUser(systemContext(), {
    username: 'town-pzh',
    displayName: '东区街道工作人员',
    password: DEMO_PASSWORD,
    grants: [{ role: 'town', regionCode: pzTown }],
  });
  logins.push(
    { username: 'grid-pzh', role: 'grid', where: pzGrids[0]!.code },
    { username: 'town-pzh', role: 'town', where: pzTown },
  );
  const pzGrid = await ctxOf('grid-pzh');
  const pzStaff = await ctxOf('town-pzh');
  for (let i = 0; i < 4; i++) {
    const p = await add(pzGrid, pzGrids[0]!.code, i < 3 ? 'resident' : 'outside_worker', i < 3 ? '510402' : '420102', {
      address: `炳草岗大街${10 + i}号${i + 1}栋`,
    });
    if (i < 3) await issue(pzGrid, p, 'A');
    await s.isolation.assess(pzGrid, {
      personId: p,
      originRegion: i === 3 ? '湖北省武汉市' : '四川省成都市',
      originRisk: i === 3 ? 'high' : i === 0 ? 'medium' : 'low',
      travelHistory: i === 1 ? [{ place: '湖北省武汉市', risk: 'high' }] : [],
      healthCode: 'green',
      temperature: 36.6,
      contact: i === 2 ? 'suspected' : 'none',
      site: i === 2 ? '东区集中医学观察点' : null,
      override: null,
    });
  }
  await s.checkpoints.create(pzStaff, {
    name: '炳草岗社区进出口',
    kind: 'community_gate',
    regionCode: pzGrids[0]!.path.split('/').filter(Boolean)[2]!,
  });
  for (const [i, residentsIn] of SEALED_RESIDENTS.entries()) {
    const c = pzCommunities[(i * 5) % pzCommunities.length]!;
    await s.sealedBuildings.sealForDemo(systemContext(), {
      name: `${c.name}${r.int(1, 20)}栋`,
      regionCode: c.code,
      residents: residentsIn,
      reason: i % 3 === 0 ? '楼内出现确诊病例' : '楼内有密切接触者',
      sealedOn: addDays(today, -60 + i),
      releasedOn: addDays(today, -30 + i),
    });
  }
  log(
    `prevention: Panzhihua East 4 isolations, ${SEALED_RESIDENTS.length} sealed buildings, ${SEALED_RESIDENTS.reduce((a, b) => a + b, 0)} people`,
  );

  // ---- Baoshan: three-level grid door-to-door screening ----
  const campaign = await s.screening.create(admin, {
    name: '三级网格化排查（挨家挨户）',
    regionCode: '230506',
    startDate: addDays(today, -6),
    endDate: addDays(today, 1),
    householdsPerGrid: 320,
  });
  const bsGrids = await regionsOf('230506', 'grid');
  for (const [i, g] of bsGrids.entries()) {
    if (i % 5 === 4) continue;
    const households = r.int(180, 320);
    await s.screening.recordVisit(admin, campaign, {
      gridCode: g.code,
      date: addDays(today, -1),
      householdsVisited: households,
      peopleRecorded: households * r.int(2, 3),
    });
  }
  log(`prevention: Baoshan screening over ${bsGrids.length} grids`);
  return logins;
}
