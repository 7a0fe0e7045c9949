import crypto from 'node:crypto';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityInput, FilingDetail, FilingSummary } from '@fugong/contract';
import { multipart } from '../../../test/multipart';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { manualClock } from '../../platform/clock';
import { systemContext } from '../../platform/context';

// 2026-03-02 20:00 in China (sessions last 12 hours, so the batch test's jump stays inside one)
const clock = manualClock('2026-03-02T12:00:00Z');
const TODAY = '2026-03-02';
let t: TestApp;
let admin: Client;
type EntKey = 'restaurant' | 'shop' | 'shop2' | 'factory' | 'wholesale' | 'white' | 'far';
const ents = {} as Record<EntKey, number>;
const users = {} as Record<EntKey | 'townA' | 'townA2' | 'townB' | 'inspector' | 'commerce', Client>;

const upload = (c: Client, kind: string, name: string, content: Buffer) =>
  c.request({ method: 'POST', url: '/api/filings/attachments', ...multipart({ kind }, { name, content }) });
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(200)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(100)]);

async function entity(name: string, input: Partial<EntityInput>): Promise<number> {
  return t.services.registry.createEntity(systemContext(), {
    kind: 'enterprise',
    name,
    regNo: 'R' + crypto.randomBytes(5).toString('hex'),
    regionCode: t.regions.gridA,
    sector: 'tertiary',
    ...input,
  } as EntityInput);
}

async function detail(c: Client, id: number): Promise<FilingDetail> {
  const r = await c.get(`/api/filings/${id}`);
  expect(r.statusCode).toBe(200);
  return r.json();
}

/** Valid content for a filing: every required checklist item ticked. */
function validData(d: FilingDetail, over: Record<string, unknown> = {}) {
  return {
    plannedDate: '2026-03-05',
    staff: { total: 20, returning: 15, fromOtherProvinces: 3, fromHighRiskAreas: 0 },
    preventionPlan: { text: '全员测温、每日消毒、错峰就餐、设置隔离观察室。', attachmentIds: [] },
    emergencyPlan: { text: '发现发热立即隔离并报告属地社区卫生服务中心。', attachmentIds: [] },
    supplies: { masks: 500, thermometers: 4, disinfectantLitres: 20 },
    checklist: Object.fromEntries(d.checklist.items.map((i) => [i.code, true])),
    ...over,
  };
}
const commitment = (d: FilingDetail, signerName = '张经理') => ({ signerName, text: d.commitmentText, accepted: true });

async function startFiling(c: Client): Promise<FilingDetail> {
  const r = await c.post('/api/filings', {});
  expect(r.statusCode, r.body).toBe(200);
  return detail(c, (r.json() as FilingSummary).id);
}
async function fileAndSubmit(c: Client): Promise<FilingDetail> {
  const open = ((await c.get('/api/filings')).json().items as FilingSummary[]).find((f) => f.status === 'draft');
  const d = open ? await detail(c, open.id) : await startFiling(c);
  const r = await c.post(`/api/filings/${d.id}/submit`, { data: validData(d), commitment: commitment(d) });
  expect(r.statusCode, r.body).toBe(200);
  return detail(c, d.id);
}
const entityStatus = async (id: number) => (await t.services.registry.getForService(id))!.status;

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.login('admin');
  ents.restaurant = await entity('小香园餐馆', { kind: 'individual', smallVenueType: 'small_restaurant' });
  ents.shop = await entity('蓟州文具店', { industry: '其他服务业' });
  ents.shop2 = await entity('蓟州眼镜店', { industry: '其他服务业' });
  ents.factory = await entity('蓟州李记修车铺', { kind: 'individual', industry: '居民服务业' });
  ents.wholesale = await entity('蓟州批发公司', { industry: '批发业' });
  ents.white = await entity('蓟州粮油批发', { industry: '批发业' });
  ents.far = await entity('乙镇小超市', { regionCode: t.regions.gridB, industry: '其他服务业' });
  for (const k of Object.keys(ents) as EntKey[])
    users[k] = await t.userWith(`ent_${k}`, [{ role: 'enterprise', entityId: ents[k] }]);
  users.townA = await t.userWith('townA', [{ role: 'town', regionCode: t.regions.townA }]);
  users.townA2 = await t.userWith('townA2', [{ role: 'town', regionCode: t.regions.townA }]);
  users.townB = await t.userWith('townB', [{ role: 'town', regionCode: t.regions.townB }]);
  users.inspector = await t.userWith('insp', [{ role: 'inspector', regionCode: t.regions.district }]);
  users.commerce = await t.userWith('commerce', [{ role: 'department', regionCode: t.regions.district, department: 'commerce' }]);
});
afterAll(() => t.close());

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

