import { idCardCheckChar, type VenueKind } from '@fugong/contract';
import type { DemoServices } from '../../platform/module';
import { systemContext } from '../../platform/context';
import { makeActor } from '../../platform/permissions';
import { localDate } from '../../platform/clock';
import { demoDistricts } from '../../demo/districts';
import { buildDistrictRegions } from '../../demo/regions.demo';
import { rng } from '../../demo/random';
import { DEMO_PASSWORD, type DemoLogin } from '../../demo/demo-users';
import { addDays } from './venue-rules';

// Jizhou reopened 7 scenic spots from 28 March 2020 at half their daily capacity (Panshan 40,000 → 20,000),
// sightseeing cars at 4 of 9 seats, free entry for medical workers until 31 December 2020; farm-stays
// took guests by phone. Panshan, the Great Wall at Huangyaguan and Dule Temple are named in the seed;
// the other four are generated names.
const SPOTS: { name: string; normal: number; days?: string; slots?: [string, string, string, number][] }[] = [
  {
    name: '盘山风景名胜区',
    normal: 40000,
    slots: [
      ['上午', '07:30', '11:00', 9000],
      ['中午', '11:00', '14:00', 7000],
      ['下午', '14:00', '17:00', 4000],
    ],
  },
  { name: '黄崖关长城', normal: 16000 },
  { name: '独乐寺', normal: 6000 },
  { name: '翠峰山森林公园', normal: 10000 },
  { name: '蓟北溶洞', normal: 4000, days: '234567' },
  { name: '东岭湿地公园', normal: 8000 },
  { name: '石门古村', normal: 3000, days: '67' },
];
const FARMSTAYS = ['山泉农家院', '杏花农家院', '柿子沟农家院'];

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰'];

