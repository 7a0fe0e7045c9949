import type { DemoServices } from '../../platform/module';
import { systemContext, type RequestContext } from '../../platform/context';
import { addDays, localDate } from '../../platform/clock';
import { rng } from '../../demo/random';
import { DEMO_PASSWORD, demoContext, type DemoLogin } from '../../demo/demo-users';
import type { SupplyItemBody } from '@fugong/contract';

const CATALOGUE: SupplyItemBody[] = [
  { code: 'mask_medical', name: '一次性医用口罩', unit: 'piece', packSize: 50, normPer100: 200, normKind: 'daily' },
  { code: 'mask_kn95', name: 'KN95 口罩', unit: 'piece', packSize: 20, normPer100: 10, normKind: 'daily' },
  { code: 'thermometer_gun', name: '红外测温枪', unit: 'piece', packSize: 1, normPer100: 2, normKind: 'holding' },
  { code: 'disinfectant', name: '84 消毒液（500ml）', unit: 'bottle', packSize: 24, normPer100: 5, normKind: 'daily' },
  { code: 'protective_suit', name: '医用防护服', unit: 'set', packSize: 10, normPer100: 1, normKind: 'daily' },
  { code: 'gloves', name: '一次性医用手套', unit: 'pair', packSize: 100, normPer100: 100, normKind: 'daily' },
  { code: 'goggles', name: '护目镜', unit: 'piece', packSize: 10, normPer100: 2, normKind: 'holding' },
];

type Ids = Record<string, number>;

async function officer(s: DemoServices, username: string, displayName: string, regionCode: string): Promise<RequestContext> {
  const id = await s.users.createUser(systemContext(), {
    username,
    displayName,
    password: DEMO_PASSWORD,
    grants: [{ role: 'department', regionCode, department: 'emergency' }],
  });
  const region = await s.regions.resolve(regionCode);
  return demoContext(Number(id), username, displayName, { role: 'department', regionPath: region.path, department: 'emergency' });
}

async function entitiesOf(s: DemoServices, district: string, limit: number, secondary = false) {
  let q = s.core.db
    .selectFrom('entity')
    .select(['id', 'name', 'registeredStaff'])
    .where('kind', '=', 'enterprise')
    .where('status', '=', 'resumed')
    .where('regionPath', 'like', `/${district}/%`);
  if (secondary) q = q.where('sector', '=', 'secondary');
  return (await q.orderBy('id').limit(limit).execute()) as { id: number; name: string; registeredStaff: number }[];
}

/**
 * Jizhou's district reserve and 27 town reserves with opening stock, ~300 enterprises' declarations
 * (~80 short), Fengze's 12 production lines, Baoshan's purchases of 3,050,000 yuan and the donated
 * 3,000 masks, a Furong mask line — every figure the supplies pages show is summed from these records.
 */
