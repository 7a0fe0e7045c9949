import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect as baseExpect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';

// the demo loads every module's districts on a shared 2-core machine: allow for slow answers
const expect = baseExpect.configure({ timeout: 30_000 });
const PASSWORD = 'Fugong2026';
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `venues-${name}.png`), fullPage: true });

/** A valid 身份证 number (GB 11643 check character) for the n-th test visitor. */
function idCard(n: number): string {
  const first17 = `120119199${n % 10}0${(n % 9) + 1}1${n % 9}${String(100 + n).slice(-3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

async function signIn(browser: Browser, username: string, viewport = { width: 1366, height: 860 }): Promise<Page> {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByLabel(/用户名|使用者名稱|Username/).fill(username);
  await page.getByLabel(/^(密码|密碼|Password)$/).fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('home-roles')).toBeVisible();
  return page;
}

async function csrf(page: Page): Promise<string> {
  return (await (await page.request.get('/api/auth/me')).json()).csrfToken;
}

async function venueId(request: APIRequestContext, name: string): Promise<number> {
  const venues = (await (await request.get('/api/public/venues')).json()) as { id: number; name: string }[];
  return venues.find((v) => v.name === name)!.id;
}

test('a visitor books Panshan on a phone, the gate admits them from the QR, a red code is refused', async ({ browser }) => {
  test.setTimeout(300_000);
  const phoneCtx = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
  const phone = await phoneCtx.newPage();
  await phone.goto('/p/venues');
  await expect(phone.getByText('盘山风景名胜区')).toBeVisible();
  await expect(phone.getByText('今日限 20000 人').first()).toBeVisible();
  await shot(phone, 'public-list');
  await phone.getByText('盘山风景名胜区').click();
  await expect(phone.getByText(/当日限量 20000 人/)).toBeVisible();
  await phone.getByRole('radio', { name: /上午/ }).check();
  await phone.getByLabel('姓名').fill('张明');
  await phone.getByLabel('证件号码').fill(idCard(1));
  await phone.getByLabel('手机号').fill('13812345678');
  await phone.getByText(/我承诺所有游客健康码为绿码/).click();
  await shot(phone, 'book-phone');
  await phone.getByRole('button', { name: '提交预约' }).click();
  await expect(phone.getByText('预约成功')).toBeVisible();
  const qr = phone.getByTestId('booking-qr');
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const code = (await phone.getByTestId('booking-code').textContent())!.trim().slice(0, 10);
  expect(code).toMatch(/^[A-Z2-9]{10}$/);
  await shot(phone, 'booking-qr');
  // page content fits the phone: nothing wider than the screen
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // the gate: staff feed the QR picture to the page's scanner
  const gate = await signIn(browser, 'venue');
  await gate.goto('/venues/gate');
  await expect(gate.getByText(/入园核验 · 盘山风景名胜区/)).toBeVisible();
  const svg = await (await gate.request.get(`/api/public/venue-bookings/${code}/qr`)).text();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qr-')), 'booking.svg');
  fs.writeFileSync(file, svg);
  const admittedBefore = Number(
    (await gate.getByTestId('stat-admitted').locator('.ant-statistic-content-value').textContent())?.replace(/\D/g, '') || 0,
  );
  await gate.locator('input[type=file]').setInputFiles(file);
  await expect(gate.getByLabel('预约码或证件号码')).toHaveValue(code);
  await expect(gate.getByText('张*')).toBeVisible();
  await gate
    .getByRole('button', { name: '核 验' })
    .or(gate.getByRole('button', { name: '核验' }))
    .first()
    .click();
  await expect(gate.getByTestId('checkin-result')).toContainText('准予入园');
  await expect(gate.getByTestId('stat-admitted')).toContainText(String(admittedBefore + 1));
  await shot(gate, 'gate-admitted');
  // scanned again: a re-entry, not counted twice
  await gate.getByRole('button', { name: /查询/ }).click();
  await expect(gate.getByText(/已于 .* 入园/)).toBeVisible();

  // a visitor with a red code, found by typing the booking code
  const panshan = await venueId(gate.request, '盘山风景名胜区');
  const avail = await (await gate.request.get(`/api/public/venues/${panshan}/availability`)).json();
  const red = await gate.request.post('/api/public/venue-bookings', {
    headers: { 'x-csrf-token': await csrf(gate) },
    data: {
      venueId: panshan,
      day: avail.day,
      slotId: avail.slots[0].slotId,
      phone: '13987654321',
      healthAttested: true,
      visitors: [{ name: '李红', idType: 'id_card', idNumber: idCard(2) }],
    },
  });
  expect(red.ok(), await red.text()).toBe(true);
  const redCode = (await red.json()).code as string;
  await gate.getByLabel('预约码或证件号码').fill(redCode);
  await gate.getByRole('button', { name: /查询/ }).click();
  await expect(gate.getByText('李*')).toBeVisible();
  await gate.locator('.ant-radio-button-wrapper').filter({ hasText: '红码' }).click();
  await gate
    .getByRole('button', { name: '核 验' })
    .or(gate.getByRole('button', { name: '核验' }))
    .first()
    .click();
  await expect(gate.getByTestId('checkin-result')).toContainText('不得入园');
  await expect(gate.getByTestId('checkin-result')).toContainText('红码');
  await shot(gate, 'gate-refused');

  // the venue manager was alerted
  const manager = await signIn(browser, 'venue-manager');
  const notes = await (await manager.request.get('/api/notifications?limit=50')).json();
  expect(JSON.stringify(notes.items)).toContain('红码');
});

test('a day the manager capped and filled shows as fully booked', async ({ browser }) => {
  test.setTimeout(300_000);
  const admin = await signIn(browser, 'admin');
  const id = await venueId(admin.request, '独乐寺');
  const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
  const rule = await admin.request.post(`/api/venues/${id}/capacity-rules`, {
    headers: { 'x-csrf-token': await csrf(admin) },
    data: { mode: 'absolute', capacity: 1, effectiveFrom: tomorrow, effectiveTo: tomorrow, note: 'e2e' },
  });
  expect(rule.ok()).toBe(true);
  const taken = await admin.request.post('/api/public/venue-bookings', {
    headers: { 'x-csrf-token': await csrf(admin) },
    data: {
      venueId: id,
      day: tomorrow,
      phone: '13700001111',
      healthAttested: true,
      visitors: [{ name: '王一', idType: 'id_card', idNumber: idCard(3) }],
    },
  });
  expect(taken.ok()).toBe(true);

  const phoneCtx = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
  const phone = await phoneCtx.newPage();
  await phone.goto(`/p/venues/${id}`);
  await phone.getByTestId('day-select').click();
  await phone.locator('.ant-select-item-option').filter({ hasText: '已约满' }).first().click();
  await expect(phone.getByTestId('sold-out')).toContainText('该日预约已满');
  await expect(phone.getByRole('button', { name: '提交预约' })).toBeDisabled();
  await shot(phone, 'sold-out');
});

test('the venue manager edits slots and policies, and exports the day’s bookings, check-ins and guest register', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const manager = await signIn(browser, 'venue-manager');
  const id = await venueId(manager.request, '盘山风景名胜区');
  await manager.goto(`/venues/${id}`);
  await expect(manager.getByRole('heading', { name: '盘山风景名胜区' })).toBeVisible();
  await shot(manager, 'detail-desktop');

  // a slot that holds bookings today can neither shrink below them nor be deactivated
  await manager.getByRole('tab', { name: '入园时段' }).click();
  const morning = manager.locator('tr').filter({ hasText: '上午' });
  await morning.getByRole('button', { name: '停用' }).click();
  await manager.getByRole('button', { name: /^确\s?定$/ }).click();
  await expect(manager.locator('.ant-message')).toContainText('不能停用');
  await morning.getByRole('button', { name: /编\s?辑/ }).click();
  const dialog = manager.getByRole('dialog');
  // the modal's primary button by its place: while a save is in flight its name gains "loading"
  const ok = dialog.locator('.ant-modal-footer .ant-btn-primary');
  await dialog.getByLabel('时段限量').fill('1');
  await ok.click();
  await expect(manager.locator('.ant-message')).toContainText('不能低于已预约人数');
  await shot(manager, 'slot-refused');
  await dialog.getByLabel('时段限量').fill('9500');
  await expect(ok).toBeEnabled();
  await ok.click({ timeout: 60_000 });
  await expect(morning).toContainText('9,500');

  // vehicles at 4 of 9 seats; the medical-worker policy until 2020-12-31
  await manager.getByRole('tab', { name: '观光车' }).click();
  await expect(manager.getByText('9 座限坐 4 人').first()).toBeVisible();
  // a vehicle taken out of service is removed after a confirmation
  const added = await manager.request.post(`/api/venues/${id}/vehicles`, {
    data: { name: '临时摆渡车', count: 2, seats: 14, seatLimit: 7 },
    headers: { 'x-csrf-token': await csrf(manager) },
  });
  expect(added.status()).toBe(200);
  await manager.reload();
  await manager.getByRole('tab', { name: '观光车' }).click();
  const shuttle = manager.locator('tr').filter({ hasText: '临时摆渡车' });
  await shuttle.getByRole('button', { name: /删\s?除/ }).click();
  await expect(manager.getByText('删除车辆“临时摆渡车”？')).toBeVisible();
  await shot(manager, 'vehicle-remove-confirm');
  await manager.getByRole('button', { name: /^确\s?定$/ }).click();
  await expect(shuttle).toHaveCount(0);
  await manager.getByRole('tab', { name: '优惠政策' }).click();
  await expect(manager.getByText('2020-03-28 — 2020-12-31')).toBeVisible();
  await shot(manager, 'policies');

  // today's bookings as .xlsx
  await manager.getByRole('tab', { name: '预约记录' }).click();
  const download = manager.waitForEvent('download');
  await manager.getByRole('button', { name: /导出/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^盘山风景名胜区-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(fs.statSync(await (await download).path()).size).toBeGreaterThan(1000);

  // the gate's check-ins
  await manager.goto(`/venues/${id}/gate`);
  const checkins = manager.waitForEvent('download');
  await manager.getByRole('button', { name: /导出/ }).click();
  expect((await checkins).suggestedFilename()).toMatch(/\.xlsx$/);

  // the same pages on a phone: nothing wider than the screen
  const phone = await signIn(browser, 'venue-manager', { width: 375, height: 812 });
  await phone.goto(`/venues/${id}`);
  await expect(phone.getByRole('heading', { name: '盘山风景名胜区' })).toBeVisible();
  await phone.getByRole('tab', { name: '入园时段' }).click();
  await shot(phone, 'detail-phone');
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // the farm-stay register with its temperature log
  const farm = await signIn(browser, 'farmstay', { width: 375, height: 812 });
  await farm.goto('/venues/gate');
  const farmId = (await (await farm.request.get('/api/auth/me')).json()).grants.find(
    (g: { venueId: number | null }) => g.venueId,
  )!.venueId as number;
  await farm.goto(`/venues/${farmId}/guests`);
  await expect(farm.getByText('号房').first()).toBeVisible();
  await shot(farm, 'guests-phone');
  const guests = farm.waitForEvent('download');
  await farm.getByRole('button', { name: /导出/ }).click();
  expect((await guests).suggestedFilename()).toMatch(/\.xlsx$/);
});
