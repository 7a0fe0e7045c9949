import { expect } from 'vitest';
import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { manualClock } from '../../platform/clock';
import { systemContext } from '../../platform/context';

/** What the supplies API tests share: a district, two towns, enterprises, officers, the catalogue and reserves. */
export interface SupplyWorld {
  t: TestApp;
  clock: ReturnType<typeof manualClock>;
  admin: Client;
  ent: Client;
  ent2: Client;
  entB: Client;
  townA: Client;
  townB: Client;
  industryA: Client;
  commerce: Client;
  commander: Client;
  liaisonA: Client;
  factory: number;
  shop: number;
  factoryB: number;
  mask: number;
  gun: number;
  reserveA: number;
  reserveB: number;
}

export const ok = <T = { id: number }>(res: { statusCode: number; body: string; json(): unknown }): T => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

const entity = (regionCode: string, name: string): EntityInput =>
  ({
    kind: 'enterprise',
    name,
    regNo: `REG-${name}`,
    regionCode,
    sector: 'secondary',
    sizeClass: 'small',
    registeredStaff: 120,
  }) as EntityInput;

export async function supplyWorld(): Promise<SupplyWorld> {
  const clock = manualClock('2026-03-10T02:00:00Z');
  const t = await createTestApp({ clock });
  const ctx = systemContext();
  const s = t.services;
  const factory = await s.registry.createEntity(ctx, entity(t.regions.gridA, '恒达机械有限公司'));
  const shop = await s.registry.createEntity(ctx, entity(t.regions.gridA, '福顺食品有限公司'));
  const factoryB = await s.registry.createEntity(ctx, entity(t.regions.gridB, '乙镇机械有限公司'));
  await t.core.db.transaction().execute(async (trx) => {
    for (const id of [factory, shop, factoryB]) await s.registry.changeStatus(trx, ctx, id, 'resumed', 'test');
  });
  const admin = await t.login('admin');
  const w = {
    t,
    clock,
    admin,
    ent: await t.userWith('ent', [{ role: 'enterprise', entityId: factory }]),
    ent2: await t.userWith('ent2', [{ role: 'enterprise', entityId: shop }]),
    entB: await t.userWith('entB', [{ role: 'enterprise', entityId: factoryB }]),
    townA: await t.userWith('townA', [{ role: 'town', regionCode: t.regions.townA }]),
    townB: await t.userWith('townB', [{ role: 'town', regionCode: t.regions.townB }]),
    industryA: await t.userWith('industryA', [{ role: 'department', regionCode: t.regions.townA, department: 'industry' }]),
    commerce: await t.userWith('commerce', [{ role: 'department', regionCode: t.regions.district, department: 'commerce' }]),
    commander: await t.userWith('cmd', [{ role: 'commander', regionCode: t.regions.district }]),
    liaisonA: await t.userWith('liaisonA', [{ role: 'liaison', regionCode: t.regions.townA }]),
    factory,
    shop,
    factoryB,
    mask: 0,
    gun: 0,
    reserveA: 0,
    reserveB: 0,
  };
  w.mask = ok(
    await admin.post('/api/supplies/items', {
      code: 'mask_medical',
      name: '一次性医用口罩',
      unit: 'piece',
      packSize: 50,
      normPer100: 200,
      normKind: 'daily',
    }),
  ).id;
  w.gun = ok(
    await admin.post('/api/supplies/items', {
      code: 'thermometer_gun',
      name: '红外测温枪',
      unit: 'piece',
      packSize: 1,
      normPer100: 2,
      normKind: 'holding',
    }),
  ).id;
  w.reserveA = ok(
    await w.townA.post('/api/supplies/stock-points', { kind: 'town_reserve', name: '甲镇储备', regionCode: t.regions.townA }),
  ).id;
  w.reserveB = ok(
    await w.townB.post('/api/supplies/stock-points', { kind: 'town_reserve', name: '乙镇储备', regionCode: t.regions.townB }),
  ).id;
  return w;
}

export const purchase = (stockPointId: number, itemId: number, quantity: number, amountFen = quantity * 50) => ({
  stockPointId,
  itemId,
  kind: 'purchase',
  quantity,
  onDate: '2026-03-09',
  counterparty: '天津某医疗器械公司',
  amountFen,
});
