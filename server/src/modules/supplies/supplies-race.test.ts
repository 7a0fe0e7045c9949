import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../platform/context';
import type { EntityInput } from '@fugong/contract';
import { ok, purchase, supplyWorld, type SupplyWorld } from './supplies-fixtures';

let w: SupplyWorld;
const demands: number[] = [];
beforeAll(async () => {
  w = await supplyWorld();
  // 50 enterprises in town A, each needing 25 masks: 1,250 wanted against 1,000 in the reserve
  for (let i = 0; i < 50; i++) {
    const id = await w.t.services.registry.createEntity(systemContext(), {
      kind: 'enterprise',
      name: `并发测试企业${i}`,
      regNo: `RACE-${i}`,
      regionCode: w.t.regions.gridA,
      sector: 'secondary',
      registeredStaff: 10,
    } as EntityInput);
    demands.push(ok(await w.townA.post('/api/supplies/demands', { entityId: id, itemId: w.mask, quantity: 25 })).id);
  }
  ok(await w.townA.post('/api/supplies/movements', purchase(w.reserveA, w.mask, 1000)));
});
afterAll(() => w.t.close());

it('50 parallel allocations against a stock of 1,000 allocate exactly 1,000 and leave 0; the losers get 409 with what is left', async () => {
  const officers = [w.townA, w.industryA];
  const res = await Promise.all(
    demands.map((demandId, i) =>
      officers[i % 2]!.post('/api/supplies/allocations', { stockPointId: w.reserveA, lines: [{ demandId, quantity: 25 }] }),
    ),
  );
  const won = res.filter((r) => r.statusCode === 200);
  const lost = res.filter((r) => r.statusCode === 409);
  expect(won.length).toBe(40);
  expect(lost.length).toBe(10);
  for (const r of lost) expect(r.json()).toMatchObject({ code: 'supplies.stock_short', message: '库存不足，仅剩 0' });
  const point = ok<{ balances: { onHand: number }[] }>(await w.townA.get(`/api/supplies/stock-points/${w.reserveA}`));
  expect(point.balances[0]!.onHand).toBe(0);
  const ledger = ok<{ items: { kind: string; quantity: number }[] }>(
    await w.townA.get(`/api/supplies/movements?stockPointId=${w.reserveA}&kind=allocation&pageSize=100`),
  );
  expect(ledger.items.reduce((s, m) => s - m.quantity, 0)).toBe(1000);
  const allocated = ok<{ total: number }>(await w.townA.get('/api/supplies/allocations?pageSize=1'));
  expect(allocated.total).toBe(40);
});

it('two officers allocating to the same demand at once never exceed its need', async () => {
  ok(await w.townA.post('/api/supplies/movements', purchase(w.reserveA, w.mask, 1000)));
  const demandId = ok(await w.townA.post('/api/supplies/demands', { entityId: w.factory, itemId: w.mask, quantity: 30 })).id;
  const res = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      (i % 2 ? w.townA : w.industryA).post('/api/supplies/allocations', {
        stockPointId: w.reserveA,
        lines: [{ demandId, quantity: 10 }],
      }),
    ),
  );
  expect(res.filter((r) => r.statusCode === 200).length).toBe(3);
  expect(res.filter((r) => r.statusCode !== 200).every((r) => [400, 409].includes(r.statusCode))).toBe(true);
  expect(ok<{ allocated: number; status: string }>(await w.townA.get(`/api/supplies/demands/${demandId}`))).toMatchObject({
    allocated: 30,
    status: 'allocated',
  });
});
