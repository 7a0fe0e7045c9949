import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measure, policiesWorld, type PoliciesWorld } from './policies-fixture';

let w: PoliciesWorld;
beforeAll(async () => {
  w = await policiesWorld();
});
afterAll(() => w.t.close());

describe('catalogue', () => {
  it('refuses bad packages and measures field by field, writing nothing', async () => {
    const before = (await w.admin.get('/api/policies/packages')).json().total;
    const bad = await w.admin.post('/api/policies/packages', {
      title: '',
      shortTitle: '暖企7条',
      issuerLevel: 'district',
      issuer: '区政府',
      regionCode: w.t.regions.district,
      validFrom: '2026-03-01',
      validTo: '2026-02-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['title', 'validTo']);
    const unknownAttr = await w.admin.post(`/api/policies/packages/${w.packageId}/measures`, {
      ...measure(9, { eligibility: { kinds: ['enterprise'], colour: 'red' } as never }),
      version: 2,
    });
    expect(unknownAttr.statusCode).toBe(400);
    expect(unknownAttr.json().fields).toEqual([{ field: 'eligibility', message: '条件中含有未知的企业属性' }]);
    const range = await w.admin.post(`/api/policies/packages/${w.packageId}/measures`, {
      ...measure(9, { eligibility: { minStaff: 50, maxStaff: 10 } }),
      version: 2,
    });
    expect(range.json().fields).toEqual([{ field: 'eligibility.maxStaff', message: '人数上限不能小于下限' }]);
    const dupSeq = await w.admin.post(`/api/policies/packages/${w.packageId}/measures`, { ...measure(1), version: 2 });
    expect(dupSeq.statusCode).toBe(400);
    expect(dupSeq.json().fields[0].field).toBe('seq');
    expect((await w.admin.get('/api/policies/packages')).json().total).toBe(before);
    expect((await w.admin.get(`/api/policies/packages/${w.packageId}`)).json().measures).toHaveLength(3);
  });

  it('keeps a version per save and refuses a save over a newer one (409)', async () => {
    const pkg = (await w.admin.get(`/api/policies/packages/${w.packageId}`)).json();
    const m = pkg.measures[0];
    const edit = { ...m, interpretation: '中小企业按上年度失业保险费的50%返还', version: pkg.version };
    expect((await w.admin.put(`/api/policies/measures/${m.id}`, edit)).statusCode).toBe(200);
    const stale = await w.admin.put(`/api/policies/measures/${m.id}`, edit);
    expect(stale.statusCode).toBe(409);
    const versions = (await w.admin.get(`/api/policies/packages/${w.packageId}/versions`)).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([pkg.version + 1, pkg.version, 1]);
    expect(versions[1].status).toBe('published');
  });

  it('shows a published measure on its public page, with its conditions in the reader’s language', async () => {
    const res = await w.t.anonymous().get(`/api/public/policies/measures/${w.jobs.publicToken}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: '企业稳岗返还',
      packageShortTitle: '惠企21条',
      conditions: ['主体类型：企业', '企业规模：小型或中型'],
    });
    const en = await w.t.anonymous().get(`/api/public/policies/measures/${w.jobs.publicToken}`, { 'x-locale': 'en' });
    expect(en.json().conditions).toEqual(['Entity kind: enterprise', 'Size: small or medium']);
    const qr = await w.t.anonymous().get(`/api/public/policies/qr/${w.jobs.publicToken}`);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    const pkg = (await w.admin.get(`/api/policies/packages/${w.packageId}`)).json();
    const page = await w.t.anonymous().get(`/api/public/policies/packages/${pkg.publicToken}`);
    expect(page.json().measures).toHaveLength(3);
  });

  it('closes the public pages of a draft or withdrawn package', async () => {
    const draft = await w.admin.post('/api/policies/packages', {
      title: '人才十条',
      shortTitle: '人才10条',
      issuerLevel: 'district',
      issuer: '区政府',
      regionCode: w.t.regions.district,
      validFrom: '2026-03-01',
      measures: [measure(1)],
    });
    const d = (await w.admin.get(`/api/policies/packages/${draft.json().id}`)).json();
    expect((await w.t.anonymous().get(`/api/public/policies/measures/${d.measures[0].publicToken}`)).statusCode).toBe(404);
    expect((await w.admin.post(`/api/policies/packages/${d.id}/publish`, { version: 1 })).statusCode).toBe(200);
    expect((await w.t.anonymous().get(`/api/public/policies/measures/${d.measures[0].publicToken}`)).statusCode).toBe(200);
    expect((await w.admin.post(`/api/policies/packages/${d.id}/withdraw`, { version: 2 })).statusCode).toBe(200);
    expect((await w.t.anonymous().get(`/api/public/policies/measures/${d.measures[0].publicToken}`)).statusCode).toBe(404);
  });

  it('lets only managers write the catalogue, and town officers read it', async () => {
    expect((await w.townA.get(`/api/policies/packages/${w.packageId}`)).json().abilities.manage).toBe(false);
    const res = await w.townA.post(`/api/policies/packages/${w.packageId}/measures`, { ...measure(8), version: 99 });
    expect(res.statusCode).toBe(403);
    expect((await w.boss.get('/api/policies/packages')).statusCode).toBe(403);
  });
});
