import path from 'node:path';
import { test, type Page } from '@playwright/test';
import { expect, PHONE, signIn } from './prevention-helpers';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `isolation-${name}.png`), fullPage: true });

/** A valid 身份证 number (GB 11643 check character) that no demo person has. */
function idCard(): string {
  const first17 = `42010219${70 + Math.floor(Math.random() * 29)}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

test('grid worker registers a returning worker, assesses home isolation, prints the notice, the person checks in by phone, release', async ({
  browser,
}) => {
  test.slow();
  const page = await signIn(browser, 'grid');
  await page.goto('/people');
  await page.getByRole('button', { name: '登记人员' }).click();
  const modal = page.getByRole('dialog');
  const idNumber = idCard();
  await modal.getByLabel('姓名').fill('钱多多');
  await modal.getByLabel('证件号码').fill(idNumber);
  await modal.getByLabel('手机号码').fill('13912345678');
  await modal.locator('.ant-tree-select').click();
  await page.locator('.ant-select-tree-node-content-wrapper').first().click();
  await modal.getByLabel('住址').fill('幸福小区5栋1单元302');
  await shot(page, 'register');
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page).toHaveURL(/\/people\/\d+$/);
  // masked on screen: the middle ten digits never reach the page
  await expect(page.getByTestId('person-idNumber')).toHaveText(idNumber.slice(0, 4) + '**********' + idNumber.slice(-4));
  await expect(page.getByText(idNumber)).toHaveCount(0);

  await page.locator('a[href*="/isolation/assess?personId="]').click();
  await expect(page).toHaveURL(/\/isolation\/assess\?personId=\d+/);
  await page.getByLabel('来源地', { exact: true }).fill('湖北省武汉市');
  await page.getByLabel('来源地风险').click();
  await page.getByTitle('高风险').click();
  // already observed 13 days before returning: the officer shortens the period, with the reason on record
  await page.getByText('人工调整评估结果').click();
  await page.getByLabel('天数').fill('1');
  await page.getByLabel('调整原因').fill('返程前已在原籍隔离观察 13 天');
  await shot(page, 'assess');
  await page.getByRole('button', { name: /^评\s*估$/ }).click();
  const result = page.getByTestId('assessment-result');
  await expect(result).toContainText('高风险');
  await expect(result).toContainText('居家隔离');
  await expect(result).toContainText('来自高风险地区');
  await shot(page, 'assessment-result');
  await page.getByRole('button', { name: '查看隔离记录' }).click();
  await expect(page).toHaveURL(/\/isolation\/cases\/\d+$/);
  const link = (await page.getByTestId('checkin-link').innerText()).trim();
  expect(link).toMatch(/\/p\/checkin\/[\w-]{20,}$/);

  await page.getByRole('link', { name: /隔离告知书/ }).click();
  const notice = page.getByTestId('isolation-notice');
  await expect(notice.getByRole('heading', { name: '隔离时限告知书' })).toBeVisible();
  await expect(notice).toContainText('钱*多');
  await expect(notice).not.toContainText('钱多多');
  await expect(notice).toContainText('幸福小区5栋1单元302');
  await shot(page, 'notice');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'notice-print');
  await page.emulateMedia({ media: 'screen' });

  // the person, on a phone, with only the link
  const phone = await (await browser.newContext({ ...PHONE, locale: 'zh-CN' })).newPage();
  await phone.goto(new URL(link).pathname);
  await expect(phone.getByText('钱*多')).toBeVisible();
  await phone.getByLabel('体温').fill('36.6');
  await shot(phone, 'checkin-phone');
  await phone.getByRole('button', { name: /提\s*交/ }).click();
  await expect(phone.getByText('今日已打卡')).toBeVisible();
  await shot(phone, 'checkin-done');

  await page.goBack();
  await page.reload();
  await expect(page.getByRole('cell', { name: '本人' })).toBeVisible();
  await page.getByRole('button', { name: '解除隔离' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '解除隔离' }).click();
  await expect(page.getByText('已解除').first()).toBeVisible();
  await shot(page, 'released');

  // the person looks themselves up and sees which officials viewed their record
  await phone.goto('/p/self');
  await phone.getByLabel('证件号码').fill(idNumber);
  await phone.getByLabel('手机号码').fill('13912345678');
  await phone.getByRole('button', { name: /查\s*询/ }).click();
  await expect(phone.getByText('谁查阅过我的信息')).toBeVisible();
  await expect(phone.getByText(/网格员 · 查看档案|grid · 查看档案/).first()).toBeVisible();
  await expect(phone.getByText(idNumber)).toHaveCount(0);
  await shot(phone, 'self-service');
});

test('the East District command centre sees 13 sealed buildings and 2,093 people', async ({ browser }) => {
  const page = await signIn(browser, 'commander-panzhihua');
  await page.goto('/isolation/sealed');
  const total = page.getByTestId('sealed-total');
  await expect(total).toContainText('13');
  await expect(total).toContainText('2,093');
  await shot(page, 'sealed-buildings');
});

test('checkpoint staff verifies a valid and a revoked pass on a phone', async ({ browser }) => {
  test.slow();
  // the town officer hands out QR codes; read two of them through the API
  const town = await signIn(browser, 'town');
  const tokenOf = async (status: string) => {
    const list = await (await town.request.get(`/api/passes?status=${status}&passClass=A&pageSize=1`)).json();
    return (await (await town.request.get(`/api/passes/${list.items[0].id}`)).json()).token as string;
  };
  const valid = await tokenOf('active');
  const revoked = await tokenOf('revoked');

  const page = await signIn(browser, 'checkpoint', PHONE);
  await page.goto('/passes/scan');
  await expect(page.getByText(/东门/).first()).toBeVisible();
  const input = page.getByPlaceholder('输入身份证号或通行码');
  await input.fill(`fugong:pass:${valid}`);
  await page.getByRole('button', { name: /核\s*验/ }).click();
  const res = page.getByTestId('verify-result');
  await expect(res).toHaveAttribute('data-valid', 'true');
  await expect(res).toContainText('通行');
  await shot(page, 'scan-valid');

  await input.fill(revoked);
  await page.getByRole('button', { name: /核\s*验/ }).click();
  await expect(res).toHaveAttribute('data-valid', 'false');
  await expect(res).toContainText('通行证已撤销');
  await expect(page.getByText('最近核验')).toBeVisible();
  await shot(page, 'scan-revoked');
});
