import type { FinancingAnswer } from '@fugong/contract';
import { usccCheckChar } from '@fugong/contract';
import type { Client, TestApp } from '../../../test/helpers';

/** An enterprise in town A, two institutions of the district with one officer each, a bank officer of none, the centre. */
export async function financeWorld(t: TestApp, tag: string) {
  const admin = await t.login('admin');
  const body = `9112011900000${tag.padStart(4, '0')}`.slice(0, 17);
  const ent = await admin.post('/api/registry/entities', {
    kind: 'enterprise',
    name: `甲镇融资企业${tag}`,
    sector: 'secondary',
    regionCode: t.regions.gridA,
    uscc: body + usccCheckChar(body),
  });
  if (ent.statusCode !== 200) throw new Error(ent.body);
  const entityId = ent.json().id as number;
  const centre = await t.userWith(`centre${tag}`, [
    { role: 'department', regionCode: t.regions.district, department: 'finance' },
  ]);
  const inst = async (name: string) => {
    const res = await centre.post('/api/finance/institutions', {
      name,
      kind: 'bank',
      branch: '蓟州支行',
      regionCode: t.regions.district,
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    return res.json().id as number;
  };
  const instA = await inst(`工商银行${tag}`);
  const instB = await inst(`农业银行${tag}`);
  const officer = async (name: string, institutionId: number | null): Promise<Client> => {
    const c = await t.userWith(name, [{ role: 'bank' }]);
    if (institutionId) {
      const res = await centre.post(`/api/finance/institutions/${institutionId}/officers`, { userId: c.userId });
      if (res.statusCode !== 200) throw new Error(res.body);
    }
    return c;
  };
  return {
    admin,
    centre,
    entityId,
    instA,
    instB,
    bankA: await officer(`bank.a${tag}`, instA),
    bankB: await officer(`bank.b${tag}`, instB),
    bankNone: await officer(`bank.none${tag}`, null),
    boss: await t.userWith(`boss${tag}`, [{ role: 'enterprise', entityId }]),
  };
}

export const requestBody = (entityId: number, institutionIds: number[], extra: Record<string, unknown> = {}) => ({
  entityId,
  amountFen: 10_000_000_00,
  purpose: 'wages',
  termMonths: 12,
  collateral: 'guarantee',
  urgency: 'urgent',
  institutionIds,
  contactName: '王会计',
  contactPhone: '13800138000',
  ...extra,
});

export type Answer = FinancingAnswer;
export const answerOf = (detail: { answers: Answer[] }, institutionId: number) =>
  detail.answers.find((a) => a.institutionId === institutionId)!;
