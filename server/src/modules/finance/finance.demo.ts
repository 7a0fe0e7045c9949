import type { DemoServices } from '../../platform/module';
import { systemContext } from '../../platform/context';
import { usersWith } from '../../platform/grants';
import { maskPhone } from '../../platform/pii';
import { rng } from '../../demo/random';
import { DEMO_PASSWORD, demoContext, type DemoLogin } from '../../demo/demo-users';
import { financeSeedFigures as F, fengzeRollovers, jizhouInstitutions, splitAmounts } from './finance-demo-data';

const HOUR = 3_600_000;
const admin = demoContext(0, 'admin', '系统管理员', { role: 'admin' });
const iso = (ms: number) => new Date(ms).toISOString();

async function enterprisesOf(s: DemoServices, code: string, n: number) {
  return (await s.core.db
    .selectFrom('entity')
    .select(['id', 'name', 'regionCode', 'regionPath'])
    .where('regionPath', 'like', `/${code}/%`)
    .where('kind', '=', 'enterprise')
    .orderBy('id')
    .limit(n)
    .execute()) as { id: number; name: string; regionCode: string; regionPath: string }[];
}

async function institutions(s: DemoServices, code: string, names: [string, string][], branch: string) {
  const ids: number[] = [];
  for (const [name, kind] of names)
    ids.push(
      (
        await s.finance.saveInstitution(admin, null, {
          name,
          kind: kind as 'bank',
          branch,
          contactName: null,
          contactPhone: null,
          regionCode: code,
          active: true,
        })
      ).id,
    );
  return ids;
}

/** Officers for institutions, one account each (one password hash for all). */
async function officers(s: DemoServices, prefix: string, instIds: number[], names: string[]) {
  const users = await s.users.createUsers(
    systemContext(),
    instIds.map((_, i) => ({
      username: `${prefix}-${String(i + 1).padStart(2, '0')}`,
      displayName: `${names[i]}客户经理`,
      grants: [{ role: 'bank' as const }],
    })),
    DEMO_PASSWORD,
  );
  for (const [i, id] of instIds.entries()) await s.finance.setOfficer(admin, id, users[i]!, true);
  return users;
}

/**
 * Jizhou: 16 institutions with an officer each and 208 enterprises whose requests, answered and paid
 * out in February and March 2020, add up to 12.6 亿; 2.7 亿 of deferrals. Written in a few batched
 * statements (the demo loads on every empty start); the live queue of the demo `bank` user goes
 * through the service like any request.
 */
