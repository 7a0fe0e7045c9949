import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DailyReportInput, EntityInput } from '@fugong/contract';
import { createTestApp, type TestApp } from '../../../test/helpers';
import { addDays, localDate, manualClock } from '../../platform/clock';
import { systemContext, type RequestContext } from '../../platform/context';
import { makeActor } from '../../platform/permissions';

// Reports that arrive together share one group commit: their rollup changes are summed per key and
// their version and audit rows written together at the end of the batch. The figures must be those
// of the same reports written one by one, and a report that fails inside a batch must leave nothing.
let t: TestApp;
const clock = manualClock('2026-03-10T02:00:00Z');
const today = localDate(clock.now());
const yesterday = addDays(today, -1);
const ids: number[] = [];
const ctxs: RequestContext[] = [];
let suspended = 0;
let district = '';

const report = (i: number, reportDate: string, over: Partial<DailyReportInput> = {}) =>
  ({
    reportDate,
    staffOnDuty: 5 + (i % 7),
    fromOtherProvinces: i % 3,
    underObservation: 0,
    abnormalTemperature: 0,
    suspectedCases: 0,
    capacityRate: 50 + i,
    supplyDaysLeft: 3,
    problems: '',
    ...over,
  }) as DailyReportInput;

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r, Object.keys(r as object).sort())).sort();

beforeAll(async () => {
  t = await createTestApp({ clock });
  district = (await t.services.regions.resolve(t.regions.district)).path;
  const grids = [t.regions.gridA, t.regions.gridB, t.regions.communityA];
  const inputs = Array.from(
    { length: 12 },
    (_, i) =>
      ({
        kind: i % 4 === 3 ? 'individual' : 'enterprise',
        name: `批量主体${i}`,
        regNo: `RB${i}`,
        regionCode: grids[i % 3]!,
        sector: i % 2 ? 'tertiary' : 'secondary',
        industry: i % 5 ? '制造业' : null,
        sizeClass: 'small',
        registeredStaff: 20 + i,
      }) as EntityInput,
  );
  ids.push(...(await t.services.registry.createEntities(systemContext(), inputs)));
  suspended = ids[5]!;
  await t.services.registryStats.backfill(
    systemContext(),
    [],
    `${addDays(today, -3)}T00:00:00.000Z`,
    [{ at: `${addDays(today, -2)}T00:00:00.000Z`, ids: ids.filter((id) => id !== suspended) }],
    'test',
  );
  for (const id of ids)
    ctxs.push({
      actor: makeActor({ id: 1000 + id, username: `batch${id}`, displayName: 'b' }, [
        { role: 'enterprise', regionPath: null, department: null, entityId: id, venueId: null },
      ]),
      ip: null,
      requestId: null,
      locale: 'zh-CN',
    });
});
afterAll(() => t.close());

describe('report submissions in one batch', () => {
  it('give the rollup sums of the same reports written one by one, replacements within the batch included', async () => {
    const s = t.services.dailyReports;
    const ok = ids.map((_, i) => i).filter((i) => ids[i] !== suspended);
    // yesterday one by one, each its own batch
    for (const i of ok) await s.submit(ctxs[i]!, report(i, yesterday, { staffOnDuty: 3 }));
    for (const i of ok) await s.submit(ctxs[i]!, report(i, yesterday));
    // today all at once: first reports and their replacements in the same batch
    await Promise.all([
      ...ok.map((i) => s.submit(ctxs[i]!, report(i, today, { staffOnDuty: 3 }))),
      ...ok.map((i) => s.submit(ctxs[i]!, report(i, today))),
    ]);
    for (const len of [12, null]) {
      const batched = await s.sums(district, today, len);
      expect(batched.length).toBeGreaterThan(0);
      expect(sorted(batched)).toEqual(sorted(await s.sums(district, yesterday, len)));
      expect(sorted(batched)).toEqual(sorted(await s.sumsFromReports(district, today, len)));
    }
    const versions = await t.core.db
      .selectFrom('dailyReportVersion as v')
      .innerJoin('dailyReport as r', 'r.id', 'v.reportId')
      .select(['r.reportDate', 'v.version'])
      .execute();
    expect(
      versions
        .filter((v) => v.reportDate === today)
        .map((v) => Number(v.version))
        .sort(),
    ).toEqual([...ok.map(() => 1), ...ok.map(() => 2)].sort());
    const audits = await t.core.db.selectFrom('auditLog').select('detail').where('action', '=', 'reports.submit').execute();
    expect(audits.filter((a) => JSON.parse(a.detail!).date === today)).toHaveLength(2 * ok.length);
  });

  it('leave nothing of a report that fails inside the batch, and write the others', async () => {
    const s = t.services.dailyReports;
    const day = addDays(today, -2);
    const results = await Promise.allSettled(
      ids.map((_, i) => s.submit(ctxs[i]!, report(i, day, { abnormalTemperature: i === 2 ? 1 : 0 }))),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [ids[i]] : []));
    expect(failed).toEqual([suspended]);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { status: 409 } });
    for (const len of [12, null])
      expect(sorted(await s.sums(district, day, len))).toEqual(sorted(await s.sumsFromReports(district, day, len)));
    const rows = await t.core.db.selectFrom('dailyReport').select('entityId').where('reportDate', '=', day).execute();
    expect(rows.map((r) => Number(r.entityId)).sort((a, b) => a - b)).toEqual(
      ids.filter((id) => id !== suspended).sort((a, b) => a - b),
    );
    const reporting = (await s.sums(district, day, null)).reduce((n, r) => n + r.reporting, 0);
    expect(reporting).toBe(ids.length - 1);
    const audits = await t.core.db.selectFrom('auditLog').select('detail').where('action', '=', 'reports.submit').execute();
    expect(audits.filter((a) => JSON.parse(a.detail!).date === day)).toHaveLength(ids.length - 1);
  });
});
