import type { Entity, EntityInput, EntityKind, EntityListQuery } from '@fugong/contract';
import { usccCheckChar } from '@fugong/contract';
import type { DemoServices } from '../../platform/module';
import { systemContext } from '../../platform/context';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { demoDistricts } from '../../demo/districts';
import { makePersonNamer } from '../../demo/names';
import { rng } from '../../demo/random';
import { DEMO_PASSWORD, demoContext, type DemoLogin } from '../../demo/demo-users';

/**
 * Furong (seed 004): 328名市区干部分赴全区569家企业、97栋楼宇、50个工地项目、13栋重要酒店担任驻企联络员.
 * Jizhou (seed 000): 组织3072名区镇村三级干部，成立1024个帮扶工作组.
 */
export const furongLiaison = {
  regionCode: '430102',
  cadres: 328,
  targets: { enterprise: 569, building: 97, site: 50, hotel: 13 } as Record<'enterprise' | 'building' | 'site' | 'hotel', number>,
};
export const jizhouTeams = { regionCode: '120119', teams: 1024, size: 3 };

/**
 * `total` teams over towns in proportion to their enterprises (largest remainder), at least one for a
 * town with any; never more teams than enterprises in a town.
 */
export function allotTeams(enterprises: number[], total: number): number[] {
  const sum = enterprises.reduce((a, n) => a + n, 0);
  if (sum === 0) return enterprises.map(() => 0);
  const quota = enterprises.map((n) => (n * total) / sum);
  const out = quota.map((q, i) => Math.min(enterprises[i]!, Math.max(enterprises[i]! > 0 ? 1 : 0, Math.floor(q))));
  let left = total - out.reduce((a, n) => a + n, 0);
  // hand out what is left by the largest remainder, then take back from the largest if the minimums overshot
  const order = quota.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length * 2; k++) {
    const i = order[k % order.length]!.i;
    if (out[i]! < enterprises[i]!) {
      out[i]!++;
      left--;
    }
  }
  while (left < 0) {
    const i = out.indexOf(Math.max(...out));
    out[i]!--;
    left++;
  }
  return out;
}

async function allOf(s: DemoServices, q: Partial<EntityListQuery>): Promise<Entity[]> {
  const admin = demoContext(0, 'admin', '系统管理员', { role: 'admin' });
  const out: Entity[] = [];
  for (let page = 1; ; page++) {
    const res = await s.registry.list(admin, { page, pageSize: 500, ...q } as EntityListQuery);
    out.push(...res.items);
    if (page * 500 >= res.total) return out;
  }
}

/**
 * Demo step: Furong's 328 liaison cadres, each looking after two or three of the 729 entities the seed
 * names (the 569 enterprises are the district's four-above enterprises in registry order, the 13
 * hotels its largest; the registry has no construction sites there, so the 50 sites are added here);
 * Jizhou's 1,024 help teams of three cadres with one leader, allotted to the towns in proportion to
 * their enterprises (every town at least one), each team taking an equal run of its town's enterprises
 * (by region path) and named after the village or community where that run starts. Cadre accounts
 * share the demo password and are created in bulk (one password hash).
 */
