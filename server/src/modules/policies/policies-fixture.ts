import type { EntityInput, MeasureInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { manualClock } from '../../platform/clock';
import { systemContext } from '../../platform/context';

/** The world the policies API tests share: a published package in the test district, entities, users. */
export interface PoliciesWorld {
  t: TestApp;
  admin: Client;
  labour: Client;
  industry: Client;
  boss: Client;
  townA: Client;
  townB: Client;
  liaisonA: Client;
  small: number;
  large: number;
  shop: number;
  smallB: number;
  packageId: number;
  /** 稳岗返还: small and medium enterprises, by application, labour */
  jobs: { id: number; publicToken: string };
  /** 社保减免: no application, labour */
  relief: { id: number };
  /** 出口信保: USD */
  exports: { id: number };
}

export const measure = (seq: number, over: Partial<MeasureInput> = {}): MeasureInput => ({
  seq,
  title: `措施${seq}`,
  kind: 'subsidy',
  subsidyType: 'employment_training',
  department: 'labour',
  interpretation: '符合条件的中小企业可申请',
  eligibility: { kinds: ['enterprise'], sizeClasses: ['small', 'medium'] },
  ...over,
});

export async function policiesWorld(): Promise<PoliciesWorld> {
  const t = await createTestApp({ clock: manualClock('2026-03-02T02:00:00.000Z') });
  const sys = systemContext();
  const entity = (name: string, over: Partial<EntityInput>) =>
    t.services.registry.createEntity(sys, {
      kind: 'enterprise',
      name,
      regNo: name,
      regionCode: t.regions.gridA,
      sector: 'secondary',
      ...over,
    } as EntityInput);
  const small = await entity('甲镇小型机械厂', { sizeClass: 'small', registeredStaff: 30 });
  const large = await entity('甲镇大型钢厂', { sizeClass: 'large', registeredStaff: 900 });
  const shop = await entity('甲镇便民小店', { kind: 'individual', sector: 'tertiary', sizeClass: 'micro' });
  const smallB = await entity('乙镇小型服装厂', { sizeClass: 'small', regionCode: t.regions.gridB });
  const admin = await t.login('admin');
  const labour = await t.userWith('labour', [{ role: 'department', regionCode: t.regions.district, department: 'labour' }]);
  const industry = await t.userWith('industry', [{ role: 'department', regionCode: t.regions.district, department: 'industry' }]);
  const boss = await t.userWith('boss', [{ role: 'enterprise', entityId: small }]);
  const townA = await t.userWith('town-a', [{ role: 'town', regionCode: t.regions.townA }]);
  const townB = await t.userWith('town-b', [{ role: 'town', regionCode: t.regions.townB }]);
  const liaisonA = await t.userWith('liaison-a', [{ role: 'liaison', regionCode: t.regions.townA }]);
  const created = await admin.post('/api/policies/packages', {
    title: '促进经济持续健康发展若干措施',
    shortTitle: '惠企21条',
    issuerLevel: 'district',
    issuer: '区人民政府',
    regionCode: t.regions.district,
    validFrom: '2026-02-01',
    validTo: '2026-12-31',
    measures: [
      measure(1, { title: '企业稳岗返还' }),
      measure(2, {
        title: '社保费减免',
        subsidyType: 'social_insurance',
        kind: 'relief',
        applicationRequired: false,
        eligibility: {},
      }),
      measure(3, {
        title: '出口信用保险',
        subsidyType: 'export_insurance',
        kind: 'insurance',
        currency: 'USD',
        department: 'commerce',
        applicationRequired: false,
        eligibility: {},
      }),
    ],
  });
  if (created.statusCode !== 200) throw new Error(created.body);
  const packageId = created.json().id as number;
  const pub = await admin.post(`/api/policies/packages/${packageId}/publish`, { version: 1 });
  if (pub.statusCode !== 200) throw new Error(pub.body);
  const measures = (await admin.get(`/api/policies/packages/${packageId}`)).json().measures as {
    id: number;
    seq: number;
    publicToken: string;
  }[];
  const bySeq = (n: number) => measures.find((m) => m.seq === n)!;
  return {
    t,
    admin,
    labour,
    industry,
    boss,
    townA,
    townB,
    liaisonA,
    small,
    large,
    shop,
    smallB,
    packageId,
    jobs: bySeq(1),
    relief: bySeq(2),
    exports: bySeq(3),
  };
}
