import path from 'node:path';
import ExcelJS from 'exceljs';
import { test, type Download, type Page } from '@playwright/test';
import { expect, PHONE, signIn } from './prevention-helpers';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `prevention-${name}.png`), fullPage: true });

async function sheetOf(download: Download): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

async function exportFrom(page: Page, scope = page.locator('body')): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    scope
      .getByRole('button', { name: /导\s*出/ })
      .first()
      .click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  return sheetOf(download);
}

test('admin edits the risk rules as a new version, sees the validation, and restores the old version', async ({ browser }) => {
  test.slow();
  const page = await signIn(browser, 'admin');
  await page.goto('/isolation/rules');
  const version = Number(
    (await page
      .locator('.ant-descriptions')
      .getByText(/^v\d+$/)
      .first()
      .textContent())!.slice(1),
  );
  const card = page
    .locator('.ant-card')
    .filter({ hasText: '健康码黄码' })
    .filter({ has: page.getByLabel('规则名称') });
  await expect(card).toHaveCount(1);
  await shot(page, 'risk-rules');

  // a rule without conditions and an isolation of 0 days are refused before anything is sent
  await card.locator('.ant-select-selection-item-remove').click();
  await card.getByLabel('天数').fill('0');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(card.getByText('每条规则至少设置一个条件')).toBeVisible();
  await expect(card.getByText('隔离措施的天数至少为 1 天')).toBeVisible();

  await card.getByLabel('健康码').click();
  await page.getByTitle('黄码').click();
  await page.keyboard.press('Escape');
  await card.getByLabel('天数').fill('10');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText(`已保存为第 ${version + 1} 版`)).toBeVisible();
  await expect(page.locator('.ant-descriptions').getByText(`v${version + 1}`)).toBeVisible();

  // the previous version, shown read-only, loaded back and saved again as the next version
  const versions = page.locator('.ant-card').filter({ hasText: '历史版本' });
  await versions
    .getByRole('row')
    .filter({ hasText: `v${version}` })
    .getByRole('button', { name: /查\s*看/ })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(`第 ${version} 版规则`)).toBeVisible();
  await expect(dialog.getByRole('row').filter({ hasText: '健康码黄码' })).not.toContainText('10 天');
  await dialog.getByRole('button', { name: '载入编辑' }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(card.getByLabel('天数')).not.toHaveValue('10');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText(`已保存为第 ${version + 2} 版`)).toBeVisible();

  const phone = await signIn(browser, 'admin', PHONE);
  await phone.goto('/isolation/rules');
  await expect(phone.getByLabel('规则名称').first()).toBeVisible();
  await shot(phone, 'risk-rules-phone');
});

test('admin changes a pass class rule; the form checks its fields', async ({ browser }) => {
  const page = await signIn(browser, 'admin');
  await page.goto('/passes/rules');
  const a = page.getByTestId('pass-rule-A');
  const validity = a.getByLabel('有效期');
  const before = await validity.inputValue();
  await shot(page, 'pass-rules');
  await validity.fill('');
  await a.getByRole('button', { name: /保\s*存/ }).click();
  await expect(a.getByText('必填', { exact: false }).first()).toBeVisible();
  await validity.fill(String(Number(before) + 1));
  await a.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存 A 类规则')).toBeVisible();
  await expect(a.getByText(/最近修改/)).toBeVisible();
  await validity.fill(before);
  await a.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存 A 类规则').first()).toBeVisible();

  const phone = await signIn(browser, 'admin', PHONE);
  await phone.goto('/passes/rules');
  await expect(phone.getByTestId('pass-rule-C')).toBeVisible();
  await shot(phone, 'pass-rules-phone');
});

test('lists export to Excel with masked numbers: people, passes, isolations, the East District sealed report', async ({
  browser,
}) => {
  test.slow();
  const page = await signIn(browser, 'admin');
  const clearNumber = /\d{17}[\dX]|(?<!\d)1\d{10}(?!\d)/;
  for (const url of ['/people', '/passes', '/isolation/cases']) {
    await page.goto(url);
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    const rows = await exportFrom(page);
    expect(rows.length, url).toBeGreaterThan(1);
    expect(
      rows.flat().filter((c) => clearNumber.test(c)),
      url,
    ).toEqual([]);
  }
  await page.goto('/isolation/sealed?regionCode=510402');
  await expect(page.getByTestId('sealed-total')).toContainText('2,093');
  await shot(page, 'sealed');
  const report = await exportFrom(page, page.locator('.ant-card').filter({ has: page.getByTestId('sealed-total') }));
  expect(report.at(-1)).toEqual(['合计（东区）', '510402', '13', '2093', '0', '0']);

  await page.goto('/isolation/screening');
  const progress = await exportFrom(page, page.locator('.ant-card').filter({ hasText: '已走访' }));
  expect(progress[0]).toContain('已走访户数');
  expect(progress.at(-1)![1]).toBe('合计');

  await page.goto('/passes/checkpoints');
  await page.locator('.ant-table-row').first().click();
  const log = await exportFrom(page, page.locator('.ant-card').filter({ hasText: '核验记录导出' }));
  expect(log[0]).toContain('证件号码（脱敏）');
  expect(log.flat().filter((c) => clearNumber.test(c))).toEqual([]);
  await shot(page, 'checkpoints');

  const phone = await signIn(browser, 'admin', PHONE);
  await phone.goto('/people');
  await expect(phone.getByRole('button', { name: /导\s*出/ })).toBeVisible();
  await shot(phone, 'people-phone');
});