export async function liaisonDemo(s: DemoServices, log: (m: string) => void): Promise<DemoLogin[]> {
  const started = Date.now();
  const sys = systemContext();
  const admin = demoContext(0, 'admin', '系统管理员', { role: 'admin' });
  const name = makePersonNamer(4301);

  // --- Furong
  const fr = furongLiaison;
  const frRows = buildDistrictRegions(demoDistricts.find((d) => d.code === fr.regionCode)!);
  const frGrids = frRows.filter((x) => x.level === 'grid').map((x) => x.code);
  const r = rng(430102);
  const sites: EntityInput[] = Array.from({ length: fr.targets.site }, (_, i) => {
    const body = `91${fr.regionCode}${String(800_001 + i).padStart(9, '0')}`;
    return {
      kind: 'site',
      name: `芙蓉${r.pick([...'湘江东岸马王堆火星五里牌东湖'])}${r.pick(['安置房', '商业综合体', '道路提质改造', '学校新建', '地铁站点'])}${i + 1}号工地项目`,
      uscc: body + usccCheckChar(body),
      regionCode: r.pick(frGrids),
      sector: 'secondary',
      industry: '建筑业',
      sizeClass: 'medium',
      registeredStaff: r.int(30, 400),
    } as EntityInput;
  });
  await s.registry.createEntities(sys, sites);
  const pick = async (
    kind: EntityKind,
    n: number,
    extra: Partial<EntityListQuery> = {},
    order?: (a: Entity, b: Entity) => number,
  ) => {
    const list = await allOf(s, { regionCode: fr.regionCode, kind, ...extra });
    return (order ? [...list].sort(order) : list).slice(0, n);
  };
  const targets = [
    ...(await pick('enterprise', fr.targets.enterprise, { fourAbove: 'true' }, (a, b) => a.id - b.id)),
    ...(await pick('building', fr.targets.building, {}, (a, b) => a.id - b.id)),
    ...(await pick('site', fr.targets.site)),
    ...(await pick('hotel', fr.targets.hotel, {}, (a, b) => b.registeredStaff - a.registeredStaff || a.id - b.id)),
  ];
  const cadreIds = await s.users.createUsers(
    sys,
    Array.from({ length: fr.cadres }, (_, i) => ({
      username: `furong-liaison-${String(i + 1).padStart(3, '0')}`,
      displayName: name(),
      grants: [{ role: 'liaison' as const, regionCode: fr.regionCode }],
    })),
    DEMO_PASSWORD,
  );
  // 729 entities over 328 cadres: each two or three
  await s.liaison.assignMany(
    admin,
    targets.map((e, i) => ({ entityId: e.id, liaisonUserId: cadreIds[i % cadreIds.length]! })),
  );
  log(`liaison: Furong — ${cadreIds.length} cadres, ${targets.length} entities assigned`);

  // --- Jizhou
  const jz = jizhouTeams;
  const jzRows = buildDistrictRegions(demoDistricts.find((d) => d.code === jz.regionCode)!);
  const towns = jzRows.filter((x) => x.level === 'town').sort((a, b) => a.code.localeCompare(b.code));
  const placeByPath = new Map(jzRows.filter((x) => x.level === 'community').map((x) => [x.path, x]));
  // every town's enterprises, neighbours together (by region path), so a team's share lies in a few villages
  const enterprises = (await allOf(s, { regionCode: jz.regionCode, kind: 'enterprise' })).sort(
    (a, b) => a.regionPath.localeCompare(b.regionPath) || a.id - b.id,
  );
  const byTown = towns.map((town) => enterprises.filter((e) => e.regionPath.startsWith(town.path)));
  const allotted = allotTeams(
    byTown.map((list) => list.length),
    jz.teams,
  );
  const plan = towns.flatMap((town, ti) => {
    const list = byTown[ti]!;
    const n = allotted[ti]!;
    return Array.from({ length: n }, (_, k) => {
      const share = list.slice(Math.floor((k * list.length) / n), Math.floor(((k + 1) * list.length) / n));
      const placePath = share[0] ? `/${share[0].regionPath.split('/').filter(Boolean).slice(0, 3).join('/')}/` : null;
      const place = (placePath && placeByPath.get(placePath)) || town;
      return { town, place, share };
    });
  });
  const members = await s.users.createUsers(
    sys,
    plan.flatMap((p, t) =>
      Array.from({ length: jz.size }, (_, m) => ({
        username: `jizhou-team-${String(t + 1).padStart(4, '0')}-${m + 1}`,
        displayName: name(),
        grants: [{ role: 'liaison' as const, regionCode: p.town.code }],
      })),
    ),
    DEMO_PASSWORD,
  );
  // a place with several teams numbers them: 一组, 二组 …
  const seen = new Map<string, number>();
  const teamIds = await s.liaison.createTeams(
    admin,
    plan.map((p, t) => {
      const ids = members.slice(t * jz.size, (t + 1) * jz.size);
      const nth = (seen.get(p.place.code) ?? 0) + 1;
      seen.set(p.place.code, nth);
      return {
        name: `${p.place.name}帮扶工作组${nth > 1 ? `（${nth}）` : ''}`,
        regionCode: p.place.code,
        memberIds: ids,
        leaderId: ids[0]!,
      };
    }),
  );
  const pairs = plan.flatMap((p, t) => p.share.map((e) => ({ entityId: e.id, teamId: teamIds[t]! })));
  await s.liaison.assignMany(admin, pairs);
  log(
    `liaison: Jizhou — ${teamIds.length} help teams of ${jz.size} (${members.length} cadres) over ${towns.length} towns, ${pairs.length} enterprises assigned (${Date.now() - started} ms)`,
  );
  return [
    { username: 'furong-liaison-001', role: 'liaison', where: '芙蓉区' },
    {
      username: 'jizhou-team-0001-1',
      role: 'liaison',
      where: `蓟州区 ${plan[0]!.town.name} ${plan[0]!.place.name}帮扶工作组组长`,
    },
  ];
}
