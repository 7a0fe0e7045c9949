import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { usccCheckChar, type EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { systemContext } from '../../platform/context';

let t: TestApp;
let admin: Client;
let townA: Client;
let townB: Client;
let grid: Client;

const uscc = (n: number) => {
  const body = `9112011900${String(n).padStart(7, '0')}`;
  return body + usccCheckChar(body);
};
/** A well-formed code whose check character is wrong. */
const badUscc = (n: number) => {
  const good = uscc(n);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
};

function multipart(fileName: string, data: Buffer, type = 'application/octet-stream') {
  const boundary = '----fugong' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
async function upload(c: Client, fileName: string, data: Buffer, headers: Record<string, string> = {}) {
  const m = multipart(fileName, data);
  return c.request({ method: 'POST', url: '/api/registry/imports', payload: m.payload, headers: { ...m.headers, ...headers } });
}

/** GBK bytes for a string, from the inverse of Node's own GBK decoder (Node ships no GBK encoder). */
let gbkTable: Map<string, number[]> | null = null;
function encodeGbk(s: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(Uint8Array.of(a, b));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      }
  }
  const out: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`no GBK for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function readXlsx(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return out;
}

const base = (over: Record<string, unknown> = {}) => ({
  kind: 'enterprise',
  name: '蓟州测试制造有限公司',
  sector: 'secondary',
  regionCode: t.regions.gridA,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  townA = await t.userWith('town-a', [{ role: 'town', regionCode: t.regions.townA }]);
  townB = await t.userWith('town-b', [{ role: 'town', regionCode: t.regions.townB }]);
  grid = await t.userWith('grid-a', [{ role: 'grid', regionCode: t.regions.gridA }]);
});
afterAll(() => t.close());

describe('registry service for other modules', () => {
  it('creates an entity, moves its status inside the caller’s transaction and records history and audit', async () => {
    const ctx = systemContext();
    const id = await t.services.registry.createEntity(ctx, base({ name: '服务接口企业', uscc: uscc(1) }) as EntityInput);
    expect(await t.services.registry.getForService(id)).toMatchObject({
      id,
      status: 'not_resumed',
      uscc: uscc(1),
      regionCode: t.regions.gridA,
      kind: 'enterprise',
    });
    await t.core.db
      .transaction()
      .execute((trx) => t.services.registry.changeStatus(trx, ctx, id, 'filing', '提交备案', { type: 'filing', id: 7 }));
    expect((await t.services.registry.getForService(id))!.status).toBe('filing');
    await expect(
      t.core.db.transaction().execute((trx) => t.services.registry.changeStatus(trx, ctx, id, 'suspended', 'x')),
    ).rejects.toMatchObject({ status: 409 });
    // a failing caller transaction takes the status change with it
    await expect(
      t.core.db.transaction().execute(async (trx) => {
        await t.services.registry.changeStatus(trx, ctx, id, 'resumed', '审核通过', { type: 'filing', id: 7 });
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect((await t.services.registry.getForService(id))!.status).toBe('filing');
    const hist = await admin.get(`/api/registry/entities/${id}/history`);
    expect(
      hist
        .json()
        .items.map((h: { to: string; sourceType: string | null; sourceId: string | null }) => [h.to, h.sourceType, h.sourceId]),
    ).toEqual([
      ['filing', 'filing', '7'],
      ['not_resumed', 'registry', null],
    ]);
    const audits = await t.core.db
      .selectFrom('auditLog')
      .select('action')
      .where('targetType', '=', 'entity')
      .where('targetId', '=', String(id))
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['registry.create', 'registry.status']);
    expect(await t.services.registry.getForService(999999)).toBeNull();
    const many = await t.services.registry.getManyForService([id, id, 999999]);
    expect([...many.keys()]).toEqual([id]);
    expect(many.get(id)).toMatchObject({ id, name: '服务接口企业', status: 'filing' });
  });

  it('creates many entities in one transaction, or none when one input is wrong', async () => {
    const ctx = systemContext();
    const inputs = [0, 1, 2].map(
      (i) =>
        base({
          name: `批量企业${i}`,
          uscc: uscc(30 + i),
          regionCode: i === 2 ? t.regions.gridB : t.regions.gridA,
        }) as EntityInput,
    );
    const ids = await t.services.registry.createEntities(ctx, inputs);
    expect(ids).toHaveLength(3);
    expect((await t.services.registry.getForService(ids[2]!))!.regionPath).toContain(`/${t.regions.gridB}/`);
    expect((await admin.get(`/api/registry/entities/${ids[0]}/history`)).json().items).toHaveLength(1);
    const bad = [
      base({ name: '批量A', uscc: uscc(40) }),
      base({ name: '批量B', uscc: uscc(41), regionCode: '120119777777' }),
    ] as EntityInput[];
    await expect(t.services.registry.createEntities(ctx, bad)).rejects.toMatchObject({
      status: 400,
      fields: [{ field: '1.regionCode', message: 'regions.unknown' }],
    });
    expect((await admin.get(`/api/registry/entities?q=${uscc(40)}`)).json().total).toBe(0);
  });

  it('adds items of registered timeline sources to the entity page', async () => {
    const id = await t.services.registry.createEntity(
      systemContext(),
      base({ name: '时间线企业', uscc: uscc(2) }) as EntityInput,
    );
    t.services.registry.registerTimelineSource({
      name: 'test-source',
      load: async (entityId, ctx) =>
        entityId === id
          ? [{ at: '2030-01-01T00:00:00.000Z', kind: 'test.item', title: ctx.locale === 'en' ? 'Filed' : '已备案', link: '/x' }]
          : [],
    });
    const res = await admin.get(`/api/registry/entities/${id}/timeline`, { 'x-locale': 'en' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { kind: string; title: string }[];
    expect(items[0]).toMatchObject({ kind: 'test.item', title: 'Filed' });
    expect(items.some((i) => i.kind === 'registry.created' && i.title === 'Registered')).toBe(true);
    expect(() => t.services.registry.registerTimelineSource({ name: 'test-source', load: async () => [] })).toThrow();
  });
});

describe('entity API: permissions', () => {
  let inA: number;
  let inB: number;
  let enterprise: Client;
  beforeAll(async () => {
    inA = (
      await admin.post(
        '/api/registry/entities',
        base({
          name: '甲镇小餐馆',
          kind: 'individual',
          sector: 'tertiary',
          regNo: 'GT-0001',
          smallVenueType: 'small_restaurant',
          sizeClass: 'micro',
        }),
      )
    ).json().id;
    inB = (
      await admin.post('/api/registry/entities', base({ name: '乙镇工厂', uscc: uscc(3), regionCode: t.regions.gridB }))
    ).json().id;
    enterprise = await t.userWith('ent-a', [{ role: 'enterprise', entityId: inA }]);
  });

  it('lets an enterprise user see only its own entity', async () => {
    const list = await enterprise.get('/api/registry/entities?pageSize=100');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((e: { id: number }) => e.id)).toEqual([inA]);
    expect((await enterprise.get(`/api/registry/entities/${inA}`)).json()).toMatchObject({ id: inA, abilities: { edit: false } });
    expect((await enterprise.get(`/api/registry/entities/${inB}`)).statusCode).toBe(404);
    expect((await enterprise.get(`/api/registry/entities/${inB}/timeline`)).statusCode).toBe(404);
    expect((await enterprise.post('/api/registry/entities', base({ uscc: uscc(4) }))).statusCode).toBe(403);
    expect((await enterprise.post(`/api/registry/entities/${inA}/status`, { to: 'resumed', reason: 'x' })).statusCode).toBe(403);
    const exp = await enterprise.get('/api/registry/entities/export');
    expect(exp.statusCode).toBe(200);
    expect((await readXlsx(exp.rawPayload)).length).toBe(2);
  });

  it('lets a town officer see and manage only its own town', async () => {
    const ids = (await townA.get('/api/registry/entities?pageSize=500'))
      .json()
      .items.map((e: { id: number; regionPath: string }) => e);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((e: { regionPath: string }) => e.regionPath.includes(`/${t.regions.townA}/`))).toBe(true);
    expect(ids.some((e: { id: number }) => e.id === inB)).toBe(false);
    expect((await townA.get(`/api/registry/entities/${inB}`)).statusCode).toBe(404);
    expect(
      (await townA.put(`/api/registry/entities/${inB}`, base({ name: '改名', uscc: uscc(3), regionCode: t.regions.gridB })))
        .statusCode,
    ).toBe(404);
    expect((await townA.post(`/api/registry/entities/${inB}/status`, { to: 'filing', reason: 'x' })).statusCode).toBe(404);
    const outside = await townA.post('/api/registry/entities', base({ uscc: uscc(5), regionCode: t.regions.gridB }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields).toEqual([{ field: 'regionCode', message: `区划 ${t.regions.gridB} 不在您的管辖范围内` }]);
    // asking for another town's subtree yields nothing rather than another town's data
    expect((await townA.get(`/api/registry/entities?regionCode=${t.regions.townB}`)).json().total).toBe(0);
    expect((await townB.get(`/api/registry/entities/${inB}`)).json()).toMatchObject({
      id: inB,
      abilities: { edit: true, changeStatus: true, nextStatuses: ['filing', 'resumed', 'closed'] },
    });
  });

  it('shows a grid worker entities of its grid read-only', async () => {
    const e = (await grid.get(`/api/registry/entities/${inA}`)).json();
    expect(e.abilities).toEqual({ edit: false, changeStatus: false, nextStatuses: [] });
    expect((await grid.put(`/api/registry/entities/${inA}`, base({ regNo: 'GT-0001' }))).statusCode).toBe(403);
  });

  it('refuses anonymous callers', async () => {
    expect((await t.anonymous().get('/api/registry/entities')).statusCode).toBe(401);
    expect((await t.anonymous().get(`/api/registry/entities/${inA}`)).statusCode).toBe(401);
  });
});

describe('entity API: validation', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['kind', { kind: 'shop' }, 'kind'],
    ['name empty', { name: '  ' }, 'name'],
    ['name too long', { name: '名'.repeat(101) }, 'name'],
    ['uscc check character', { uscc: badUscc(10) }, 'uscc'],
    ['uscc alphabet', { uscc: '91120119MA05ITEST0' }, 'uscc'],
    ['no uscc and no reg-no', { uscc: null, regNo: null }, 'regNo'],
    ['regNo too long', { uscc: null, regNo: 'R'.repeat(31) }, 'regNo'],
    ['region missing', { regionCode: '' }, 'regionCode'],
    ['region unknown', { regionCode: '120119999999' }, 'regionCode'],
    ['address too long', { address: '路'.repeat(201) }, 'address'],
    ['sector', { sector: 'quaternary' }, 'sector'],
    ['industry too long', { industry: 'i'.repeat(51) }, 'industry'],
    ['aboveScale type', { aboveScale: 'yes' }, 'aboveScale'],
    ['aboveQuota type', { aboveQuota: 1 }, 'aboveQuota'],
    ['fourAbove implied', { aboveScale: true, fourAbove: false }, 'fourAbove'],
    ['sizeClass', { sizeClass: 'huge' }, 'sizeClass'],
    ['smallVenueType', { smallVenueType: 'casino' }, 'smallVenueType'],
    ['registeredStaff negative', { registeredStaff: -1 }, 'registeredStaff'],
    ['registeredStaff fraction', { registeredStaff: 1.5 }, 'registeredStaff'],
    ['contactName too long', { contactName: 'n'.repeat(51) }, 'contactName'],
    ['contactPhone', { contactPhone: 'call me' }, 'contactPhone'],
    ['riskLevel', { riskLevel: 'extreme' }, 'riskLevel'],
  ];
  for (const [what, patch, field] of cases) {
    it(`answers 400 naming ${field} for a bad ${what}, and writes nothing`, async () => {
      const before = await t.core.db
        .selectFrom('entity')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await admin.post('/api/registry/entities', base({ uscc: uscc(11), ...patch }));
      expect(res.statusCode).toBe(400);
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
      const after = await t.core.db
        .selectFrom('entity')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });
  }

  it('explains a bad credit code in the caller’s language', async () => {
    const en = await admin.request({
      method: 'POST',
      url: '/api/registry/entities',
      payload: base({ uscc: badUscc(12) }),
      headers: { 'x-locale': 'en' },
    });
    expect(en.json().fields).toEqual([
      { field: 'uscc', message: 'Invalid unified social credit code (check character mismatch)' },
    ]);
    const tw = await admin.request({
      method: 'POST',
      url: '/api/registry/entities',
      payload: base({ uscc: badUscc(12) }),
      headers: { 'x-locale': 'zh-TW' },
    });
    expect(tw.json().fields[0].message).toBe('統一社會信用代碼無效（校驗位不符）');
  });

  it('keeps credit codes unique, and reg-no + name + region unique for businesses without one', async () => {
    expect((await admin.post('/api/registry/entities', base({ uscc: uscc(13) }))).statusCode).toBe(200);
    const dup = await admin.post('/api/registry/entities', base({ name: '另一个名字', uscc: uscc(13).toLowerCase() }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'registry.uscc_taken', fields: [{ field: 'uscc' }] });
    const ind = base({ kind: 'individual', name: '个体理发店', regNo: 'GT-0099', sector: 'tertiary' });
    expect((await admin.post('/api/registry/entities', ind)).statusCode).toBe(200);
    expect((await admin.post('/api/registry/entities', ind)).statusCode).toBe(409);
    expect((await admin.post('/api/registry/entities', { ...ind, name: '另一家理发店' })).statusCode).toBe(200);
    expect((await admin.post('/api/registry/entities', { ...ind, regionCode: t.regions.gridB })).statusCode).toBe(200);
    // reg-no + name + region stay unique when one of the two also has a credit code
    const withCode = await admin.post('/api/registry/entities', { ...ind, regNo: 'GT-0100', uscc: uscc(15) });
    expect(withCode.statusCode).toBe(200);
    const again = await admin.post('/api/registry/entities', { ...ind, regNo: 'GT-0100' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'registry.identity_taken', fields: [{ field: 'regNo' }] });
    const otherCode = await admin.post('/api/registry/entities', { ...ind, regNo: 'GT-0100', uscc: uscc(16) });
    expect(otherCode.json()).toMatchObject({ code: 'registry.identity_taken' });
  });

  it('updates attributes, and refuses to take another entity’s credit code', async () => {
    const id = (await admin.post('/api/registry/entities', base({ uscc: uscc(14) }))).json().id;
    const res = await admin.put(
      `/api/registry/entities/${id}`,
      base({ uscc: uscc(14), name: '新名称', contactPhone: '13812345678', registeredStaff: 40 }),
    );
    expect(res.statusCode).toBe(200);
    const e = (await admin.get(`/api/registry/entities/${id}`)).json();
    expect(e).toMatchObject({ name: '新名称', contactPhoneMasked: '138****5678', registeredStaff: 40, status: 'not_resumed' });
    expect(JSON.stringify(e)).not.toContain('13812345678');
    // leaving the phone out keeps it; null clears it
    await admin.put(`/api/registry/entities/${id}`, base({ uscc: uscc(14), name: '再改名' }));
    expect((await admin.get(`/api/registry/entities/${id}`)).json()).toMatchObject({
      name: '再改名',
      contactPhoneMasked: '138****5678',
    });
    await admin.put(`/api/registry/entities/${id}`, base({ uscc: uscc(14), name: '再改名', contactPhone: null }));
    expect((await admin.get(`/api/registry/entities/${id}`)).json().contactPhoneMasked).toBeNull();
    expect((await admin.put(`/api/registry/entities/${id}`, base({ uscc: uscc(13) }))).statusCode).toBe(409);
  });
});

describe('entity API: status', () => {
  it('changes status through the state machine with who and why, and refuses invalid moves with 409', async () => {
    const id = (await townA.post('/api/registry/entities', base({ uscc: uscc(20) }))).json().id;
    expect((await townA.post(`/api/registry/entities/${id}/status`, { to: 'resumed', reason: '疫情前已复工' })).statusCode).toBe(
      200,
    );
    const bad = await townA.request({
      method: 'POST',
      url: `/api/registry/entities/${id}/status`,
      payload: { to: 'filing', reason: 'x' },
      headers: { 'x-locale': 'en' },
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json()).toMatchObject({ code: 'common.bad_transition', message: 'Cannot filing while the record is resumed' });
    expect((await townA.post(`/api/registry/entities/${id}/status`, { to: 'suspended', reason: '' })).statusCode).toBe(400);
    expect(
      (await townA.post(`/api/registry/entities/${id}/status`, { to: 'suspended', reason: '发现发热员工' })).statusCode,
    ).toBe(200);
    const hist = (await townA.get(`/api/registry/entities/${id}/history`)).json().items;
    expect(hist[0]).toMatchObject({ from: 'resumed', to: 'suspended', reason: '发现发热员工', actorName: 'town-a' });
    expect(hist).toHaveLength(3);
    const timeline = (await townA.get(`/api/registry/entities/${id}/timeline`)).json().items;
    expect(timeline.find((i: { kind: string }) => i.kind === 'registry.status').title).toBe('状态变更：已复工 → 已暂停');
  });
});

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

describe('bulk import', () => {
  const HEAD = [
    '统一社会信用代码',
    '注册号',
    '名称',
    '主体类型',
    '区划代码',
    '地址',
    '产业',
    '行业',
    '规上',
    '限上',
    '四上',
    '企业规模',
    '五小/九小类型',
    '登记从业人数',
    '联系人',
    '联系电话',
    '风险等级',
  ];
  const rows = () => [
    HEAD,
    [
      uscc(501),
      '',
      '导入制造一厂',
      '企业',
      t.regions.gridA,
      '工业园1号',
      '二产',
      '制造业',
      '是',
      '否',
      '是',
      '中型',
      '',
      120,
      '张三',
      '13900001111',
      '低',
    ],
    [
      uscc(502),
      '',
      '导入商贸公司',
      '企业',
      t.regions.communityA,
      '',
      '三产',
      '批发业',
      '否',
      '是',
      '是',
      '小型',
      '',
      15,
      '',
      '',
      '中',
    ],
    [
      '',
      'GT-501',
      '导入小超市',
      '个体工商户',
      t.regions.gridA,
      '',
      '三产',
      '零售业',
      '否',
      '否',
      '否',
      '微型',
      '小超市',
      3,
      '',
      '',
      '低',
    ],
    [badUscc(503), '', '坏代码公司', '企业', t.regions.gridA, '', '二产', '', '', '', '', '', '', '', '', '', ''],
    [uscc(504), '', '未知区划公司', '企业', '120119888888', '', '二产', '', '', '', '', '', '', '', '', '', ''],
    [uscc(505), '', '', '企业', t.regions.gridA, '', '二产', '', '', '', '', '', '', '', '', '', ''],
    [uscc(506), '', '坏规模公司', '企业', t.regions.gridA, '', '二产', '', '', '', '', '巨型', '', '-3', '', '', ''],
    [uscc(501), '', '重复行', '企业', t.regions.gridA, '', '二产', '', '', '', '', '', '', '', '', '', ''],
  ];

  it('previews an .xlsx with each row’s action and every error in the user’s language, writes nothing until confirmed', async () => {
    const file = await xlsx(rows());
    const before = Number(
      (
        await t.core.db
          .selectFrom('entity')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const res = await upload(admin, '主体.xlsx', file);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.summary).toEqual({ total: 8, create: 3, update: 0, unchanged: 0, error: 5 });
    const byRow = new Map(p.rows.map((r: { row: number }) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({ action: 'create', name: '导入制造一厂', errors: [] });
    expect(byRow.get(5)).toMatchObject({
      action: 'error',
      errors: [{ field: 'uscc', message: '统一社会信用代码无效（校验位不符）' }],
    });
    expect(byRow.get(6)).toMatchObject({
      action: 'error',
      errors: [{ field: 'regionCode', message: '行政区划代码 120119888888 不存在' }],
    });
    expect(byRow.get(7)).toMatchObject({ action: 'error', errors: [{ field: 'name', message: '必填' }] });
    expect((byRow.get(8) as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'registeredStaff',
      'sizeClass',
    ]);
    expect(byRow.get(9)).toMatchObject({ action: 'error', errors: [{ field: 'uscc', message: '与第 2 行是同一主体' }] });
    const after = Number(
      (
        await t.core.db
          .selectFrom('entity')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before);

    const en = (await admin.get(`/api/registry/imports/${p.token}?only=error`, { 'x-locale': 'en' })).json();
    expect(en.rowsTotal).toBe(5);
    expect(en.rows[0].errors[0].message).toBe('Invalid unified social credit code (check character mismatch)');

    const ok = await admin.post(`/api/registry/imports/${p.token}/confirm`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 5 });
    expect((await admin.post(`/api/registry/imports/${p.token}/confirm`)).statusCode).toBe(409);
    const listed = (await admin.get(`/api/registry/entities?q=${encodeURIComponent('导入')}&pageSize=50`)).json();
    expect(listed.items.map((e: { name: string }) => e.name).sort()).toEqual(
      ['导入商贸公司', '导入小超市', '导入制造一厂'].sort(),
    );
    const shop = listed.items.find((e: { name: string }) => e.name === '导入小超市');
    expect(shop).toMatchObject({
      kind: 'individual',
      uscc: null,
      regNo: 'GT-501',
      smallVenueType: 'small_supermarket',
      sizeClass: 'micro',
      status: 'not_resumed',
    });
    expect(listed.items.find((e: { name: string }) => e.name === '导入制造一厂')).toMatchObject({
      aboveScale: true,
      fourAbove: true,
      registeredStaff: 120,
      contactPhoneMasked: '139****1111',
    });

    // the same file again changes nothing
    const again = (await upload(admin, '主体.xlsx', file)).json();
    expect(again.summary).toEqual({ total: 8, create: 0, update: 0, unchanged: 3, error: 5 });
    expect((await admin.post(`/api/registry/imports/${again.token}/confirm`)).json()).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      skipped: 5,
    });
    const total = (await admin.get(`/api/registry/entities?q=${encodeURIComponent('导入')}`)).json().total;
    expect(total).toBe(3);

    // a changed row is an update, naming what changes
    const changed = rows();
    changed[1]![13] = 150;
    const upd = (await upload(admin, '主体.xlsx', await xlsx(changed))).json();
    expect(upd.summary).toMatchObject({ create: 0, update: 1, unchanged: 2 });
    expect(upd.rows.find((r: { row: number }) => r.row === 2)).toMatchObject({ action: 'update', changes: ['registeredStaff'] });
    expect((await admin.post(`/api/registry/imports/${upd.token}/confirm`)).json()).toMatchObject({ created: 0, updated: 1 });
  });

  it('reads a GBK .csv, quoted fields included, and a UTF-8 one with a BOM', async () => {
    const csv = [
      '统一社会信用代码,注册号,名称,主体类型,区划代码,产业,五小/九小类型',
      `${uscc(601)},,"蓟州""GBK""食品店, 分店",个体工商户,${t.regions.gridA},三产,小食品店`,
      `,GT-602,国标理发店,个体工商户,${t.regions.gridA},三产,小理发店`,
    ].join('\r\n');
    const gbk = encodeGbk(csv);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const p = (await upload(admin, 'gbk.csv', gbk)).json();
    expect(p.summary).toMatchObject({ total: 2, create: 2, error: 0 });
    expect(p.rows[0]).toMatchObject({ name: '蓟州"GBK"食品店, 分店', row: 2 });
    expect((await admin.post(`/api/registry/imports/${p.token}/confirm`)).json()).toMatchObject({ created: 2 });
    const shop = (await admin.get(`/api/registry/entities?q=GBK`)).json().items[0];
    expect(shop).toMatchObject({ smallVenueType: 'small_food_shop', kind: 'individual' });
    // the same rows as UTF-8 with a BOM are recognised as the entities just imported
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
    expect((await upload(admin, 'utf8.csv', utf8)).json().summary).toMatchObject({ unchanged: 2, create: 0 });
  });

  it('matches a row without a credit code to the entity holding its reg-no, name and region', async () => {
    const id = (
      await admin.post(
        '/api/registry/entities',
        base({ kind: 'individual', sector: 'tertiary', name: '有码有号店', regNo: 'GT-777', uscc: uscc(777) }),
      )
    ).json().id;
    const file = await xlsx([
      ['名称', '主体类型', '区划代码', '产业', '注册号', '登记从业人数'],
      ['有码有号店', '个体工商户', t.regions.gridA, '三产', 'GT-777', 9],
    ]);
    const p = (await upload(admin, 'regno.xlsx', file)).json();
    // the same business, not a second one; the code the registry knows is kept
    expect(p.rows[0]).toMatchObject({ action: 'update', entityId: id, changes: ['registeredStaff'] });
    expect((await admin.post(`/api/registry/imports/${p.token}/confirm`)).json()).toMatchObject({ created: 0, updated: 1 });
    expect((await admin.get(`/api/registry/entities/${id}`)).json()).toMatchObject({ uscc: uscc(777), registeredStaff: 9 });
  });

  it('marks rows outside a town officer’s area and keeps previews private to their uploader', async () => {
    const file = await xlsx([
      ['名称', '主体类型', '区划代码', '产业', '统一社会信用代码'],
      ['甲镇新厂', '企业', t.regions.gridA, '二产', uscc(701)],
      ['乙镇新厂', '企业', t.regions.gridB, '二产', uscc(702)],
    ]);
    const p = (await upload(townA, 'a.xlsx', file)).json();
    expect(p.summary).toMatchObject({ create: 1, error: 1 });
    expect(p.rows[1].errors[0]).toEqual({ field: 'regionCode', message: `区划 ${t.regions.gridB} 不在您的管辖范围内` });
    expect((await townB.get(`/api/registry/imports/${p.token}`)).statusCode).toBe(404);
    expect((await townB.post(`/api/registry/imports/${p.token}/confirm`)).statusCode).toBe(404);
    expect((await grid.post(`/api/registry/imports/${p.token}/confirm`)).statusCode).toBe(403);
    expect((await townA.post(`/api/registry/imports/${p.token}/confirm`)).json()).toMatchObject({ created: 1, skipped: 1 });
  });

  it('rejects unreadable files, files without the required columns, and requests without a file', async () => {
    const junk = await upload(admin, 'x.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3]));
    expect(junk.statusCode).toBe(400);
    expect(junk.json().code).toBe('registry.import_unreadable');
    expect((await upload(admin, 'bin.csv', Buffer.from([1, 0, 2, 0]))).json().code).toBe('registry.import_unreadable');
    const cols = await upload(admin, 'c.csv', Buffer.from('名称,地址\n某公司,某路\n'));
    expect(cols.statusCode).toBe(400);
    expect(cols.json().message).toBe('缺少必需的列：主体类型、区划代码、产业');
    expect((await upload(admin, 'e.csv', Buffer.from('名称,主体类型,区划代码,产业\n'))).json().code).toBe(
      'registry.import_empty',
    );
    expect((await admin.post('/api/registry/imports', {})).statusCode).toBe(400);
    expect(
      (await grid.request({ method: 'POST', url: '/api/registry/imports', ...multipart('a.csv', Buffer.from('a')) })).statusCode,
    ).toBe(403);
  });

  it('serves a template with Chinese headers that imports as is', async () => {
    const res = await admin.get('/api/registry/imports/template');
    expect(res.statusCode).toBe(200);
    const head = (await readXlsx(res.rawPayload))[0]!;
    expect(head).toEqual(
      expect.arrayContaining(['统一社会信用代码', '名称*', '主体类型*', '区划代码*', '产业*', '五小/九小类型']),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    wb.worksheets[0]!.addRow(['', 'GT-901', '模板填写店', '个体工商户', t.regions.gridA, '', '三产']);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await upload(admin, 'tpl.xlsx', filled)).json().summary).toMatchObject({ total: 1, create: 1 });
  });
});
