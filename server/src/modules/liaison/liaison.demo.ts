import type { Entity, EntityInput, EntityKind, EntityListQuery } from '@fugong/contract';
import { usccCheckChar } from '@fugong/contract';
import type { Services } from '../../services';
import { systemContext } from '../../platform/context';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { demoDistricts } from '../../demo/districts';
import { makePersonNamer } from '../../demo/names';
import { rng } from '../../demo/random';
import { DEMO_PASSWORD, type DemoLogin } from '../../demo/load-demo';
import { demoContext } from '../enforcement/enforcement.demo';

/**
 * Furong (seed 004): 328名市区干部分赴全区569家企业、97栋楼宇、50个工地项目、13栋重要酒店担任驻企联络员.
 * Jizhou (seed 000): 组织3072名区镇村三级干部，成立1024个帮扶工作组.
 */
export const furongLiaison = { regionCode: '430102', cadres: 328, targets: { enterprise: 569, building: 97, site: 50, hotel: 13 } as Record<'enterprise' | 'building' | 'site' | 'hotel', number> };
export const jizhouTeams = { regionCode: '120119', teams: 1024, size: 3 };

async function allOf(s: Services, q: Partial<EntityListQuery>): Promise<Entity[]> {
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
 * Jizhou's 1,024 help teams of three cadres with one leader, one per village/community (in code order),
 * each looking after the entities of its place in the first town. Cadre accounts share the demo
 * password and are created in bulk (one password hash).
 */
export async function liaisonDemo(s: Services, log: (m: string) => void): Promise<DemoLogin[]> {
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
    return { kind: 'site', name: `芙蓉${r.pick([...'湘江东岸马王堆火星五里牌东湖'])}${r.pick(['安置房', '商业综合体', '道路提质改造', '学校新建', '地铁站点'])}${i + 1}号工地项目`, uscc: body + usccCheckChar(body), regionCode: r.pick(frGrids), sector: 'secondary', industry: '建筑业', sizeClass: 'medium', registeredStaff: r.int(30, 400) } as EntityInput;
  });
  await s.registry.createEntities(sys, sites);
  const pick = async (kind: EntityKind, n: number, extra: Partial<EntityListQuery> = {}, order?: (a: Entity, b: Entity) => number) => {
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
    Array.from({ length: fr.cadres }, (_, i) => ({ username: `furong-liaison-${String(i + 1).padStart(3, '0')}`, displayName: name(), grants: [{ role: 'liaison' as const, regionCode: fr.regionCode }] })),
    DEMO_PASSWORD,
  );
  // 729 entities over 328 cadres: each two or three
  await s.liaison.assignMany(admin, targets.map((e, i) => ({ entityId: e.id, liaisonUserId: cadreIds[i % cadreIds.length]! })));
  log(`liaison: Furong — ${cadreIds.length} cadres, ${targets.length} entities assigned`);

  // --- Jizhou
  const jz = jizhouTeams;
  const jzRows = buildDistrictRegions(demoDistricts.find((d) => d.code === jz.regionCode)!);
  const places = jzRows.filter((x) => x.level === 'community').sort((a, b) => a.code.localeCompare(b.code)).slice(0, jz.teams);
  const townOf = (code: string) => jzRows.find((x) => x.code === code)!.parentCode!;
  const members = await s.users.createUsers(
    sys,
    places.flatMap((p, t) => Array.from({ length: jz.size }, (_, m) => ({ username: `jizhou-team-${String(t + 1).padStart(4, '0')}-${m + 1}`, displayName: name(), grants: [{ role: 'liaison' as const, regionCode: townOf(p.code) }] }))),
    DEMO_PASSWORD,
  );
  const teamIds = await s.liaison.createTeams(
    admin,
    places.map((p, t) => {
      const ids = members.slice(t * jz.size, (t + 1) * jz.size);
      return { name: `${p.name}帮扶工作组`, regionCode: p.code, memberIds: ids, leaderId: ids[0]! };
    }),
  );
  // the first town's teams look after the entities of their village or community
  const firstTown = jzRows.find((x) => x.level === 'town')!;
  const teamOfPlace = new Map(places.map((p, t) => [p.path, teamIds[t]!]));
  const townEntities = await allOf(s, { regionCode: firstTown.code });
  const pairs = townEntities.flatMap((e) => {
    const place = e.regionPath.split('/').filter(Boolean).slice(0, 3).join('/');
    const team = teamOfPlace.get(`/${place}/`);
    return team ? [{ entityId: e.id, teamId: team }] : [];
  });
  await s.liaison.assignMany(admin, pairs);
  log(`liaison: Jizhou — ${teamIds.length} help teams of ${jz.size} (${members.length} cadres), ${pairs.length} entities of ${firstTown.name} assigned (${Date.now() - started} ms)`);
  return [
    { username: 'furong-liaison-001', role: 'liaison', where: '芙蓉区' },
    { username: 'jizhou-team-0001-1', role: 'liaison', where: `蓟州区 ${firstTown.name} ${places[0]!.name}帮扶工作组组长` },
  ];
}
