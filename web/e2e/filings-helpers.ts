import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect as baseExpect, type Browser, type Page } from '@playwright/test';

// the shared CI machine is often saturated; give each assertion room
export const expect = baseExpect.configure({ timeout: 30_000 });

export const PASSWORD = 'Fugong2026';
export const PHONE = { width: 375, height: 812 };

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `filings-${name}.png`), fullPage: true });

/** A signed-in page of its own (cookies are per context), at phone size when asked. */
export async function signIn(browser: Browser, username: string, viewport = { width: 1366, height: 860 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel(/用户名/).fill(username);
  await page.getByLabel(/^密码$/).fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('home-roles')).toBeVisible();
  return page;
}

/** Tomorrow as a local (China) date, the earliest sensible planned date. */
export function tomorrowInChina(): string {
  return new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
}

export function pdfFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fugong-e2e-pdf-')), '防控方案.pdf');
  fs.writeFileSync(file, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  return file;
}

/** Fills the four wizard steps with valid content and signs; the page is on /filings/:id/edit. */
export async function fillAndSubmit(page: Page, opts: { upload?: boolean; signer: string }) {
  const num = async (label: string, value: number) => page.getByLabel(label, { exact: true }).fill(String(value));
  await page.getByLabel('计划复工日期').fill(tomorrowInChina());
  await num('员工总数', 8);
  await num('返岗人数', 6);
  await num('其中外省返岗', 1);
  await num('其中来自中高风险地区', 0);
  await num('口罩（只）', 200);
  await num('体温计（支）', 2);
  await num('消毒液（升）', 10);
  await page.getByRole('button', { name: '下一步' }).click();

  const texts = page.getByRole('textbox', { name: '内容' });
  await texts.nth(0).fill('店门口设测温点，顾客扫码登记；每日营业前后全面消毒并记录；员工全程佩戴口罩。');
  await texts.nth(1).fill('发现员工或顾客发热，立即停止营业、隔离观察，并报告社区卫生服务中心。');
  if (opts.upload) {
    await page.locator('input[type=file]').first().setInputFiles(pdfFile());
    await expect(page.getByText('防控方案.pdf')).toBeVisible();
  }
  await page.getByRole('button', { name: '下一步' }).click();

  const boxes = page.getByRole('checkbox');
  const n = await boxes.count();
  for (let i = 0; i < n; i++) if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check();
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByTestId('commitment-text')).toContainText('本单位郑重承诺');
  await page.getByLabel('签署人姓名').fill(opts.signer);
  const accept = page.getByRole('checkbox', { name: /我已阅读并承诺遵守/ });
  await accept.check();
  await expect(accept).toBeChecked();
  await page.getByRole('button', { name: /签署并(重新)?提交/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(page).toHaveURL(/\/filings\/mine$/);
  await expect(page.locator('.ant-modal-confirm')).toHaveCount(0);
}
