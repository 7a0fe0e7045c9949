import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from './helpers';
import { multipart, postFile, sampleFiles } from './multipart';
import { manualClock } from '../src/platform/clock';
import { systemContext } from '../src/platform/context';

// Files on tickets and complaints: typed by their bytes, permission-checked, on the timeline.
const clock = manualClock('2026-11-23T02:00:00.000Z');
let t: TestApp;
let townA: Client;
let townB: Client;
let boss: Client;
let industry: Client;
let finance: Client;
let ticketId: number;
let ip = 1;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const entity = await t.services.registry.createEntity(systemContext(), {
    kind: 'enterprise',
    name: '甲企业',
    regNo: 'REG-A',
    regionCode: t.regions.gridA,
    sector: 'secondary',
  } as EntityInput);
  townA = await t.userWith('town-a', [{ role: 'town', regionCode: t.regions.townA }]);
  townB = await t.userWith('town-b', [{ role: 'town', regionCode: t.regions.townB }]);
  boss = await t.userWith('boss', [{ role: 'enterprise', entityId: entity }]);
  industry = await t.userWith('industry', [{ role: 'department', regionCode: t.regions.district, department: 'industry' }]);
  finance = await t.userWith('finance', [{ role: 'department', regionCode: t.regions.district, department: 'finance' }]);
  const cats = (await boss.get('/api/tickets/categories')).json() as { id: number; code: string }[];
  const created = await boss.post('/api/tickets', {
    categoryId: cats.find((c) => c.code === 'supplies')!.id,
    title: '缺消毒液',
    description: '车间消毒液只够一天',
    entityId: entity,
  });
  ticketId = created.json().id;
  await townA.post(`/api/tickets/${ticketId}/assign`, { department: 'industry' });
});
afterAll(() => t.close());