export async function suppliesDemo(s: DemoServices, log: (m: string) => void): Promise<DemoLogin[]> {
  const started = Date.now();
  const admin = systemContext();
  const adminCtx: RequestContext = {
    ...admin,
    actor: demoContext(0, 'admin', '系统管理员', { role: 'admin' }).actor,
  };
  const ids: Ids = {};
  for (const it of CATALOGUE) ids[it.code] = (await s.supplies.saveItem(adminCtx, null, it)).id;
  const today = localDate(new Date());
  const r = rng(800);

  // Jizhou: reserves stocked by purchases, plus a donation to the district reserve
  const jz = await officer(s, 'emergency', '区应急管理局', '120119');
  const towns = await s.core.db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('parentCode', '=', '120119')
    .orderBy('code')
    .execute();
  const district = await s.supplies.createStockPoint(jz, {
    kind: 'district_reserve',
    name: '蓟州区防疫物资储备库',
    regionCode: '120119',
  });
  const buy = (
    ctx: RequestContext,
    stockPointId: number,
    code: string,
    quantity: number,
    fenEach: number,
    counterparty: string,
    daysAgo: number,
  ) =>
    s.supplies.recordMovement(ctx, {
      stockPointId,
      itemId: ids[code]!,
      kind: 'purchase',
      quantity,
      onDate: addDays(today, -daysAgo),
      counterparty,
      amountFen: quantity * fenEach,
    });
  await buy(jz, district.id, 'mask_medical', 200_000, 80, '天津市医药集团有限公司', 20);
  await buy(jz, district.id, 'thermometer_gun', 800, 15_000, '天津市医疗器械有限公司', 20);
  await buy(jz, district.id, 'disinfectant', 6_000, 1_200, '天津市医药集团有限公司', 18);
  await s.supplies.recordMovement(jz, {
    stockPointId: district.id,
    itemId: ids.gloves!,
    kind: 'donation',
    quantity: 20_000,
    onDate: addDays(today, -15),
    counterparty: '蓟州区工商联',
  });
  const reserves: number[] = [];
  for (const t of towns) {
    const p = await s.supplies.createStockPoint(jz, {
      kind: 'town_reserve',
      name: `${t.name}防疫物资储备点`,
      regionCode: t.code,
    });
    reserves.push(p.id);
    await buy(jz, p.id, 'mask_medical', r.int(8, 30) * 500, 80, '天津市医药集团有限公司', 14);
    await buy(jz, p.id, 'thermometer_gun', r.int(10, 40), 15_000, '天津市医疗器械有限公司', 14);
    await buy(jz, p.id, 'disinfectant', r.int(100, 400), 1_200, '天津市医药集团有限公司', 12);
  }

  // ~300 enterprises declare; about 80 have under 3 days of masks left
  const enterprises = await entitiesOf(s, '120119', 300);
  let short = 0;
  for (const [i, e] of enterprises.entries()) {
    const staff = Math.max(5, Math.min(Number(e.registeredStaff) || 20, 400));
    const need = staff * 2 * 7;
    const daysLeft = i % 15 < 4 ? r.int(0, 2) : r.int(4, 14);
    if (daysLeft < 3) short++;
    const ctx = demoContext(0, `demo-ent-${e.id}`, e.name, { role: 'enterprise', entityId: Number(e.id) });
    await s.supplies.declare(ctx, {
      days: 7,
      lines: [
        { itemId: ids.mask_medical!, stock: Math.floor((need * daysLeft) / 7), need },
        { itemId: ids.thermometer_gun!, stock: Math.ceil(staff / 50), need: Math.ceil(staff / 50) },
        {
          itemId: ids.disinfectant!,
          stock: Math.ceil((staff * 5 * 7) / 100) + r.int(0, 20),
          need: Math.ceil((staff * 5 * 7) / 100),
        },
      ],
    });
  }

  // Fengze: 12 production lines at 4 local producers
  const fz = await officer(s, 'emergency-fengze', '丰泽区应急管理局', '350503');
  const producers = await entitiesOf(s, '350503', 4, true);
  const lines: [string, string, number][] = [
    ['mask_medical', '平面口罩线', 60_000],
    ['mask_medical', '平面口罩线', 50_000],
    ['mask_kn95', 'KN95 口罩线', 20_000],
    ['disinfectant', '消毒液灌装线', 8_000],
  ];
  let n = 0;
  for (const e of producers) {
    const place = (await s.core.db
      .selectFrom('entity')
      .select('regionCode')
      .where('id', '=', e.id)
      .executeTakeFirstOrThrow()) as { regionCode: string };
    const p = await s.supplies.createStockPoint(fz, {
      kind: 'producer',
      name: e.name,
      regionCode: place.regionCode,
      entityId: Number(e.id),
    });
    for (let k = 0; k < 3; k++) {
      const [code, name, cap] = lines[(n + k) % lines.length]!;
      await s.supplies.saveLine(fz, p.id, null, {
        itemId: ids[code]!,
        name: `${name} ${++n}`,
        dailyCapacity: cap,
        status: n === 12 ? 'building' : 'running',
      });
    }
  }

  // Baoshan: 3,050,000 yuan of purchases, and the 3,000 masks and 20,000 gloves 上海远景 donated
  const bs = await officer(s, 'emergency-baoshan', '宝山区应急管理局', '230506');
  const bsReserve = await s.supplies.createStockPoint(bs, {
    kind: 'district_reserve',
    name: '宝山区防控物资储备库',
    regionCode: '230506',
  });
  // quantity × price in fen: 800,000 + 450,000 + 500,000 + 720,000 + 300,000 + 280,000 = 3,050,000 yuan
  const bsBuys: [string, number, number][] = [
    ['mask_medical', 1_000_000, 80],
    ['mask_kn95', 100_000, 450],
    ['disinfectant', 50_000, 1_000],
    ['protective_suit', 6_000, 12_000],
    ['thermometer_gun', 2_000, 15_000],
    ['goggles', 14_000, 2_000],
  ];
  let spent = 0;
  for (const [i, [code, quantity, fen]] of bsBuys.entries()) {
    await buy(bs, bsReserve.id, code, quantity, fen, '双鸭山市医药有限公司', 30 - i);
    spent += quantity * fen;
  }
  await s.supplies.recordMovement(bs, {
    stockPointId: bsReserve.id,
    itemId: ids.mask_medical!,
    kind: 'donation',
    quantity: 3_000,
    onDate: addDays(today, -10),
    counterparty: '上海远景（风力发电项目）',
  });
  await s.supplies.recordMovement(bs, {
    stockPointId: bsReserve.id,
    itemId: ids.gloves!,
    kind: 'donation',
    quantity: 20_000,
    onDate: addDays(today, -10),
    counterparty: '上海远景（风力发电项目）',
  });

  // Furong: a firm converted to mask machines, 20,000–30,000 masks a day
  const fr = await officer(s, 'emergency-furong', '芙蓉区应急管理局', '430102');
  const [converted] = await entitiesOf(s, '430102', 1, true);
  if (converted) {
    const place = (await s.core.db
      .selectFrom('entity')
      .select('regionCode')
      .where('id', '=', converted.id)
      .executeTakeFirstOrThrow()) as { regionCode: string };
    const p = await s.supplies.createStockPoint(fr, {
      kind: 'producer',
      name: converted.name,
      regionCode: place.regionCode,
      entityId: Number(converted.id),
    });
    await s.supplies.saveLine(fr, p.id, null, {
      itemId: ids.mask_medical!,
      name: '转产口罩机',
      dailyCapacity: 25_000,
      status: 'running',
    });
  }

  const town = towns[0]!;
  await officer(s, 'emergency-town', `${town.name}应急办`, town.code);
  log(
    `supplies: ${CATALOGUE.length} items, ${reserves.length + 1} Jizhou reserves, ${enterprises.length} declarations (${short} short), ${n} Fengze lines, Baoshan purchases ${spent / 100} yuan (${Date.now() - started} ms)`,
  );
  return [
    { username: 'emergency', role: 'department', where: '蓟州区 应急管理局（防疫物资）' },
    { username: 'emergency-town', role: 'department', where: `${town.name} 应急办（防疫物资）` },
  ];
}