async function jizhou(s: DemoServices, log: (m: string) => void) {
  const inst = await institutions(s, F.jizhou.code, jizhouInstitutions, '蓟州支行');
  await officers(
    s,
    'bank-jz',
    inst,
    jizhouInstitutions.map(([n]) => n),
  );
  const demoBank = (await usersWith(s.core.db, { role: 'bank', search: 'bank' })).find((u) => u.username === 'bank');
  if (demoBank) await s.finance.setOfficer(admin, inst[0]!, demoBank.id, true);
  const ents = await enterprisesOf(s, F.jizhou.code, F.jizhou.enterprises + 3);
  if (ents.length < F.jizhou.enterprises + 3) return log(`finance: only ${ents.length} Jizhou enterprises; skipped`);
  const resolved = ents.slice(0, F.jizhou.enterprises);
  const amounts = splitAmounts(F.jizhou.disbursedFen, resolved.length, 1000);
  const r = rng(1001);
  const phone = '13800000000';
  const db = s.core.db;
  const start = Date.parse('2020-02-10T01:00:00Z');
  const reqs = resolved.map((e, i) => {
    const created = start + r.int(0, 45 * 24) * HOUR;
    return {
      no: `RZ${iso(created).slice(0, 10).replace(/-/g, '')}D${String(i + 1).padStart(5, '0')}`,
      entityId: e.id,
      entityName: e.name,
      regionCode: e.regionCode,
      regionPath: e.regionPath,
      amountFen: amounts[i]! + (i % 3 === 0 ? 1_000_000 * r.int(0, 50) : 0),
      purpose: r.pick(['wages', 'raw_materials', 'rollover', 'equipment', 'epidemic_supplies']),
      purposeNote: null,
      termMonths: r.pick([6, 12, 12, 24, 36]),
      collateral: r.pick(['credit', 'guarantee', 'mortgage', 'pledge']),
      collateralNote: null,
      urgency: r.pick(['normal', 'urgent', 'critical']),
      exclusive: 0,
      routedByCentre: i % 4 === 0 ? 1 : 0,
      whitelisted: 0,
      status: 'served',
      approvedFen: amounts[i]!,
      disbursedFen: amounts[i]!,
      takenByInstitutionId: null,
      firstAnswerDue: iso(created + 5 * 24 * HOUR),
      firstAnsweredAt: iso(created + r.int(2, 30) * HOUR),
      firstDisbursedAt: iso(created + r.int(48, 240) * HOUR),
      escalationLevel: null,
      escalatedAt: null,
      contactName: '财务负责人',
      contactPhoneEnc: s.core.pii.encrypt(phone),
      contactPhoneMasked: maskPhone(phone),
      createdBy: null,
      createdAt: iso(created),
      updatedAt: iso(created),
    };
  });
  await db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (let i = 0; i < reqs.length; i += 100)
      ids.push(
        ...(
          await trx
            .insertInto('financingRequest')
            .values(reqs.slice(i, i + 100))
            .returning('id')
            .execute()
        ).map((x) => Number(x.id)),
      );
    // every fifth request is shared by two lenders who split the money; the figures count each yuan once
    const answers = ids.flatMap((id, i) => {
      const a = inst[i % 16]!;
      const b = inst[(i + 5) % 16]!;
      const half = i % 5 === 0 ? Math.floor(amounts[i]! / 2_000_000) * 1_000_000 : 0;
      const shares = half ? [[a, amounts[i]! - half] as const, [b, half] as const] : [[a, amounts[i]!] as const];
      const at = reqs[i]!.firstDisbursedAt;
      return shares.map(([institutionId, fen]) => ({
        requestId: id,
        institutionId,
        status: 'disbursed',
        approvedFen: fen,
        disbursedFen: fen,
        declineReason: null,
        note: null,
        productId: null,
        accountOpenedAt: null,
        version: 4,
        createdAt: reqs[i]!.createdAt,
        updatedAt: at,
      }));
    });
    const answerIds: number[] = [];
    for (let i = 0; i < answers.length; i += 100)
      answerIds.push(
        ...(
          await trx
            .insertInto('financingAnswer')
            .values(answers.slice(i, i + 100))
            .returning('id')
            .execute()
        ).map((x) => Number(x.id)),
      );
    const tranches = answers.map((a, k) => ({
      answerId: answerIds[k]!,
      requestId: a.requestId,
      institutionId: a.institutionId,
      amountFen: a.disbursedFen,
      disbursedOn: iso(Date.parse(a.updatedAt) + 8 * HOUR).slice(0, 10),
      recordedAt: a.updatedAt,
      minutesFromAccount: null,
      confirmedAt: a.updatedAt,
      recordedBy: null,
    }));
    for (let i = 0; i < tranches.length; i += 100)
      await trx
        .insertInto('financingDisbursement')
        .values(tranches.slice(i, i + 100))
        .execute();
  });
  // the demo bank officer's live queue: three requests waiting for 工商银行
  for (const [k, e] of ents.slice(F.jizhou.enterprises).entries())
    await s.finance.create(admin, {
      entityId: e.id,
      amountFen: [3_000_000_00, 8_000_000_00, 1_500_000_00][k]!,
      purpose: (['wages', 'raw_materials', 'equipment'] as const)[k]!,
      termMonths: 12,
      collateral: 'guarantee',
      urgency: 'urgent',
      institutionIds: [inst[0]!],
      exclusive: false,
      contactName: '财务负责人',
      contactPhone: '13800138000',
      purposeNote: null,
      collateralNote: null,
    });
  // 临时性延期还本付息 2.7 亿: 18 loans of 1,500 万
  for (let i = 0; i < 18; i++)
    await s.finance.recordRollover(admin, {
      kind: 'deferral',
      entityId: resolved[i * 7]!.id,
      institutionId: inst[i % 7]!,
      amountFen: F.jizhou.deferralFen / 18,
      originalDueOn: '2020-03-20',
      newDueOn: '2020-06-30',
      note: null,
    });
  log(`finance: Jizhou ${inst.length} institutions, ${resolved.length} enterprises served`);
}

