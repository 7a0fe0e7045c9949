import type { EntityInput } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { manualClock } from '../../platform/clock';
import { systemContext } from '../../platform/context';

/** Two project entities in town A, one in town B, a construction site, an enterprise, and the users who follow them. */
export interface ProjectsFixture {
  t: TestApp;
  clock: ReturnType<typeof manualClock>;
  admin: Client;
  townA: Client;
  townB: Client;
  commander: Client;
  approvalDept: Client;
  housingDept: Client;
  entities: { projectA1: number; projectA2: number; projectB: number; siteA: number; enterprise: number };
}

export async function projectsFixture(): Promise<ProjectsFixture> {
  const clock = manualClock('2026-03-02T02:00:00.000Z');
  const t = await createTestApp({ clock });
  const entity = (name: string, over: Partial<EntityInput> = {}) =>
    t.services.registry.createEntity(systemContext(), {
      kind: 'project',
      name,
      regNo: `P-${name}`,
      regionCode: t.regions.gridA,
      sector: 'secondary',
      ...over,
    } as EntityInput);
  return {
    t,
    clock,
    admin: await t.login('admin'),
    townA: await t.userWith('town-a', [{ role: 'town', regionCode: t.regions.townA }]),
    townB: await t.userWith('town-b', [{ role: 'town', regionCode: t.regions.townB }]),
    commander: await t.userWith('commander', [{ role: 'commander', regionCode: t.regions.district }]),
    approvalDept: await t.userWith('approval', [{ role: 'department', department: 'approval' }]),
    housingDept: await t.userWith('housing', [{ role: 'department', department: 'housing' }]),
    entities: {
      projectA1: await entity('甲镇水电站'),
      projectA2: await entity('甲镇热电厂'),
      projectB: await entity('乙镇商业广场', { regionCode: t.regions.gridB }),
      siteA: await entity('甲镇新建工地', { kind: 'site' }),
      enterprise: await entity('甲镇企业', { kind: 'enterprise' }),
    },
  };
}
