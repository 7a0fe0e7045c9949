import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';
import { loadDemo } from '../../demo/load-demo';
import { DEMO_PASSWORD } from '../../demo/demo-users';
import { seedDistricts } from './seed-figures';

// The whole demo (about 90,000 entities) is loaded once; every figure a seed quotes is read back from the API.
let t: TestApp;
let admin: Client;
let loadMs = 0;

beforeAll(async () => {
  t = await createTestApp({ empty: true });
  const started = Date.now();
  await loadDemo(t.services);
  loadMs = Date.now() - started;
  admin = await t.login('admin', DEMO_PASSWORD);
}, 600_000);
afterAll(() => t.close());

describe.each(seedDistricts)('district $code on $date', ({ code, date, figures }) => {
  let summary: DashboardSummary;
  beforeAll(async () => {
    const res = await admin.get(`/api/dashboard/summary?regionCode=${code}&date=${date}`);
    expect(res.statusCode).toBe(200);
    summary = res.json();
  });
  it.each(figures)('$says → $key.$field = $value', (f) => {
    const row = summary[f.in].find((r) => r.key === f.key);
    expect(row, `${f.in}.${f.key}`).toBeDefined();
    expect(row![f.field]).toBe(f.value);
  });
});

it('the district commander sees the same figures as the administrator, and the demo loads in reasonable time', async () => {
  const cmd = await t.login('commander', DEMO_PASSWORD);
  const res = await cmd.get('/api/dashboard/summary?date=2020-04-03');
  expect(res.json().categories.find((r: { key: string }) => r.key === 'industrial')).toMatchObject({ total: 667, resumed: 667 });
  console.log(`demo loaded in ${loadMs} ms`);
});

it('every district with reports shows a plausible attendance rate on its seed day (the seeds quote staff on duty, not registered staff)', async () => {
  for (const { code, date } of seedDistricts) {
    const overall = (await admin.get(`/api/dashboard/summary?regionCode=${code}&date=${date}`))
      .json()
      .categories.find((r: { key: string }) => r.key === 'overall');
    if (!overall.reporting) continue;
    expect(overall.attendanceRate, `${code} on ${date}`).toBeGreaterThanOrEqual(60);
    expect(overall.attendanceRate, `${code} on ${date}`).toBeLessThanOrEqual(100);
  }
});
