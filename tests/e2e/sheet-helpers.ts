import { expect, type Page } from '@playwright/test';

/** A cell of the sheet by its accessible name ("Tăng trưởng dịch vụ 2027"). */
export function cell(page: Page, name: string) {
  return page.getByRole('gridcell', { name, exact: true });
}

/** Types into a cell as a planner does and confirms with Enter. */
export async function typeInto(page: Page, name: string, text: string): Promise<void> {
  await cell(page, name).click();
  // The first key starts editing, as in a spreadsheet; the rest is inserted at once to keep long inputs fast.
  await page.keyboard.type(text.slice(0, 1));
  await page.keyboard.insertText(text.slice(1));
  await page.keyboard.press('Enter');
}

/** Waits until the header says the open scenario is saved. */
export async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
}
