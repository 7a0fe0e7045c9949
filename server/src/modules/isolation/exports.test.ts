import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { idCard, mobile } from '../../../test/people-fixtures';
import { clearPersonalNumbers, readXlsx } from '../../../test/xlsx';
import { manualClock } from '../../platform/clock';

// 10:00 in China on 1 March
const clock = manualClock('2026-03-01T02:00:00Z');
let t: TestApp;
let admin: Client;
let townA: Client;
let gridA: Client;
let gridB: Client;
let staffA: Client;
let nobody: Client;
let gate: number;
let campaign: number;

const idA = idCard('420102', '19880808', 31);
const idB = idCard('120119', '19900101', 32);
const idC = idCard('510402', '19950505', 33);
const phoneA = mobile(31);
const facts = {
  originRegion: '湖北省武汉市',
  originRisk: 'high',
  travelHistory: [],
  healthCode: 'green',
  temperature: 36.5,
  contact: 'none',
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function exported(c: Client, url: string, headers?: Record<string, string>) {
  const res = await c.get(url, headers);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; .*filename\*=UTF-8''.+\.xlsx$/);
  const rows = await readXlsx(res.rawPayload);
  // no clear document or phone number in any cell, and none of the numbers used here anywhere in the file
  expect(clearPersonalNumbers(rows)).toEqual([]);
  const text = rows.flat().join('|');
  for (const n of [idA, idB, idC, phoneA]) expect(text).not.toContain(n);
  return rows;
}

async function lastAudit(action: string) {
  const res = (await admin.get(`/api/audit?action=${action}&pageSize=1`)).json();
  const e = res.items[0] as { action: string; detail: unknown } | undefined;
  return e && { ...e, detail: typeof e.detail === 'string' ? JSON.parse(e.detail) : e.detail };
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.login('admin');
  townA = await t.userWith('town-a', [{ role: 'town', regionCode: t.regions.townA }]);
  gridA = await t.userWith('grid-a', [{ role: 'grid', regionCode: t.regions.gridA }]);
  gridB = await t.userWith('grid-b', [{ role: 'grid', regionCode: t.regions.gridB }]);
  staffA = await t.userWith('staff-a', [{ role: 'checkpoint', regionCode: t.regions.townA }]);
  nobody = await t.userWith('liaison-a', [{ role: 'liaison', regionCode: t.regions.townA }]);
  const a = (
    await gridA.post('/api/people', {
      name: '钱多多',
      idType: 'id_card',
      idNumber: idA,
      phone: phoneA,
      regionCode: t.regions.gridA,
      address: '幸福小区5栋1单元302',
      category: 'outside_worker',
    })
  ).json().id;
  const b = (
    await gridA.post('/api/people', {
      name: '王小五',
      idType: 'id_card',
      idNumber: idB,
      regionCode: t.regions.gridA,
      category: 'resident',
    })
  ).json().id;
  await gridB.post('/api/people', {
    name: '乙镇人',
    idType: 'id_card',
    idNumber: idC,
    regionCode: t.regions.gridB,
    category: 'resident',
  });
  expect((await gridA.post('/api/isolation/assessments', { personId: a, ...facts })).statusCode).toBe(200);
  const pass = (await gridA.post('/api/passes', { personId: b, passClass: 'A' })).json().id;
  await townA.post('/api/passes', { personId: a, passClass: 'B' });
  gate = (
    await townA.post('/api/checkpoints', { name: '幸福小区东门', kind: 'community_gate', regionCode: t.regions.communityA })
  ).json().id;
  const token = (await gridA.get(`/api/passes/${pass}`)).json().token;
  await staffA.post('/api/passes/verify', { checkpointId: gate, direction: 'in', token });
  await staffA.post('/api/passes/verify', { checkpointId: gate, direction: 'out', idNumber: idB });
  await townA.post(`/api/passes/${pass}/revoke`, { reason: '离开本地' });
  await staffA.post('/api/passes/verify', { checkpointId: gate, direction: 'in', token });
  await townA.post('/api/sealed-buildings', {
    name: '3栋',
    regionCode: t.regions.communityA,
    residents: 120,
    reason: '出现确诊病例',
  });
  await admin.post('/api/sealed-buildings', { name: '8栋', regionCode: t.regions.communityB, residents: 50, reason: '密接' });
  campaign = (
    await townA.post('/api/screening', {
      name: '三级网格排查',
      regionCode: t.regions.townA,
      startDate: '2026-03-01',
      endDate: '2026-03-07',
      householdsPerGrid: 100,
    })
  ).json().id;
  await gridA.post(`/api/screening/${campaign}/visits`, {
    gridCode: t.regions.gridA,
    householdsVisited: 40,
    peopleRecorded: 120,
  });
});
afterAll(async () => t.close());

