import path from 'node:path';
import { test, type Page } from '@playwright/test';
import { PHONE, expect, signIn } from './filings-helpers';
import { pngFile } from './png-file';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `problems-${name}.png`), fullPage: true });
test.setTimeout(240_000);

test('a daily report’s problem becomes a ticket in one action, and a photo is attached to it', async ({ browser }) => {
  // the enterprise writes its problem into today's report on a phone
  const phone = await signIn(browser, 'enterprise3', PHONE);
  await phone.goto('/reports/mine');
  const form = phone.getByTestId('daily-report-form');
  await form.getByLabel('在岗员工（人）').fill('52');
  await form.getByLabel('需要协调解决的问题').fill('冷库制冷机组故障，急需维修配件');
  await phone.getByRole('button', { name: /提交今日报告|更新今日报告/ }).click();
  await expect(phone.getByText(/已报送|已更新今日报告/).first()).toBeVisible();

  // the town sees it among the reports not yet converted, on a phone too
  const townPhone = await signIn(browser, 'town', PHONE);
  await townPhone.goto('/reports/problems?converted=false');
  await expect(townPhone.getByText('冷库制冷机组故障，急需维修配件')).toBeVisible();
  await shot(townPhone, 'list-phone');

  const town = await signIn(browser, 'town');
  await town.goto('/reports/problems?converted=false');
  const row = town.getByRole('row', { name: /冷库制冷机组故障/ });
  await row.getByRole('button', { name: '转为问题单' }).click();
  const dialog = town.getByRole('dialog');
  await dialog.getByLabel(/问题类别/).click();
  await town.getByTitle(/水电气热/).click();
  await shot(town, 'convert-dialog');
  await dialog.getByRole('button', { name: '转为问题单' }).click();
  await expect(town.getByText(/已生成问题单 WT\d{14}/)).toBeVisible();

  // converted: the report shows the ticket number, and a second conversion is not offered
  await town.goto('/reports/problems?converted=true');
  const converted = town.getByRole('row', { name: /冷库制冷机组故障/ });
  const link = converted.getByRole('link', { name: /^WT\d{14}$/ });
  await expect(link).toBeVisible();
  await expect(converted.getByRole('button', { name: '转为问题单' })).toHaveCount(0);
  await shot(town, 'list-converted');
  await link.click();

  // the ticket names its source report and takes a photo on its timeline
  await expect(town.getByTestId('ticket-source-report')).toBeVisible();
  await expect(town.getByText('冷库制冷机组故障，急需维修配件').first()).toBeVisible();
  await town.getByTestId('record-files').locator('input[type=file]').setInputFiles(pngFile('故障照片.png'));
  await expect(town.getByTestId('record-file-thumb')).toHaveCount(1);
  await expect(town.getByTestId('ticket-timeline')).toContainText('上传附件');
  await expect(town.getByTestId('ticket-timeline')).toContainText('故障照片.png');
  await shot(town, 'ticket-with-photo');
  const ticketUrl = town.url().replace(/^https?:\/\/[^/]+/, '');

  // the enterprise sees the same ticket and photo on its phone
  await phone.goto(ticketUrl);
  await expect(phone.getByTestId('record-file-thumb')).toHaveCount(1);
  await shot(phone, 'ticket-phone');

  // back from the ticket to the report it came from
  await town.getByTestId('ticket-source-report').click();
  await expect(town.getByRole('row', { name: /冷库制冷机组故障/ })).toBeVisible();
});

test('an administrator adds a ticket category and deactivates it after confirming', async ({ browser }) => {
  const admin = await signIn(browser, 'admin');
  await admin.goto('/tickets/categories');
  await expect(admin.getByTestId('category-row-supplies')).toBeVisible();
  await admin.getByTestId('category-add').click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByLabel('代码').fill('cold_chain');
  await dialog.getByLabel('名称').fill('冷链运输');
  // the department list is long: type to find it
  await dialog.getByLabel('默认责任部门').fill('交通');
  await admin.getByTitle('交通运输局').click();
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  const row = admin.getByRole('row', { name: /冷链运输/ });
  await expect(row).toContainText('3 天');
  await expect(row).toContainText('启用');
  await shot(admin, 'categories');
  await admin.getByTestId('category-deactivate-cold_chain').click();
  await admin
    .getByRole('tooltip')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(row).toContainText('已停用');
  const small = await signIn(browser, 'admin', PHONE);
  await small.goto('/tickets/categories');
  await expect(small.getByTestId('category-row-supplies')).toBeVisible();
  await shot(small, 'categories-phone');
});

test('a public complaint on a phone carries a photo that the town sees on the complaint', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
  const pub = await context.newPage();
  await pub.goto('/p/complaint');
  await pub.getByLabel('所在区县').click();
  await pub.getByTitle('蓟州区').click();
  await pub.getByLabel('投诉内容').fill('农贸市场摊位未按要求测温登记，人员聚集。');
  await pub.getByLabel('手机号码').fill('13912340000');
  await pub.locator('input[type=file]').setInputFiles(pngFile('现场.png'));
  await expect(pub.locator('.ant-upload-list-item')).toHaveCount(1);
  await shot(pub, 'complaint-form-phone');
  await pub.getByTestId('complaint-submit').click();
  await expect(pub.getByTestId('photos-sent')).toContainText('1 张照片');
  const receiptNo = (await pub.getByTestId('receipt-no').innerText()).trim();

  const commander = await signIn(browser, 'commander');
  await commander.goto(`/complaints?q=${receiptNo}`);
  await commander.getByRole('link', { name: receiptNo }).click();
  await expect(commander.getByTestId('record-file-thumb')).toHaveCount(1);
  await shot(commander, 'complaint-detail');
});
