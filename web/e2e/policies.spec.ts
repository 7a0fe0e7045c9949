import { test, type Page } from '@playwright/test';
import { expect, PASSWORD, PHONE, signIn } from './filings-helpers';

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/npol-${name}.png`, fullPage: true });
test.setTimeout(240_000);

test('an enterprise scans a policy QR on a phone, applies; the labour bureau approves and pays; the district total rises', async ({
  browser,
}) => {
  const labour = await signIn(browser, 'labour');
  await labour.goto('/policies/ledger');
  const card = labour.getByTestId('total-employment_training');
  await expect(card).toContainText('674.9万元', { timeout: 60_000 });
  await shot(labour, 'ledger-before');
  await labour.goto('/policies/packages');
  await labour.getByRole('link', { name: '惠企21条' }).click();
  await expect(labour.getByRole('heading', { level: 4 })).toContainText('惠企21条');
  await shot(labour, 'package');
  const href = await labour.getByRole('link', { name: '企业稳岗返还（失业保险费返还）' }).getAttribute('href');

  // the QR code opens the public page on the phone, signed out
  const phone = await (await browser.newContext({ viewport: PHONE, locale: 'zh-CN' })).newPage();
  await phone.goto(href!);
  await expect(phone.getByRole('heading', { name: '企业稳岗返还（失业保险费返还）' })).toBeVisible();
  await expect(phone.getByTestId('policy-conditions')).toContainText('企业规模');
  await shot(phone, 'public-measure');
  await phone.getByRole('button', { name: '登录申报' }).click();
  await phone.getByLabel(/用户名/).fill('enterprise2');
  await phone.getByLabel(/^密码$/).fill(PASSWORD);
  await phone.locator('button[type=submit]').click();
  await expect(phone.getByTestId('policy-mine')).toContainText('符合申报条件');
  await phone.getByLabel('联系人').fill('李恒达');
  await phone.getByLabel('申报说明').fill('在册职工180人，疫情期间未裁员');
  await phone.getByRole('button', { name: '提交申报' }).click();
  await expect(phone.getByTestId('my-application-status')).toContainText('已申报');
  await shot(phone, 'applied-phone');

  await labour.goto('/policies/applications');
  await labour.getByRole('button', { name: '天津蓟州恒达机械制造有限公司' }).click();
  const drawer = labour.locator('.ant-drawer');
  await drawer.getByLabel('通过', { exact: true }).check();
  await drawer.getByLabel(/核定金额/).fill('500');
  await drawer.getByRole('button', { name: '提交审核' }).click();
  await expect(drawer.getByTestId('application-status')).toContainText('审核通过');
  await drawer.getByLabel('兑付日期').fill('2020-03-16');
  await drawer.getByLabel('兑付日期').press('Enter');
  await drawer.getByLabel('凭证号').fill('RS-2020-0316');
  await drawer.getByRole('button', { name: '确认兑付' }).click();
  await expect(drawer.getByTestId('application-status')).toContainText('已兑付');
  await shot(labour, 'application-paid');

  await labour.goto('/policies/ledger');
  await expect(labour.getByTestId('total-employment_training')).toContainText('674.95万元');
  await shot(labour, 'ledger-after');
});
