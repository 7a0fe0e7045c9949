import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { manualClock } from '../../platform/clock';
import { systemContext } from '../../platform/context';

/** The labour tests' world: a resumed factory and a closed restaurant in town A, an idle one in town B, and the staff. */
export async function labourWorld() {
  const clock = manualClock('2026-03-02T02:00:00.000Z');
  const t: TestApp = await createTestApp({ clock });
  const ctx = systemContext();
  const entity = async (name: string, over: Partial<EntityInput> = {}, resumed = true) => {
    const id = await t.services.registry.createEntity(ctx, {
      kind: 'enterprise',
      name,
      regNo: `R-${name}`,
      regionCode: t.regions.gridA,
      sector: 'secondary',
      ...over,
    } as EntityInput);
    if (resumed)
      await t.core.db.transaction().execute((trx) => t.services.registry.changeStatus(trx, ctx, id, 'resumed', '复工'));
    return id;
  };
  const factory = await entity('甲镇机械厂');
  const supermarket = await entity('甲镇大润超市', { sector: 'tertiary' });
  const restaurant = await entity('甲镇老味道餐馆', { sector: 'tertiary' }, false);
  const foreign = await entity('乙镇纺织厂', { regionCode: t.regions.gridB });
  const idle = await entity('甲镇未复工厂', {}, false);
  const users: Record<string, Client> = {
    admin: await t.login('admin'),
    labour: await t.userWith('labour-dept', [{ role: 'department', regionCode: t.regions.district, department: 'labour' }]),
    commerce: await t.userWith('commerce-dept', [{ role: 'department', regionCode: t.regions.district, department: 'commerce' }]),
    industry: await t.userWith('industry-dept', [{ role: 'department', regionCode: t.regions.district, department: 'industry' }]),
    factory: await t.userWith('factory', [{ role: 'enterprise', entityId: factory }]),
    supermarket: await t.userWith('supermarket', [{ role: 'enterprise', entityId: supermarket }]),
    restaurant: await t.userWith('restaurant', [{ role: 'enterprise', entityId: restaurant }]),
    townA: await t.userWith('town-a', [{ role: 'town', regionCode: t.regions.townA }]),
    townB: await t.userWith('town-b', [{ role: 'town', regionCode: t.regions.townB }]),
    gridA: await t.userWith('grid-a', [{ role: 'grid', regionCode: t.regions.gridA }]),
  };
  return { t, clock, users, ids: { factory, supermarket, restaurant, foreign, idle } };
}

export const postingInput = (entityId: number, regionCode: string, over: Record<string, unknown> = {}) => ({
  entityId,
  title: '数控车床操作工',
  places: 3,
  payMinFen: 450_000,
  payMaxFen: 600_000,
  regionCode,
  requirements: '有两年以上操作经验',
  validUntil: '2026-04-30',
  ...over,
});