describe('.xlsx exports of people, passes and isolation', () => {
  it('exports the people list with its filters, ID numbers and phones masked, and audits it', async () => {
    const rows = await exported(gridA, '/api/people/export');
    expect(rows[0]).toEqual([
      '姓名',
      '证件号码（脱敏）',
      '手机号码（脱敏）',
      '人员类别',
      '居住地',
      '区划代码',
      '住址',
      '用工单位编号',
      '登记时间',
    ]);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['王小五', '钱多多']);
    const qian = rows.find((r) => r[0] === '钱多多')!;
    expect(qian[1]).toMatch(/^4201\*+\d{3}[\dX]$|^\d{3,6}\*+/);
    expect(qian[2]).toContain('*');
    expect(qian[3]).toBe('外来务工人员');
    const filtered = await exported(gridA, '/api/people/export?category=resident', { 'x-locale': 'en' });
    expect(filtered[0]![0]).toBe('Name');
    expect(filtered.slice(1).map((r) => [r[0], r[3]])).toEqual([['王小五', 'Resident']]);
    // a whole ID number as the search: found by its keyed hash, and the audit keeps no copy of the number
    const byNumber = await exported(gridA, `/api/people/export?q=${idA}`);
    expect(byNumber.slice(1).map((r) => r[0])).toEqual(['钱多多']);
    const entry = await lastAudit('people.export');
    expect(JSON.stringify(entry)).not.toContain(idA);
    expect(entry?.detail).toMatchObject({ rows: 1 });
    // town B's grid worker gets only their own grid
    expect((await exported(gridB, '/api/people/export')).slice(1).map((r) => r[0])).toEqual(['乙镇人']);
    expect((await nobody.get('/api/people/export')).statusCode).toBe(403);
  });

  it('exports passes with status and masked numbers, never the QR token', async () => {
    const rows = await exported(townA, '/api/passes/export');
    expect(rows[0]!.slice(0, 4)).toEqual(['持证人', '证件号码（脱敏）', '类别', '状态']);
    expect(
      rows
        .slice(1)
        .map((r) => [r[0], r[2], r[3]])
        .sort(),
    ).toEqual([
      ['王小五', 'A', '已撤销'],
      ['钱多多', 'B', '有效'],
    ]);
    expect(rows.find((r) => r[0] === '王小五')![9]).toBe('离开本地');
    const only = await exported(townA, '/api/passes/export?status=revoked');
    expect(only.length).toBe(2);
    for (const p of (await admin.get('/api/passes')).json().items as { id: number }[]) {
      const tok = (await admin.get(`/api/passes/${p.id}`)).json().token as string;
      expect(rows.flat().join('|')).not.toContain(tok);
    }
    expect((await lastAudit('passes.export'))?.detail).toMatchObject({ filter: { status: 'revoked' }, rows: 1 });
    expect((await exported(gridB, '/api/passes/export')).length).toBe(1);
    expect((await staffA.get('/api/passes/export')).statusCode).toBe(403);
  });

  it('exports a checkpoint’s scan log of a day to those who run it', async () => {
    const rows = await exported(townA, `/api/checkpoints/${gate}/scans/export?date=2026-03-01`);
    expect(rows[0]).toEqual(['卡点', '日期', '时间', '方向', '结果', '原因', '类别', '持证人', '证件号码（脱敏）']);
    expect(rows.slice(1).map((r) => [r[2], r[3], r[4], r[5], r[7]])).toEqual([
      ['10:00:00', '进', '通行', '', '王*五'],
      ['10:00:00', '出', '通行', '', '王*五'],
      ['10:00:00', '进', '禁止通行', '通行证已撤销', '王*五'],
    ]);
    expect(rows[1]![8]).toContain('*');
    expect((await exported(townA, `/api/checkpoints/${gate}/scans/export?date=2026-02-28`)).length).toBe(1);
    expect((await lastAudit('passes.scan_export'))?.detail).toMatchObject({ date: '2026-02-28', rows: 0 });
    // volunteers scan but do not export; another town does not see the checkpoint
    expect((await staffA.get(`/api/checkpoints/${gate}/scans/export`)).statusCode).toBe(403);
    const townB = await t.userWith('town-b', [{ role: 'town', regionCode: t.regions.townB }]);
    expect((await townB.get(`/api/checkpoints/${gate}/scans/export`)).statusCode).toBe(404);
    expect((await townA.get(`/api/checkpoints/${gate}/scans/export?date=1.3.2026`)).statusCode).toBe(400);
  });

  it('exports isolations with their check-in status', async () => {
    let rows = await exported(gridA, '/api/isolations/export');
    expect(rows[0]!.slice(9)).toEqual(['今日已打卡', '最近打卡', '打卡天数', '发热预警']);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[6], r[7], r[8], r[9], r[11]])).toEqual([
      ['钱多多', '居家隔离', '2026-03-01', '2026-03-14', '隔离中', '否', '0'],
    ]);
    const iso = (await gridA.get('/api/isolations')).json().items[0].id;
    await gridA.post(`/api/isolations/${iso}/checkins`, { temperature: 37.8, symptoms: [] });
    rows = await exported(gridA, '/api/isolations/export?status=active', { 'x-locale': 'en' });
    expect(rows.slice(1).map((r) => [r[2], r[8], r[9], r[10], r[11], r[12]])).toEqual([
      ['Home', 'In isolation', 'Yes', '2026-03-01', '1', 'Yes'],
    ]);
    expect((await exported(gridA, '/api/isolations/export?status=released')).length).toBe(1);
    expect((await exported(gridB, '/api/isolations/export')).length).toBe(1);
    expect((await lastAudit('isolation.export'))?.detail).toMatchObject({ rows: 0 });
    expect((await nobody.get('/api/isolations/export')).statusCode).toBe(403);
  });

  it('exports the sealed-building report per region with the total last', async () => {
    const rows = await exported(admin, `/api/sealed-buildings/report/export?regionCode=${t.regions.district}`);
    expect(rows[0]).toEqual(['区域', '区划代码', '累计封闭楼栋', '涉及人数', '仍在封闭', '仍封闭人数']);
    expect(rows.at(-1)!.slice(2)).toEqual(['2', '170', '2', '170']);
    expect(rows.at(-1)![0]).toMatch(/^合计/);
    const mine = await exported(townA, `/api/sealed-buildings/report/export?regionCode=${t.regions.district}`);
    expect(mine.at(-1)!.slice(2, 4)).toEqual(['1', '120']);
    expect((await lastAudit('isolation.sealed_export'))?.detail).toMatchObject({ buildings: 1, people: 120 });
    expect((await nobody.get('/api/sealed-buildings/report/export')).statusCode).toBe(403);
  });

  it('exports a screening campaign’s progress per grid', async () => {
    const rows = await exported(townA, `/api/screening/${campaign}/export`);
    expect(rows[0]).toEqual(['排查活动', '网格', '区划代码', '应走访户数', '已走访户数', '登记人数', '进度（%）']);
    const a = rows.find((r) => r[2] === t.regions.gridA)!;
    expect(a.slice(3)).toEqual(['100', '40', '120', '40']);
    expect(rows.at(-1)![1]).toBe('合计');
    expect(Number(rows.at(-1)![4])).toBe(40);
    const own = await exported(gridA, `/api/screening/${campaign}/export`);
    expect(own.slice(1, -1).map((r) => r[2])).toEqual([t.regions.gridA]);
    expect((await gridB.get(`/api/screening/${campaign}/export`)).statusCode).toBe(404);
    expect((await lastAudit('isolation.screening_export'))?.detail).toMatchObject({ grids: 1 });
  });
});
