import { expect, test, type Locator } from '@playwright/test';

/** Elements whose text runs past their own box (a cut label), by their text. */
function cut(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((els) =>
    els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent ?? ''),
  );
}

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
] as const) {
  for (const lang of ['vi', 'en'] as const) {
    test(`at ${width}×${height} in ${lang} the presentation's labels fit and the chart stays above the footer`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await page.goto(lang === 'en' ? '/?lang=en' : '/');
      await expect(page.getByRole('grid')).toBeVisible();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('p');
      const dialog = page.getByRole('dialog');
      const chart = dialog.locator('figure.scenario-chart');
      await expect(chart.locator('canvas')).toBeVisible();

      expect(await cut(dialog.locator('.card h3, .card .target, .card .verdict'))).toEqual([]);
      expect(await cut(chart.locator('figcaption, .u-legend th'))).toEqual([]);
      // The plot fits its row once measured: the chart's bottom comes to rest above the footer's first line.
      const footerTop = await dialog.locator('.targets').evaluate((el) => el.getBoundingClientRect().top);
      await expect.poll(() => chart.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThanOrEqual(footerTop);
      expect(await dialog.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);
    });
  }
}
