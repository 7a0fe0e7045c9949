import path from 'node:path';
import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';

// the dashboard sums ~40,000 Jizhou entities and the machine is shared: allow for slow answers
const expect = baseExpect.configure({ timeout: 30_000 });
const PASSWORD = 'Fugong2026';
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `dashboard-${name}.png`), fullPage: true });

async function signIn(browser: Browser, username: string, viewport: { width: number; height: number }): Promise<Page> {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByLabel(/用户名|使用者名稱|Username/).fill(username);
  await page.getByLabel(/^(密码|密碼|Password)$/).fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('home-roles')).toBeVisible();
  return page;
}

test('an enterprise reports on a phone and the open 大屏 updates without a reload', async ({ browser }) => {
  test.slow();
  const screen = await signIn(browser, 'commander', { width: 1600, height: 900 });
  await screen.goto('/dashboard/screen');
  await expect(screen.getByTestId('headline-resumption')).toBeVisible();
  await expect(screen.getByTestId('row-overall')).toBeVisible();
  const reportingBefore = await screen.getByTestId('row-overall').locator('td').nth(1).textContent();
  // nothing reported today yet in the demo: the capacity card points at the last day with reports
  await expect(screen.getByTestId('latest-report-date')).toContainText('2020-04-03');
  // a marker that survives only if the page is not reloaded
  await screen.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  const phone = await signIn(browser, 'enterprise3', { width: 375, height: 800 });
  await phone.goto('/reports/mine');
  const form = phone.getByTestId('daily-report-form');
  await expect(form).toBeVisible();
  await form.getByLabel('在岗员工（人）').fill('48');
  await form.getByLabel('其中省外员工（人）').fill('6');
  await form.getByLabel(/复产率/).fill('85');
  await shot(phone, 'report-phone');
  await phone.getByRole('button', { name: '提交今日报告' }).click();
  await expect(phone.getByText('已报送')).toBeVisible();
  await expect(phone.getByText(/在岗 48 人（省外 6）/)).toBeVisible();

  // the dashboard heard the report over SSE and refetched: one entity reported, 48 on duty
  await expect(screen.getByText('1 家当日报送')).toBeVisible();
  await expect(screen.getByText('在岗 48 人')).toBeVisible();
  await expect(screen.getByTestId('live-count')).toContainText(/已接收 [1-9]/);
  expect(await screen.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  expect(await screen.getByTestId('row-overall').locator('td').nth(1).textContent()).toBe(reportingBefore);
  await shot(screen, 'live');
});

test('the 大屏 shows Jizhou on 3 April 2020 as the press conference told it', async ({ browser }) => {
  test.slow();
  const screen = await signIn(browser, 'commander', { width: 1600, height: 900 });
  // two days later nobody reported: the screen points at the last day with reports
  await screen.goto('/dashboard/screen?date=2020-04-05');
  await screen.getByTestId('latest-report-date').click();
  await expect(screen).toHaveURL(/date=2020-04-03/);
  const industrial = screen.getByTestId('row-industrial');
  await expect(industrial).toContainText('667');
  await expect(industrial).toContainText('100.0%');
  await expect(industrial).toContainText('96.0%');
  // liaison coverage sits among the headline figures (target 100 %)
  await expect(screen.getByTestId('headline-liaison-coverage')).toContainText(/\d+(\.\d)?%/);
  await expect(screen.getByTestId('headline-liaison-coverage')).toContainText('家已有联络员');
  await expect(screen.getByTestId('row-smallMicro')).toContainText('95.5%');
  await expect(screen.getByTestId('row-individual')).toContainText('91.8%');
  await expect(screen.getByTestId('row-commerceAboveQuota')).toContainText('100.0%');
  // let the charts finish their entry animation before the picture
  await screen.waitForTimeout(1500);
  await shot(screen, 'jizhou-2020-04-03');
  await screen.screenshot({ path: '/tmp/dashboard-jizhou.png' });

  await screen.goto('/dashboard/briefing?date=2020-04-03');
  await expect(screen.getByText(/工业企业 667 家，已复工 667 家，复工率 100.0%/)).toBeVisible();
  await shot(screen, 'briefing');
});
