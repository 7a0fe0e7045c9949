import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityInput } from '@fugong/contract';
import { systemContext } from '../../platform/context';
import type { Client, TestApp } from '../../../test/helpers';
import { baseEntity, registryTestApp, uscc, badUscc, readXlsx } from './registry.fixtures';

let t: TestApp;
let admin: Client;
let townA: Client;
let townB: Client;
let grid: Client;
const base = (over: Record<string, unknown> = {}) => baseEntity(t, over);

beforeAll(async () => {
  ({ t, admin, townA, townB, grid } = await registryTestApp());
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