describe('routes other than online review', () => {
  it('a small restaurant waits for the on-site review; only the inspector’s pass releases it', async () => {
    const d = await fileAndSubmit(users.restaurant);
    expect(d.route).toBe('onsite');
    expect(d.status).toBe('awaiting_onsite');
    expect(d.checklist.key).toBe('small_venue');
    expect((await users.townA.post(`/api/filings/${d.id}/decision`, { action: 'approve' })).statusCode).toBe(409);
    expect((await users.restaurant.post(`/api/filings/${d.id}/onsite`, { passed: true })).statusCode).toBe(403);
    const inbox = (await users.inspector.get('/api/filings?inbox=onsite')).json();
    expect(inbox.items.map((f: FilingSummary) => f.id)).toContain(d.id);
    expect((await users.inspector.post(`/api/filings/${d.id}/onsite`, { passed: false })).statusCode).toBe(400);
    let r = await users.inspector.post(`/api/filings/${d.id}/onsite`, { passed: false, notes: '未设置测温点' });
    expect(r.json().status).toBe('changes_requested');
    const back = await detail(users.restaurant, d.id);
    r = await users.restaurant.post(`/api/filings/${d.id}/submit`, { data: validData(back), commitment: commitment(back) });
    expect(r.json().status).toBe('awaiting_onsite');
    r = await users.inspector.post(`/api/filings/${d.id}/onsite`, { passed: true, notes: '测温点已设置' });
    expect(r.json().status).toBe('approved');
    expect(await entityStatus(ents.restaurant)).toBe('resumed');
  });

  it('an individual business is approved on filing (备案即复工)', async () => {
    const d = await fileAndSubmit(users.factory);
    expect(d.route).toBe('commitment');
    expect(d.status).toBe('approved');
    expect(d.events.map((e) => e.action)).toEqual(['create', 'submit', 'auto_approve']);
    expect(await entityStatus(ents.factory)).toBe('resumed');
  });

  it('a wholesaler waits for batch 2 and is released on its date; the commerce department sees it', async () => {
    const d = await fileAndSubmit(users.wholesale);
    expect(d).toMatchObject({ route: 'batch', batchNo: 2, status: 'awaiting_batch', department: 'commerce' });
    const commerceList = (await users.commerce.get('/api/filings?pageSize=100')).json().items as FilingSummary[];
    expect(commerceList.map((f) => f.id)).toContain(d.id);
    expect(commerceList.every((f) => f.department === 'commerce')).toBe(true);
    expect(
      (await users.commerce.get(`/api/filings/${(await users.shop.get('/api/filings')).json().items[0].id}`)).statusCode,
    ).toBe(404);

    expect((await users.townA.put('/api/filings/batches/2', { releaseDate: TODAY })).statusCode).toBe(403);
    const r = await admin.put('/api/filings/batches/2', { releaseDate: '2026-03-03' });
    expect(r.json().released).toBe(0);
    expect((await detail(users.wholesale, d.id)).batchReleaseDate).toBe('2026-03-03');
    clock.set('2026-03-02T16:30:00Z'); // 00:30 on the 3rd in China
    expect(await t.services.filings.releaseDueBatches()).toBe(1);
    expect((await detail(users.wholesale, d.id)).status).toBe('approved');
    expect(await entityStatus(ents.wholesale)).toBe('resumed');
    clock.set('2026-03-02T12:00:00Z');
  });

  it('an entity on the white list is fast-tracked when its category allows it', async () => {
    expect((await users.townA.post('/api/filings/whitelist', { entityId: ents.white, reason: '保供企业' })).statusCode).toBe(403);
    expect((await admin.post('/api/filings/whitelist', { entityId: ents.white, reason: '保供企业' })).statusCode).toBe(200);
    const d = await fileAndSubmit(users.white);
    expect(d.whitelisted).toBe(true);
    expect(d.status).toBe('approved');
  });
});

describe('the commitment is immutable', () => {
  it('an UPDATE or DELETE on a commitment row fails in the database', async () => {
    const row = await t.core.db.selectFrom('filingCommitment').selectAll().orderBy('id').executeTakeFirstOrThrow();
    await expect(
      sql`update filing_commitment set signer_name = 'someone else' where id = ${row.id}`.execute(t.core.db),
    ).rejects.toThrow(/immutable/);
    await expect(sql`delete from filing_commitment where id = ${row.id}`.execute(t.core.db)).rejects.toThrow(/immutable/);
    const again = await t.core.db.selectFrom('filingCommitment').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(again).toEqual(row);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.ip).toBeTruthy();
  });
});