describe('ticket attachments', () => {
  it('every participant attaches files at any step; they show in the detail and on the timeline', async () => {
    const a = await postFile(boss, `/api/tickets/${ticketId}/attachments`, '库存照片.jpg', sampleFiles.jpg);
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ fileName: '库存照片.jpg', mime: 'image/jpeg', uploadedByName: 'boss' });
    expect((await postFile(industry, `/api/tickets/${ticketId}/attachments`, '调拨单.pdf', sampleFiles.pdf)).statusCode).toBe(
      200,
    );
    expect((await postFile(townA, `/api/tickets/${ticketId}/attachments`, 'site.png', sampleFiles.png)).statusCode).toBe(200);
    const detail = (await townA.get(`/api/tickets/${ticketId}`)).json();
    expect(detail.attachments.map((f: { fileName: string }) => f.fileName)).toEqual(['库存照片.jpg', '调拨单.pdf', 'site.png']);
    expect(detail.events.filter((e: { action: string }) => e.action === 'attach')).toHaveLength(3);
    const dl = await industry.get(`/api/tickets/${ticketId}/attachments/${a.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/jpeg');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(dl.rawPayload, sampleFiles.jpg)).toBe(0);
  });

  it('refuses files that are not what they claim, too large, or missing, with localised messages', async () => {
    const exe = await postFile(boss, `/api/tickets/${ticketId}/attachments`, 'photo.jpg', sampleFiles.exe);
    expect(exe.statusCode).toBe(400);
    expect(exe.json().fields).toEqual([{ field: 'file', message: '只能上传 PDF, PNG, JPG 文件（按文件内容识别）' }]);
    const renamed = await postFile(boss, `/api/tickets/${ticketId}/attachments`, 'report.pdf', sampleFiles.png);
    expect(renamed.statusCode).toBe(400);
    // a Word file is fine for a filing, not for a ticket; the message follows the caller's language
    const docx = multipart(
      {},
      { name: 'a.docx', content: Buffer.from('PK\u0003\u0004....[Content_Types].xml....word/document.xml') },
    );
    const en = await boss.request({
      method: 'POST',
      url: `/api/tickets/${ticketId}/attachments`,
      payload: docx.payload,
      headers: { ...docx.headers, 'x-locale': 'en' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().fields[0].message).toBe('Only PDF, PNG, JPG files (checked by content)');
    const big = await postFile(
      boss,
      `/api/tickets/${ticketId}/attachments`,
      'big.pdf',
      Buffer.concat([sampleFiles.pdf, Buffer.alloc(10 * 1024 * 1024 + 10)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().fields[0]).toEqual({ field: 'file', message: '文件不能超过 10 MB' });
    const none = await boss.post(`/api/tickets/${ticketId}/attachments`, {});
    expect(none.statusCode).toBe(400);
  });

  it('only those who see the ticket upload or download (404 for others, never revealing it)', async () => {
    const fileId = (await townA.get(`/api/tickets/${ticketId}`)).json().attachments[0].id;
    expect((await townB.get(`/api/tickets/${ticketId}/attachments/${fileId}`)).statusCode).toBe(404);
    expect((await finance.get(`/api/tickets/${ticketId}/attachments/${fileId}`)).statusCode).toBe(404);
    expect((await postFile(townB, `/api/tickets/${ticketId}/attachments`, 'x.png', sampleFiles.png)).statusCode).toBe(404);
    expect((await t.anonymous().get(`/api/tickets/${ticketId}/attachments/${fileId}`)).statusCode).toBe(401);
    // a file id of another record is not found through this one
    expect((await townA.get(`/api/tickets/${ticketId}/attachments/999999`)).statusCode).toBe(404);
  });
});

describe('complaint attachments', () => {
  let receipt: { receiptNo: string; queryCode: string };
  let complaintId: number;
  const publicPhoto = (name: string, content: Buffer, secret: string, receiptNo = receipt.receiptNo) =>
    t.anonymous().request({
      method: 'POST',
      url: '/api/public/complaints/attachments',
      remoteAddress: `10.1.0.${ip++}`,
      ...multipart({ receiptNo, secret }, { name, content }),
    });

  it('the public form adds photos with the receipt (query code or phone); PNG/JPG only, five at most', async () => {
    const r = await t.anonymous().request({
      method: 'POST',
      url: '/api/public/complaints',
      payload: { content: '超市口罩一只卖二十元，明显哄抬价格', regionCode: t.regions.townA, phone: '13800138000' },
      remoteAddress: '10.2.0.1',
    });
    receipt = r.json();
    expect((await publicPhoto('price.jpg', sampleFiles.jpg, receipt.queryCode)).statusCode).toBe(200);
    expect((await publicPhoto('shelf.png', sampleFiles.png, '13800138000')).statusCode).toBe(200);
    // a PDF is for staff; the public sends photos
    expect((await publicPhoto('doc.pdf', sampleFiles.pdf, receipt.queryCode)).statusCode).toBe(400);
    // a wrong code is the same as no complaint
    expect((await publicPhoto('x.jpg', sampleFiles.jpg, 'WRONGCODE')).statusCode).toBe(404);
    for (let i = 0; i < 3; i++) expect((await publicPhoto(`p${i}.jpg`, sampleFiles.jpg, receipt.queryCode)).statusCode).toBe(200);
    const sixth = await publicPhoto('p6.jpg', sampleFiles.jpg, receipt.queryCode);
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().fields[0]).toEqual({ field: 'file', message: '最多上传 5 个文件' });
  });

  it('staff in scope see and add files; others get 404; the public page lists no files', async () => {
    complaintId = (await townA.get(`/api/complaints?q=${receipt.receiptNo}`)).json().items[0].id;
    expect(
      (await postFile(townA, `/api/complaints/${complaintId}/attachments`, '核查记录.pdf', sampleFiles.pdf)).statusCode,
    ).toBe(200);
    const detail = (await townA.get(`/api/complaints/${complaintId}`)).json();
    expect(detail.attachments).toHaveLength(6);
    expect(detail.attachments[0]).toMatchObject({ fileName: 'price.jpg', uploadedByName: null });
    expect(detail.events.filter((e: { action: string }) => e.action === 'attach')).toHaveLength(6);
    const fileId = detail.attachments[0].id;
    expect((await townA.get(`/api/complaints/${complaintId}/attachments/${fileId}`)).statusCode).toBe(200);
    expect((await townB.get(`/api/complaints/${complaintId}/attachments/${fileId}`)).statusCode).toBe(404);
    expect((await postFile(townB, `/api/complaints/${complaintId}/attachments`, 'x.png', sampleFiles.png)).statusCode).toBe(404);
    const pub = (
      await t.anonymous().post('/api/public/complaints/status', { receiptNo: receipt.receiptNo, secret: receipt.queryCode })
    ).json();
    expect(pub).not.toHaveProperty('attachments');
  });

  it('closes the public photo upload a day after filing', async () => {
    clock.advance(25 * 3600_000);
    const late = await publicPhoto('late.jpg', sampleFiles.jpg, receipt.queryCode);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('complaints.photos_closed');
  });
});

describe('liaison visit photos', () => {
  it('the liaison adds photos to the visit they logged; readers in the area download them, others get 404', async () => {
    const liaison = await t.userWith('liaison-a', [{ role: 'liaison', regionCode: t.regions.townA }]);
    const other = await t.userWith('liaison-a2', [{ role: 'liaison', regionCode: t.regions.townA }]);
    // the clock moved a day on above: sign in again
    const townA = await t.login('town-a');
    const townB = await t.login('town-b');
    const entity = await t.services.registry.createEntity(systemContext(), {
      kind: 'enterprise',
      name: '丙企业',
      regNo: 'REG-C',
      regionCode: t.regions.gridA,
      sector: 'secondary',
    } as EntityInput);
    const visit = await liaison.post('/api/liaison/visits', {
      entityId: entity,
      visitDate: '2026-11-23',
      mode: 'onsite',
      policies: [],
      problems: [],
    });
    expect(visit.statusCode).toBe(200);
    const id = visit.json().id;
    const photo = await postFile(liaison, `/api/liaison/visits/${id}/attachments`, '现场.jpg', sampleFiles.jpg);
    expect(photo.statusCode).toBe(200);
    // photos only: a PDF is refused
    expect((await postFile(liaison, `/api/liaison/visits/${id}/attachments`, 'a.pdf', sampleFiles.pdf)).statusCode).toBe(400);
    // another liaison neither sees nor adds to it; the town reads it but does not add
    expect((await postFile(other, `/api/liaison/visits/${id}/attachments`, 'x.jpg', sampleFiles.jpg)).statusCode).toBe(404);
    expect((await postFile(townA, `/api/liaison/visits/${id}/attachments`, 'x.jpg', sampleFiles.jpg)).statusCode).toBe(403);
    const fileId = photo.json().id;
    expect((await townA.get(`/api/liaison/visits/${id}/photos`)).json()).toHaveLength(1);
    expect((await townA.get(`/api/liaison/visits/${id}/attachments/${fileId}`)).statusCode).toBe(200);
    expect((await townB.get(`/api/liaison/visits/${id}/attachments/${fileId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/liaison/visits/${id}/photos`)).statusCode).toBe(404);
  });
});
