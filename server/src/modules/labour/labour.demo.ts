import { AppError } from '../../platform/errors';
import { idCardCheckChar } from '@fugong/contract';
import type { DemoServices } from '../../platform/module';
import { systemContext } from '../../platform/context';
import { localDate } from '../../platform/clock';
import { maskIdNumber, maskPhone } from '../../platform/pii';
import { randomBytes } from '../../platform/random';
import { rng } from '../../demo/random';
import { makePersonNamer } from '../../demo/names';
import { DEMO_PASSWORD, type DemoLogin } from '../../demo/demo-users';
import { labourDemoPlan as plan } from './labour.demo-plan';

type AnyDb = DemoServices['core']['db'];
interface Place {
  id: number;
  name: string;
  regionCode: string;
  regionPath: string;
}
const TITLES = [
  '普工',
  '操作工',
  '质检员',
  '仓管员',
  '叉车司机',
  '电焊工',
  '收银员',
  '理货员',
  '配送员',
  '厨师',
  '保洁员',
  '销售代表',
];
const at = (day: string) => `${day}T02:00:00.000Z`;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function insertChunks(db: AnyDb, table: string, rows: Record<string, unknown>[], returning = false): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const q = db.insertInto(table).values(rows.slice(i, i + 200));
    if (returning) ids.push(...(await q.returning('id').execute()).map((r: { id: number }) => Number(r.id)));
    else await q.execute();
  }
  return ids;
}

async function resumedEntities(db: AnyDb, district: string, n: number, industries?: string[]): Promise<Place[]> {
  let q = db
    .selectFrom('entity')
    .select(['id', 'name', 'regionCode', 'regionPath'])
    .where('regionPath', 'like', `/${district}/%`)
    .where('status', '=', 'resumed')
    .where('kind', '=', 'enterprise');
  if (industries) q = q.where('industry', 'in', industries);
  return (await q.orderBy('id').limit(n).execute()).map((r: Place) => ({ ...r, id: Number(r.id) }));
}

/**
 * The seeds' labour figures, as records: Jizhou's live-streamed 春风行动 fair (120,000 viewers, 500
 * intentions), its 9 online fairs filling 1,249 jobs and 131 workers brought back point to point from
 * Gansu, Chongqing and Guizhou; Fengze's 370 enterprises with 4,000 postings and supermarkets sharing
 * restaurants' staff; Furong's 5,500 postings; a Baoshan labour-export survey over its grids.
 * Written in bulk (the demo generator may write any table), so the demo stays fast.
 */
