import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '@fugong/contract';
import { createTestApp, type TestApp } from '../../../test/helpers';
import { systemContext } from '../../platform/context';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
const uscc = (n: number) => {
  const body = `9112011900${String(n).padStart(7, '0')}`;
  return body + usccCheckChar(body);
};

describe('registry service for other modules', () => {
  it('creates an entity, moves its status in a transaction and records history', async () => {
    const ctx = systemContext();
    const id = await t.services.registry.createEntity(ctx, { kind: 'enterprise', name: '测试企业', uscc: uscc(1), regionCode: t.regions.gridA, sector: 'secondary' });
    const e = await t.services.registry.getForService(id);
    expect(e).toMatchObject({ id, status: 'not_resumed', uscc: uscc(1), regionCode: t.regions.gridA });
    await t.core.db.transaction().execute((trx) => t.services.registry.changeStatus(trx, ctx, id, 'filing', '提交备案', { type: 'filing', id: 7 }));
    expect((await t.services.registry.getForService(id))!.status).toBe('filing');
    await expect(t.core.db.transaction().execute((trx) => t.services.registry.changeStatus(trx, ctx, id, 'suspended', 'x'))).rejects.toMatchObject({ status: 409 });
  });
});
