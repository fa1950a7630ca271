import { expect, test, type Page } from '@playwright/test';
import { saved } from './sheet-helpers';

/** Waits until the service worker is active and controls the page (it claims the page on its first install). */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('is served from the secure origin a service worker needs', async ({ page }) => {
  await page.goto('/');
  expect(await page.evaluate(() => window.isSecureContext && 'serviceWorker' in navigator)).toBe(true);
  const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
  const response = await page.request.get(new URL(manifest!, page.url()).href);
  expect(await response.json()).toMatchObject({ name: 'Kịch bản tăng trưởng GRDP', theme_color: '#0b5cad' });
});

test('after the first visit the app loads and shows the saved scenario with no network', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await saved(page);
  await controlled(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('grid')).toBeVisible();
  await expect(page.locator('figure canvas').first()).toBeVisible();
  const library = page.getByRole('complementary', { name: 'Kịch bản của tôi' });
  await expect(library.getByRole('button', { name: 'Kế hoạch', exact: true })).toBeVisible();
  await expect(page.locator('header .doc strong')).toHaveText('Kế hoạch');
  // Parts loaded on first use come from the cache too: the analysis tools, and the presentation with its
  // Monte Carlo worker behind a ranged lever.
  await page.getByRole('button', { name: /^Phân tích:/ }).click();
  await expect(page.getByRole('tab', { name: 'Tìm mục tiêu' })).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Trình chiếu', exact: true }).click();
  const present = page.getByRole('dialog', { name: 'Trình chiếu' });
  const lever = present.getByRole('textbox', { name: /^Công nghiệp chế biến, chế tạo — tốc độ tăng/ });
  await lever.fill('20..34');
  await lever.press('Enter');
  await expect(present.getByText(/Xác suất: ước tính từ/)).toBeVisible();
  await context.setOffline(false);
});
