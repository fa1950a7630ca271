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

/** Saves the template open in the editor and closes the dialog; returns the template's name. */
export async function saveAndClose(page: Page): Promise<string> {
  const box = templateDialog(page);
  const name = await box.getByRole('textbox', { name: 'Tên mẫu' }).inputValue();
  await box.getByRole('button', { name: 'Lưu mẫu' }).click();
  await expect(box.getByRole('status')).toContainText('Đã lưu mẫu');
  await page.keyboard.press('Escape');
  await expect(box).toBeHidden();
  return name;
}

/** Makes a new scenario from a template, chosen by its name in the library's New scenario form. */
export async function createFromTemplate(page: Page, name: string): Promise<void> {
  const form = library(page).getByRole('form', { name: 'Kịch bản mới' });
  await form.getByRole('combobox').first().selectOption({ label: name });
  await form.getByRole('button', { name: /Tạo kịch bản/ }).click();
}
