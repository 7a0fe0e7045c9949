import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import type { FilingSummary } from '@fugong/contract';
import {
  useFilingsApp,
  clock,
  TODAY,
  t,
  admin,
  ents,
  users,
  detail,
  validData,
  commitment,
  startFiling,
  fileAndSubmit,
  entityStatus,
} from './filings.fixtures';

useFilingsApp();

describe('routes other than online review', () => {
  // a filing of an entity outside commerce, for the commerce department not to see
  beforeAll(async () => {
    await startFiling(users.shop);
  });

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
