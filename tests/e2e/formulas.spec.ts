import { expect, test } from '@playwright/test';
import { cell, typeInto } from './sheet-helpers';

const SERVICES_GROWTH = 'Tăng trưởng dịch vụ';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
});

test('takes a formula typed the way Vietnamese Excel reads it, and shows it back the same way', async ({ page }) => {
  await typeInto(page, `${SERVICES_GROWTH} 2027`, '=IF(t <> 2027; 0,05; 0,08)');
  await expect(cell(page, `${SERVICES_GROWTH} 2027`)).toHaveText('8,0%');
  await cell(page, `${SERVICES_GROWTH} 2027`).click();
  await page.keyboard.press('F2');
  const editor = page.getByRole('combobox', { name: `${SERVICES_GROWTH} 2027` });
  await expect(editor).toHaveValue('=IF(t <> 2027; 0,05; 0,08)');
  await page.keyboard.press('Escape');
  // English shows the same formula with "," and ".", and the same number.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(cell(page, 'Services growth 2027')).toHaveText('8.0%');
  await cell(page, 'Services growth 2027').click();
  await page.keyboard.press('F2');
  await expect(page.getByRole('combobox', { name: 'Services growth 2027' })).toHaveValue('=IF(t <> 2027, 0.05, 0.08)');
});

test('suggests functions and rows while a formula is typed: arrows pick, Tab or Enter accept, Escape closes', async ({
  page,
}) => {
  await cell(page, `${SERVICES_GROWTH} 2028`).click();
  await page.keyboard.type('=aver');
  const list = page.getByRole('listbox', { name: 'Gợi ý tên để viết tiếp công thức' });
  await expect(list.getByRole('option')).toHaveText([/AVERAGE/]);
  await page.keyboard.press('Enter');
  const editor = page.getByRole('combobox', { name: `${SERVICES_GROWTH} 2028` });
  await expect(editor).toHaveValue('=AVERAGE(');
  await expect(list).toBeHidden();
  await page.keyboard.type('services.gr');
  await expect(list.getByRole('option').first()).toContainText('services.growth');
  await page.keyboard.press('Tab');
  await expect(editor).toHaveValue('=AVERAGE(services.growth');
  await page.keyboard.type('[2026:2027]); manu');
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  // The editor is still open after Escape closed the list; a second Escape leaves the cell as it was.
  await expect(editor).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();

  await typeInto(page, `${SERVICES_GROWTH} 2028`, '=AVERAGE(services.growth[2026:2027])');
  await expect(cell(page, `${SERVICES_GROWTH} 2028`)).not.toHaveText(/#/);
  await expect(cell(page, `${SERVICES_GROWTH} 2028`)).toHaveClass(/formula/);
});

test('reads a fraction typed into a percent cell as Excel does and refuses thousands separators', async ({ page }) => {
  await typeInto(page, `${SERVICES_GROWTH} 2027`, '0,2045');
  await expect(cell(page, `${SERVICES_GROWTH} 2027`)).toHaveText('20,45%');
  await typeInto(page, `${SERVICES_GROWTH} 2028`, '38.843');
  await expect(page.getByText('Ô tỷ lệ phần trăm không dùng dấu chấm phân cách hàng nghìn')).toBeVisible();
  await expect(cell(page, `${SERVICES_GROWTH} 2028`)).not.toHaveText(/38/);
});