describe('attachments', () => {
  it('accepts PDF and PNG by content, stores them by hash and lets the region read them', async () => {
    const r = await upload(users.shop, 'prevention_plan', '防控方案.pdf', PDF);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      mime: 'application/pdf',
      size: PDF.length,
      sha256: crypto.createHash('sha256').update(PDF).digest('hex'),
    });
    expect((await upload(users.shop, 'emergency_plan', 'site.png', PNG)).statusCode).toBe(200);
    const dl = await users.townA.get(`/api/filings/attachments/${r.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect((await users.townB.get(`/api/filings/attachments/${r.json().id}`)).statusCode).toBe(404);
    expect((await users.shop2.get(`/api/filings/attachments/${r.json().id}`)).statusCode).toBe(404);
  });

  it('refuses a file whose content is not an allowed type, whatever its name', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), crypto.randomBytes(100)]);
    let r = await upload(users.shop, 'prevention_plan', 'plan.pdf', exe);
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('filings.attachment_type');
    // a real PNG named .pdf disagrees with its name
    r = await upload(users.shop, 'prevention_plan', 'plan.pdf', PNG);
    expect(r.statusCode).toBe(400);
    r = await upload(users.shop, 'prevention_plan', 'plan.exe', PDF);
    expect(r.statusCode).toBe(400);
    r = await upload(users.shop, 'other', 'plan.pdf', PDF);
    expect(r.statusCode).toBe(400);
    r = await users.shop.request({ method: 'POST', url: '/api/filings/attachments', ...multipart({ kind: 'prevention_plan' }) });
    expect(r.statusCode).toBe(400);
  });

  it('refuses a file over 10 MB', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]);
    const r = await upload(users.shop, 'prevention_plan', 'big.pdf', big);
    expect(r.statusCode, r.body).toBe(413);
    expect(r.json().code).toBe('filings.attachment_too_large');
  });

  it('only enterprise users upload', async () => {
    expect((await upload(users.townA, 'prevention_plan', 'plan.pdf', PDF)).statusCode).toBe(403);
  });
});

describe('staff readiness', () => {
  const ID = '120119199001011234';
  const validId = (() => {
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const first = ID.slice(0, 17);
    const sum = [...first].reduce((s, c, i) => s + Number(c) * w[i]!, 0);
    return first + '10X98765432'[sum % 11];
  })();

  it('lists staff with masked ID and phone; the quiz link lets each pass the exam', async () => {
    let r = await users.factory.post('/api/filings/staff', { name: '李四', idNumber: '123', phone: '123' });
    expect(r.statusCode).toBe(400);
    expect((r.json().fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['idNumber', 'phone']);
    r = await users.factory.post('/api/filings/staff', { name: '李四', idNumber: validId, phone: '13812345678' });
    expect(r.statusCode, r.body).toBe(200);
    const member = r.json();
    expect(member.idMasked).toBe(validId.slice(0, 4) + '**********' + validId.slice(-4));
    expect(member.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(member)).not.toContain(validId);
    expect(
      (await users.factory.post('/api/filings/staff', { name: '李四', idNumber: validId, phone: '13812345678' })).statusCode,
    ).toBe(409);
    const stored = await t.core.db.selectFrom('filingStaff').selectAll().where('id', '=', member.id).executeTakeFirstOrThrow();
    expect(stored.idEnc).not.toContain(validId);
    expect(t.core.pii.decrypt(stored.idEnc)).toBe(validId);

    const qr = (await users.factory.get(`/api/filings/staff/${member.id}/qr`)).json();
    expect(qr.dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(qr.url).toContain(member.quizPath);
    const token = member.quizPath.split('/').pop();
    const anon = t.anonymous();
    const quiz = (await anon.get(`/api/public/filings/quiz/${token}`)).json();
    expect(quiz.staffName).toBe('李*');
    expect(JSON.stringify(quiz)).not.toContain('"answer"');
    expect((await anon.get('/api/public/filings/quiz/' + 'x'.repeat(32))).statusCode).toBe(404);
    expect((await anon.post(`/api/public/filings/quiz/${token}`, { answers: [1] })).statusCode).toBe(400);
    r = await anon.post(`/api/public/filings/quiz/${token}`, { answers: quiz.questions.map(() => 0) });
    expect(r.json()).toMatchObject({ passed: false });
    r = await anon.post(`/api/public/filings/quiz/${token}`, { answers: quiz.questions.map(() => 1) });
    expect(r.json()).toMatchObject({ passed: true, score: 100 });

    const list = (await users.factory.get('/api/filings/staff')).json();
    expect(list.items[0]).toMatchObject({ passed: true, attempts: 2, bestScore: 100 });
    // reviewers of the region see who passed, without the quiz link; others see nothing
    const seen = (await users.townA.get(`/api/filings/staff?entityId=${ents.factory}`)).json();
    expect(seen.items[0]).toMatchObject({ passed: true, quizPath: null });
    expect((await users.townB.get(`/api/filings/staff?entityId=${ents.factory}`)).statusCode).toBe(404);
    expect((await users.shop.get(`/api/filings/staff?entityId=${ents.factory}`)).statusCode).toBe(403);
    const f = (await users.factory.get('/api/filings')).json().items[0];
    expect((await detail(users.townA, f.id)).staffReadiness).toEqual({ total: 1, passed: 1 });
  });
});

describe('export', () => {
  it('exports the reviewer’s filtered list to .xlsx, only their town', async () => {
    const r = await users.townA.get('/api/filings/export?status=approved');
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const names = ws.getColumn(2).values.slice(2).map(String);
    const expected = ((await users.townA.get('/api/filings?status=approved&pageSize=100')).json().items as FilingSummary[]).map(
      (f) => f.entityName,
    );
    expect(names.sort()).toEqual(expected.sort());
    expect(names).not.toContain('乙镇小超市');
    expect(String(ws.getRow(2).getCell(3).value)).toBe('已通过');
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
