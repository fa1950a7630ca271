import { expect, test, type Page } from '@playwright/test';

const MFG = 'Công nghiệp chế biến, chế tạo';
const RATE_LEVER = `${MFG} — tốc độ tăng (mọi năm dự báo)`;

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Trình chiếu' });
const share2030 = (page: Page) =>
  dialog(page)
    .getByRole('article', { name: `Tỷ trọng ${MFG} năm 2030` })
    .locator('.figure');

async function openByButton(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Trình chiếu', exact: true }).click();
  await expect(dialog(page)).toBeVisible();
}

async function fontSize(page: Page, selector: string): Promise<number> {
  const sizes = await dialog(page)
    .locator(selector)
    .evaluateAll((els) => els.map((el) => Number.parseFloat(getComputedStyle(el).fontSize)));
  expect(sizes.length, selector).toBeGreaterThan(0);
  return Math.min(...sizes);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
});

test('P opens presentation mode from the page and Escape leaves it', async ({ page }) => {
  // The key works from the page itself, not from the grid or a text field.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('p');
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('heading', { level: 2 })).toHaveText('Kế hoạch');
  await expect(dialog(page)).toContainText('1 / 1');
  await expect(dialog(page)).toContainText('Nguồn:');
  await expect(dialog(page)).toContainText('Mục tiêu tỷ trọng');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('grid')).toBeVisible();
});

test('leaving full screen the way the browser does on Escape also leaves the presentation', async ({ page }) => {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('p');
  await expect(dialog(page)).toBeVisible();
  await page.waitForFunction(() => document.fullscreenElement !== null);
  // A browser in full screen keeps that Escape for itself and only exits full screen.
  await page.evaluate(() => document.exitFullscreen());
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole('grid')).toBeVisible();
});

test('moving a growth lever changes the 2030 figure live; back to the scenario restores it', async ({ page }) => {
  await openByButton(page);
  const before = await share2030(page).textContent();
  await dialog(page).getByRole('slider', { name: RATE_LEVER }).fill('0.3');
  await expect(share2030(page)).not.toHaveText(before!);
  const faster = await share2030(page).textContent();
  // The typed field follows the slider and types the same lever.
  const typed = dialog(page).getByRole('spinbutton', { name: `${RATE_LEVER}, nhập số (%)` });
  await expect(typed).toHaveValue('30');
  await typed.fill('10');
  await typed.press('Enter');
  await expect(share2030(page)).not.toHaveText(faster!);

  await dialog(page)
    .getByRole('button', { name: /Quay lại kịch bản/ })
    .click();
  await expect(share2030(page)).toHaveText(before!);

  // Shift mode is labelled as such and starts at no change.
  await dialog(page).getByRole('radio', { name: 'Cộng thêm vào tốc độ hiện có' }).check();
  const shift = dialog(page).getByRole('slider', { name: `${MFG} — cộng thêm vào tốc độ tăng hiện có (điểm %)` });
  await expect(shift).toHaveValue('0');
  await shift.fill('0.05');
  await expect(share2030(page)).not.toHaveText(before!);
});

test('the arrow keys step through the scenarios', async ({ page }) => {
  const library = page.getByRole('complementary', { name: 'Kịch bản của tôi' });
  const form = library.getByRole('form', { name: 'Kịch bản mới' });
  await form.getByLabel('Giả định').selectOption('cautious');
  await form.getByRole('button', { name: /Tạo kịch bản/ }).click();
  await expect(page.locator('header .doc strong')).toHaveText('Thận trọng');

  await openByButton(page);
  const name = dialog(page).getByRole('heading', { level: 2 });
  await expect(name).toHaveText('Thận trọng');
  await page.keyboard.press('ArrowRight');
  await expect(dialog(page)).toContainText('2 / 2');
  await expect(name).toHaveText('Kế hoạch');
  await page.keyboard.press('ArrowLeft');
  await expect(dialog(page)).toContainText('1 / 2');
  await expect(name).toHaveText('Thận trọng');
});

test('at 1920×1080 the headline figures and labels are large enough for a projector', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openByButton(page);
  expect(await fontSize(page, '.card .figure')).toBeGreaterThanOrEqual(48);
  expect(await fontSize(page, '.card h3')).toBeGreaterThanOrEqual(24);
  expect(await fontSize(page, '.lever label')).toBeGreaterThanOrEqual(24);
  expect(await fontSize(page, 'figcaption')).toBeGreaterThanOrEqual(24);
  // Everything fits on the screen: the dialog does not scroll.
  const overflow = await dialog(page).evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(overflow).toBeLessThanOrEqual(0);
});
