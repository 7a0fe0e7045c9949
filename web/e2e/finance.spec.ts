import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PHONE, signIn } from './filings-helpers';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `finance-${name}.png`), fullPage: true });
test.setTimeout(240_000);

const pick = async (page: Page, label: string, option: string) => {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
};
const ok = (page: Page) =>
  page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
async function disbursed(page: Page): Promise<number> {
  const res = await page.request.get('/api/finance/figures?regionCode=120119');
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { totals: { disbursedFen: number } }).totals.disbursedFen;
}

test('an enterprise asks for a loan on a phone → the bank approves and disburses → the enterprise confirms → the figure rises', async ({
  browser,
}) => {
  const commander = await signIn(browser, 'commander');
  const before = await disbursed(commander);

  const boss = await signIn(browser, 'enterprise2', PHONE);
  await boss.goto('/finance/requests/new');
  await expect(boss.getByRole('heading', { name: '提交融资需求' })).toBeVisible();
  await boss.getByLabel('申请金额（元）').fill('500000');
  await pick(boss, '用途', '发放工资');
  await boss.getByLabel('期限（月）').fill('12');
  await pick(boss, '担保方式', '信用');
  await pick(boss, '金融机构', '中国工商银行');
  await boss.keyboard.press('Escape');
  await boss.getByLabel('联系人').fill('李会计');
  await boss.getByLabel('联系电话').fill('13912345678');
  await shot(boss, 'request-phone');
  await boss.getByRole('button', { name: /^提\s*交$/ }).click();
  await expect(boss).toHaveURL(/\/finance\/requests\/\d+$/);
  const url = new URL(boss.url()).pathname;
  await expect(boss.getByTestId('answer-1')).toContainText('已接收');

  const bank = await signIn(browser, 'bank');
  await bank.goto('/finance/requests');
  await expect(bank.getByRole('heading', { name: /融资需求收件箱 · 中国工商银行/ })).toBeVisible();
  await shot(bank, 'inbox');
  await bank.goto(url);
  await bank.getByRole('button', { name: '进入审批' }).click();
  await bank.getByRole('button', { name: /^批\s*复$/ }).click();
  await bank.getByRole('dialog').getByLabel('批复金额（元）').fill('500000');
  await ok(bank);
  await expect(bank.getByTestId('answer-1')).toContainText('已批复');
  await bank.getByRole('button', { name: '登记放款' }).click();
  await bank.getByRole('dialog').getByLabel('本次放款（元）').fill('600000');
  await ok(bank);
  await expect(bank.getByRole('dialog')).toContainText('放款合计不能超过批复金额');
  await bank.getByRole('dialog').getByLabel('本次放款（元）').fill('500000');
  await ok(bank);
  await expect(bank.getByTestId('answer-1')).toContainText('已放款');
  await shot(bank, 'detail-bank');

  await boss.reload();
  await boss.getByTestId('finance-confirm').click();
  await expect(boss.getByText('企业已确认到账')).toBeVisible();
  await shot(boss, 'detail-phone');

  expect(await disbursed(commander)).toBe(before + 50_000_000);
  await commander.goto('/finance/figures');
  await expect(commander.getByRole('heading', { name: '银企对接统计' })).toBeVisible();
  await expect(commander.getByText('中国工商银行').first()).toBeVisible();
  await shot(commander, 'figures');
});
