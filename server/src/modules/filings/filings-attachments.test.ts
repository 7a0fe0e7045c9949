import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { multipart } from '../../../test/multipart';
import { useFilingsApp, users, upload, PDF, PNG } from './filings.fixtures';

useFilingsApp();

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