export async function labourDemo(s: DemoServices, log: (m: string) => void): Promise<DemoLogin[]> {
  const started = Date.now();
  const db = s.core.db;
  const pii = s.core.pii;
  const r = rng(9009);
  const person = makePersonNamer(9010);
  const sys = systemContext();
  const logins: DemoLogin[] = [];
  for (const u of plan.users) {
    // another module's demo (policies) may have made the district's 人社局 account already
    const made = await s.users
      .createUser(sys, {
        username: u.username,
        displayName: u.displayName,
        password: DEMO_PASSWORD,
        grants: [{ role: 'department', regionCode: u.district, department: u.department }],
      })
      .then(
        () => true,
        (err: unknown) => {
          if (err instanceof AppError && err.code === 'users.username_taken') return false;
          throw err;
        },
      );
    if (made) logins.push({ username: u.username, role: 'department', where: u.where });
  }
  let phoneSeq = 0;
  const applicant = (postingId: number, status: string, day: string) => {
    const phone = `139${String(++phoneSeq).padStart(8, '0')}`;
    return {
      postingId,
      name: person(),
      phoneEnc: pii.encrypt(phone),
      phoneHash: pii.hash('phone:' + phone),
      phoneMasked: maskPhone(phone),
      note: null,
      channel: 'public',
      status,
      appliedAt: at(day),
      hiredOn: status === 'hired' ? addDays(day, 3) : null,
      updatedAt: at(day),
    };
  };
  const posting = (e: Place, fairId: number | null, day: string, until: string, places: number, hired: number) => ({
    entityId: e.id,
    entityName: e.name,
    fairId,
    title: r.pick(TITLES),
    places,
    hired,
    payMinFen: r.int(30, 50) * 10_000,
    payMaxFen: r.int(55, 90) * 10_000,
    regionCode: e.regionCode,
    regionPath: e.regionPath,
    requirements: '身体健康，持健康码绿码',
    validUntil: until,
    status: hired >= places ? 'filled' : 'approved',
    reviewNote: null,
    reviewedBy: null,
    reviewedAt: at(day),
    postedOn: day,
    createdBy: null,
    createdAt: at(day),
  });
  const fair = async (f: { name: string; kind: string; startsOn: string; endsOn: string; district: string }) => {
    const { district, ...rest } = f;
    const region = await s.regions.resolve(district);
    const row = { ...rest, organiser: 'labour', regionCode: region.code, regionPath: region.path, description: null };
    const token = randomBytes(12).toString('base64url');
    const [id] = await insertChunks(db, 'jobFair', [{ ...row, token, createdBy: null, createdAt: at(f.startsOn) }], true);
    return id!;
  };

  // Jizhou: the live fair, then 9 online fairs whose postings' hires add up to 1,249
  const jz = plan.jizhou;
  const jzEntities = await resumedEntities(db, jz.district, 120);
  if (jzEntities.length < 30) log(`labour: only ${jzEntities.length} resumed enterprises in Jizhou`);
  const live = await fair({
    name: jz.live.name,
    startsOn: jz.live.startsOn,
    endsOn: jz.live.endsOn,
    district: jz.district,
    kind: 'live',
  });
  await db.insertInto('jobFairVisitDay').values({ fairId: live, day: jz.live.startsOn, visits: jz.live.viewers }).execute();
  const liveIds = await insertChunks(
    db,
    'jobPosting',
    Array.from({ length: 20 }, (_, i) =>
      posting(jzEntities[i % jzEntities.length]!, live, jz.live.startsOn, jz.live.endsOn, 40, 0),
    ),
    true,
  );
  await insertChunks(
    db,
    'jobApplication',
    Array.from({ length: jz.live.intentions }, (_, i) => applicant(liveIds[i % liveIds.length]!, 'intention', jz.live.startsOn)),
  );
  let hiresLeft = jz.hires;
  for (let k = 0; k < jz.onlineFairs; k++) {
    const startsOn = addDays('2020-02-28', k * 5);
    const fairId = await fair({
      name: `蓟州区“云招聘”第${k + 1}场`,
      kind: 'online',
      startsOn,
      endsOn: addDays(startsOn, 4),
      district: jz.district,
    });
    const fairHires = Math.round(hiresLeft / (jz.onlineFairs - k));
    hiresLeft -= fairHires;
    const per = Array.from({ length: 10 }, (_, i) => Math.floor(fairHires / 10) + (i < fairHires % 10 ? 1 : 0));
    const rows = per.map((h, i) =>
      posting(jzEntities[(20 + k * 10 + i) % jzEntities.length]!, fairId, startsOn, addDays(startsOn, 30), h + r.int(2, 8), h),
    );
    const ids = await insertChunks(db, 'jobPosting', rows, true);
    const apps: Record<string, unknown>[] = [];
    ids.forEach((pid, i) => {
      for (let j = 0; j < per[i]!; j++) apps.push(applicant(pid, 'hired', startsOn));
      for (let j = 0; j < 4; j++) apps.push(applicant(pid, j % 2 ? 'rejected' : 'applied', startsOn));
    });
    await insertChunks(db, 'jobApplication', apps);
  }

  // today's standing online fair and an employer account for it, so the journey runs on the demo data
  const today = localDate(s.core.clock.now());
  await fair({ name: jz.current.name, startsOn: today, endsOn: addDays(today, 60), district: jz.district, kind: 'online' });
  const employer = jzEntities[0]!;
  await s.users.createUser(sys, {
    username: jz.current.employer,
    displayName: employer.name,
    password: DEMO_PASSWORD,
    grants: [{ role: 'enterprise', entityId: employer.id }],
  });
  logins.push({ username: jz.current.employer, role: 'enterprise', where: `${employer.name} #${employer.id}` });

  // Jizhou's point-to-point batches: 131 workers from three provinces
  const tRegion = await s.regions.resolve(jz.district);
  let idSeq = 0;
  for (const b of jz.transport) {
    const [batchId] = await insertChunks(
      db,
      'transportBatch',
      [
        {
          originProvince: b.province,
          originCity: b.city,
          regionCode: tRegion.code,
          regionPath: tRegion.path,
          employerId: null,
          employerName: null,
          departOn: b.departOn,
          vehicle: b.vehicle,
          seats: b.seats,
          booked: b.workers,
          status: 'arrived',
          arrivedOn: addDays(b.departOn, 1),
          createdBy: null,
          createdAt: at(b.departOn),
        },
      ],
      true,
    );
    const passengers = Array.from({ length: b.workers }, () => {
      const first = `${b.areaCode}${1975 + r.int(0, 25)}0${r.int(1, 9)}1${r.int(0, 9)}${String(++idSeq % 1000).padStart(3, '0')}`;
      const idNumber = first + idCardCheckChar(first);
      const phone = `137${String(idSeq).padStart(8, '0')}`;
      return {
        batchId,
        name: person(),
        idEnc: pii.encrypt(idNumber),
        idHash: pii.hash('id:' + idNumber),
        idMasked: maskIdNumber(idNumber),
        phoneEnc: pii.encrypt(phone),
        phoneMasked: maskPhone(phone),
        personId: null,
        createdAt: at(b.departOn),
      };
    });
    await insertChunks(db, 'transportPassenger', passengers);
  }

  // Fengze: 370 enterprises post 4,000 jobs in the online 春风行动; supermarkets share restaurants' staff
  const fz = plan.fengze;
  const fzEntities = await resumedEntities(db, fz.district, fz.enterprises);
  const fzFair = await fair({ ...fz.fair, district: fz.district, kind: 'online' });
  const fzRows: Record<string, unknown>[] = [];
  for (let i = 0; i < fz.postings; i++) {
    const e = fzEntities[i % fzEntities.length]!;
    fzRows.push(posting(e, fzFair, addDays(fz.fair.startsOn, i % 30), fz.fair.endsOn, r.int(1, 10), 0));
  }
  await insertChunks(db, 'jobPosting', fzRows);
  const restaurants = await resumedEntities(db, fz.district, fz.placements.length, ['餐饮业', '住宿业']);
  const markets = await resumedEntities(db, fz.district, fz.placements.length, ['零售业']);
  for (let i = 0; i < Math.min(restaurants.length, markets.length, fz.placements.length); i++) {
    const n = fz.placements[i]!;
    const side = (e: Place, kind: string) => ({
      kind,
      entityId: e.id,
      entityName: e.name,
      regionCode: e.regionCode,
      regionPath: e.regionPath,
      headcount: n,
      matched: n,
      fromDate: '2020-02-15',
      toDate: '2020-03-31',
      note: kind === 'offer' ? '停业期间员工可外借' : '节日客流大，理货、配送人手不足',
      createdBy: null,
      createdAt: at('2020-02-12'),
    });
    const [offerId, requestId] = await insertChunks(
      db,
      'sharedStaff',
      [side(restaurants[i]!, 'offer'), side(markets[i]!, 'request')],
      true,
    );
    await db
      .insertInto('sharedStaffPlacement')
      .values({
        offerId,
        requestId,
        lenderId: restaurants[i]!.id,
        borrowerId: markets[i]!.id,
        regionPath: markets[i]!.regionPath,
        headcount: n,
        fromDate: '2020-02-15',
        toDate: '2020-03-31',
        lenderConfirmedAt: at('2020-02-13'),
        borrowerConfirmedAt: at('2020-02-13'),
        createdBy: null,
        createdAt: at('2020-02-13'),
      })
      .execute();
  }

  // Furong: 5,500 postings published by the human-resources bureau's online 春风行动
  const fr = plan.furong;
  const frEntities = await resumedEntities(db, fr.district, fr.enterprises);
  await insertChunks(
    db,
    'jobPosting',
    Array.from({ length: fr.postings }, (_, i) =>
      posting(frEntities[i % frEntities.length]!, null, addDays('2020-02-10', i % 40), '2020-04-30', r.int(1, 8), 0),
    ),
  );

  // Baoshan: every village grid's households asked about working away
  const grids = await s.regions.descendantsAt(`/${plan.baoshan.district}/`, 'grid');
  const survey: Record<string, unknown>[] = [];
  for (const g of grids)
    for (let h = 1; h <= plan.baoshan.householdsPerGrid; h++) {
      const household = `${h}号户`;
      const members = new Set<string>();
      while (members.size < r.int(1, 3)) members.add(person());
      for (const personName of members) {
        const x = r.next();
        const intention = x < 0.45 ? 'away' : x < 0.8 ? 'local' : 'stay';
        survey.push({
          regionCode: g.code,
          regionPath: g.path,
          household,
          personName,
          intention,
          trade: intention === 'stay' ? null : r.pick(['电焊', '瓦工', '厨师', '保洁', '驾驶员', '种植']),
          destination: intention === 'away' ? r.pick(['哈尔滨', '大连', '天津', '北京']) : null,
          surveyedOn: addDays('2020-02-20', h),
          recordedBy: null,
          updatedAt: at('2020-02-25'),
        });
      }
    }
  await insertChunks(db, 'labourIntention', survey);
  log(
    `labour: Jizhou 10 fairs / ${jz.hires} hires / ${jz.transport.reduce((n, b) => n + b.workers, 0)} transported; Fengze ${fzEntities.length} enterprises / ${fz.postings} postings; Furong ${fr.postings} postings; Baoshan ${survey.length} surveyed — ${Date.now() - started} ms`,
  );
  return logins;
}
