import { test } from '@playwright/test';
import { PHONE, expect, fillAndSubmit, shot, signIn } from './filings-helpers';

test('a reviewer requests changes, the enterprise resubmits, the reviewer approves', async ({ browser }) => {
  test.setTimeout(300_000);
  const ent = await signIn(browser, 'enterprise2', PHONE);
  await ent.goto('/filings/mine');
  await ent.getByRole('button', { name: '开始复工备案' }).click();
  await expect(ent).toHaveURL(/\/filings\/\d+\/edit$/);
  await fillAndSubmit(ent, { signer: '李恒达' });
  await expect(ent.getByTestId('filing-status')).toContainText('已提交');

  // the town officer sends it back with a reason
  const town = await signIn(browser, 'town');
  await town.goto('/filings/inbox');
  await town.getByRole('link', { name: '天津蓟州恒达机械制造有限公司' }).click();
  await town.getByRole('button', { name: '退回修改' }).click();
  const dialog = town.getByRole('dialog');
  await dialog.getByLabel('理由').fill('应急预案请写明联系人和联系电话。');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(town.getByTestId('filing-status')).toContainText('退回修改');

  // the enterprise sees why, edits and resubmits
  await ent.reload();
  await expect(ent.getByText('应急预案请写明联系人和联系电话。')).toBeVisible();
  await ent.getByRole('button', { name: '修改并重新提交' }).click();
  await ent.getByRole('button', { name: '下一步' }).click();
  await ent
    .getByRole('textbox', { name: '内容' })
    .nth(1)
    .fill('发现发热员工立即隔离观察并报告社区。联系人：李恒达 13800001234。');
  await ent.getByRole('button', { name: '下一步' }).click();
  await ent.getByRole('button', { name: '下一步' }).click();
  await ent.getByLabel('签署人姓名').fill('李恒达');
  const accept = ent.getByRole('checkbox', { name: /我已阅读并承诺遵守/ });
  await accept.check();
  await expect(accept).toBeChecked();
  await ent.getByRole('button', { name: '签署并重新提交' }).click();
  await ent
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(ent.getByTestId('filing-status')).toContainText('已重新提交');

  // the reviewer compares versions and approves
  await town.reload();
  await expect(town.getByTestId('filing-status')).toContainText('已重新提交');
  await town.getByRole('button', { name: '审核通过' }).click();
  await town
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(town.getByTestId('filing-status')).toContainText('已通过');
  const history = town.getByTestId('history-item');
  await expect(history.nth(0)).toContainText('审核通过');
  await expect(history.nth(1)).toContainText('修改后重新提交');
  await expect(history.nth(2)).toContainText('退回修改');
  await expect(town.getByText('联系人：李恒达 13800001234')).toBeVisible();
  await shot(town, 'review-approved');

  await ent.reload();
  await expect(ent.getByTestId('filing-status')).toContainText('已通过');
  await shot(ent, 'review-enterprise-approved-phone');
});
