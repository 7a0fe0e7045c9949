import { expect, test } from '@playwright/test';
import { signIn } from './filings-helpers';

// the demo server shares two cores with other suites: give the journey room
test.setTimeout(240_000);

test('the key projects list shows Panzhihua East’s 66 of 71 and Yinjiang’s plan opens from it', async ({ browser }) => {
  const page = await signIn(browser, 'admin');
  await page.goto('/projects');
  await expect(page.getByRole('heading', { name: '重点项目' })).toBeVisible();
  await expect(page.getByTestId('projects-stats')).toContainText('66 / 71');
  await page.getByRole('searchbox', { name: '搜索项目名称' }).fill('银江');
  await page.getByRole('searchbox', { name: '搜索项目名称' }).press('Enter');
  await page.screenshot({ path: '/tmp/nproj-list.png', fullPage: true });
  await page.getByRole('link', { name: '银江水电站' }).click();
  await expect(page.getByTestId('project-status')).toHaveText('已复工');
  await expect(page.getByText('疫情应急预案', { exact: true })).toBeVisible();
  await page.screenshot({ path: '/tmp/nproj-detail.png', fullPage: true });
});
