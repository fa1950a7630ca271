import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { saved, typeInto } from './sheet-helpers';

/** Runs axe-core on the page and fails on a serious or critical violation (or a landmark one), listing each one. */
async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    // A grid cell is named "<row label> <year>" and described by its value: screen-reader users and the tests
    // rely on that name, which this rule flags because the cell's visible text is the value.
    .disableRules(['label-content-name-mismatch'])
    .analyze();
  // Landmark rules are only 'moderate', but a duplicated banner or region name misleads landmark navigation.
  const serious = violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical' || v.id.startsWith('landmark-'),
  );
  const listed = serious.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
  expect(listed, `axe on the ${view}:\n${listed.join('\n')}`).toEqual([]);
}

test.beforeEach(async ({ page }) => {
  // An axe run takes seconds on a page this size, and some tests run it three times.
  test.slow();
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await saved(page);
});

test('the sheet has no serious accessibility violation', async ({ page }) => {
  await expectNoSeriousViolations(page, 'sheet');
});

test('the analysis tools have no serious accessibility violation', async ({ page }) => {
  // A range gives the Monte Carlo panel its odds, fan charts and histogram to check.
  await typeInto(page, 'Tăng trưởng công nghiệp chế biến, chế tạo 2026', '16%..24%');
  await page.getByRole('button', { name: /^Phân tích:/ }).click();
  await page.getByRole('tab', { name: 'Tìm mục tiêu' }).click();
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page.getByRole('button', { name: /Áp dụng vào bảng/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'goal seek panel');
  await page.getByRole('tab', { name: 'Độ nhạy' }).click();
  await expect(page.getByRole('tabpanel')).toBeVisible();
  await expectNoSeriousViolations(page, 'sensitivity panel');
  await page.getByRole('tab', { name: 'Xác suất đạt mục tiêu' }).click();
  const panel = page.getByRole('tabpanel');
  await panel.getByRole('button', { name: 'Chạy mô phỏng' }).click();
  const results = panel.getByRole('region', { name: 'Kết quả mô phỏng' });
  await expect(results.locator('figure canvas')).toHaveCount(2, { timeout: 20_000 });
  await expectNoSeriousViolations(page, 'Monte Carlo panel');
});

test('the library panel has no serious accessibility violation', async ({ page }) => {
  const library = page.getByRole('complementary', { name: 'Kịch bản của tôi' });
  await expect(library).toBeVisible();
  await expectNoSeriousViolations(page, 'library panel');
});

test('the comparison of two scenarios has no serious accessibility violation', async ({ page }) => {
  const library = page.getByRole('complementary', { name: 'Kịch bản của tôi' });
  await library.getByLabel('Giả định').selectOption('cautious');
  await library.getByRole('button', { name: /Tạo kịch bản/ }).click();
  await expect(page.locator('header .doc strong')).toHaveText('Thận trọng');
  await library.getByRole('checkbox', { name: 'So sánh "Kế hoạch"' }).check();
  await library.getByRole('checkbox', { name: 'So sánh "Thận trọng"' }).check();
  await library.getByRole('button', { name: 'So sánh 2 kịch bản' }).click();
  const compare = page.getByRole('region', { name: 'So sánh kịch bản' });
  await expect(compare.locator('canvas').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'comparison');
});

test('the presentation has no serious accessibility violation, in the projector and the dark theme', async ({
  page,
}) => {
  await page.getByRole('banner').getByRole('button', { name: 'Trình chiếu', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Trình chiếu' });
  await expect(dialog.locator('canvas').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'presentation (projector theme)');
  const dark = dialog.getByRole('button', { name: 'Nền tối' });
  await dark.click();
  await expect(dark).toHaveAttribute('aria-pressed', 'true');
  await expectNoSeriousViolations(page, 'presentation (dark theme)');
});
