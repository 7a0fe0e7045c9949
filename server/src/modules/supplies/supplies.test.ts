import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, purchase, supplyWorld, type SupplyWorld } from './supplies-fixtures';

let w: SupplyWorld;
beforeAll(async () => {
  w = await supplyWorld();
});
afterAll(() => w.t.close());

const report = (over: Record<string, unknown> = {}) => ({
  reportDate: '2026-03-10',
  staffOnDuty: 100,
  fromOtherProvinces: 0,
  underObservation: 0,
  abnormalTemperature: 0,
  suspectedCases: 0,
  capacityRate: 80,
  supplyDaysLeft: 10,
  problems: '',
  ...over,
});

describe('declaration → demand list → allocation → dispatch → receipt', () => {
  let demandId = 0;
  let allocationId = 0;

  it('proposes the need from the latest daily report: staff on duty × norm × days', async () => {
    ok(await w.ent.post('/api/reports/daily', report()));
    const p = ok<{ staffOnDuty: number; items: { itemId: number; proposed: number }[] }>(
      await w.ent.get('/api/supplies/declarations/proposal?days=7'),
    );
    expect(p.staffOnDuty).toBe(100);
    // 2 masks a person a day for 7 days; one thermometer gun per 50 people, once
    expect(p.items.find((i) => i.itemId === w.mask)!.proposed).toBe(1400);
    expect(p.items.find((i) => i.itemId === w.gun)!.proposed).toBe(2);
  });

  it('puts a stock below the threshold on the demand list, and one above it not', async () => {
    const d = ok<{ lines: { itemId: number; daysLeft: number; demandId: number | null }[] }>(
      await w.ent.post('/api/supplies/declarations', {
        days: 7,
        lines: [
          { itemId: w.mask, stock: 200, need: 1400 },
          { itemId: w.gun, stock: 2, need: 2 },
        ],
      }),
    );
    const mask = d.lines.find((l) => l.itemId === w.mask)!;
    expect(mask.daysLeft).toBe(1);
    expect(mask.demandId).not.toBeNull();
    expect(d.lines.find((l) => l.itemId === w.gun)!.demandId).toBeNull();
    demandId = mask.demandId!;
    const list = ok<{ items: { id: number; remaining: number; daysLeft: number }[]; total: number }>(
      await w.townA.get(`/api/supplies/demands?status=open&regionCode=${w.t.regions.townA}`),
    );
    expect(list.items.map((i) => i.id)).toEqual([demandId]);
    expect(list.items[0]!.remaining).toBe(1200);
    // another town's officer sees nothing of it
    expect(ok<{ total: number }>(await w.townB.get('/api/supplies/demands')).total).toBe(0);
    expect((await w.townB.get(`/api/supplies/demands/${demandId}`)).statusCode).toBe(404);
  });

  it('a second declaration updates the open demand instead of adding one', async () => {
    ok(await w.ent.post('/api/supplies/declarations', { days: 7, lines: [{ itemId: w.mask, stock: 100, need: 1400 }] }));
    const list = ok<{ items: { id: number; need: number }[] }>(await w.townA.get('/api/supplies/demands?status=pending'));
    expect(list.items).toEqual([expect.objectContaining({ id: demandId, need: 1300 })]);
  });

  it('allocates part from the town reserve, then refuses more than is left of the need', async () => {
    ok(await w.townA.post('/api/supplies/movements', purchase(w.reserveA, w.mask, 5000)));
    const [a] = ok<{ id: number; quantity: number; status: string }[]>(
      await w.townA.post('/api/supplies/allocations', { stockPointId: w.reserveA, lines: [{ demandId, quantity: 1000 }] }),
    );
    expect(a).toMatchObject({ quantity: 1000, status: 'allocated' });
    allocationId = a!.id;
    const over = await w.townA.post('/api/supplies/allocations', {
      stockPointId: w.reserveA,
      lines: [{ demandId, quantity: 301 }],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().fields).toEqual([{ field: 'lines.0.quantity', message: '超过该需求尚待调配的数量' }]);
    const point = ok<{ balances: { itemId: number; onHand: number }[] }>(
      await w.townA.get(`/api/supplies/stock-points/${w.reserveA}`),
    );
    expect(point.balances).toEqual([{ itemId: w.mask, onHand: 4000 }]);
  });

  it('dispatches, and only the entity (or a liaison of its area) confirms receipt; a shortfall is flagged and reopens the need', async () => {
    expect((await w.ent.post(`/api/supplies/allocations/${allocationId}/receive`, { quantity: 1000 })).statusCode).toBe(409);
    ok(await w.townA.post(`/api/supplies/allocations/${allocationId}/dispatch`));
    expect((await w.ent2.post(`/api/supplies/allocations/${allocationId}/receive`, { quantity: 1000 })).statusCode).toBe(404);
    expect((await w.entB.post(`/api/supplies/allocations/${allocationId}/receive`, { quantity: 1000 })).statusCode).toBe(404);
    const above = await w.ent.post(`/api/supplies/allocations/${allocationId}/receive`, { quantity: 1001 });
    expect(above.statusCode).toBe(400);
    expect(above.json().fields[0].field).toBe('quantity');
    const got = ok<{ status: string; receivedQuantity: number; difference: boolean }>(
      await w.ent.post(`/api/supplies/allocations/${allocationId}/receive`, { quantity: 950 }),
    );
    expect(got).toMatchObject({ status: 'received', receivedQuantity: 950, difference: true });
    const dm = ok<{ status: string; received: number; remaining: number }>(await w.ent.get(`/api/supplies/demands/${demandId}`));
    expect(dm).toMatchObject({ status: 'open', received: 950, remaining: 350 });
  });

  it('meets the demand with a second allocation received by the liaison, and the shortage count drops', async () => {
    const before = ok<{ shortageEntities: number }>(await w.commander.get('/api/supplies/summary')).shortageEntities;
    expect(before).toBe(1);
    const [a] = ok<{ id: number }[]>(
      await w.industryA.post('/api/supplies/allocations', { stockPointId: w.reserveA, lines: [{ demandId, quantity: 350 }] }),
    );
    ok(await w.townA.post(`/api/supplies/allocations/${a!.id}/dispatch`));
    ok(await w.liaisonA.post(`/api/supplies/allocations/${a!.id}/receive`, { quantity: 350 }));
    expect(ok<{ status: string }>(await w.ent.get(`/api/supplies/demands/${demandId}`)).status).toBe('met');
    expect(ok<{ shortageEntities: number }>(await w.commander.get('/api/supplies/summary')).shortageEntities).toBe(0);
    const mine = ok<{ items: { entityId: number }[] }>(await w.ent.get('/api/supplies/allocations'));
    expect(mine.items.map((i) => i.entityId)).toEqual([w.factory, w.factory]);
    expect(ok<{ total: number }>(await w.ent2.get('/api/supplies/allocations')).total).toBe(0);
  });

  it('keeps a ledger whose sums are the balances, as of any day, and sums purchases as spending', async () => {
    ok(
      await w.townA.post('/api/supplies/movements', {
        stockPointId: w.reserveA,
        itemId: w.mask,
        kind: 'donation',
        quantity: 3000,
        onDate: '2026-03-10',
        counterparty: '上海远景',
      }),
    );
    ok(
      await w.townA.post('/api/supplies/movements', {
        stockPointId: w.reserveA,
        itemId: w.mask,
        kind: 'write_off',
        quantity: 50,
        onDate: '2026-03-10',
        note: '受潮',
      }),
    );
    const ledger = ok<{ items: { quantity: number; kind: string }[] }>(
      await w.townA.get(`/api/supplies/movements?stockPointId=${w.reserveA}&pageSize=100`),
    );
    const sum = ledger.items.reduce((s, m) => s + m.quantity, 0);
    const point = ok<{ balances: { onHand: number }[] }>(await w.townA.get(`/api/supplies/stock-points/${w.reserveA}`));
    expect(point.balances[0]!.onHand).toBe(sum);
    expect(sum).toBe(5000 - 1000 - 350 + 3000 - 50);
    const asOf = ok<{ balances: { onHand: number }[] }>(
      await w.townA.get(`/api/supplies/stock-points/${w.reserveA}?asOf=2026-03-09`),
    );
    expect(asOf.balances[0]!.onHand).toBe(5000);
    const s = ok<{ purchasesFen: number; purchases: number; donations: number }>(await w.commander.get('/api/supplies/summary'));
    expect(s).toMatchObject({ purchasesFen: 250_000, purchases: 1, donations: 1 });
    const short = await w.townA.post('/api/supplies/movements', {
      stockPointId: w.reserveA,
      itemId: w.mask,
      kind: 'write_off',
      quantity: sum + 1,
      onDate: '2026-03-10',
    });
    expect(short.statusCode).toBe(409);
    expect(short.json().message).toBe(`库存不足，仅剩 ${sum}`);
  });

  it('exports the demand list and the ledger as .xlsx', async () => {
    for (const url of ['/api/supplies/demands/export', '/api/supplies/movements/export']) {
      const res = await w.townA.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
    }
  });
});

describe('demands from daily reports, tickets and visits', () => {
  it('puts an entity whose report has few supply days left on the list, once', async () => {
    ok(await w.ent2.post('/api/reports/daily', report({ staffOnDuty: 50, supplyDaysLeft: 1 })));
    expect(await w.t.services.supplies.flagFromReports()).toBe(1);
    expect(await w.t.services.supplies.flagFromReports()).toBe(0);
    const list = ok<{ items: { entityId: number; source: string; need: number; daysLeft: number }[] }>(
      await w.townA.get(`/api/supplies/demands?entityId=${w.shop}`),
    );
    // 50 people × 2 masks × (7 − 1) days
    expect(list.items).toEqual([expect.objectContaining({ entityId: w.shop, source: 'daily_report', need: 600, daysLeft: 1 })]);
  });

  it('opens a demand in one step from a liaison visit', async () => {
    const d = ok<{ source: string; need: number }>(
      await w.liaisonA.post('/api/supplies/demands', {
        entityId: w.factory,
        itemId: w.gun,
        quantity: 3,
        source: 'visit',
        sourceRef: 'visit:1',
      }),
    );
    expect(d).toMatchObject({ source: 'visit', need: 3 });
    const other = await w.liaisonA.post('/api/supplies/demands', {
      entityId: w.factoryB,
      itemId: w.gun,
      quantity: 3,
      source: 'visit',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().fields[0].field).toBe('entityId');
  });
});
