import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { idCard, mobile } from '../../../test/people-fixtures';
import { manualClock } from '../../platform/clock';

// 10:00 in China on 1 March
const clock = manualClock('2026-03-01T02:00:00Z');
let t: TestApp;
let gridA: Client;
let gridB: Client;
let person: number;

const facts = {
  originRegion: '湖北省武汉市',
  originRisk: 'high',
  travelHistory: [],
  healthCode: 'green',
  temperature: 36.5,
  contact: 'none',
};
const day = 86400_000;

async function relogin() {
  [gridA, gridB] = await Promise.all([t.login('grid-a'), t.login('grid-b')]);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  gridA = await t.userWith('grid-a', [{ role: 'grid', regionCode: t.regions.gridA }]);
  gridB = await t.userWith('grid-b', [{ role: 'grid', regionCode: t.regions.gridB }]);
  person = (
    await gridA.post('/api/people', {
      name: '钱多多',
      idType: 'id_card',
      idNumber: idCard('420102', '19880808', 21),
      phone: mobile(21),
      regionCode: t.regions.gridA,
      address: '幸福小区5栋1单元302',
      category: 'outside_worker',
    })
  ).json().id;
});
afterAll(async () => t.close());

describe('risk assessment and isolation', () => {
  let iso: number;
  let token: string;

  it('computes the measure from the versioned rules: a high-risk origin means 14 days at home', async () => {
    const res = await gridA.post('/api/isolation/assessments', { personId: person, ...facts });
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out.outcome).toMatchObject({
      riskLevel: 'high',
      measure: 'home',
      days: 14,
      ruleVersion: 1,
      computed: { ruleName: '来自高风险地区' },
    });
    iso = out.isolationId;
    const detail = (await gridA.get(`/api/isolations/${iso}`)).json();
    expect(detail).toMatchObject({
      kind: 'home',
      startDate: '2026-03-01',
      endDate: '2026-03-14',
      status: 'active',
      abilities: { checkin: true, release: false },
    });
    token = detail.checkinToken;
    expect(token).toMatch(/^[\w-]{24}$/);
  });

  it('refuses a second running isolation of the same person', async () => {
    const res = await gridA.post('/api/isolation/assessments', { personId: person, ...facts });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('isolation.already_active');
  });

  it('lets an override with a reason change the measure, and keeps the computed one', async () => {
    const p2 = (
      await gridA.post('/api/people', {
        name: '孙悟',
        idType: 'id_card',
        idNumber: idCard('420102', '19770707', 22),
        regionCode: t.regions.gridA,
        category: 'resident',
      })
    ).json().id;
    const noReason = await gridA.post('/api/isolation/assessments', {
      personId: p2,
      ...facts,
      override: { riskLevel: 'medium', measure: 'centralised', days: 7, reason: '' },
    });
    expect(noReason.statusCode).toBe(400);
    const res = await gridA.post('/api/isolation/assessments', {
      personId: p2,
      ...facts,
      site: '区第一隔离点',
      override: { riskLevel: 'high', measure: 'centralised', days: 14, reason: '同车厢有确诊病例' },
    });
    expect(res.json().outcome).toMatchObject({
      measure: 'centralised',
      overrideReason: '同车厢有确诊病例',
      computed: { measure: 'home' },
    });
    expect((await gridA.get(`/api/isolations/${res.json().isolationId}`)).json().site).toBe('区第一隔离点');
  });

  it('saves edited rules as a new version that later assessments use', async () => {
    const admin = await t.login('admin');
    const rules = (await admin.get('/api/isolation/rules')).json().rules;
    rules.find((r: { name: string }) => r.name === '来自高风险地区').days = 21;
    expect((await gridA.put('/api/isolation/rules', { rules })).statusCode).toBe(403);
    expect((await admin.put('/api/isolation/rules', { rules })).json()).toEqual({ version: 2 });
    const p3 = (
      await gridA.post('/api/people', {
        name: '沙和尚',
        idType: 'id_card',
        idNumber: idCard('420102', '19660606', 23),
        regionCode: t.regions.gridA,
        category: 'resident',
      })
    ).json().id;
    expect((await gridA.post('/api/isolation/assessments', { personId: p3, ...facts })).json().outcome).toMatchObject({
      days: 21,
      ruleVersion: 2,
    });
    const low = (
      await gridA.post('/api/people', {
        name: '唐三',
        idType: 'id_card',
        idNumber: idCard('120119', '19990909', 24),
        regionCode: t.regions.gridA,
        category: 'resident',
      })
    ).json().id;
    const none = await gridA.post('/api/isolation/assessments', { personId: low, ...facts, originRisk: 'low' });
    expect(none.json()).toMatchObject({ isolationId: null, outcome: { riskLevel: 'low', measure: 'none' } });
  });

  it('lists rule versions, shows an old one, and explains an invalid rule set per field', async () => {
    const admin = await t.login('admin');
    const versions = (await admin.get('/api/isolation/rules/versions')).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ ruleCount: 8, createdByName: expect.any(String) });
    const v1 = (await admin.get('/api/isolation/rules/versions/1')).json();
    expect(v1.rules.find((r: { name: string }) => r.name === '来自高风险地区').days).toBe(14);
    expect((await admin.get('/api/isolation/rules/versions/99')).statusCode).toBe(404);
    const rules = v1.rules;
    const bad = [...rules, { name: '来自高风险地区', when: {}, riskLevel: 'high', measure: 'home', days: 0 }];
    const res = await admin.put('/api/isolation/rules', { rules: bad });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(res.json().fields.map((f: { field: string; message: string }) => [f.field, f.message]));
    const i = rules.length;
    expect(fields).toMatchObject({
      [`rules.${i}.when`]: '每条规则至少设置一个条件',
      [`rules.${i}.days`]: '隔离措施的天数至少为 1 天',
      [`rules.${i}.name`]: '规则名称不能重复',
    });
    expect((await admin.get('/api/isolation/rules')).json().version).toBe(2);
  });

  it('prints a notice with the name masked, the address and the dates', async () => {
    const n = (await gridA.get(`/api/isolations/${iso}/notice`)).json();
    expect(n).toMatchObject({
      nameMasked: '钱*多',
      address: '幸福小区5栋1单元302',
      startDate: '2026-03-01',
      endDate: '2026-03-14',
      days: 14,
      kind: 'home',
    });
    expect(JSON.stringify(n)).not.toContain('钱多多');
  });

  it('takes one check-in a day from the phone link; fever alerts the grid worker', async () => {
    const view = await t.anonymous().get(`/api/public/isolation/checkin/${token}`);
    expect(view.json()).toMatchObject({ nameMasked: '钱*多', checkedInToday: false, today: '2026-03-01' });
    expect(JSON.stringify(view.json())).not.toContain('钱多多');
    expect(
      (await t.anonymous().post(`/api/public/isolation/checkin/${token}`, { temperature: 36.6, symptoms: [] })).json(),
    ).toEqual({ fever: false });
    const again = await t.anonymous().post(`/api/public/isolation/checkin/${token}`, { temperature: 36.6 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('isolation.checkin_done');
    expect((await t.anonymous().get('/api/public/isolation/checkin/not-a-real-token-xx')).statusCode).toBe(404);
    clock.advance(day);
    await relogin();
    expect((await gridA.post(`/api/isolations/${iso}/checkins`, { temperature: 37.8, symptoms: ['cough'] })).json()).toEqual({
      fever: true,
    });
    const notes = await t.core.db.selectFrom('notification').selectAll().where('kind', '=', 'isolation.fever').execute();
    expect(notes.map((n) => n.userId)).toContain(gridA.userId);
    expect(notes.map((n) => n.userId)).not.toContain(gridB.userId);
    const list = (await gridA.get(`/api/isolations/${iso}/checkins`)).json().items;
    expect(list.map((c: { temperature: number; by: string }) => [c.temperature, c.by])).toEqual([
      [37.8, 'staff'],
      [36.6, 'self'],
    ]);
  });

  it('alerts a missed day once, through the scheduled job', async () => {
    clock.advance(2 * day);
    await relogin();
    const n1 = await t.services.isolation.alertMissedCheckins();
    expect(n1).toBeGreaterThanOrEqual(1);
    expect(await t.services.isolation.alertMissedCheckins()).toBe(0);
    const missed = await t.core.db
      .selectFrom('notification')
      .selectAll()
      .where('kind', '=', 'isolation.missed')
      .where('userId', '=', gridA.userId!)
      .execute();
    expect(missed.length).toBe(n1);
  });

  it('hides another grid’s isolations: 404 and not listed', async () => {
    expect((await gridB.get(`/api/isolations/${iso}`)).statusCode).toBe(404);
    expect((await gridB.get(`/api/isolations/${iso}/notice`)).statusCode).toBe(404);
    expect((await gridB.post(`/api/isolations/${iso}/checkins`, { temperature: 36.5 })).statusCode).toBe(404);
    expect((await gridB.get('/api/isolations')).json().total).toBe(0);
  });

  it('releases only from the last day and after a final check without fever', async () => {
    const early = await gridA.post(`/api/isolations/${iso}/release`, { temperature: 36.5 });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('isolation.release_not_due');
    clock.set('2026-03-14T02:00:00Z');
    await relogin();
    expect((await gridA.post(`/api/isolations/${iso}/release`, { temperature: 38.1 })).json().code).toBe(
      'isolation.final_check_failed',
    );
    expect((await gridA.post(`/api/isolations/${iso}/release`, { temperature: 36.4, note: '期满解除' })).statusCode).toBe(200);
    expect((await gridA.get(`/api/isolations/${iso}`)).json()).toMatchObject({ status: 'released', checkinToken: null });
    const twice = await gridA.post(`/api/isolations/${iso}/release`, { temperature: 36.4 });
    expect(twice.json().code).toBe('common.bad_transition');
    expect((await t.anonymous().post(`/api/public/isolation/checkin/${token}`, { temperature: 36.4 })).json().code).toBe(
      'common.bad_transition',
    );
  });

  it('purges health data N days after the case closes, keeping anonymous counts, and logs the purge', async () => {
    const checkinsBefore = await t.core.db.selectFrom('isolationCheckin').select('id').where('isolationId', '=', iso).execute();
    expect(checkinsBefore.length).toBe(3);
    // 29 days after release: not yet
    clock.set('2026-04-12T02:00:00Z');
    expect((await t.services.isolation.purgeExpiredHealthData()).isolations).toBe(0);
    clock.set('2026-04-14T03:00:00Z');
    // through the job runner and its lease, as in production
    expect(await t.core.jobs.runOnce('isolation.retention')).toBe(true);
    expect(await t.core.db.selectFrom('isolationCheckin').select('id').where('isolationId', '=', iso).execute()).toEqual([]);
    const a = await t.core.db
      .selectFrom('riskAssessment')
      .select(['factsEnc', 'purgedAt', 'riskLevel'])
      .where('isolationId', '=', iso)
      .executeTakeFirstOrThrow();
    expect(a).toMatchObject({ factsEnc: null, riskLevel: 'high' });
    const daily = await t.core.db.selectFrom('isolationDaily').selectAll().execute();
    expect(daily.reduce((s, d) => s + d.checkins, 0)).toBe(3);
    expect(daily.reduce((s, d) => s + d.fevers, 0)).toBe(1);
    const log = await t.core.db.selectFrom('auditLog').selectAll().where('action', '=', 'isolation.retention_purge').execute();
    expect(JSON.parse(log.at(-1)!.detail!)).toMatchObject({ isolations: 1, checkins: 3, retentionDays: 30 });
    // the still-running isolations keep their data
    expect((await t.core.db.selectFrom('isolationCheckin').select('id').execute()).length).toBe(0);
    expect(
      (await t.core.db.selectFrom('riskAssessment').select('id').where('factsEnc', 'is not', null).execute()).length,
    ).toBeGreaterThan(0);
  });
});

