import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VenueDetail, VenueSummary } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { demoDistricts } from '../../demo/districts';
import { DEMO_PASSWORD } from '../../demo/demo-users';
import { venuesDemo } from './venues.demo';

let t: TestApp;
let manager: Client;
let scenic: VenueSummary[];

beforeAll(async () => {
  t = await createTestApp({ empty: true });
  await t.services.regions.insertMany(buildDistrictRegions(demoDistricts[0]!));
  await venuesDemo(t.services, () => undefined);
  manager = await t.login('venue-manager', DEMO_PASSWORD);
  const everyone = await t.userWith('venues-district', [{ role: 'commander', regionCode: demoDistricts[0]!.code }]);
  scenic = (await everyone.get('/api/venues?kind=scenic&pageSize=50')).json().items;
}, 120_000);
afterAll(async () => t.close());

describe('venues demo: Jizhou reopened', () => {
  it('has 7 reopened scenic spots at half their capacity, Panshan 40,000 → 20,000 a day', () => {
    expect(scenic).toHaveLength(7);
    for (const v of scenic) expect(v.capacityToday, v.name).toBe(v.normalCapacity / 2);
    expect(scenic.find((v) => v.name === '盘山风景名胜区')).toMatchObject({
      normalCapacity: 40000,
      capacityToday: 20000,
      bookable: true,
    });
  });

  it('runs sightseeing cars at 4 of 9 seats and lets medical workers in free until 2020-12-31', async () => {
    const panshan = scenic.find((v) => v.name === '盘山风景名胜区')!;
    const d = (await manager.get(`/api/venues/${panshan.id}`)).json() as VenueDetail;
    expect(d.abilities).toEqual({ manage: true, gate: true });
    expect(d.rules[0]).toMatchObject({ mode: 'ratio', ratioPct: 50, effectiveFrom: '2020-03-28', effectiveTo: null });
    expect(d.vehicles[0]).toMatchObject({ seats: 9, seatLimit: 4 });
    expect(d.policies[0]).toMatchObject({
      eligibility: 'medical_worker',
      validFrom: '2020-03-28',
      validTo: '2020-12-31',
      proofTypes: ['practising_certificate', 'work_id'],
    });
    expect(d.slots.map((s) => s.label)).toEqual(['上午', '中午', '下午']);
    const stats = (await manager.get(`/api/venues/${panshan.id}/gate/stats`)).json();
    expect(stats).toMatchObject({ capacity: 20000 });
    expect(stats.admitted).toBeGreaterThan(0);
    expect(stats.refused).toBeGreaterThan(0);
  });

  it('has farm-stays with guests and their daily temperatures', async () => {
    const farm = await t.login('farmstay', DEMO_PASSWORD);
    const venueId = (await farm.get('/api/auth/me')).json().grants.find((g: { venueId: number | null }) => g.venueId).venueId;
    const guests = (await farm.get(`/api/venues/${venueId}/guests`)).json();
    expect(guests.total).toBe(4);
    expect(guests.items.every((g: { temperatures: unknown[] }) => g.temperatures.length > 0)).toBe(true);
  });
});
