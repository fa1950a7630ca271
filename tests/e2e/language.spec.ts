import { expect, test } from '@playwright/test';

// The English texts are a lazy chunk: a page opened in English waits for them, a switch loads them first.

test('a page opened with ?lang=en shows English from its first frame', async ({ page }) => {
  const english = page.waitForResponse((response) => /\/assets\/en-[\w-]+\.js$/.test(response.url()));
  await page.goto('/?lang=en');
  await english;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^GRDP growth scenarios/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Kịch bản tăng trưởng GRDP')).toHaveCount(0);
});

test('the language buttons switch Vietnamese → English → Vietnamese', async ({ page }) => {
  const loaded: string[] = [];
  page.on('response', (response) => loaded.push(response.url()));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Kịch bản tăng trưởng GRDP/);
  // A Vietnamese visit does not download the English texts.
  expect(loaded.filter((url) => /\/assets\/en-[\w-]+\.js$/.test(url))).toEqual([]);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^GRDP growth scenarios/);
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Kịch bản tăng trưởng GRDP/);
  await expect(page.getByRole('button', { name: 'Tiếng Việt' })).toHaveAttribute('aria-pressed', 'true');
});
