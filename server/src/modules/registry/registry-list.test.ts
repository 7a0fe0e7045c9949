import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Client, TestApp } from '../../../test/helpers';
import { baseEntity, registryTestApp, uscc, readXlsx } from './registry.fixtures';

let t: TestApp;
let admin: Client;
const base = (over: Record<string, unknown> = {}) => baseEntity(t, over);

beforeAll(async () => {
  ({ t, admin } = await registryTestApp());
});
afterAll(() => t.close());

describe('entity API: list and export', () => {
  beforeAll(async () => {
    const mk = (n: number, over: Record<string, unknown>) =>
      admin.post('/api/registry/entities', base({ uscc: uscc(100 + n), name: `筛选企业${n}`, ...over }));
    await mk(1, { aboveScale: true, fourAbove: true, sizeClass: 'large', industry: '制造业' });
    await mk(2, {
      kind: 'individual',
      sector: 'tertiary',
      smallVenueType: 'small_pharmacy',
      industry: '零售业',
      regionCode: t.regions.communityB,
    });
    await mk(3, { aboveQuota: true, fourAbove: true, sector: 'tertiary', industry: '批发业', riskLevel: 'high' });
  });

  it('filters by search, region subtree, kind, sector, industry, flags, small-venue type, status and risk', async () => {
    const names = async (qs: string) =>
      (await admin.get(`/api/registry/entities?pageSize=500&${qs}`))
        .json()
        .items.map((e: { name: string }) => e.name)
        .filter((n: string) => n.startsWith('筛选'));
    expect(await names('q=筛选企业')).toEqual(expect.arrayContaining(['筛选企业1', '筛选企业2', '筛选企业3']));
    expect(await names(`q=${uscc(102).slice(0, 18)}`)).toEqual(['筛选企业2']);
    expect(await names(`q=${encodeURIComponent('筛选企业')}&regionCode=${t.regions.townB}`)).toEqual(['筛选企业2']);
    expect(await names('kind=individual')).toEqual(['筛选企业2']);
    expect((await names('sector=tertiary')).sort()).toEqual(['筛选企业2', '筛选企业3']);
    expect(await names(`industry=${encodeURIComponent('批发业')}`)).toEqual(['筛选企业3']);
    expect(await names('aboveScale=true')).toEqual(['筛选企业1']);
    expect(await names('aboveQuota=true')).toEqual(['筛选企业3']);
    expect((await names('fourAbove=true')).sort()).toEqual(['筛选企业1', '筛选企业3']);
    expect(await names('sizeClass=large')).toEqual(['筛选企业1']);
    expect(await names('smallVenueType=small_pharmacy')).toEqual(['筛选企业2']);
    expect(await names('riskLevel=high')).toEqual(['筛选企业3']);
    expect((await names('status=not_resumed')).length).toBe(3);
    expect(await names('status=closed')).toEqual([]);
    expect((await admin.get('/api/registry/entities?kind=shop')).statusCode).toBe(400);
    expect((await admin.get('/api/registry/entities?regionCode=999')).statusCode).toBe(400);
  });

  it('paginates on the server', async () => {
    const all = (await admin.get('/api/registry/entities?pageSize=500')).json();
    const p1 = (await admin.get('/api/registry/entities?page=1&pageSize=2')).json();
    const p2 = (await admin.get('/api/registry/entities?page=2&pageSize=2')).json();
    expect(p1.total).toBe(all.total);
    expect(p1.items).toHaveLength(2);
    expect(p2.items[0].id).toBe(all.items[2].id);
    expect((await admin.get('/api/registry/entities?pageSize=501')).statusCode).toBe(400);
  });

  it('applies a coverage filter registered by another module, and rejects unknown ones', async () => {
    const target = (await admin.get(`/api/registry/entities?q=${encodeURIComponent('筛选企业3')}`)).json().items[0].id as number;
    t.services.registry.registerCoverageFilter({ name: 'testOnly', where: (col) => sql`${sql.ref(col)} = ${target}` });
    expect((await admin.get('/api/registry/entities?coverage=testOnly')).json().items.map((e: { id: number }) => e.id)).toEqual([
      target,
    ]);
    expect((await admin.get('/api/registry/entities?coverage=nope')).statusCode).toBe(400);
  });

  it('exports the filtered list as .xlsx with headers in the caller’s language', async () => {
    const zh = await admin.get(`/api/registry/entities/export?fourAbove=true&q=${encodeURIComponent('筛选')}`);
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsx(zh.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['统一社会信用代码', '名称', '主体类型', '规上', '状态']));
    expect(
      rows
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(['筛选企业1', '筛选企业3']);
    expect(rows[1]).toEqual(expect.arrayContaining(['企业', '二产', '是', '未复工']));
    const en = await admin.get(`/api/registry/entities/export?fourAbove=true&q=${encodeURIComponent('筛选')}`, {
      'x-locale': 'en',
    });
    const enRows = await readXlsx(en.rawPayload);
    expect(enRows[0]).toEqual(expect.arrayContaining(['Credit code', 'Name', 'Kind', 'Status']));
    expect(enRows[1]).toEqual(expect.arrayContaining(['Enterprise', 'Not resumed']));
  });
});
