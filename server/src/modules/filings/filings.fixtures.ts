import crypto from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import type { EntityInput, FilingDetail, FilingSummary } from '@fugong/contract';
import { multipart } from '../../../test/multipart';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { manualClock } from '../../platform/clock';
import { systemContext } from '../../platform/context';

// 2026-03-02 20:00 in China (sessions last 12 hours, so the batch test's jump stays inside one)
export const clock = manualClock('2026-03-02T12:00:00Z');
export const TODAY = '2026-03-02';
// set by useFilingsApp before the tests run; test files read them as live bindings
export let t: TestApp;
export let admin: Client;
type EntKey = 'restaurant' | 'shop' | 'shop2' | 'factory' | 'wholesale' | 'white' | 'far';
export const ents = {} as Record<EntKey, number>;
export const users = {} as Record<EntKey | 'townA' | 'townA2' | 'townB' | 'inspector' | 'commerce', Client>;

export const upload = (c: Client, kind: string, name: string, content: Buffer) =>
  c.request({ method: 'POST', url: '/api/filings/attachments', ...multipart({ kind }, { name, content }) });
export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(200)]);
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(100)]);

export async function entity(name: string, input: Partial<EntityInput>): Promise<number> {
  return t.services.registry.createEntity(systemContext(), {
    kind: 'enterprise',
    name,
    regNo: 'R' + crypto.randomBytes(5).toString('hex'),
    regionCode: t.regions.gridA,
    sector: 'tertiary',
    ...input,
  } as EntityInput);
}

export async function detail(c: Client, id: number): Promise<FilingDetail> {
  const r = await c.get(`/api/filings/${id}`);
  expect(r.statusCode).toBe(200);
  return r.json();
}

/** Valid content for a filing: every required checklist item ticked. */
export function validData(d: FilingDetail, over: Record<string, unknown> = {}) {
  return {
    plannedDate: '2026-03-05',
    staff: { total: 20, returning: 15, fromOtherProvinces: 3, fromHighRiskAreas: 0 },
    preventionPlan: { text: '全员测温、每日消毒、错峰就餐、设置隔离观察室。', attachmentIds: [] },
    emergencyPlan: { text: '发现发热立即隔离并报告属地社区卫生服务中心。', attachmentIds: [] },
    supplies: { masks: 500, thermometers: 4, disinfectantLitres: 20 },
    checklist: Object.fromEntries(d.checklist.items.map((i) => [i.code, true])),
    ...over,
  };
}
export const commitment = (d: FilingDetail, signerName = '张经理') => ({ signerName, text: d.commitmentText, accepted: true });

export async function startFiling(c: Client): Promise<FilingDetail> {
  const r = await c.post('/api/filings', {});
  expect(r.statusCode, r.body).toBe(200);
  return detail(c, (r.json() as FilingSummary).id);
}
export async function fileAndSubmit(c: Client): Promise<FilingDetail> {
  const open = ((await c.get('/api/filings')).json().items as FilingSummary[]).find((f) => f.status === 'draft');
  const d = open ? await detail(c, open.id) : await startFiling(c);
  const r = await c.post(`/api/filings/${d.id}/submit`, { data: validData(d), commitment: commitment(d) });
  expect(r.statusCode, r.body).toBe(200);
  return detail(c, d.id);
}
export const entityStatus = async (id: number) => (await t.services.registry.getForService(id))!.status;

/** A fresh app per test file: the seven entities of grids A and B, their users, two town A officers, one of town B, an inspector and the commerce department. */
export function useFilingsApp(): void {
  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await t.login('admin');
    ents.restaurant = await entity('小香园餐馆', { kind: 'individual', smallVenueType: 'small_restaurant' });
    ents.shop = await entity('蓟州文具店', { industry: '其他服务业' });
    ents.shop2 = await entity('蓟州眼镜店', { industry: '其他服务业' });
    ents.factory = await entity('蓟州李记修车铺', { kind: 'individual', industry: '居民服务业' });
    ents.wholesale = await entity('蓟州批发公司', { industry: '批发业' });
    ents.white = await entity('蓟州粮油批发', { industry: '批发业' });
    ents.far = await entity('乙镇小超市', { regionCode: t.regions.gridB, industry: '其他服务业' });
    for (const k of Object.keys(ents) as EntKey[])
      users[k] = await t.userWith(`ent_${k}`, [{ role: 'enterprise', entityId: ents[k] }]);
    users.townA = await t.userWith('townA', [{ role: 'town', regionCode: t.regions.townA }]);
    users.townA2 = await t.userWith('townA2', [{ role: 'town', regionCode: t.regions.townA }]);
    users.townB = await t.userWith('townB', [{ role: 'town', regionCode: t.regions.townB }]);
    users.inspector = await t.userWith('insp', [{ role: 'inspector', regionCode: t.regions.district }]);
    users.commerce = await t.userWith('commerce', [
      { role: 'department', regionCode: t.regions.district, department: 'commerce' },
    ]);
  });
  afterAll(() => t.close());
}
