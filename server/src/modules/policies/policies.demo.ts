import { AppError } from '../../platform/errors';
import type { EligibilityRule, MeasureInput, SubsidyType } from '@fugong/contract';
import type { DemoServices } from '../../platform/module';
import { DEMO_PASSWORD, demoContext, type DemoLogin } from '../../demo/demo-users';
import type { LedgerLine } from './ledger.service';
import {
  furongLedger,
  furongMeasures,
  fengzeTalent,
  fengzeWarm,
  jizhouLedger,
  jizhouMeasures,
  type DemoMeasure,
} from './policies.demo-data';

const smes: EligibilityRule = { kinds: ['enterprise'], sizeClasses: ['medium', 'small', 'micro'] };

function measuresOf(list: DemoMeasure[], rules: Partial<Record<SubsidyType, EligibilityRule>> = {}): MeasureInput[] {
  return list.map(([title, subsidyType, kind, department, apply], i) => ({
    seq: i + 1,
    title,
    kind,
    subsidyType,
    department,
    currency: subsidyType === 'export_insurance' ? 'USD' : 'CNY',
    interpretation: `${title}：受疫情影响、符合条件的市场主体可享受本项措施。主管部门负责解读与兑现，具体标准以实施细则为准。`,
    guideMaterials: apply ? '申报表、营业执照、近三个月社保缴纳证明或相关凭证' : null,
    guideSteps: apply ? '1. 扫码查看条件；2. 在线填写申报；3. 主管部门审核；4. 兑付到账' : '主管部门按名单直接兑付，企业无需申报',
    deadline: apply ? '2020-06-30' : null,
    applicationRequired: apply,
    eligibility: rules[subsidyType] ?? (kind === 'service' ? {} : { kinds: ['enterprise'] }),
  }));
}

/** `total` over `n` rows, exactly: the first `total mod n` rows one unit more. */
const split = (total: number, n: number) => Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));

/**
 * The seeds' packages, published, and ledgers whose totals are the press figures: Jizhou's 惠企21条
 * (27 measures) and Furong's 暖企7条 with their payments as the departments' lists record them, and
 * Fengze's two packages in the catalogue. Jizhou's 稳岗返还 leaves most small enterprises of each town
 * still to apply, which is the 应享尽享 worklist.
 */
export async function policiesDemo(s: DemoServices, log: (m: string) => void): Promise<DemoLogin[]> {
  const started = Date.now();
  const admin = demoContext(0, 'admin', '系统管理员', { role: 'admin' });
  const { catalogue, ledger } = s.policies;
  const db = s.core.db;

  async function publish(input: Parameters<typeof catalogue.createPackage>[1], measures: MeasureInput[]) {
    const { id } = await catalogue.createPackage(admin, input, measures);
    await catalogue.setStatus(admin, id, 'published', 1);
    return (await catalogue.getPackage(admin, id)).measures;
  }
  const enterprises = (district: string, n: number) =>
    db
      .selectFrom('entity')
      .select(['id', 'name', 'regionCode', 'regionPath'])
      .where('regionPath', 'like', `/${district}/%`)
      .where('kind', '=', 'enterprise')
      .orderBy('id')
      .limit(n)
      .execute() as Promise<{ id: number; name: string; regionCode: string; regionPath: string }[]>;
  async function pay(
    m: { id: number },
    pool: { id: number; name: string; regionCode: string; regionPath: string }[],
    amounts: number[],
    paidOn: string,
  ) {
    const row = await db.selectFrom('policyMeasure').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow();
    const lines: LedgerLine[] = amounts.map((amount, i) => {
      const e = pool[i % pool.length]!;
      const reference = `DEMO-${m.id}-${i + 1}`;
      return {
        entity: { id: Number(e.id), name: e.name, regionCode: e.regionCode, regionPath: e.regionPath },
        applicationId: null,
        amount,
        paidOn,
        reference,
        source: 'import',
        dedupeKey: `ref:${m.id}:${e.id}:${reference}`,
      };
    });
    await db.transaction().execute((trx) => ledger.append(trx, admin, row as never, lines));
  }

  const jz = await publish(
    {
      title: '天津市打赢新冠肺炎疫情防控阻击战进一步促进经济社会持续健康发展的若干措施',
      shortTitle: '惠企21条',
      issuerLevel: 'city',
      issuer: '天津市人民政府',
      regionCode: '120119',
      validFrom: '2020-02-01',
      validTo: '2020-12-31',
    },
    measuresOf(jizhouMeasures, { employment_training: smes, social_insurance: { kinds: ['enterprise'] }, rent_reduction: smes }),
  );
  const jzPool = await enterprises('120119', 800);
  for (const l of jizhouLedger) {
    const n = l.enterprises.reduce((a, b) => a + b, 0);
    const perMeasure = split(l.amount, n);
    let offset = 0;
    for (const [k, seq] of l.seqs.entries()) {
      const count = l.enterprises[k]!;
      const amounts = perMeasure.slice(offset, offset + count);
      // a distinct enterprise per row within a measure: the pool is larger than any measure's list
      await pay(
        jz.find((m) => m.seq === seq)!,
        jzPool.slice(offset % 50, (offset % 50) + count),
        amounts,
        '2020-03-31',
      );
      offset += count;
    }
  }
  const fr = await publish(
    {
      title: '芙蓉区关于有效应对疫情稳定经济运行的七条措施',
      shortTitle: '暖企7条',
      issuerLevel: 'district',
      issuer: '芙蓉区人民政府',
      regionCode: '430102',
      validFrom: '2020-02-24',
      validTo: '2020-12-31',
    },
    measuresOf(furongMeasures),
  );
  const frPool = await enterprises('430102', furongLedger.enterprises);
  await pay(
    fr.find((m) => m.seq === furongLedger.seq)!,
    frPool,
    split(furongLedger.amount, furongLedger.enterprises),
    '2020-03-03',
  );
  await publish(
    {
      title: '丰泽区支持企业复工复产暖企十五条措施',
      shortTitle: '暖企15条',
      issuerLevel: 'district',
      issuer: '丰泽区人民政府',
      regionCode: '350503',
      validFrom: '2020-02-10',
      validTo: '2020-12-31',
    },
    measuresOf(fengzeWarm),
  );
  await publish(
    {
      title: '丰泽区疫情防控期间引进人才10条措施',
      shortTitle: '人才10条',
      issuerLevel: 'district',
      issuer: '丰泽区人民政府',
      regionCode: '350503',
      validFrom: '2020-02-10',
      validTo: '2020-12-31',
    },
    measuresOf(fengzeTalent),
  );

  // the district's 人社局 reviews policy applications and runs the labour module: one account, made by
  // whichever demo step comes first
  const made = await s.users
    .createUser(admin, {
      username: 'labour',
      displayName: '区人社局',
      password: DEMO_PASSWORD,
      grants: [{ role: 'department', regionCode: '120119', department: 'labour' }],
    })
    .then(
      () => true,
      (err: unknown) => {
        if (err instanceof AppError && err.code === 'users.username_taken') return false;
        throw err;
      },
    );
  log(`policies: 4 packages, Jizhou and Furong ledgers (${Date.now() - started} ms)`);
  return made ? [{ username: 'labour', role: 'department', where: '蓟州区 人社局（惠企政策审核、兑付）' }] : [];
}
