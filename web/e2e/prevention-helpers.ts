import { expect as baseExpect, type Browser } from '@playwright/test';

// other suites share the two cores, so pages can take a while
export const expect = baseExpect.configure({ timeout: 30_000 });
export const PASSWORD = 'Fugong2026';
export const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

/** A new browser context in Simplified Chinese, signed in as a demo user. */
export async function signIn(browser: Browser, username: string, opts: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ ...opts, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel(/用户名/).fill(username);
  await page.getByLabel(/^密码$/).fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}
