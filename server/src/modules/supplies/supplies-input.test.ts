import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, purchase, supplyWorld, type SupplyWorld } from './supplies-fixtures';

let w: SupplyWorld;
beforeAll(async () => {
  w = await supplyWorld();
});
afterAll(() => w.t.close());

const declare = (lines: unknown[], days: unknown = 7) => w.ent.post('/api/supplies/declarations', { days, lines });

describe('bad input is refused with a message per field, and nothing is written', () => {
  it('refuses negative, fractional and unknown quantities and items', async () => {
    const neg = await declare([{ itemId: w.mask, stock: -1, need: 10 }]);
    expect(neg.statusCode).toBe(400);
    expect(neg.json().fields).toEqual([{ field: 'lines.0.stock', message: '数量不能为负数' }]);
    const frac = await declare([{ itemId: w.mask, stock: 1, need: 10.5 }]);
    expect(frac.json().fields).toEqual([{ field: 'lines.0.need', message: '数量须为整数' }]);
    const unknown = await declare([{ itemId: 99999, stock: 0, need: 10 }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toEqual([{ field: 'lines.0.itemId', message: '物资不存在或已停用' }]);
    const twice = await declare([
      { itemId: w.mask, stock: 0, need: 10 },
      { itemId: w.mask, stock: 0, need: 10 },
    ]);
    expect(twice.json().fields[0].field).toBe('lines.1.itemId');
    const en = await w.ent.request({
      method: 'POST',
      url: '/api/supplies/declarations',
      headers: { 'x-locale': 'en' },
      payload: { days: 7, lines: [{ itemId: w.mask, stock: 0.5, need: 1 }] },
    });
    expect(en.json().fields).toEqual([{ field: 'lines.0.stock', message: 'The quantity must be a whole number' }]);
    expect(ok<{ total: number }>(await w.ent.get('/api/supplies/declarations')).total).toBe(0);
  });

  it('refuses allocations above the stock (409 with what is left) and above the demand, writing nothing', async () => {
    ok(await w.townA.post('/api/supplies/movements', purchase(w.reserveA, w.mask, 100)));
    const d = ok(await w.townA.post('/api/supplies/demands', { entityId: w.factory, itemId: w.mask, quantity: 500 })).id;
    const above = await w.townA.post('/api/supplies/allocations', {
      stockPointId: w.reserveA,
      lines: [{ demandId: d, quantity: 101 }],
    });
    expect(above.statusCode).toBe(409);
    expect(above.json()).toMatchObject({
      code: 'supplies.stock_short',
      fields: [{ field: 'lines.0.quantity', message: '库存不足，仅剩 100' }],
    });
    const overNeed = await w.townA.post('/api/supplies/allocations', {
      stockPointId: w.reserveA,
      lines: [{ demandId: d, quantity: 501 }],
    });
    expect(overNeed.statusCode).toBe(400);
    const zero = await w.townA.post('/api/supplies/allocations', {
      stockPointId: w.reserveA,
      lines: [{ demandId: d, quantity: 0 }],
    });
    expect(zero.json().fields).toEqual([{ field: 'lines.0.quantity', message: '数量须大于 0' }]);
    expect(ok<{ total: number }>(await w.townA.get('/api/supplies/allocations')).total).toBe(0);
    const point = ok<{ balances: { onHand: number }[] }>(await w.townA.get(`/api/supplies/stock-points/${w.reserveA}`));
    expect(point.balances[0]!.onHand).toBe(100);
  });

  it('asks a purchase for its supplier and amount, a donation for its donor', async () => {
    const res = await w.townA.post('/api/supplies/movements', {
      stockPointId: w.reserveA,
      itemId: w.mask,
      kind: 'purchase',
      quantity: 5,
      onDate: '2026-03-10',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['amountFen', 'counterparty']);
  });
});

describe('permissions', () => {
  it('lets only admins edit the catalogue; items are deactivated, never deleted', async () => {
    expect(
      (
        await w.townA.post('/api/supplies/items', {
          code: 'gloves',
          name: '手套',
          unit: 'pair',
          packSize: 100,
          normPer100: 100,
          normKind: 'daily',
        })
      ).statusCode,
    ).toBe(403);
    ok(
      await w.admin.put(`/api/supplies/items/${w.gun}`, {
        code: 'thermometer_gun',
        name: '红外测温枪',
        unit: 'piece',
        packSize: 1,
        normPer100: 2,
        normKind: 'holding',
        active: false,
      }),
    );
    expect(ok<{ id: number }[]>(await w.ent.get('/api/supplies/items')).map((i) => i.id)).toEqual([w.mask]);
    expect(ok<{ id: number }[]>(await w.admin.get('/api/supplies/items?all=true')).map((i) => i.id)).toEqual([w.mask, w.gun]);
  });

  it('gives a commerce officer and a commander no allocation, a commander the figures', async () => {
    expect((await w.commerce.get('/api/supplies/demands')).statusCode).toBe(403);
    expect(
      (await w.commander.post('/api/supplies/allocations', { stockPointId: w.reserveA, lines: [{ demandId: 1, quantity: 1 }] }))
        .statusCode,
    ).toBe(403);
    expect(ok<{ shortageEntities: number }>(await w.commander.get('/api/supplies/summary')).shortageEntities).toBe(1);
  });

  it('keeps enterprises to their own declarations and another town away from town A’s stock', async () => {
    expect((await w.townB.get(`/api/supplies/stock-points/${w.reserveA}`)).statusCode).toBe(404);
    expect(ok<{ total: number }>(await w.townB.get('/api/supplies/stock-points')).total).toBe(1);
    expect(
      (await w.townB.post('/api/supplies/allocations', { stockPointId: w.reserveA, lines: [{ demandId: 1, quantity: 1 }] }))
        .statusCode,
    ).toBe(404);
    expect((await w.ent2.get(`/api/supplies/declarations/proposal?entityId=${w.factory}`)).statusCode).toBe(404);
    expect(
      (await w.ent.post('/api/supplies/allocations', { stockPointId: w.reserveA, lines: [{ demandId: 1, quantity: 1 }] }))
        .statusCode,
    ).toBe(403);
  });
});
