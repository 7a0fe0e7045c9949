import path from 'node:path';
import { test, type Page } from '@playwright/test';
import { expect, PHONE, signIn } from './filings-helpers';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `labour-${name}.png`), fullPage: true });
test.setTimeout(240_000);

const FAIR = '蓟州区“春风行动”常态化线上招聘';
const inDays = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

test('an enterprise posts on a phone, the labour bureau publishes it, a job seeker applies from the fair’s QR page, the hire counts', async ({
  browser,
}) => {
  const title = `装配工-${Date.now() % 100_000}`;
  const employer = await signIn(browser, 'employer', PHONE);
  await employer.goto('/labour/my');
  await employer.getByLabel('岗位名称').fill(title);
  await employer.getByLabel('招聘人数').fill('2');
  await employer.getByLabel('月薪下限（元）').fill('4500');
  await employer.getByLabel('月薪上限（元）').fill('6000');
  await employer.getByLabel('所属招聘会').click();
  await employer.getByTitle(FAIR).click();
  await employer.getByLabel('有效期至').fill(inDays(30));
  await employer.getByLabel('有效期至').press('Enter');
  await employer.getByRole('button', { name: /提交审核/ }).click();
  const card = employer.getByTestId('my-posting').filter({ hasText: title });
  await expect(card).toContainText('待审核');
  await shot(employer, 'posted-phone');

  const bureau = await signIn(browser, 'labour');
  await bureau.goto(`/labour/postings?q=${encodeURIComponent(title)}`);
  const row = bureau.getByRole('row', { name: new RegExp(title) });
  await row.getByTestId('approve-posting').click();
  await expect(bureau.getByRole('row', { name: new RegExp(title) })).toContainText('已发布');
  await shot(bureau, 'review');
  await bureau.goto('/labour/figures');
  const fairRow = bureau.getByTestId('fairs-table').getByRole('row', { name: new RegExp(FAIR) });
  await expect(fairRow.getByTestId('fair-hires')).toHaveText('0');
  await fairRow.getByRole('button', { name: /二维码/ }).click();
  const link = await bureau.getByTestId('fair-public-link').getAttribute('href');
  await shot(bureau, 'figures-qr');

  const seeker = await (await browser.newContext({ viewport: PHONE, locale: 'zh-CN' })).newPage();
  await seeker.goto(new URL(link!).pathname);
  const posting = seeker.getByTestId('public-posting').filter({ hasText: title });
  await posting.getByRole('button', { name: '我要报名' }).click();
  await posting.getByLabel('姓名').fill('赵春生');
  await posting.getByLabel('手机号码').fill('13900001234');
  await posting.getByRole('button', { name: '提交报名' }).click();
  await expect(seeker.getByTestId('applied')).toBeVisible();
  await shot(seeker, 'public-applied');

  await employer.reload();
  const mine = employer.getByTestId('my-posting').filter({ hasText: title });
  await mine.getByRole('button', { name: /查看报名/ }).click();
  await expect(mine.getByTestId('applicant')).toContainText('139****1234');
  await mine.getByRole('button', { name: /^录\s*用$/ }).click();
  await expect(mine.getByTestId('posting-hired')).toContainText('已录用 1 / 2');
  await shot(employer, 'hired-phone');

  await bureau.goto('/labour/figures');
  await expect(
    bureau
      .getByTestId('fairs-table')
      .getByRole('row', { name: new RegExp(FAIR) })
      .getByTestId('fair-hires'),
  ).toHaveText('1');
});
