import path from 'node:path';
import { test, type Page } from '@playwright/test';
import { expect, PHONE, signIn } from './filings-helpers';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `supplies-${name}.png`), fullPage: true });
test.setTimeout(240_000);

const cardValue = async (screen: Page) => {
  const card = screen.getByTestId('supplies-shortage-card');
  await expect(card.locator('.value')).not.toHaveText('—');
  return Number(await card.locator('.value').textContent());
};

test('an enterprise declares a shortage on a phone, the town allocates from its reserve, the enterprise confirms and the 大屏 card drops by one', async ({
  browser,
}) => {
  const ent = await signIn(browser, 'enterprise3', PHONE);
  await ent.goto('/supplies/declare');
  await expect(ent.getByRole('heading', { name: '防疫物资申报' })).toBeVisible();
  const masks = ent.getByTestId('declare-mask_medical');
  await masks.getByLabel(/现有库存/).fill('20');
  await masks.getByLabel(/7 天需求/).fill('840');
  await shot(ent, 'declare-phone');
  await ent.getByRole('button', { name: /提交申报/ }).click();
  await expect(ent.getByText('库存不足，已列入需求清单')).toBeVisible();

  const screen = await signIn(browser, 'commander', { width: 1600, height: 900 });
  await screen.goto('/dashboard/screen');
  const before = await cardValue(screen);
  expect(before).toBeGreaterThanOrEqual(81);
  await shot(screen, 'screen-before');

  const town = await signIn(browser, 'emergency-town');
  await town.goto('/supplies/demands?q=华鑫');
  const row = town.getByRole('row', { name: /华鑫食品/ });
  await expect(row).toContainText('一次性医用口罩');
  await shot(town, 'demands');
  await row.getByRole('button', { name: /调\s*配/ }).click();
  const dialog = town.getByRole('dialog');
  await dialog.getByLabel('调出储备点').click();
  await town.getByTitle(/小庄街道防疫物资储备点/).click();
  await dialog.getByLabel('调配数量').fill('820');
  await dialog.getByRole('button', { name: /确认调配/ }).click();
  await expect(dialog).toBeHidden();
  await town.goto('/supplies/deliveries');
  await town
    .getByRole('row', { name: /华鑫食品/ })
    .getByRole('button', { name: /发\s*出/ })
    .click();
  await expect(town.getByRole('row', { name: /华鑫食品/ })).toContainText('已发出');
  await shot(town, 'deliveries');

  await ent.goto('/supplies/deliveries');
  await ent.getByRole('button', { name: '确认收货' }).click();
  await ent.getByRole('dialog').getByLabel('实际收到数量').fill('820');
  await ent
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*认/ })
    .click();
  await expect(ent.getByRole('row', { name: /华鑫食品/ })).toContainText('已签收');
  await shot(ent, 'received-phone');

  await screen.reload();
  await expect.poll(() => cardValue(screen), { timeout: 60_000 }).toBe(before - 1);
  await shot(screen, 'screen-after');

  const ledger = await signIn(browser, 'emergency-baoshan');
  await ledger.goto('/supplies/ledger');
  await expect(ledger.getByTestId('supplies-spent')).toContainText('3,050,000');
  await shot(ledger, 'ledger-baoshan');
});
