import type { Services } from '../services';
import { systemContext } from '../platform/context';
import type { GrantInput } from '@fugong/contract';
import { demoDistricts } from './districts';
import { buildDistrictRegions } from './regions.demo';
import { serverModules } from '../modules/index';
import { DEMO_PASSWORD, type DemoLogin } from './demo-users';

function firstChild(rows: { code: string; parentCode: string | null; level: string }[], parent: string, level: string) {
  return rows.find((r) => r.parentCode === parent && r.level === level)!.code;
}

/** Loads the five demo districts and a user for each staff role. Assumes an empty database. */
export async function loadDemo(s: Services, log: (m: string) => void = () => undefined): Promise<DemoLogin[]> {
  const ctx = systemContext();
  const logins: DemoLogin[] = [];
  const all = demoDistricts.map((d) => ({ d, rows: buildDistrictRegions(d) }));
  for (const { d, rows } of all) {
    await s.regions.insertMany(rows);
    log(`regions: ${d.name} ${d.code} — ${rows.length} regions`);
  }
  const jz = all[0]!.rows;
  const town = firstChild(jz, '120119', 'town');
  const community = firstChild(jz, town, 'community');
  const grid = firstChild(jz, community, 'grid');
  const otherTown = jz.filter((r) => r.level === 'town')[1]!.code;
  // "蓟州区 某某街道 (120119001000)": what a new user needs to recognise the place
  const place = (code: string) => {
    const chain: string[] = [];
    for (let r = jz.find((x) => x.code === code); r; r = jz.find((x) => x.code === r!.parentCode)) chain.unshift(r.name);
    return `${chain.join(' ')} (${code})`;
  };
  const people: { username: string; displayName: string; grants: GrantInput[]; where: string }[] = [
    { username: 'admin', displayName: '系统管理员', grants: [{ role: 'admin' }], where: '全部' },
    {
      username: 'commander',
      displayName: '蓟州区指挥部',
      grants: [{ role: 'commander', regionCode: '120119' }],
      where: '蓟州区',
    },
    {
      username: 'industry',
      displayName: '区工信局',
      grants: [{ role: 'department', regionCode: '120119', department: 'industry' }],
      where: '蓟州区 工信局',
    },
    {
      username: 'commerce',
      displayName: '区商务局',
      grants: [{ role: 'department', regionCode: '120119', department: 'commerce' }],
      where: '蓟州区 商务局',
    },
    { username: 'town', displayName: '镇街工作人员', grants: [{ role: 'town', regionCode: town }], where: place(town) },
    {
      username: 'town2',
      displayName: '另一镇街工作人员',
      grants: [{ role: 'town', regionCode: otherTown }],
      where: place(otherTown),
    },
    { username: 'grid', displayName: '网格员', grants: [{ role: 'grid', regionCode: grid }], where: place(grid) },
    { username: 'liaison', displayName: '驻企联络员', grants: [{ role: 'liaison', regionCode: town }], where: place(town) },
    {
      username: 'inspector',
      displayName: '综合执法队员',
      grants: [{ role: 'inspector', regionCode: '120119' }],
      where: '蓟州区',
    },
    { username: 'bank', displayName: '银行客户经理', grants: [{ role: 'bank' }], where: '—' },
  ];
  for (const d of demoDistricts.slice(1)) {
    people.push({
      username: `commander-${d.shortName}`,
      displayName: `${d.name}指挥部`,
      grants: [{ role: 'commander', regionCode: d.code }],
      where: d.name,
    });
  }
  for (const p of people) {
    await s.users.createUser(ctx, {
      username: p.username,
      displayName: p.displayName,
      password: DEMO_PASSWORD,
      grants: p.grants,
    });
    logins.push({ username: p.username, role: p.grants[0]!.role, where: p.where });
  }
  log(`users: ${people.length}`);
  // each module's demo step, in the order of the modules list, after regions and users
  for (const m of serverModules) if (m.demo) logins.push(...(((await m.demo(s, log)) ?? []) as DemoLogin[]));
  return logins;
}

export function formatLogins(logins: DemoLogin[]): string {
  const lines = logins.map((l) => `  ${l.username.padEnd(22)} ${l.role.padEnd(11)} ${l.where}`);
  return [`Demo logins (password for all: ${DEMO_PASSWORD}):`, ...lines].join('\n');
}
