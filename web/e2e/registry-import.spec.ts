import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { usccCheckChar } from '../../contract/src/validate/uscc';

const PASSWORD = 'Fugong2026';
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `registry-${name}.png`), fullPage: true });

const uscc = (n: number) => {
  const body = `9112011900${String(n).padStart(7, '0')}`;
  return body + usccCheckChar(body);
};

/** A district's spreadsheet as they keep it: Chinese headers, one row with a mistyped credit code. */
async function spreadsheet(): Promise<string> {
  const good = uscc(8_800_003);
  const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('市场主体');
  ws.addRow([
    '统一社会信用代码',
    '注册号',
    '名称',
    '主体类型',
    '区划代码',
    '产业',
    '行业',
    '规上',
    '四上',
    '企业规模',
    '五小/九小类型',
    '登记从业人数',
  ]);
  ws.addRow([
    uscc(8_800_001),
    '',
    '端到端测试机械有限公司',
    '企业',
    '120119001001001',
    '二产',
    '制造业',
    '是',
    '是',
    '中型',
    '',
    150,
  ]);
  ws.addRow([
    uscc(8_800_002),
    '',
    '端到端测试商贸有限公司',
    '企业',
    '120119001001',
    '三产',
    '批发业',
    '否',
    '否',
    '小型',
    '',
    20,
  ]);
  ws.addRow([
    '',
    'E2E-0001',
    '端到端测试小餐馆',
    '个体工商户',
    '120119001001001',
    '三产',
    '餐饮业',
    '否',
    '否',
    '微型',
    '小餐馆',
    4,
  ]);
  ws.addRow([bad, '', '端到端测试错码公司', '企业', '120119001001001', '二产', '制造业', '否', '否', '小型', '', 30]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fugong-e2e-import-')), '市场主体.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

test('admin imports an .xlsx with one bad credit code, sees that row’s error, confirms the rest and finds them listed', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel(/用户名/).fill('admin');
  await page.getByLabel(/^密码$/).fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('home-roles')).toBeVisible();

  await page.getByTestId('side-menu').getByText('批量导入').click();
  await expect(page).toHaveURL(/\/registry\/import/);
  await expect(page.getByText('点击或拖拽文件到此处上传')).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(await spreadsheet());

  // with errors present the preview opens on them
  const error = page.getByTestId('row-error');
  await expect(error).toHaveCount(1);
  await expect(error).toContainText('统一社会信用代码无效（校验位不符）');
  await expect(page.getByRole('row', { name: /端到端测试错码公司/ })).toBeVisible();
  await expect(page.locator('.ant-statistic').filter({ hasText: '新增' })).toContainText('3');
  await expect(page.locator('.ant-statistic').filter({ hasText: '有错误' })).toContainText('1');
  await shot(page, 'import-preview');

  await page.getByTestId('import-confirm').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('将写入 3 行（新增 3，更新 0）；有错误的 1 行将被跳过');
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('导入完成')).toBeVisible();
  await expect(page.getByText('新增 3，更新 0，无变化 0，跳过 1')).toBeVisible();

  await page.getByRole('button', { name: '查看市场主体' }).click();
  await expect(page).toHaveURL(/\/registry\/entities/);
  await page.getByLabel('名称或统一社会信用代码').fill('端到端测试');
  await page.getByLabel('名称或统一社会信用代码').press('Enter');
  const table = page.locator('.ant-table-tbody');
  await expect(table.getByRole('link', { name: '端到端测试机械有限公司' })).toBeVisible();
  await expect(table.getByRole('link', { name: '端到端测试商贸有限公司' })).toBeVisible();
  await expect(table.getByRole('link', { name: '端到端测试小餐馆' })).toBeVisible();
  await expect(table.getByText('端到端测试错码公司')).toHaveCount(0);
  await expect(page.getByText('共 3 条')).toBeVisible();
  await shot(page, 'import-listed');

  // the entity file shows where it came from
  await table.getByRole('link', { name: '端到端测试小餐馆' }).click();
  await expect(page.getByText('一企一档').or(page.getByText('档案时间线'))).toBeVisible();
  await expect(page.getByTestId('timeline-item').filter({ hasText: '登记入库' })).toBeVisible();
  await shot(page, 'entity-file');
});

test('an enterprise user sees its own entity file on a 375 px phone, and no other entity', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/login');
  await page.getByLabel(/用户名/).fill('enterprise');
  await page.getByLabel(/^密码$/).fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('home-roles')).toBeVisible();
  await page.goto('/registry/mine');
  await expect(page.getByRole('heading', { name: /小餐馆/ })).toBeVisible();
  await expect(page.getByText('小餐馆', { exact: true })).toBeVisible();
  await expect(page.getByTestId('timeline-item').filter({ hasText: '登记入库' })).toBeVisible();
  // nothing to manage: no edit or status buttons, and no way into the list
  await expect(page.getByRole('button', { name: '变更状态' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /编\s?辑/ })).toHaveCount(0);
  const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  expect(noScroll).toBe(true);
  await shot(page, 'enterprise-phone');
  await page.goto('/registry/entities/1');
  await expect(page.getByText('记录不存在或无权查看').first()).toBeVisible();
});

test('the registration form checks the credit code in the browser before anything is sent', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel(/用户名/).fill('admin');
  await page.getByLabel(/^密码$/).fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('home-roles')).toBeVisible();
  await page.goto('/registry/entities');
  await page.getByRole('button', { name: '登记主体' }).click();
  const dialog = page.getByRole('dialog');
  const good = uscc(8_800_009);
  const field = dialog.getByLabel('统一社会信用代码');
  await field.fill(good.slice(0, 17) + (good[17] === '0' ? '1' : '0'));
  await field.blur();
  await expect(dialog.getByText('统一社会信用代码无效（校验位不符）')).toBeVisible();
  await shot(page, 'form-bad-uscc');
  await field.fill(good.toLowerCase());
  await expect(field).toHaveValue(good);
  await expect(dialog.getByText('统一社会信用代码无效（校验位不符）')).toHaveCount(0);
});