async function fengze(s: DemoServices) {
  const inst = await institutions(
    s,
    F.fengze.code,
    [
      ['中国银行', 'bank'],
      ['泉州农村商业银行', 'rural_bank'],
      ['兴业银行', 'bank'],
    ],
    '丰泽支行',
  );
  const ents = await enterprisesOf(s, F.fengze.code, F.fengze.rolloverEnterprises);
  for (const [i, fen] of fengzeRollovers.entries())
    if (ents[i])
      await s.finance.recordRollover(admin, {
        kind: 'rollover',
        entityId: ents[i].id,
        institutionId: inst[i % 3]!,
        amountFen: fen,
        originalDueOn: '2020-03-15',
        newDueOn: '2021-03-15',
        note: '转续贷',
      });
}

/** Furong: the financial affairs centre's white list and the flash loan of 1 亿 within 24 hours. */
async function furong(s: DemoServices): Promise<DemoLogin[]> {
  const names: [string, string][] = [
    ['中国工商银行', 'bank'],
    ['交通银行', 'bank'],
    ['中国建设银行', 'bank'],
  ];
  const inst = await institutions(s, F.furong.code, names, '长沙芙蓉支行');
  const officerIds = await officers(
    s,
    'bank-fr',
    inst,
    names.map(([n]) => n),
  );
  const centreId = await s.users.createUser(systemContext(), {
    username: 'finance-furong',
    displayName: '芙蓉区金融事务中心',
    password: DEMO_PASSWORD,
    grants: [{ role: 'department', regionCode: F.furong.code, department: 'finance' }],
  });
  const centre = demoContext(centreId, 'finance-furong', '芙蓉区金融事务中心', {
    role: 'department',
    department: 'finance',
    regionPath: `/${F.furong.code}/`,
  });
  const ents = await enterprisesOf(s, F.furong.code, F.furong.whitelisted);
  const criteria = ['key_supply', 'key_project', 'above_scale', 'epidemic_supplies', 'small_micro'] as const;
  for (const [i, e] of ents.entries())
    await s.finance.addToWhitelist(centre, { entityId: e.id, criterion: criteria[i % 5]!, reason: '《暖企7条》白名单制度' });
  const flash = ents[0];
  if (!flash) return [];
  const quotas = [3_000_000_000, 3_000_000_000, 4_000_000_000];
  const products = [];
  for (const [i, id] of inst.entries())
    products.push(
      (await s.finance.createProduct(centre, { institutionId: id, name: '复工闪贷', quotaFen: quotas[i]!, targetHours: 24 })).id,
    );
  const req = await s.finance.create(admin, {
    entityId: flash.id,
    amountFen: F.furong.flashFen,
    purpose: 'wages',
    termMonths: 12,
    collateral: 'credit',
    urgency: 'critical',
    institutionIds: inst,
    exclusive: false,
    contactName: '财务负责人',
    contactPhone: '13800138000',
    purposeNote: '复工闪贷',
    collateralNote: null,
  });
  for (const [i, a] of req.answers.entries()) {
    const k = inst.indexOf(a.institutionId);
    const bank = demoContext(officerIds[k]!, `bank-fr-0${k + 1}`, names[k]![0], { role: 'bank' });
    let d = await s.finance.act(bank, a.id, { action: 'review', version: a.version });
    const mine = () => d.answers.find((x) => x.id === a.id)!;
    d = await s.finance.act(bank, a.id, {
      action: 'approve',
      version: mine().version,
      approvedFen: quotas[k]!,
      productId: products[k]!,
    });
    d = await s.finance.act(bank, a.id, { action: 'open_account', version: mine().version });
    await s.finance.disburse(bank, a.id, {
      amountFen: quotas[k]!,
      disbursedOn: new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10),
    });
    void i;
  }
  return [{ username: 'finance-furong', role: 'department', where: '芙蓉区 金融事务中心' }];
}

async function panzhihua(s: DemoServices) {
  const inst = await institutions(
    s,
    F.panzhihua.code,
    [
      ['攀枝花农村商业银行', 'rural_bank'],
      ['中国建设银行', 'bank'],
    ],
    '东区支行',
  );
  await s.finance.recordMeeting(admin, {
    title: '政府、金融机构、企业对接会',
    heldOn: '2020-03-06',
    regionCode: F.panzhihua.code,
    institutionIds: inst,
    enterprises: 40,
    note: '多部门联动，帮助企业渡过难关',
  });
}

export async function financeDemo(s: DemoServices, log: (m: string) => void): Promise<DemoLogin[]> {
  const started = Date.now();
  await jizhou(s, log);
  await fengze(s);
  const logins = await furong(s);
  await panzhihua(s);
  log(`finance: demo in ${Date.now() - started} ms`);
  return logins;
}
