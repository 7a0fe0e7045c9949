import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, PHONE, signIn } from './filings-helpers';
import { test } from '@playwright/test';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `enforcement-${name}.png`), fullPage: true });
test.setTimeout(240_000);

/** The second question (modal.confirm) after a form dialog: wait for it to settle, answer yes, see it gone. */
async function confirm(page: Page) {
  const yes = page
    .locator('.ant-modal-confirm')
    .last()
    .getByRole('button', { name: /确\s*定/ });
  await expect(yes).toBeVisible();
  await page.waitForTimeout(400);
  await yes.click();
  await expect(page.locator('.ant-modal-confirm')).toHaveCount(0);
}

test('Fengze’s tally for the joint enforcement round matches the seed, and exports', async ({ browser }) => {
  const cmd = await signIn(browser, 'commander-fengze');
  await cmd.goto('/enforcement/tally?regionCode=350503&from=2020-02-10&to=2020-03-06');
  const tally = cmd.getByTestId('enforcement-tally');
  for (const figure of ['1,300', '4,000', '580', '470', '127', '28']) await expect(tally).toContainText(figure);
  await expect(cmd.getByRole('row', { name: /合计（丰泽区）/ })).toBeVisible();
  await shot(cmd, 'tally-desktop');
  const download = cmd.waitForEvent('download');
  await cmd.getByRole('button', { name: /导出/ }).click();
  expect((await download).suggestedFilename()).toContain('.xlsx');
  await cmd.goto('/enforcement/rounds');
  await expect(cmd.getByRole('row', { name: /企业复工复产综合执法监管联合执法检查/ })).toBeVisible();
  await shot(cmd, 'rounds-desktop');
  const phone = await signIn(browser, 'commander-fengze', PHONE);
  await phone.goto('/enforcement/tally?regionCode=350503&from=2020-02-10&to=2020-03-06');
  await expect(phone.getByTestId('enforcement-tally')).toContainText('1,300');
  await shot(phone, 'tally-phone');
});

test('an inspector on a phone issues a notice in a visit of three, prints it, re-inspects, closes and reopens the shop', async ({
  browser,
}) => {
  const inspector = await signIn(browser, 'inspector', PHONE);
  await inspector.goto('/enforcement/inspections/new');
  await inspector.getByLabel('出动执法人员姓名（回车添加）').fill('王队');
  await inspector.getByLabel('出动执法人员姓名（回车添加）').press('Enter');
  await inspector.getByLabel('出动人数').fill('3');
  await inspector.getByTestId('inspection-entity').click();
  await inspector.keyboard.type('福顺家常菜');
  await inspector.getByTitle('蓟州福顺家常菜小餐馆').click();
  await inspector.getByLabel('从业人员佩戴口罩').click();
  await inspector.locator('label.ant-radio-button-wrapper', { hasText: '整改通知书' }).click();
  await inspector.getByLabel('整改事项').fill('一、从业人员全程佩戴口罩；二、每日消毒并记录。');
  await inspector.getByLabel('整改期限').fill('2026-12-31');
  await inspector.getByLabel('整改期限').press('Enter');
  await expect(inspector.getByText(/本次出动：.*3 人，已检查 1 家/)).toBeVisible();
  await shot(inspector, 'inspection-saved-phone');
  await inspector.getByRole('button', { name: '查看并打印通知书' }).click();
  await expect(inspector.getByTestId('notice')).toContainText(/执改〔\d{4}〕\d{4}号/);
  await expect(inspector.getByTestId('notice-status')).toHaveText('待复查');
  await shot(inspector, 'notice-phone');
  await inspector.getByTestId('notice-reinspect').click();
  await expect(inspector.getByRole('dialog').getByText('复查结果')).toBeVisible();
  await inspector.waitForTimeout(400);
  await inspector.getByRole('dialog').getByText('未整改（责令关停）').click();
  await expect(inspector.getByRole('radio', { name: '未整改（责令关停）' })).toBeChecked();
  await inspector
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await confirm(inspector);
  await expect(inspector.getByTestId('notice-status')).toHaveText('逾期未改·已关停');
  await inspector.goto('/enforcement/closures?active=true');
  const row = inspector.getByRole('row', { name: /蓟州福顺家常菜小餐馆/ });
  await expect(row).toBeVisible();
  await shot(inspector, 'closures-phone');
  await row.getByTestId('closure-lift').click();
  await inspector
    .getByRole('dialog')
    .getByLabel(/解除理由/)
    .fill('整改到位，复查合格');
  await inspector
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await confirm(inspector);
  await expect(inspector.getByText('已解除关停')).toBeVisible();
});

test('the administrator edits a checklist: rename, add, deactivate', async ({ browser }) => {
  const admin = await signIn(browser, 'admin');
  await admin.goto('/enforcement/checklists');
  await admin.getByText('九小场所').click();
  await admin.getByTestId('checklist-add').click();
  await admin.getByRole('dialog').getByLabel('编码').fill('register');
  await admin.getByRole('dialog').getByLabel('检查内容').fill('顾客实名登记');
  await admin
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await admin.getByRole('row', { name: /fire/ }).getByRole('switch').click();
  await confirm(admin);
  await admin.getByTestId('checklist-save').click();
  await expect(admin.getByText('检查清单已保存')).toBeVisible();
  await shot(admin, 'checklists-desktop');
});

test('a town officer assigns a pasted list to a cadre and sees the history; teams and coverage', async ({ browser }) => {
  const town = await signIn(browser, 'town');
  await town.goto('/liaison/teams');
  await expect(town.getByRole('row', { name: /帮扶工作组/ }).first()).toBeVisible();
  await shot(town, 'liaison-teams-desktop');
  await town.goto('/liaison/assignments');
  await town.getByTestId('assign-open').click();
  await town.getByRole('tab', { name: '粘贴名单' }).click();
  await town.getByTestId('assign-paste').fill('蓟州福顺家常菜小餐馆\n天津蓟州恒达机械制造有限公司\n查无此企业');
  await town.getByTestId('assign-resolve').click();
  await expect(town.getByText('匹配 2 家，未匹配 1 行')).toBeVisible();
  await town.getByTestId('assign-liaison').click();
  await town.getByTitle(/驻企联络员/).click();
  await town.getByLabel('调整原因').fill('按重点企业名单调整');
  await shot(town, 'liaison-assign-desktop');
  await town.getByTestId('assign-submit').click();
  await expect(town.getByText('已配置 2 家')).toBeVisible();
  // the factory, an enterprise, was looked after by a help team before: the history keeps that, with the reason
  await town.getByPlaceholder('搜索主体名称').fill('恒达机械');
  await town.getByPlaceholder('搜索主体名称').press('Enter');
  await town
    .getByRole('row', { name: /天津蓟州恒达机械制造有限公司/ })
    .getByRole('button', { name: /历史/ })
    .click();
  await expect(town.getByTestId('assign-history-item')).toHaveCount(2);
  await expect(town.getByTestId('assign-history-item').nth(1)).toContainText('按重点企业名单调整');
  await shot(town, 'liaison-history-desktop');
  const phone = await signIn(browser, 'town', PHONE);
  await phone.goto('/liaison/assignments');
  await expect(phone.getByRole('row', { name: /蓟州福顺家常菜小餐馆/ })).toBeVisible();
  await shot(phone, 'liaison-assignments-phone');
});
