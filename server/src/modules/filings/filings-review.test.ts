import { describe, expect, it } from 'vitest';
import type { FilingSummary } from '@fugong/contract';
import {
  useFilingsApp,
  admin,
  ents,
  users,
  upload,
  PDF,
  detail,
  validData,
  commitment,
  startFiling,
  fileAndSubmit,
  entityStatus,
} from './filings.fixtures';

useFilingsApp();

describe('filing and seeing filings', () => {
  it('an enterprise user sees only its own filings', async () => {
    const mine = await startFiling(users.shop2);
    const other = await startFiling(users.far);
    expect(mine.route).toBe('online');
    expect((await users.shop2.get(`/api/filings/${other.id}`)).statusCode).toBe(404);
    const list = (await users.shop2.get('/api/filings')).json();
    expect(list.items.map((f: FilingSummary) => f.id)).toEqual([mine.id]);
    // a second open filing for the same entity is refused
    const again = await users.shop2.post('/api/filings', {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('filings.already_open');
    // nor may it start one for another entity
    expect((await users.shop2.post('/api/filings', { entityId: ents.shop })).statusCode).toBe(404);
  });

  it('a town reviewer sees only its town', async () => {
    const listA = (await users.townA.get('/api/filings?pageSize=100')).json();
    const listB = (await users.townB.get('/api/filings?pageSize=100')).json();
    expect(listA.items.every((f: FilingSummary) => f.entityId !== ents.far)).toBe(true);
    expect(listB.items.map((f: FilingSummary) => f.entityId)).toEqual([ents.far]);
    const a = listA.items[0] as FilingSummary;
    expect((await users.townB.get(`/api/filings/${a.id}`)).statusCode).toBe(404);
    expect((await users.townB.post(`/api/filings/${a.id}/decision`, { action: 'approve' })).statusCode).toBe(404);
  });

  it('refuses bad input on every field with a message per field', async () => {
    const d = await detail(users.shop2, (await users.shop2.get('/api/filings')).json().items[0].id);
    const bad = {
      plannedDate: '2026/03/05',
      staff: { total: -1, returning: 1.5, fromOtherProvinces: 'x', fromHighRiskAreas: null },
      preventionPlan: { text: '短', attachmentIds: [1, 2, 3, 4, 5, 6] },
      emergencyPlan: {},
      supplies: { masks: -5, thermometers: 1e9, disinfectantLitres: 'a' },
    };
    const r = await users.shop2.request({
      method: 'POST',
      url: `/api/filings/${d.id}/submit`,
      payload: { data: bad, commitment: { signerName: 'x', text: '', accepted: false } },
      headers: { 'x-locale': 'en' },
    });
    expect(r.statusCode).toBe(400);
    const fields = Object.fromEntries((r.json().fields as { field: string; message: string }[]).map((f) => [f.field, f.message]));
    for (const f of [
      'data.plannedDate',
      'data.staff.total',
      'data.staff.returning',
      'data.staff.fromOtherProvinces',
      'data.staff.fromHighRiskAreas',
      'data.preventionPlan.text',
      'data.preventionPlan.attachmentIds',
      'data.emergencyPlan.text',
      'data.supplies.masks',
      'data.supplies.thermometers',
      'data.supplies.disinfectantLitres',
      'commitment.signerName',
      'commitment.text',
      'commitment.accepted',
    ])
      expect(fields[f], f).toBeTruthy();
    expect(fields['data.staff.total']).toBe('Enter a whole number, 0 or more');
  });

  it('checks the relations between staff counts, the date, the checklist and attachments', async () => {
    const d = await detail(users.shop2, (await users.shop2.get('/api/filings')).json().items[0].id);
    const data = validData(d, {
      plannedDate: '2026-03-01',
      staff: { total: 10, returning: 12, fromOtherProvinces: 13, fromHighRiskAreas: 14 },
    });
    let r = await users.shop2.post(`/api/filings/${d.id}/submit`, { data, commitment: commitment(d) });
    expect(r.statusCode).toBe(400);
    const fields = (r.json().fields as { field: string; message: string }[]).map((f) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(['data.staff.returning', 'data.staff.fromOtherProvinces', 'data.staff.fromHighRiskAreas']),
    );
    // the refinements pass, the service checks the rest
    const required = d.checklist.items.find((i) => i.required)!;
    const other = await upload(users.shop, 'prevention_plan', 'plan.pdf', PDF);
    const own = await upload(users.shop2, 'emergency_plan', 'plan.pdf', PDF);
    r = await users.shop2.post(`/api/filings/${d.id}/submit`, {
      data: validData(d, {
        plannedDate: '2026-03-01',
        checklist: { ...validData(d).checklist, [required.code]: false, not_an_item: true },
        preventionPlan: { text: '全员测温、每日消毒、错峰就餐。', attachmentIds: [other.json().id, own.json().id] },
      }),
      commitment: commitment(d),
    });
    expect(r.statusCode).toBe(400);
    const f2 = (r.json().fields as { field: string; message: string }[]).map((f) => f.field);
    expect(f2).toEqual(
      expect.arrayContaining([
        'data.plannedDate',
        `data.checklist.${required.code}`,
        'data.checklist.not_an_item',
        'data.preventionPlan.attachmentIds.0',
        'data.preventionPlan.attachmentIds.1',
      ]),
    );
    expect((await detail(users.shop2, d.id)).status).toBe('draft');
  });

  it('refuses a commitment whose text is not the one of the filing’s version', async () => {
    const d = await detail(users.shop2, (await users.shop2.get('/api/filings')).json().items[0].id);
    const r = await users.shop2.post(`/api/filings/${d.id}/submit`, {
      data: validData(d),
      commitment: { ...commitment(d), text: d.commitmentText + '（已删改）' },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('filings.commitment_text_changed');
  });

  it('saves a draft and shows it back', async () => {
    const d = await detail(users.shop2, (await users.shop2.get('/api/filings')).json().items[0].id);
    expect(
      (await users.shop2.put(`/api/filings/${d.id}/draft`, { data: { plannedDate: '2026-03-09', staff: { total: 7 } } }))
        .statusCode,
    ).toBe(200);
    const back = await detail(users.shop2, d.id);
    expect(back.data).toMatchObject({ plannedDate: '2026-03-09', staff: { total: 7 } });
    expect((await users.shop2.put(`/api/filings/${d.id}/draft`, { data: { staff: { total: -3 } } })).statusCode).toBe(400);
  });
});

describe('online review with a request for changes', () => {
  it('request changes → resubmit → approve, with every version kept and the entity resumed', async () => {
    const d = await fileAndSubmit(users.shop);
    expect(d.status).toBe('submitted');
    expect(await entityStatus(ents.shop)).toBe('filing');
    const inbox = (await users.townA.get('/api/filings?inbox=review')).json();
    expect(inbox.items.some((f: FilingSummary) => f.id === d.id)).toBe(true);
    expect((await users.townB.get('/api/filings?inbox=review')).json().items.some((f: FilingSummary) => f.id === d.id)).toBe(
      false,
    );

    expect((await users.townA.post(`/api/filings/${d.id}/decision`, { action: 'request_changes' })).statusCode).toBe(400);
    let r = await users.townA.post(`/api/filings/${d.id}/decision`, {
      action: 'request_changes',
      reason: '应急预案缺少联系人电话',
    });
    expect(r.json().status).toBe('changes_requested');
    const back = await detail(users.shop, d.id);
    expect(back.abilities.submit).toBe(true);
    const data2 = validData(back, {
      emergencyPlan: { text: '发现发热立即隔离，联系人：王主任 022-12345678。', attachmentIds: [] },
    });
    r = await users.shop.post(`/api/filings/${d.id}/submit`, { data: data2, commitment: commitment(back, '张经理') });
    expect(r.json().status).toBe('resubmitted');
    r = await users.townA.post(`/api/filings/${d.id}/decision`, { action: 'approve' });
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('approved');
    expect(await entityStatus(ents.shop)).toBe('resumed');

    const final = await detail(users.townA, d.id);
    expect(final.revisions.map((v) => v.revision)).toEqual([1, 2]);
    expect(final.events.map((e) => e.action)).toEqual(['create', 'submit', 'request_changes', 'resubmit', 'approve']);
    expect(final.events[2]!.reason).toBe('应急预案缺少联系人电话');
    expect(final.commitments).toHaveLength(2);
    expect(final.commitments.every((c) => c.intact)).toBe(true);
    const v1 = (await users.townA.get(`/api/filings/${d.id}/revisions/1`)).json();
    expect(v1.data.emergencyPlan.text).toContain('属地社区');
    const v2 = (await users.shop.get(`/api/filings/${d.id}/revisions/2`)).json();
    expect(v2.data.emergencyPlan.text).toContain('王主任');

    // approving again is a transition the table does not allow
    r = await users.townA.request({
      method: 'POST',
      url: `/api/filings/${d.id}/decision`,
      payload: { action: 'approve' },
      headers: { 'x-locale': 'en' },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().message).toBe('Cannot approve while the record is approved');

    // the entity page shows the filing
    const tl = (await users.townA.get(`/api/registry/entities/${ents.shop}/timeline`)).json();
    expect(tl.items.some((i: { kind: string }) => i.kind === 'filings.approve')).toBe(true);
  });

  it('two reviewers approving at once: exactly one succeeds, the other gets 409', async () => {
    const d = await fileAndSubmit(users.shop2);
    const [a, b] = await Promise.all([
      users.townA.post(`/api/filings/${d.id}/decision`, { action: 'approve' }),
      users.townA2.post(`/api/filings/${d.id}/decision`, { action: 'approve' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const final = await detail(users.townA, d.id);
    expect(final.events.filter((e) => e.action === 'approve')).toHaveLength(1);
  });

  it('suspends and reopens with reasons, moving the entity', async () => {
    const d = (await users.shop2.get('/api/filings')).json().items[0] as FilingSummary;
    expect((await users.townA.post(`/api/filings/${d.id}/suspend`, {})).statusCode).toBe(400);
    expect((await users.shop2.post(`/api/filings/${d.id}/suspend`, { reason: '自行暂停' })).statusCode).toBe(403);
    let r = await users.townA.post(`/api/filings/${d.id}/suspend`, { reason: '检查发现未落实测温' });
    expect(r.json().status).toBe('suspended');
    expect(await entityStatus(ents.shop2)).toBe('suspended');
    r = await users.townA.post(`/api/filings/${d.id}/reopen`, { reason: '整改完成' });
    expect(r.json().status).toBe('approved');
    expect(await entityStatus(ents.shop2)).toBe('resumed');
  });

  it('a rejection needs a reason and returns the entity to not resumed', async () => {
    const d = await fileAndSubmit(users.far);
    expect((await users.townB.post(`/api/filings/${d.id}/decision`, { action: 'reject', reason: ' ' })).statusCode).toBe(400);
    const r = await users.townB.post(`/api/filings/${d.id}/decision`, { action: 'reject', reason: '无防疫物资' });
    expect(r.json().status).toBe('rejected');
    expect(await entityStatus(ents.far)).toBe('not_resumed');
    // a rejected filing no longer blocks a new one
    expect((await users.far.post('/api/filings', {})).statusCode).toBe(200);
  });
});

describe('configuration', () => {
  it('saves versions; a filing keeps the version it was made under', async () => {
    const cur = (await admin.get('/api/filings/config')).json();
    expect(cur.version).toBe(1);
    const bad = structuredClone(cur.config);
    bad.rules[0].route = 'batch';
    bad.rules[0].batchNo = null;
    let r = await admin.post('/api/filings/config', { config: bad });
    expect(r.statusCode).toBe(400);
    expect(r.json().fields[0].field).toBe('config.rules.0.batchNo');
    expect((await users.townA.post('/api/filings/config', { config: cur.config })).statusCode).toBe(403);

    const next = structuredClone(cur.config);
    next.fallback.route = 'commitment';
    next.commitmentText = cur.config.commitmentText + '（第二版）';
    r = await admin.post('/api/filings/config', { note: '其他行业改为备案即复工', config: next });
    expect(r.json().version).toBe(2);
    // the townB filing started under version 1 keeps its route and commitment text
    const f = (await users.far.get('/api/filings')).json().items.find((x: FilingSummary) => x.status === 'draft');
    const d = await detail(users.far, f.id);
    expect(d.configVersion).toBe(1);
    expect(d.commitmentText).toBe(cur.config.commitmentText);
    r = await users.far.post(`/api/filings/${d.id}/submit`, { data: validData(d), commitment: commitment(d) });
    expect(r.json().status).toBe('submitted');
    expect((await admin.get('/api/filings/config/versions')).json().map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });
});