function demoIdCard(r: ReturnType<typeof rng>): string {
  const birth = `${r.int(1950, 2005)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
  const first17 = `${r.pick(['120119', '120101', '110105', '130203'])}${birth}${String(r.int(0, 999)).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

export async function venuesDemo(s: DemoServices, log: (m: string) => void): Promise<DemoLogin[]> {
  const r = rng(608);
  const jizhou = demoDistricts[0]!;
  const towns = buildDistrictRegions(jizhou).filter((x) => x.level === 'town');
  const ctx = {
    ...systemContext(),
    actor: makeActor({ id: 0, username: 'demo', displayName: 'demo' }, [
      { role: 'admin', regionPath: null, department: null, entityId: null, venueId: null },
    ]),
  };
  const publicCtx = systemContext();
  const today = localDate(new Date());
  const name = () => r.pick(SURNAMES) + r.pick(GIVEN) + (r.next() < 0.6 ? r.pick(GIVEN) : '');

  const ids: Record<string, number> = {};
  for (const [i, spot] of SPOTS.entries()) {
    const id = await s.venues.create(ctx, {
      name: spot.name,
      kind: 'scenic' as VenueKind,
      regionCode: towns[i % towns.length]!.code,
      address: `天津市蓟州区${towns[i % towns.length]!.name}`,
      phone: `022-2914${String(1000 + i * 37).slice(-4)}`,
      normalCapacity: spot.normal,
      openingDays: spot.days ?? '1234567',
      bookingDaysAhead: 7,
      bookable: true,
    });
    ids[spot.name] = id;
    await s.venues.addRule(ctx, id, {
      mode: 'ratio',
      ratioPct: 50,
      capacity: null,
      effectiveFrom: '2020-03-28',
      effectiveTo: null,
      note: '疫情期间日接待量减半',
    });
    for (const [label, startTime, endTime, capacity] of spot.slots ?? [])
      await s.venues.addSlot(ctx, id, { label, startTime, endTime, capacity, active: true });
    await s.venues.addVehicle(ctx, id, { name: '景区观光车', count: r.int(6, 30), seats: 9, seatLimit: 4 });
    await s.venues.addPolicy(ctx, id, {
      name: '全国医护人员免门票',
      eligibility: 'medical_worker',
      proofTypes: ['practising_certificate', 'work_id'],
      validFrom: '2020-03-28',
      validTo: '2020-12-31',
      active: true,
    });
  }
  const panshan = ids['盘山风景名胜区']!;
  const panshanSlots = (await s.venues.get(ctx, panshan)).slots;

  // today's bookings at Panshan, some already through the gate
  let booked = 0;
  for (let i = 0; i < 40; i++) {
    const party = r.int(1, 4);
    const visitors = Array.from({ length: party }, () => ({
      name: name(),
      idType: 'id_card' as const,
      idNumber: demoIdCard(r),
      policyId: null,
    }));
    try {
      const b = await s.venues.bookings.place(
        publicCtx,
        {
          venueId: panshan,
          day: i < 30 ? today : addDays(today, 1 + (i % 3)),
          slotId: r.pick(panshanSlots).id,
          phone: `13${r.int(3, 9)}${String(r.int(0, 99999999)).padStart(8, '0')}`,
          visitors,
          healthAttested: true,
        },
        { channel: i % 4 === 0 ? 'phone' : 'web' },
      );
      booked++;
      if (i < 12) {
        for (const v of b.visitors) {
          const red = i === 5;
          await s.venues.gate.checkin({ ...ctx, locale: 'zh-CN' }, panshan, {
            visitorId: v.id,
            healthCode: red ? 'red' : 'green',
            temperature: red ? 36.6 : 36.1 + r.int(0, 9) / 10,
          });
        }
      }
    } catch {
      // a generated person twice on one day is refused, as it would be for anyone
    }
  }

  const farmIds: number[] = [];
  for (const [i, farm] of FARMSTAYS.entries()) {
    const town = towns[(i + 2) % towns.length]!;
    const id = await s.venues.create(ctx, {
      name: farm,
      kind: 'farmstay',
      regionCode: town.code,
      address: `天津市蓟州区${town.name}`,
      phone: `1390022${String(1000 + i).slice(-4)}`,
      normalCapacity: 20 + i * 10,
      openingDays: '1234567',
      bookingDaysAhead: 7,
      bookable: false,
    });
    farmIds.push(id);
    for (let g = 0; g < 4; g++) {
      const arrival = addDays(today, -r.int(0, 2));
      const departure = addDays(today, r.int(0, 2));
      const guest = await s.venues.guests.register(ctx, id, {
        name: name(),
        idType: 'id_card',
        idNumber: demoIdCard(r),
        phone: `13${r.int(3, 9)}${String(r.int(0, 99999999)).padStart(8, '0')}`,
        arrivalDay: arrival,
        departureDay: departure,
        room: `${g + 1}号房`,
      });
      for (let d = arrival; d <= today; d = addDays(d, 1))
        await s.venues.guests.recordTemperature(ctx, id, guest, { day: d, temperature: 36 + r.int(0, 10) / 10 });
    }
  }
  await s.venues.partners.create(ctx, { name: '携程', ratePerMinute: 600 });
  await s.venues.partners.create(ctx, { name: '美团', ratePerMinute: 600 });

  const people = [
    { username: 'venue', displayName: '盘山检票员', role: 'venue' as const, venueId: panshan, where: '盘山风景名胜区 入园核验' },
    {
      username: 'venue-manager',
      displayName: '盘山景区负责人',
      role: 'venueManager' as const,
      venueId: panshan,
      where: '盘山风景名胜区',
    },
    {
      username: 'farmstay',
      displayName: '山泉农家院',
      role: 'venue' as const,
      venueId: farmIds[0]!,
      where: '山泉农家院 住客登记',
    },
  ];
  for (const p of people)
    await s.users.createUser(systemContext(), {
      username: p.username,
      displayName: p.displayName,
      password: DEMO_PASSWORD,
      grants: [{ role: p.role, venueId: p.venueId }],
    });
  log(`venues: ${SPOTS.length} scenic spots (盘山 20,000/day), ${FARMSTAYS.length} farm-stays, ${booked} bookings`);
  return people.map((p) => ({ username: p.username, role: p.role, where: p.where }));
}
