import { test } from '@playwright/test';
import { PHONE, expect, fillAndSubmit, shot, signIn } from './filings-helpers';

test('a small restaurant files, is told an on-site review is required, the inspector records the pass and the entity shows resumed', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // the restaurant owner, on a phone
  const owner = await signIn(browser, 'enterprise', PHONE);
  await owner.goto('/filings/mine');
  await owner.getByRole('button', { name: '开始复工备案' }).click();
  await expect(owner).toHaveURL(/\/filings\/\d+\/edit$/);
  const filingId = Number(/\/filings\/(\d+)\/edit/.exec(owner.url())![1]);
  await fillAndSubmit(owner, { upload: true, signer: '王福顺' });

  await expect(owner.getByTestId('onsite-notice')).toContainText('开业前须经现场审核');
  await expect(owner.getByTestId('onsite-notice')).toContainText('未经现场审核不得擅自营业');
  await expect(owner.getByTestId('filing-status')).toContainText('待现场审核');
  await shot(owner, 'onsite-enterprise-phone');

  // the inspector finds it in the on-site list and records the pass
  const inspector = await signIn(browser, 'inspector');
  await inspector.goto('/filings/onsite');
  await inspector.getByRole('link', { name: '蓟州福顺家常菜小餐馆' }).click();
  await expect(inspector).toHaveURL(new RegExp(`/filings/${filingId}$`));
  await expect(inspector.getByText('防控方案.pdf')).toBeVisible();
  await inspector.getByRole('button', { name: '现场审核通过' }).click();
  const dialog = inspector.getByRole('dialog');
  await dialog.getByLabel('现场情况').fill('测温点、消毒记录、一米线均已落实。');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(inspector.getByTestId('filing-status')).toContainText('已通过');
  await expect(inspector.getByTestId('history-item').first()).toContainText('现场审核通过');

  // the entity file shows it resumed, with the filing on its timeline
  await inspector.getByRole('link', { name: '蓟州福顺家常菜小餐馆' }).click();
  await expect(inspector.locator('.ant-tag').filter({ hasText: '已复工' }).first()).toBeVisible();
  await expect(inspector.getByTestId('timeline-item').filter({ hasText: '现场审核通过' }).first()).toBeVisible();
  await shot(inspector, 'onsite-entity-resumed');

  // and the owner's phone now says they may open
  await owner.reload();
  await expect(owner.getByTestId('filing-status')).toContainText('已通过');
  await shot(owner, 'onsite-enterprise-approved-phone');
});
