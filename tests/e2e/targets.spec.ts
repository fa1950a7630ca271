import { expect, test, type Page } from '@playwright/test';
import { cell } from './sheet-helpers';

// The focus sector's name as phrases write it (lower-cased after their first word).
const MFG = 'công nghiệp chế biến, chế tạo';
const card = (page: Page, name: string) => page.getByRole('article', { name });
const picker = (page: Page) => page.getByLabel('Đối chiếu với bộ mục tiêu');

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
});

test('switching the target set changes the cards, the chart’s markers and the odds, and travels', async ({
  page,
  browser,
}) => {
  await expect(card(page, `Tỷ trọng ${MFG} năm 2025`)).toContainText('Mục tiêu ≥ 15,0%');
  await expect(page.locator('.u-legend').first()).toContainText('30,0%');

  await picker(page).selectOption('congress');
  await expect(card(page, `Tỷ trọng ${MFG} năm 2025`)).toHaveCount(0);
  await expect(card(page, `Tỷ trọng ${MFG} năm 2030`)).toContainText('Mục tiêu ≥ 18,0%');
  await expect(card(page, 'Tăng trưởng GRDP bình quân giai đoạn 2026–2030')).toContainText('Mục tiêu ≥ 12,2%/năm');
  const perCapita = card(page, 'GRDP bình quân đầu người năm 2030');
  await expect(perCapita).toContainText('Mục tiêu ≥ 20.000 USD');
  await expect(perCapita).toContainText('Chưa đạt');
  await expect(page.locator('.u-legend').first()).toContainText('18,0%');
  await expect(cell(page, 'Mục tiêu GRDP bình quân đầu người, USD (Đại hội XVI) 2030')).toHaveText('20.000');

  // "What would it take?" asks about every target of the set, per capita and average growth too.
  await page.getByRole('button', { name: 'Cần tốc độ tăng trưởng bao nhiêu để đạt mục tiêu?' }).click();
  const answers = page.getByRole('region', { name: 'Cần gì để đạt mục tiêu?' });
  await expect(
    answers.getByRole('listitem').filter({ hasText: 'Để GRDP bình quân đầu người đạt 20.000 USD năm 2030' }),
  ).toBeVisible();
  await expect(
    answers.getByRole('listitem').filter({ hasText: 'Để GRDP tăng bình quân 12,2%/năm giai đoạn 2026–2030' }),
  ).toContainText('cần tăng');
  await expect(
    answers.getByRole('listitem').filter({ hasText: 'Để tỷ trọng công nghiệp chế biến, chế tạo đạt 18,0% năm 2030' }),
  ).toContainText('cần tăng');
  await answers.getByRole('button', { name: 'Ẩn câu trả lời' }).click();

  // The odds follow the set: a range on manufacturing growth, a short run.
  await cell(page, `Tăng trưởng ${MFG} 2027`).click();
  await page.keyboard.type('1');
  await page.keyboard.insertText('5%..35%');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /^Phân tích:/ }).click();
  await page.getByRole('tab', { name: 'Xác suất đạt mục tiêu' }).click();
  const panel = page.getByRole('tabpanel');
  await panel.getByLabel('Số lần mô phỏng').fill('500');
  await panel.getByRole('button', { name: 'Chạy mô phỏng' }).click();
  const results = panel.getByRole('region', { name: 'Kết quả mô phỏng' });
  await expect(results).toContainText('GRDP bình quân đầu người (USD) năm 2030 đạt mục tiêu ≥ 20.000 USD');
  await expect(perCapita).toContainText('xác suất');
  await page.keyboard.press('Control+z');
  await expect(cell(page, `Tăng trưởng ${MFG} 2027`)).toHaveText('20,0%');

  // The choice is saved with the scenario and travels in a link.
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
  await page.reload();
  await expect(picker(page)).toHaveValue('congress');
  await page.getByRole('button', { name: 'Chia sẻ liên kết' }).click();
  const link = await page.getByRole('dialog').getByRole('textbox').inputValue();
  const fresh = await browser.newContext({ locale: 'vi-VN' });
  const visitor = await fresh.newPage();
  await visitor.goto(link);
  await expect(picker(visitor)).toHaveValue('congress');
  await expect(card(visitor, `Tỷ trọng ${MFG} năm 2030`)).toContainText('Mục tiêu ≥ 18,0%');
  await fresh.close();
});

test('the master plan’s set checks the structure against its ranges, in both languages', async ({ page }) => {
  await picker(page).selectOption('decision80');
  const structure = card(page, 'Cơ cấu kinh tế năm 2030 so với mục tiêu');
  await expect(structure).toContainText('Khu vực II: công nghiệp và xây dựng');
  await expect(structure).toContainText('47,0%–48,0%');
  await expect(card(page, 'GRDP bình quân đầu người năm 2030')).toContainText('Mục tiêu 19.000–20.000 USD');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByLabel('Check against the targets of')).toHaveValue('decision80');
  await expect(page.getByRole('option', { name: 'Provincial master plan (Decision 80/QĐ-TTg)' })).toHaveCount(1);
  await expect(card(page, 'Economic structure in 2030 against the targets')).toContainText('47.0%–48.0%');
  await page.getByLabel('Check against the targets of').selectOption('resolution01');
  await expect(card(page, 'Manufacturing share in 2030')).toContainText('Target ≥ 20.0%');
});

test('the chart can show GRDP per capita in USD instead of the share, with its targets', async ({ page }) => {
  await picker(page).selectOption('congress');
  const legend = page.locator('.u-legend').first();
  await expect(legend).toContainText('Tỷ trọng công nghiệp chế biến, chế tạo (dự báo)');
  await page.getByLabel('Đường trên trục phải').selectOption('perCapita');
  await expect(page.getByRole('figure').first()).toContainText('GRDP theo ngành và GRDP bình quân đầu người');
  await expect(legend).toContainText('GRDP bình quân đầu người, USD (dự báo)');
  await expect(legend).toContainText('20.000 USD');
  await page.getByLabel('Đường trên trục phải').selectOption('share');
  await expect(legend).toContainText('Tỷ trọng công nghiệp chế biến, chế tạo (dự báo)');
});
