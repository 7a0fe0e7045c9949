import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Client, TestApp } from '../../../test/helpers';
import { baseEntity, registryTestApp, uscc, badUscc, upload, encodeGbk, xlsx, readXlsx, multipart } from './registry.fixtures';

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
