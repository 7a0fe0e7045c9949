import path from 'node:path';
import { expect as baseExpect, test, type Page } from '@playwright/test';

// other suites share the two cores, so a list can take a while to arrive
const expect = baseExpect.configure({ timeout: 30_000 });

const PASSWORD = 'Fugong2026';
// kept for people to look at (git-ignored; CI keeps them as artefacts)
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `platform-${name}.png`), fullPage: true });

async function signIn(page: Page, username: string) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel(/用户名|使用者名稱|Username/).fill(username);
  await page.getByLabel(/^(密码|密碼|Password)$/).fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('home-roles')).toBeVisible();
}

async function switchLanguage(page: Page, label: string) {
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: label }).click();
}

test('admin signs in, switches language, creates a town officer and finds it in the audit log', async ({ page }) => {
  // a long journey on a shared 2-core machine
  test.slow();
  await page.goto('/login');
  await expect(page.getByText('复工通').first()).toBeVisible();
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('wrong-password');
  await page.locator('button[type=submit]').click();
  // the server's own message, in the user's language
  await expect(page.getByTestId('login-error')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await shot(page, 'login');

  await signIn(page, 'admin');
  const menu = page.getByTestId('side-menu');
  await expect(page.getByRole('heading', { name: '您好，系统管理员' })).toBeVisible();
  await expect(menu.getByText('用户管理')).toBeVisible();
  await expect(menu.getByText('审计日志')).toBeVisible();
  await expect(menu.getByText('系统管理')).toBeVisible();
  await shot(page, 'home-zh-CN');

  await switchLanguage(page, 'English');
  await expect(menu.getByText('Users', { exact: true })).toBeVisible();
  await expect(menu.getByText('Audit log')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hello, 系统管理员' })).toBeVisible();
  await expect(menu.getByText('用户管理')).toHaveCount(0);
  await expect(page).toHaveTitle('Fugong');
  await shot(page, 'home-en');

  await switchLanguage(page, '繁體中文');
  await expect(menu.getByText('使用者管理')).toBeVisible();
  await expect(menu.getByText('稽核日誌')).toBeVisible();
  await expect(menu.getByText('系統管理')).toBeVisible();
  await shot(page, 'home-zh-TW');
  // remembered for the user on the server, not only in this browser
  await expect.poll(async () => (await (await page.request.get('/api/auth/me')).json()).locale).toBe('zh-TW');
  await page.reload();
  await expect(menu.getByText('使用者管理')).toBeVisible();

  await switchLanguage(page, '简体中文');
  await menu.getByText('用户管理').click();
  await expect(page).toHaveURL(/\/system\/users/);
  await expect(page.getByRole('cell', { name: 'admin', exact: true })).toBeVisible();
  await shot(page, 'users');

  // a real town of the demo district, whatever the generator named it
  const towns = await (await page.request.get('/api/regions/search?q=%E9%95%87&limit=5')).json();
  const town = towns.items.find((r: { level: string }) => r.level === 'town') as { code: string; name: string };

  await page.getByTestId('create-user').click();
  const form = page.getByTestId('user-form');
  await form.getByLabel('用户名').fill('e2e_town');
  await form.getByLabel('姓名').fill('测试镇街员');
  await form.getByLabel('初始密码').fill('Temp2026x');
  // the role list opens with an animation; on a loaded machine a click can land before it settles, so
  // pick the role until the region field it brings appears
  const region = form.getByLabel('区域');
  await expect(async () => {
    if (
      !(await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().isVisible())
    )
      await form.getByTestId('grant-0-role').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '镇街工作人员' })
      .click({ timeout: 5_000 });
    await expect(region).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await region.click();
  await region.fill(town.name);
  await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: town.code }).first().click();
  await expect(
    form.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: town.name }).first(),
  ).toBeVisible();
  await shot(page, 'user-create');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('用户已创建')).toBeVisible();
  // demo data holds many users: find the new one by the search filter
  await page.getByPlaceholder('用户名或姓名').fill('e2e_town');
  await page.getByPlaceholder('用户名或姓名').press('Enter');
  await expect(page).toHaveURL(/q=e2e_town/);
  await expect(page.getByRole('cell', { name: 'e2e_town', exact: true })).toBeVisible();
  await expect(page.locator('.ant-table-row')).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: 'e2e_town' })).toContainText(town.name);

  await menu.getByText('审计日志').click();
  await expect(page).toHaveURL(/\/system\/audit/);
  await page.getByPlaceholder('操作（前缀）').fill('users.create');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page).toHaveURL(/action=users.create/);
  const row = page.getByRole('row').filter({ hasText: 'e2e_town' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('users.create');
  await expect(row).toContainText('admin');
  await shot(page, 'audit');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出 Excel/ }).click();
  expect((await download).suggestedFilename()).toBe('audit.xlsx');

  // the new officer signs in with the initial password and must replace it before anything else
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('用户名').fill('e2e_town');
  await page.getByLabel('密码').fill('Temp2026x');
  await page.locator('button[type=submit]').click();
  await expect(page).toHaveURL(/\/password$/);
  await expect(page.getByText('您正在使用临时密码，请先设置新密码')).toBeVisible();
  await page.goto('/system/users');
  await expect(page).toHaveURL(/\/password$/);
  await page.getByLabel('当前密码').fill('Temp2026x');
  await page.getByLabel('新密码', { exact: true }).fill('Better2026y');
  await page.getByLabel('确认新密码').fill('Better2026y');
  await shot(page, 'password');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('heading', { name: '您好，测试镇街员' })).toBeVisible();
  await expect(page.getByTestId('home-roles')).toContainText(town.name);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('a town officer gets the menu as a drawer', async ({ page }) => {
    await page.goto('/login');
    await expect(page.locator('button[type=submit]')).toBeVisible();
    await shot(page, 'phone-login');
    await signIn(page, 'town');
    await expect(page.getByRole('heading', { name: '您好，镇街工作人员' })).toBeVisible();
    await expect(page.getByTestId('home-roles')).toContainText('镇街工作人员');
    // no side bar on a phone: the menu waits behind the button
    await expect(page.getByTestId('side-menu')).toHaveCount(0);
    await shot(page, 'phone-home');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);

    await page.getByTestId('menu-button').click();
    const menu = page.getByTestId('side-menu');
    await expect(menu).toBeVisible();
    // let the drawer finish sliding in before the picture
    await page
      .locator('.ant-drawer-content-wrapper')
      .evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    await expect(menu.getByText('首页')).toBeVisible();
    // town officers do not administer users
    await expect(menu.getByText('用户管理')).toHaveCount(0);
    await shot(page, 'phone-drawer');
  });
});
