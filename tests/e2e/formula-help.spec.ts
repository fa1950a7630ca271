import { expect, test, type Page } from '@playwright/test';
import { cell } from './sheet-helpers';

const MFG_GROWTH_2026 = 'Tăng trưởng công nghiệp chế biến, chế tạo 2026';

async function openSheet(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await cell(page, MFG_GROWTH_2026).click();
}

test('the formula bar opens a formula help written the way each language types formulas', async ({ page }) => {
  await openSheet(page);
  const open = page.getByRole('button', { name: 'Trợ giúp công thức' });
  await open.click();

  const help = page.getByRole('dialog', { name: 'Trợ giúp công thức' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('cell', { name: 'SUM(a; b; …)', exact: true })).toBeVisible();
  await expect(help).toContainText('=IF(t >= 2027; 0,065; 0,07)');
  await expect(help).toContainText('=ROUND(grdp[t-1] * 1,08; 0)');
  // The open scenario's rows with the ids formulas name them by, price rows included.
  const rows = help.getByRole('region', { name: 'Các dòng của kịch bản đang mở' });
  await expect(rows.getByRole('row', { name: /manufacturing\.growth Tăng trưởng công nghiệp chế biến/ })).toHaveCount(
    1,
  );
  await expect(rows.getByRole('cell', { name: 'manufacturing.price', exact: true })).toHaveCount(1);

  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(open).toBeFocused();

  await page.getByRole('button', { name: 'English' }).click();
  const openEn = page.getByRole('button', { name: 'Formula help' });
  // Reachable and opened by the keyboard alone.
  await openEn.focus();
  await page.keyboard.press('Enter');
  const helpEn = page.getByRole('dialog', { name: 'Formula help' });
  await expect(helpEn.getByRole('cell', { name: 'SUM(a, b, …)', exact: true })).toBeVisible();
  await expect(helpEn).toContainText('=IF(t >= 2027, 0.065, 0.07)');
  await expect(helpEn).toContainText('=ROUND(grdp[t-1] * 1.08, 0)');
  await expect(helpEn).not.toContainText('0,065');

  await helpEn.getByRole('button', { name: 'Close' }).click();
  await expect(helpEn).toBeHidden();
  await expect(openEn).toBeFocused();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the help fits the screen and scrolls inside, and its buttons are big enough for a finger', async ({ page }) => {
    await openSheet(page);
    const open = page.getByRole('button', { name: 'Trợ giúp công thức' });
    expect((await open.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await open.click();
    const help = page.getByRole('dialog', { name: 'Trợ giúp công thức' });
    await expect(help).toBeVisible();

    const box = (await help.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.height).toBeLessThanOrEqual(844);
    // Every part of the help that can scroll (the dialog, its body, the list of rows) scrolls only up and down.
    const sideways = await help.evaluate((dialog) =>
      [dialog, ...dialog.querySelectorAll('*')]
        .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.className || el.tagName),
    );
    expect(sideways, 'nothing in the help scrolls sideways').toEqual([]);
    expect((await help.getByRole('button', { name: 'Đóng' }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
  });
});
