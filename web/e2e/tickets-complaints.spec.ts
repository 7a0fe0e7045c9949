import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PHONE, signIn } from './filings-helpers';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `tickets-${name}.png`), fullPage: true });
// the demo server shares two cores with other suites: give each journey room
test.setTimeout(240_000);

const ok = (page: Page) =>
  page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();

test('the overdue financing ticket waits in the leaders’ queue and a leader takes it up', async ({ browser }) => {
  const leader = await signIn(browser, 'commander');
  // first thing after sign-in: the queue on the home page
  await expect(leader.getByTestId('home-leaders-queue')).toContainText('流动资金缺口 300 万元', { timeout: 60_000 });
  await shot(leader, 'home-leaders');
  await leader
    .getByTestId('home-leaders-queue')
    .getByRole('link', { name: /区领导报到/ })
    .click();
  const queue = leader.getByTestId('leaders-queue');
  await expect(queue.getByRole('row', { name: /流动资金缺口 300 万元/ })).toBeVisible({ timeout: 60_000 });
  await expect(queue.getByRole('row', { name: /流动资金缺口 300 万元/ })).toContainText('区领导报到');
  await shot(leader, 'leaders-queue');
  await queue
    .getByRole('row', { name: /流动资金缺口 300 万元/ })
    .getByRole('link')
    .click();
  await expect(leader.getByTestId('ticket-timeline')).toContainText('区领导报到');
  await leader.getByTestId('ticket-acknowledge').click();
  await leader.getByRole('dialog').getByLabel('说明').fill('周一召集金融事务中心和银行现场协调');
  await ok(leader);
  await expect(leader.getByTestId('ticket-timeline')).toContainText('周一召集金融事务中心和银行现场协调');
  await shot(leader, 'ticket-detail');
});

test('a liaison reports a problem on a phone, the department handles it, the enterprise confirms and it is closed', async ({
  browser,
}) => {
  const liaison = await signIn(browser, 'liaison', PHONE);
  await liaison.goto('/tickets/new');
  await liaison.getByLabel('类别').click();
  await liaison.getByTitle('防疫物资').click();
  await liaison.getByLabel('问题', { exact: true }).fill('缺少一次性口罩 2000 只');
  await liaison.getByLabel('详细描述').fill('走访发现企业口罩库存仅够一天。');
  await liaison.getByLabel('市场主体编号').fill('16');
  await liaison.getByRole('button', { name: /提\s*交/ }).click();
  await expect(liaison.getByTestId('ticket-timeline')).toContainText('收集问题');
  await shot(liaison, 'liaison-reported-phone');
  const url = liaison.url();

  const town = await signIn(browser, 'town');
  await town.goto(url.replace(/^https?:\/\/[^/]+/, ''));
  await town.getByTestId('ticket-assign').click();
  await town.getByRole('dialog').getByLabel('责任部门').click();
  await town.getByTitle('工信局').click();
  await ok(town);
  await expect(town.getByTestId('ticket-timeline')).toContainText('交办');

  const dept = await signIn(browser, 'industry');
  await dept.goto(url.replace(/^https?:\/\/[^/]+/, ''));
  await dept.getByTestId('ticket-accept').click();
  await ok(dept);
  await dept.getByTestId('ticket-handle').click();
  await dept.getByRole('dialog').getByLabel('办理结果').fill('已从区储备调拨口罩 2000 只，今日送达。');
  await ok(dept);
  await expect(dept.getByTestId('ticket-result')).toContainText('已从区储备调拨口罩 2000 只');

  // the reporter confirms on the enterprise's behalf after a phone call
  await liaison.reload();
  await liaison.getByTestId('ticket-confirm').click();
  await ok(liaison);
  await expect(liaison.getByText('已销号').first()).toBeVisible();
  await shot(liaison, 'closed-phone');
});

