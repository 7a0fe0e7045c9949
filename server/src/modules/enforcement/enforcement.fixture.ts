import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { manualClock } from '../../platform/clock';
import { systemContext } from '../../platform/context';

/** An app with three operating entities (two in town A, one in town B) and the users who inspect them. */
export interface EnforcementFixture {
  t: TestApp;
  inspector: Client;
  inspectorB: Client;
  commander: Client;
  admin: Client;
  shop: number;
  market: number;
  mall: number;
  entity(name: string, over: Partial<EntityInput>): Promise<number>;
}

export async function enforcementFixture(): Promise<EnforcementFixture> {
  // the filings and inspections carry fixed dates in late 2026: the clock stands before December
  const t = await createTestApp({ clock: manualClock('2026-11-30T02:00:00.000Z') });
  const ctx = systemContext();
  const entity = (name: string, over: Partial<EntityInput>) =>
    t.services.registry.createEntity(systemContext(), {
      kind: 'enterprise',
      name,
      regNo: `R-${name}`,
      regionCode: t.regions.gridA,
      sector: 'tertiary',
      ...over,
    } as EntityInput);
  const shop = await entity('老王小超市', {
    kind: 'individual',
    smallVenueType: 'small_supermarket',
    address: '城关镇府前街12号',
  });
  const market = await entity('城关农贸市场', {});
  const mall = await entity('乙镇百货商场', { regionCode: t.regions.gridB });
  for (const id of [shop, market, mall])
    await t.core.db.transaction().execute((trx) => t.services.registry.changeStatus(trx, ctx, id, 'resumed', '复工'));
  return {
    t,
    entity,
    shop,
    market,
    mall,
    inspector: await t.userWith('inspector-a', [{ role: 'inspector', regionCode: t.regions.townA }]),
    inspectorB: await t.userWith('inspector-b', [{ role: 'inspector', regionCode: t.regions.townB }]),
    commander: await t.userWith('commander', [{ role: 'commander', regionCode: t.regions.district }]),
    admin: await t.login('admin'),
  };
}
