import { expect, type Page } from '@playwright/test';

/** The GRDP cell of 2030, by its accessible name. */
export const GRDP_2030 = 'GRDP (giá so sánh năm 2025) 2030';

/** The library panel. */
export const library = (page: Page) => page.getByRole('complementary', { name: 'Kịch bản của tôi' });

/** The template dialog. */
export const templateDialog = (page: Page) => page.getByRole('dialog', { name: 'Mẫu tỉnh của tôi' });

/** Opens the template dialog from the library panel and returns it. */
export async function openTemplates(page: Page) {
  await library(page)
    .getByRole('button', { name: /Mẫu tỉnh của tôi/ })
    .click();
  await expect(templateDialog(page)).toBeVisible();
  return templateDialog(page);
}