test('a public complaint is verified and answered; the reply shows on the public status page', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
  const pub = await context.newPage();
  await pub.goto('/p/complaint');
  await pub.getByLabel('所在区县').click();
  await pub.getByTitle('蓟州区').click();
  await pub.getByLabel('镇街（可选）').click();
  await pub.getByTitle('小庄街道').click();
  await pub.getByLabel('被投诉单位名称').fill('惠民药店');
  await pub.getByLabel('投诉内容').fill('<b>惠民药店</b> 体温计一支卖 180 元，哄抬价格。');
  await pub.getByLabel('手机号码').fill('13912345678');
  await shot(pub, 'complaint-form-phone');
  await pub.getByTestId('complaint-submit').click();
  const receiptNo = (await pub.getByTestId('receipt-no').innerText()).trim();
  expect(receiptNo).toMatch(/^TS\d{14}$/);
  await shot(pub, 'complaint-receipt-phone');

  const town = await signIn(browser, 'town');
  await town.goto(`/complaints?q=${receiptNo}`);
  await town.getByRole('link', { name: receiptNo }).click();
  // the public's words are shown as typed, never as markup
  await expect(town.getByText('<b>惠民药店</b> 体温计一支卖 180 元，哄抬价格。')).toBeVisible();
  for (const [button, note] of [
    ['complaint-verify', '派市场监管所核实'],
    ['complaint-substantiate', '现场核实，标价属实'],
    ['complaint-handle', '责令退还差价，立案调查'],
  ] as const) {
    await town.getByTestId(button).click();
    await town.getByRole('dialog').getByLabel('核实/处理说明').fill(note);
    await ok(town);
    await expect(town.getByText(note).first()).toBeVisible();
  }
  await town.getByTestId('complaint-reply').click();
  await town.getByRole('dialog').getByLabel('答复内容').fill('经核实，该药店已退还差价并被立案调查，感谢您的监督。');
  await ok(town);
  await expect(town.getByText('已答复').first()).toBeVisible();

  await pub.goto(`/p/complaint/status?no=${receiptNo}`);
  await pub.getByLabel('手机号码或查询码').fill('13912345678');
  await pub.getByTestId('status-lookup').click();
  await expect(pub.getByTestId('complaint-reply')).toContainText('经核实，该药店已退还差价并被立案调查');
  await shot(pub, 'complaint-status-phone');
});

test('a liaison logs a visit on a phone; its problem becomes a ticket for the department', async ({ browser }) => {
  const liaison = await signIn(browser, 'liaison', PHONE);
  await liaison.goto('/liaison/visit');
  await liaison.getByLabel('市场主体编号').fill('16');
  await liaison.getByLabel('宣传的政策').click();
  await liaison.getByTitle('暖企7条').click();
  await liaison.keyboard.press('Escape');
  await liaison.getByTestId('visit-add-problem').click();
  await liaison.getByLabel('类别').click();
  await liaison.getByTitle('用工招工').click();
  await liaison.getByLabel('问题', { exact: true }).fill('缺电焊工 5 名');
  await liaison.getByLabel('详细情况').fill('订单恢复，急需持证电焊工。');
  await shot(liaison, 'visit-form-phone');
  await liaison.getByTestId('visit-submit').click();
  await liaison.getByTestId('visit-ticket').click();
  await expect(liaison.getByText('人社局').first()).toBeVisible();
  await shot(liaison, 'visit-ticket-phone');
});

test('an inspector issues a rectification notice and prints it', async ({ browser }) => {
  const inspector = await signIn(browser, 'inspector', PHONE);
  await inspector.goto('/enforcement/inspections/new');
  await inspector.getByLabel('出动人数').fill('3');
  await inspector.getByTestId('inspection-entity').click();
  await inspector.keyboard.type('恒达机械');
  await inspector.getByTitle('天津蓟州恒达机械制造有限公司').click();
  await inspector.getByLabel('从业人员佩戴口罩').click();
  await inspector.getByLabel('当场整改').fill('0');
  await inspector.locator('label.ant-radio-button-wrapper', { hasText: '整改通知书' }).click();
  await inspector.getByLabel('整改事项').fill('一、从业人员全程佩戴口罩；二、每日消毒并记录。');
  await inspector.getByLabel('整改期限').fill('2026-12-31');
  // Enter in the date field commits the date and submits the form
  await inspector.getByLabel('整改期限').press('Enter');
  await inspector.getByRole('button', { name: '查看并打印通知书' }).click();
  await expect(inspector.getByTestId('notice')).toContainText('责令整改通知书');
  await expect(inspector.getByTestId('notice')).toContainText(/执改〔\d{4}〕\d{4}号/);
  await inspector.evaluate(() => {
    (window as unknown as { printed: boolean }).printed = false;
    window.print = () => {
      (window as unknown as { printed: boolean }).printed = true;
    };
  });
  await inspector.getByTestId('notice-print').click();
  expect(await inspector.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
  await shot(inspector, 'notice-phone');
});
