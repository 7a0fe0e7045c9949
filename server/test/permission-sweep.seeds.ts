/** The permission sweep's seeds: town-A records of every module, created the way each module creates them. */
import { expect } from 'vitest';
import { idCardCheckChar, usccCheckChar } from '@fugong/contract';
import type { Client, TestApp } from './helpers';
import { postFile, sampleFiles } from './multipart';
import { systemContext } from '../src/platform/context';
import { localDate } from '../src/platform/clock';

/** Town-A record ids a seed names per GET :id route ("GET /api/x/:id"), beyond what the collections list. */
export type SeedIds = Record<string, (number | string)[]>;
type Seed = (t: TestApp, admin: Client) => Promise<SeedIds | void>;
export const ok = <T = { id: number }>(res: { statusCode: number; body: string; json(): unknown }): T => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
/** The registry seed's enterprise: the town-A subject of the other modules' records. */
const townAEntity = async (admin: Client): Promise<number> =>
  ok<{ items: { id: number }[] }>(await admin.get('/api/registry/entities?q=甲镇扫描企业')).items[0]!.id;
/** Records placed in town A, created the way their module creates them. One per module. */
export const SEEDS: Record<string, Seed> = {
  users: async (t, admin) => {
    const res = await admin.post('/api/users', {
      username: 'sweep.town.a',
      displayName: '甲镇用户',
      password: 'Start1234',
      grants: [{ role: 'grid', regionCode: t.regions.gridA }],
    });
    expect(res.statusCode, res.body).toBe(200);
  },
  registry: async (t, admin) => {
    const body = '91120119000000001';
    const res = await admin.post('/api/registry/entities', {
      kind: 'enterprise',
      name: '甲镇扫描企业',
      sector: 'secondary',
      regionCode: t.regions.gridA,
      uscc: body + usccCheckChar(body),
    });
    expect(res.statusCode, res.body).toBe(200);
  },
  prevention: async (t, admin) => {
    const first17 = '12011919850312101';
    const person = await admin.post('/api/people', {
      name: '甲镇居民',
      idType: 'id_card',
      idNumber: first17 + idCardCheckChar(first17),
      regionCode: t.regions.gridA,
      category: 'resident',
      address: '甲镇1栋',
    });
    expect(person.statusCode, person.body).toBe(200);
    expect((await admin.post('/api/passes', { personId: person.json().id, passClass: 'A' })).statusCode).toBe(200);
    expect(
      (await admin.post('/api/checkpoints', { name: '甲镇卡点', kind: 'road', regionCode: t.regions.townA })).statusCode,
    ).toBe(200);
    const a = await admin.post('/api/isolation/assessments', {
      personId: person.json().id,
      originRegion: '某地',
      originRisk: 'high',
      healthCode: 'green',
      temperature: 36.5,
      contact: 'none',
    });
    expect(a.json().isolationId, a.body).toBeGreaterThan(0);
    expect(
      (
        await admin.post('/api/sealed-buildings', {
          name: '甲镇3栋',
          regionCode: t.regions.communityA,
          residents: 100,
          reason: '密接',
        })
      ).statusCode,
    ).toBe(200);
    const campaign = await admin.post('/api/screening', {
      name: '甲镇排查',
      regionCode: t.regions.townA,
      startDate: '2026-03-01',
      endDate: '2026-03-07',
      householdsPerGrid: 10,
    });
    expect(campaign.statusCode, campaign.body).toBe(200);
  },
  enforcement: async (t, admin) => {
    const round = await admin.post('/api/enforcement/rounds', {
      name: '甲镇专项检查',
      regionCode: t.regions.townA,
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      premisesTypes: ['mall'],
    });
    expect(round.statusCode, round.body).toBe(200);
    const entity = (await admin.get('/api/registry/entities?q=甲镇扫描企业')).json().items[0];
    const ins = await admin.post('/api/enforcement/inspections', {
      roundId: round.json().id,
      entityId: entity.id,
      inspectedOn: '2026-03-02',
      inspectorCount: 2,
      results: { masks: false },
      outcome: 'notice',
      noticeItems: '佩戴口罩',
      noticeDeadline: '2026-03-05',
    });
    const { id, noticeId } = ok<{ id: number; noticeId: number }>(ins);
    return { 'GET /api/enforcement/inspections/:id': [id], 'GET /api/enforcement/notices/:id': [noticeId] };
  },
  filings: async (t, admin) => {
    const entityId = await townAEntity(admin);
    const boss = await t.userWith('sweep.filer.a', [{ role: 'enterprise', entityId }]);
    const filing = ok(await boss.post('/api/filings', {}));
    const attachment = ok(
      await postFile(boss, '/api/filings/attachments', 'plan.pdf', sampleFiles.pdf, { kind: 'prevention_plan' }),
    );
    const staffId = '12011919900101102' + idCardCheckChar('12011919900101102');
    const staff = ok(await boss.post('/api/filings/staff', { name: '甲镇员工', idNumber: staffId, phone: '13812345678' }));
    ok(await boss.get(`/api/filings/staff/${staff.id}/qr`)); // its enterprise alone opens it (OWNER_READS)
    // The checklist configuration is district-wide: its versions belong to no town, so the probe is
    // the current version, which only holders of filings.configure may read.
    const version = ok<{ version: number }[]>(await admin.get('/api/filings/config/versions'))[0]!.version;
    return {
      'GET /api/filings/:id': [filing.id],
      'GET /api/filings/attachments/:id': [attachment.id],
      'GET /api/filings/staff/:id/qr': [staff.id],
      'GET /api/filings/config/versions/:id': [version],
    };
  },
  reports: async (t, admin) => {
    const entityId = await townAEntity(admin);
    await t.core.db
      .transaction()
      .execute((trx) => t.services.registry.changeStatus(trx, systemContext(), entityId, 'resumed', '扫描'));
    const boss = await t.login('sweep.filer.a');
    const today = localDate(t.core.clock.now());
    const report = ok(
      await boss.post('/api/reports/daily', {
        reportDate: today,
        staffOnDuty: 10,
        fromOtherProvinces: 0,
        underObservation: 0,
        abnormalTemperature: 0,
        suspectedCases: 0,
        capacityRate: 50,
        supplyDaysLeft: 10,
        problems: '',
      }),
    );
    return { 'GET /api/reports/daily/:id/versions': [report.id] };
  },
  venues: async (t, admin) => {
    const venue = ok(
      await admin.post('/api/venues', { kind: 'scenic', name: '甲镇景区', regionCode: t.regions.townA, normalCapacity: 1000 }),
    );
    const hotel = ok(
      await admin.post('/api/venues', { kind: 'hotel', name: '甲镇宾馆', regionCode: t.regions.townA, normalCapacity: 50 }),
    );
    const both = [venue.id, hotel.id];
    const ofAnyVenue = ['', '/bookings', '/bookings/export', '/gate/stats', '/gate/checkins/export'];
    // guest registers are kept by hotels only (a scenic spot answers 409)
    return {
      ...Object.fromEntries(ofAnyVenue.map((sub) => [`GET /api/venues/:id${sub}`, both])),
      'GET /api/venues/:id/guests': [hotel.id],
      'GET /api/venues/:id/guests/export': [hotel.id],
    };
  },
  tickets: async (t, admin) => {
    const categories = ok<{ id: number }[]>(await admin.get('/api/tickets/categories'));
    const ticket = ok(
      await admin.post('/api/tickets', {
        categoryId: categories[0]!.id,
        title: '甲镇口罩缺口',
        description: '库存仅够两天',
        entityId: await townAEntity(admin),
      }),
    );
    return { 'GET /api/tickets/:id': [ticket.id] };
  },
  complaints: async (t, admin) => {
    const { receiptNo } = ok<{ receiptNo: string }>(
      await admin.post('/api/complaints', {
        content: '甲镇超市不查验健康码',
        regionCode: t.regions.townA,
        phone: '13700137000',
        channel: 'phone',
      }),
    );
    const listed = ok<{ items: { id: number; receiptNo: string }[] }>(await admin.get('/api/complaints?pageSize=100')).items;
    return { 'GET /api/complaints/:id': listed.filter((c) => c.receiptNo === receiptNo).map((c) => c.id) };
  },
  liaison: async (t, admin) => {
    const visit = ok(
      await admin.post('/api/liaison/visits', { entityId: await townAEntity(admin), visitDate: '2026-03-02', mode: 'phone' }),
    );
    return { 'GET /api/liaison/visits/:id': [visit.id], 'GET /api/liaison/visits/:id/photos': [visit.id] };
  },
  supplies: async (t, admin) => {
    const item = ok(
      await admin.post('/api/supplies/items', {
        code: 'sweep_mask',
        name: '口罩',
        unit: 'piece',
        packSize: 50,
        normPer100: 200,
        normKind: 'daily',
      }),
    );
    const point = ok(
      await admin.post('/api/supplies/stock-points', { kind: 'town_reserve', name: '甲镇储备', regionCode: t.regions.townA }),
    );
    const demand = ok(
      await admin.post('/api/supplies/demands', { entityId: await townAEntity(admin), itemId: item.id, quantity: 10 }),
    );
    return { 'GET /api/supplies/stock-points/:id': [point.id], 'GET /api/supplies/demands/:id': [demand.id] };
  },
  policies: async (t, admin) => {
    const pkg = ok(
      await admin.post('/api/policies/packages', {
        title: '甲镇扫描政策',
        shortTitle: '扫描政策',
        issuerLevel: 'district',
        issuer: '区政府',
        regionCode: t.regions.district,
        validFrom: '2026-01-01',
        measures: [
          {
            seq: 1,
            title: '稳岗返还',
            kind: 'subsidy',
            subsidyType: 'employment_training',
            department: 'labour',
            interpretation: '中小企业',
          },
        ],
      }),
    );
    ok(await admin.post(`/api/policies/packages/${pkg.id}/publish`, { version: 1 }));
    const measureId = ok<{ measures: { id: number }[] }>(await admin.get(`/api/policies/packages/${pkg.id}`)).measures[0]!.id;
    const app = ok(
      await admin.post('/api/policies/applications', {
        measureId,
        entityId: await townAEntity(admin),
        contactName: '甲镇',
        note: '申报',
      }),
    );
    return { 'GET /api/policies/applications/:id': [app.id] };
  },
  labour: async (t, admin) => {
    const entityId = await townAEntity(admin);
    // only a resumed entity may post; other seeds may have resumed it already
    if ((await t.services.registry.getForService(entityId))?.status !== 'resumed')
      await t.core.db
        .transaction()
        .execute((trx) => t.services.registry.changeStatus(trx, systemContext(), entityId, 'resumed', '复工'));
    const today = localDate(t.core.clock.now());
    const fair = ok(
      await admin.post('/api/labour/fairs', {
        name: '甲镇招聘会',
        kind: 'online',
        startsOn: today,
        endsOn: today,
        regionCode: t.regions.townA,
      }),
    );
    const posting = ok(
      await admin.post('/api/labour/postings', {
        entityId,
        fairId: fair.id,
        title: '甲镇普工',
        places: 2,
        payMinFen: 300_000,
        payMaxFen: 400_000,
        regionCode: t.regions.gridA,
        validUntil: today,
      }),
    );
    const batch = ok(
      await admin.post('/api/labour/transport', {
        originProvince: '甘肃省',
        originCity: '定西市',
        regionCode: t.regions.townA,
        departOn: today,
        vehicle: '大巴',
        seats: 10,
      }),
    );
    return {
      'GET /api/labour/fairs/:id': [fair.id],
      'GET /api/labour/fairs/:id/qr': [fair.id],
      'GET /api/labour/postings/:id': [posting.id],
      'GET /api/labour/transport/:id': [batch.id],
    };
  },
  finance: async (t, admin) => {
    const inst = ok(
      await admin.post('/api/finance/institutions', { name: '甲镇农商银行', kind: 'rural_bank', regionCode: t.regions.townA }),
    );
    const request = ok(
      await admin.post('/api/finance/requests', {
        entityId: await townAEntity(admin),
        amountFen: 5_000_000_00,
        purpose: 'wages',
        termMonths: 12,
        collateral: 'credit',
        institutionIds: [inst.id],
        contactName: '甲镇会计',
        contactPhone: '13800138000',
      }),
    );
    return { 'GET /api/finance/institutions/:id': [inst.id], 'GET /api/finance/requests/:id': [request.id] };
  },
  projects: async (t, admin) => {
    const entity = ok(
      await admin.post('/api/registry/entities', {
        kind: 'project',
        name: '甲镇重点项目',
        sector: 'secondary',
        regionCode: t.regions.gridA,
        regNo: 'XM-SWEEP-A',
      }),
    );
    const project = ok(
      await admin.post('/api/projects', {
        name: '甲镇重点项目',
        entityId: entity.id,
        level: 'district',
        phase: 'continuing',
        investmentFen: 100,
      }),
    );
    const approval = ok(
      await admin.post(`/api/projects/${project.id}/approvals`, {
        kind: '施工许可',
        department: 'housing',
        decidedOn: '2026-03-01',
        status: 'pending_documents',
        documents: [{ name: '规划许可证', dueOn: '2026-03-10' }],
      }),
    );
    return {
      'GET /api/projects/:id': [project.id],
      'GET /api/projects/:id/plans': [project.id],
      'GET /api/projects/approvals/:id': [approval.id],
    };
  },
  audit: async (t) => {
    await t.core.audit.record(t.core.db, systemContext(), {
      action: 'sweep.town_a',
      targetType: 'sweep',
      targetId: 1,
      regionPath: `/120119/${t.regions.townA}/`,
    });
  },
};
