import path from 'node:path';
import { test, type Page } from '@playwright/test';
import { PHONE, expect, signIn } from './filings-helpers';
import { pngFile } from './png-file';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `liaison-${name}.png`), fullPage: true });
test.setTimeout(240_000);

test('a visit logged with a photo on a phone shows in the town’s visit log, with its photo, and exports', async ({ browser }) => {
  const liaison = await signIn(browser, 'liaison', PHONE);
  await liaison.goto('/liaison/visit');
  await liaison.getByLabel('市场主体编号').fill('16');
  await liaison.locator('label.ant-radio-button-wrapper', { hasText: '电话' }).click();
  await liaison.getByLabel('走访情况').fill('电话回访：复工正常');
  await liaison.locator('input[type=file]').first().setInputFiles(pngFile('车间现场.png'));
  await liaison.getByTestId('visit-submit').click();
  await expect(liaison.getByText('走访已记录')).toBeVisible();
  await expect(liaison.getByTestId('visit-photos').locator('img')).toHaveCount(1);
  // the liaison's own log on the phone
  await liaison.goto('/liaison/visits');
  await expect(liaison.getByTestId('visits-table').getByRole('row').nth(1)).toContainText('电话');
  await shot(liaison, 'visits-phone');

  const town = await signIn(browser, 'town');
  await town.goto('/liaison/visits?mode=phone');
  const row = town.getByRole('row', { name: /驻企联络员/ }).first();
  await expect(row).toBeVisible();
  await row.getByTestId('visit-open').click();
  const detail = town.getByTestId('visit-detail');
  await expect(detail).toContainText('电话回访：复工正常');
  await expect(detail.getByTestId('record-file-thumb')).toHaveCount(1);
  await shot(town, 'visit-detail-desktop');
  // the thumbnail opens the photo full size
  await detail.getByTestId('record-file-thumb').click();
  await expect(town.locator('.ant-image-preview-img')).toBeVisible();
  await town.keyboard.press('Escape');
  await town.keyboard.press('Escape');
  const download = town.waitForEvent('download');
  await town.getByRole('button', { name: /导出/ }).click();
  expect((await download).suggestedFilename()).toContain('.xlsx');
});

test('a town officer renames a help team and changes one of its members', async ({ browser }) => {
  const town = await signIn(browser, 'town');
  await town.goto('/liaison/teams');
  const first = town.locator('.ant-table-row').first();
  await expect(first).toBeVisible();
  await first.getByTestId('team-edit').click();
  const dialog = town.getByRole('dialog');
  await expect(dialog.getByTestId('team-name')).not.toHaveValue('');
  await dialog.getByTestId('team-name').fill('城关一组（调整后）');
  // drop the last (not the leader) member and take the town's liaison in
  await dialog.locator('.ant-select-selection-item-remove').last().click();
  await dialog.getByTestId('team-members').click();
  await town.keyboard.type('驻企');
  // the options are re-rendered when the search answers: a click on the outgoing list can be lost
  await expect(async () => {
    await town
      .getByTitle(/驻企联络员/)
      .first()
      .click({ timeout: 5_000 });
    await expect(dialog.locator('.ant-select-selection-item').filter({ hasText: '驻企联络员' })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await town.keyboard.press('Escape');
  await shot(town, 'team-edit-desktop');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(town.getByText('工作组已保存')).toBeVisible();
  await town.getByPlaceholder('搜索组名或组员姓名').fill('调整后');
  await town.getByPlaceholder('搜索组名或组员姓名').press('Enter');
  const edited = town.getByRole('row', { name: /城关一组（调整后）/ });
  await expect(edited).toContainText('驻企联络员');
  // a team that still looks after entities is offered their reassignment instead of dissolution
  await edited.getByTestId('team-dissolve').click();
  await expect(town.locator('.ant-modal-confirm')).toContainText('须先重新分配');
  await shot(town, 'team-dissolve-desktop');
  const phone = await signIn(browser, 'town', PHONE);
  await phone.goto('/liaison/teams?q=调整后');
  await expect(phone.getByRole('row', { name: /城关一组（调整后）/ })).toBeVisible();
  await shot(phone, 'teams-phone');
});
