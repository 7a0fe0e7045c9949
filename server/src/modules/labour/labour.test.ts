import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../test/helpers';
import { labourWorld, postingInput } from './labour.fixtures';

let t: TestApp;
let u: Record<string, Client>;
let ids: Awaited<ReturnType<typeof labourWorld>>['ids'];
beforeAll(async () => {
  ({ t, users: u, ids } = await labourWorld());
});
afterAll(() => t.close());

const fieldsOf = (res: { json(): { fields?: { field: string }[] } }) => (res.json().fields ?? []).map((f) => f.field).sort();
const phone = (n: number) => `1380013${String(n).padStart(4, '0')}`;

async function publishedPosting(places = 3, fairId?: number) {
  const res = await u.factory!.post('/api/labour/postings', postingInput(ids.factory, t.regions.gridA, { places, fairId }));
  expect(res.statusCode, res.body).toBe(200);
  const p = res.json();
  const r = await u.labour!.post(`/api/labour/postings/${p.id}/review`, { approve: true });
  expect(r.statusCode, r.body).toBe(200);
  return p.id as number;
}

describe('postings, applications and hires', () => {
  it('posting → review → public → application → hire, counted once', async () => {
    const fair = await u.labour!.post('/api/labour/fairs', {
      name: '春风行动云招聘',
      kind: 'online',
      startsOn: '2026-03-01',
      endsOn: '2026-03-20',
      regionCode: t.regions.district,
    });
    expect(fair.statusCode, fair.body).toBe(200);
    const { id: fairId, token } = fair.json();
    const created = (
      await u.factory!.post('/api/labour/postings', postingInput(ids.factory, t.regions.gridA, { fairId }))
    ).json();
    expect(created).toMatchObject({ status: 'pending_review', hired: 0, fairName: '春风行动云招聘', entityName: '甲镇机械厂' });
    // not public before the review
    expect((await t.anonymous().get(`/api/public/labour/fairs/${token}`)).json().postings).toEqual([]);
    // only the labour bureau reviews
    expect((await u.industry!.post(`/api/labour/postings/${created.id}/review`, { approve: true })).statusCode).toBe(403);
    expect((await u.factory!.post(`/api/labour/postings/${created.id}/review`, { approve: true })).statusCode).toBe(403);
    const approved = await u.labour!.post(`/api/labour/postings/${created.id}/review`, { approve: true });
    expect(approved.json().status).toBe('approved');
    expect((await u.labour!.post(`/api/labour/postings/${created.id}/review`, { approve: false, note: 'x' })).statusCode).toBe(
      409,
    );

    const anon = t.anonymous();
    const page = (await anon.get(`/api/public/labour/fairs/${token}`)).json();
    expect(page.postings.map((p: { id: number }) => p.id)).toEqual([created.id]);
    expect(page.postings[0]).not.toHaveProperty('reviewNote');
    for (let i = 0; i < 3; i++) expect((await anon.post(`/api/public/labour/fairs/${token}/visit`)).statusCode).toBe(200);

    const apply = await anon.post(`/api/public/labour/postings/${created.id}/applications`, {
      name: '王小明',
      phone: '13800138000',
    });
    expect(apply.statusCode, apply.body).toBe(200);
    const twice = await anon.post(`/api/public/labour/postings/${created.id}/applications`, {
      name: '王小明',
      phone: '138 0013 8000',
    });
    expect(twice.statusCode).toBe(409);
    expect(fieldsOf(twice)).toEqual(['phone']);

    const apps = (await u.factory!.get(`/api/labour/applications?postingId=${created.id}`)).json();
    expect(apps.total).toBe(1);
    expect(apps.items[0]).toMatchObject({ name: '王小明', phoneMasked: '138****8000', status: 'applied', channel: 'public' });
    expect(JSON.stringify(apps)).not.toContain('13800138000');
    const appId = apps.items[0].id;
    expect((await u.factory!.post(`/api/labour/applications/${appId}/status`, { status: 'intention' })).json().status).toBe(
      'intention',
    );
    expect((await u.factory!.post(`/api/labour/applications/${appId}/status`, { status: 'hired' })).json().status).toBe('hired');
    // a second hire of the same application is refused, the count stays
    expect((await u.factory!.post(`/api/labour/applications/${appId}/status`, { status: 'hired' })).statusCode).toBe(409);
    expect((await u.factory!.get(`/api/labour/postings/${created.id}`)).json().hired).toBe(1);
    // another enterprise cannot see or mark it
    expect((await u.supermarket!.post(`/api/labour/applications/${appId}/status`, { status: 'rejected' })).statusCode).toBe(404);

    const f = (await u.labour!.get(`/api/labour/fairs/${fairId}`)).json();
    expect(f).toMatchObject({ visits: 3, postings: 1, places: 3, enterprises: 1, applications: 1, intentions: 1, hires: 1 });
    const audit = await t.core.db.selectFrom('auditLog').select('action').where('action', 'like', 'labour.%').execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['labour.posting_create', 'labour.posting_approved', 'labour.apply', 'labour.application_hired']),
    );
  });

  it('refuses bad postings per field and writes nothing', async () => {
    const before = Number(
      (
        await t.core.db
          .selectFrom('jobPosting')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const cases: [Client, Record<string, unknown>, string[]][] = [
      [u.factory!, postingInput(ids.factory, t.regions.gridA, { places: 0 }), ['places']],
      [u.factory!, postingInput(ids.factory, t.regions.gridA, { payMinFen: 700_000 }), ['payMaxFen']],
      [
        u.factory!,
        postingInput(ids.factory, t.regions.gridA, { places: 1.5, validUntil: '2026-13-01' }),
        ['places', 'validUntil'],
      ],
      [u.factory!, postingInput(ids.foreign, t.regions.gridA), ['entityId']],
      [u.labour!, postingInput(ids.idle, t.regions.gridA), ['entityId']],
      [u.factory!, postingInput(ids.factory, t.regions.gridA, { validUntil: '2026-01-01' }), ['validUntil']],
      [u.factory!, postingInput(ids.factory, t.regions.gridA, { fairId: 999 }), ['fairId']],
    ];
    for (const [c, body, fields] of cases) {
      const res = await c.post('/api/labour/postings', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res), JSON.stringify(body)).toEqual(fields);
    }
    const en = await u.factory!.request({
      method: 'POST',
      url: '/api/labour/postings',
      payload: postingInput(ids.idle, t.regions.gridA),
      headers: { 'x-locale': 'en' },
    });
    expect(en.json().fields[0].message).toMatch(/you act for/);
    const after = Number(
      (
        await t.core.db
          .selectFrom('jobPosting')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before);
  });

  it('a rejected posting needs a reason and never becomes public', async () => {
    const p = (
      await u.factory!.post('/api/labour/postings', postingInput(ids.factory, t.regions.gridA, { title: '临时工' }))
    ).json();
    expect(fieldsOf(await u.labour!.post(`/api/labour/postings/${p.id}/review`, { approve: false }))).toEqual(['note']);
    expect(
      (await u.labour!.post(`/api/labour/postings/${p.id}/review`, { approve: false, note: '薪酬写法不规范' })).json().status,
    ).toBe('rejected');
    expect(
      (await t.anonymous().post(`/api/public/labour/postings/${p.id}/applications`, { name: '张三', phone: phone(1) }))
        .statusCode,
    ).toBe(404);
  });

  it('keeps postings inside their area', async () => {
    const id = await publishedPosting(1);
    expect((await u.townB!.get(`/api/labour/postings/${id}`)).statusCode).toBe(404);
    expect((await u.townA!.get(`/api/labour/postings/${id}`)).statusCode).toBe(200);
    expect((await u.supermarket!.get(`/api/labour/postings/${id}`)).statusCode).toBe(404);
    const list = (await u.townB!.get('/api/labour/postings')).json();
    expect(list.total).toBe(0);
  });

  it('never hires more than the places, however many hires arrive at once', async () => {
    const places = 4;
    const id = await publishedPosting(places);
    const anon = t.anonymous();
    for (let i = 0; i < 12; i++)
      // entered by the bureau (the public form is rate-limited per address)
      expect(
        (await u.labour!.post(`/api/labour/postings/${id}/applications`, { name: `求职者${i}`, phone: phone(100 + i) }))
          .statusCode,
      ).toBe(200);
    const apps = (await u.factory!.get(`/api/labour/applications?postingId=${id}&pageSize=50`)).json().items as { id: number }[];
    const results = await Promise.all(
      apps.map((a) => u.factory!.post(`/api/labour/applications/${a.id}/status`, { status: 'hired' })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(places);
    expect(codes.filter((c) => c === 409)).toHaveLength(apps.length - places);
    const p = (await u.factory!.get(`/api/labour/postings/${id}`)).json();
    expect(p).toMatchObject({ hired: places, status: 'filled' });
    const hired = (await u.factory!.get(`/api/labour/applications?postingId=${id}&status=hired`)).json().total;
    expect(hired).toBe(places);
    // a filled posting leaves the public list and takes no more applications
    expect(
      (await anon.post(`/api/public/labour/postings/${id}/applications`, { name: '迟到者', phone: phone(999) })).statusCode,
    ).toBe(404);
  });

  it('counts concurrent visits of a fair page exactly', async () => {
    const fair = (
      await u.labour!.post('/api/labour/fairs', {
        name: '直播招聘会',
        kind: 'live',
        startsOn: '2026-03-02',
        endsOn: '2026-03-02',
        regionCode: t.regions.townA,
      })
    ).json();
    const anon = t.anonymous();
    await Promise.all(Array.from({ length: 25 }, () => anon.post(`/api/public/labour/fairs/${fair.token}/visit`)));
    expect((await u.labour!.get(`/api/labour/fairs/${fair.id}`)).json().visits).toBe(25);
    const qr = (await u.labour!.get(`/api/labour/fairs/${fair.id}/qr`)).json();
    expect(qr.url).toContain(`/p/labour/fairs/${fair.token}`);
    expect(qr.dataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await u.townB!.get(`/api/labour/fairs/${fair.id}`)).statusCode).toBe(404);
  });
});