describe('sealed buildings and screening', () => {
  it('seals buildings, records status, releases, and reports buildings and people per town', async () => {
    const admin = await t.login('admin');
    const town = await t.userWith('town-a', [{ role: 'town', regionCode: t.regions.townA }]);
    const a = (
      await town.post('/api/sealed-buildings', {
        name: '3栋',
        regionCode: t.regions.communityA,
        residents: 120,
        reason: '出现确诊病例',
      })
    ).json().id;
    await town.post('/api/sealed-buildings', { name: '5栋', regionCode: t.regions.gridA, residents: 80, reason: '密接' });
    expect(
      (await town.post('/api/sealed-buildings', { name: 'x', regionCode: t.regions.communityB, residents: 1, reason: '越权' }))
        .statusCode,
    ).toBe(400);
    await admin.post('/api/sealed-buildings', { name: '8栋', regionCode: t.regions.communityB, residents: 50, reason: '密接' });
    expect((await town.post(`/api/sealed-buildings/${a}/status`, { note: '物资已送达，无异常' })).statusCode).toBe(200);
    expect((await town.post(`/api/sealed-buildings/${a}/release`)).statusCode).toBe(200);
    expect((await town.post(`/api/sealed-buildings/${a}/status`, { note: 'x' })).json().code).toBe('common.bad_transition');
    const r = (await admin.get('/api/sealed-buildings/report?regionCode=120119')).json();
    expect(r.total).toMatchObject({ buildings: 3, people: 250, sealedNow: 2, peopleSealedNow: 130 });
    expect(r.rows.find((x: { regionCode: string }) => x.regionCode === t.regions.townA)).toMatchObject({
      buildings: 2,
      people: 200,
    });
    const mine = (await town.get('/api/sealed-buildings/report?regionCode=120119')).json();
    expect(mine.total).toMatchObject({ buildings: 2, people: 200 });
  });

  it('tracks door-to-door screening progress per grid', async () => {
    const town = await t.login('town-a');
    await relogin();
    const id = (
      await town.post('/api/screening', {
        name: '三级网格排查',
        regionCode: t.regions.townA,
        startDate: '2026-04-14',
        endDate: '2026-04-20',
        householdsPerGrid: 100,
      })
    ).json().id;
    expect(
      (await gridA.post(`/api/screening/${id}/visits`, { gridCode: t.regions.gridA, householdsVisited: 40, peopleRecorded: 120 }))
        .statusCode,
    ).toBe(200);
    expect(
      (await gridA.post(`/api/screening/${id}/visits`, { gridCode: t.regions.gridB, householdsVisited: 1, peopleRecorded: 1 }))
        .statusCode,
    ).toBe(400);
    const mine = (await gridA.get(`/api/screening/${id}`)).json();
    expect(mine.grids).toEqual([
      expect.objectContaining({
        gridCode: t.regions.gridA,
        householdsTarget: 100,
        householdsVisited: 40,
        peopleRecorded: 120,
        progress: 0.4,
      }),
    ]);
    const all = (await town.get(`/api/screening/${id}`)).json();
    expect(all.grids.length).toBeGreaterThan(1);
    expect(all.campaign).toMatchObject({ householdsVisited: 40, peopleRecorded: 120 });
    expect((await gridB.get(`/api/screening/${id}`)).statusCode).toBe(404);
  });
});
