import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilingDetail, FilingSummary } from '@fugong/contract';
import type { Client, TestApp } from '../../../test/helpers';
import { enforcementFixture, type EnforcementFixture } from './enforcement.fixture';

let t: TestApp;
let inspector: Client;
let admin: Client;
let shop: number;
let entity: EnforcementFixture['entity'];

beforeAll(async () => {
  ({ t, inspector, admin, shop, entity } = await enforcementFixture());
});
afterAll(() => t.close());

describe('checklist administration', () => {
  it('adds, edits and deactivates items; items are never removed; only active ones are asked', async () => {
    const cur = (await admin.get('/api/enforcement/checklists/nine_small')).json();
    expect(cur.items.every((i: { active: boolean }) => i.active)).toBe(true);
    const items = [
      ...cur.items.map((i: { code: string; text: string }) =>
        i.code === 'fire' ? { ...i, active: false } : i.code === 'masks' ? { ...i, text: '从业人员和顾客佩戴口罩' } : i,
      ),
      { code: 'register', text: '顾客实名登记', active: true },
    ];
    expect((await inspector.put('/api/enforcement/checklists/nine_small', { items })).statusCode).toBe(403);
    const saved = await admin.put('/api/enforcement/checklists/nine_small', { items });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await inspector.get('/api/enforcement/checklists/nine_small')).json();
    expect(after.items.find((i: { code: string }) => i.code === 'fire').active).toBe(false);
    expect(after.items.find((i: { code: string }) => i.code === 'masks').text).toBe('从业人员和顾客佩戴口罩');
    expect(after.items.at(-1)).toEqual({ code: 'register', text: '顾客实名登记', active: true });
    expect((await admin.put('/api/enforcement/checklists/nine_small', { items: items.slice(1) })).json().fields[0].message).toBe(
      '检查项不能删除，只能停用',
    );
    expect((await admin.put('/api/enforcement/checklists/nine_small', { items: [...items, items[0]] })).statusCode).toBe(400);
    expect(
      (await admin.put('/api/enforcement/checklists/nine_small', { items: [{ code: 'Bad Code', text: 'x' }] })).statusCode,
    ).toBe(400);
  });
});

describe('pre-opening inspection of a 五小单位 filing', () => {
  async function awaitingOnsite(name: string) {
    const id = await entity(name, { kind: 'individual', smallVenueType: 'small_restaurant' });
    const owner = await t.userWith(`owner-${id}`, [{ role: 'enterprise', entityId: id }]);
    const f = (await owner.post('/api/filings', {})).json() as FilingSummary;
    const d = (await owner.get(`/api/filings/${f.id}`)).json() as FilingDetail;
    const data = {
      plannedDate: '2026-12-05',
      staff: { total: 5, returning: 5, fromOtherProvinces: 0, fromHighRiskAreas: 0 },
      preventionPlan: { text: '每日测温消毒，堂食隔位就座。', attachmentIds: [] },
      emergencyPlan: { text: '发现发热立即隔离并报告社区。', attachmentIds: [] },
      supplies: { masks: 100, thermometers: 1, disinfectantLitres: 5 },
      checklist: Object.fromEntries(d.checklist.items.map((i) => [i.code, true])),
    };
    const s = await owner.post(`/api/filings/${f.id}/submit`, {
      data,
      commitment: { signerName: '店主', text: d.commitmentText, accepted: true },
    });
    expect(s.json().status).toBe('awaiting_onsite');
    return { id, filingId: f.id, owner };
  }

  it('passing releases the filing (approved, entity resumed); failing sends it back for changes', async () => {
    const a = await awaitingOnsite('福顺小吃店');
    const pass = await inspector.post('/api/enforcement/inspections', {
      kind: 'pre_opening',
      filingId: a.filingId,
      entityId: a.id,
      inspectedOn: '2026-12-05',
      inspectorCount: 2,
      results: { temperature: true, masks: true },
      outcome: 'pass',
    });
    expect(pass.statusCode, pass.body).toBe(200);
    expect(pass.json()).toMatchObject({ kind: 'pre_opening', filingId: a.filingId });
    expect((await a.owner.get(`/api/filings/${a.filingId}`)).json().status).toBe('approved');
    expect((await t.services.registry.getForService(a.id))!.status).toBe('resumed');

    const b = await awaitingOnsite('兴盛理发店');
    // the filing must be the inspected entity's
    expect(
      (
        await inspector.post('/api/enforcement/inspections', {
          kind: 'pre_opening',
          filingId: b.filingId,
          entityId: shop,
          inspectedOn: '2026-12-05',
          inspectorCount: 1,
          outcome: 'pass',
        })
      ).json().fields[0].field,
    ).toBe('filingId');
    expect((await b.owner.get(`/api/filings/${b.filingId}`)).json().status).toBe('awaiting_onsite');
    const fail = await inspector.post('/api/enforcement/inspections', {
      kind: 'pre_opening',
      filingId: b.filingId,
      entityId: b.id,
      inspectedOn: '2026-12-05',
      inspectorCount: 1,
      results: { disinfection: false },
      outcome: 'notice',
      noticeItems: '建立消毒台账',
      noticeDeadline: '2026-12-08',
    });
    expect(fail.statusCode, fail.body).toBe(200);
    expect((await b.owner.get(`/api/filings/${b.filingId}`)).json().status).toBe('changes_requested');
    expect((await t.services.registry.getForService(b.id))!.status).not.toBe('resumed');
    // the filing has been decided: a second pre-opening result is refused and nothing is recorded
    const again = await inspector.post('/api/enforcement/inspections', {
      kind: 'pre_opening',
      filingId: b.filingId,
      entityId: b.id,
      inspectedOn: '2026-12-06',
      inspectorCount: 1,
      outcome: 'pass',
    });
    expect(again.statusCode).toBe(409);
    expect((await inspector.get(`/api/enforcement/inspections?entityId=${b.id}`)).json().total).toBe(1);
  });
});
