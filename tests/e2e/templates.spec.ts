import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { cell, saved } from './sheet-helpers';
import { GRDP_2030, library, openTemplates } from './template-helpers';

const OTHER_INDUSTRY = 'Công nghiệp khác và xây dựng';

async function opened(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await saved(page);
}

/** Copies the current template, splits other industry in three and saves the copy; returns its name. */
async function splitTemplate(page: Page): Promise<string> {
  const box = await openTemplates(page);
  await box.getByRole('button', { name: /Sao chép mẫu hiện tại/ }).click();
  await box.getByRole('button', { name: `Tách ngành ${OTHER_INDUSTRY}` }).click();
  const parts = [
    ['Khai khoáng', '50'],
    ['Điện, nước', '20'],
    ['Xây dựng', '30'],
  ];
  for (const [i, [name, percent]] of parts.entries()) {
    await box.getByRole('textbox', { name: `Tên phần ${i + 1}` }).fill(name!);
    await box.getByRole('textbox', { name: `Tỷ lệ phần ${i + 1} (%)` }).fill(percent!);
  }
  await box.getByRole('button', { name: 'Tách ngành', exact: true }).click();
  await expect(box.getByRole('textbox', { name: 'Tên ngành Khai khoáng' })).toBeVisible();
  await expect(box.getByRole('textbox', { name: `Tên ngành ${OTHER_INDUSTRY}` })).toHaveCount(0);
  const name = await box.getByRole('textbox', { name: 'Tên mẫu' }).inputValue();
  await box.getByRole('button', { name: 'Lưu mẫu' }).click();
  await expect(box.getByRole('status')).toContainText('Đã lưu mẫu');
  await page.keyboard.press('Escape');
  await expect(box).toBeHidden();
  await expect(library(page).getByRole('button', { name: /Mẫu tỉnh của tôi/ })).toBeFocused();
  return name;
}

async function createFrom(page: Page, template: string): Promise<void> {
  const form = library(page).getByRole('form', { name: 'Kịch bản mới' });
  await form.getByRole('combobox').first().selectOption({ label: template });
  await form.getByRole('button', { name: /Tạo kịch bản/ }).click();
  await expect(cell(page, 'Tăng trưởng khai khoáng 2027')).toBeVisible();
  await saved(page);
}

async function visit(browser: Browser, url = '/') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('grid')).toBeVisible();
  return { context, page };
}

test('a copy of the template with other industry split in three gives the same GRDP', async ({ page }) => {
  await opened(page);
  const grdp = await cell(page, GRDP_2030).textContent();
  const name = await splitTemplate(page);
  await createFrom(page, name);
  await expect(cell(page, 'Tăng trưởng xây dựng 2030')).toBeVisible();
  await expect(cell(page, GRDP_2030)).toHaveText(grdp!);
});

test('an exported template file is imported in another browser and offered for new scenarios', async ({
  page,
  browser,
}) => {
  await opened(page);
  const name = await splitTemplate(page);
  const box = await openTemplates(page);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    box.getByRole('button', { name: `Xuất tệp mẫu ${name}` }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/\.json$/);
  const path = await file.path();

  const other = await visit(browser);
  const form = library(other.page).getByRole('form', { name: 'Kịch bản mới' });
  await expect(form.getByRole('option', { name })).toHaveCount(0);
  const otherBox = await openTemplates(other.page);
  await otherBox.getByLabel('Nhập tệp mẫu (.json)').setInputFiles(path);
  await expect(otherBox.getByRole('status')).toContainText('Đã nhập 1 mẫu');
  await expect(otherBox.getByRole('button', { name: `Sửa mẫu ${name}` })).toBeVisible();
  await otherBox.getByRole('button', { name: 'Đóng' }).click();
  await expect(form.getByRole('option', { name })).toHaveCount(1);
  await other.context.close();
});

test('a link of a scenario made from the planner’s template opens with the same GRDP elsewhere', async ({
  page,
  browser,
}) => {
  await opened(page);
  const name = await splitTemplate(page);
  await createFrom(page, name);
  const grdp = await cell(page, GRDP_2030).textContent();
  await page.getByRole('button', { name: 'Chia sẻ liên kết' }).click();
  const link = await page.getByRole('dialog', { name: 'Chia sẻ kịch bản' }).getByRole('textbox').inputValue();
  expect(link).toContain('#s');

  const third = await visit(browser, link);
  await expect(cell(third.page, 'Tăng trưởng khai khoáng 2027')).toBeVisible();
  await expect(cell(third.page, GRDP_2030)).toHaveText(grdp!);
  await third.context.close();
});

test('the example spreadsheet downloaded from the dialog imports into a template', async ({ page }) => {
  await opened(page);
  const box = await openTemplates(page);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    box.getByRole('button', { name: /Tải bảng tính mẫu/ }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  // Chosen under the name it was downloaded with (the download's own path has none).
  await box.getByLabel('Từ bảng tính (.xlsx, .csv)').setInputFiles({
    name: file.suggestedFilename(),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: readFileSync(await file.path()),
  });
  await expect(box.getByRole('heading', { name: /Đã đọc từ/ })).toBeVisible();
  await expect(box.getByRole('rowheader', { name: new RegExp(OTHER_INDUSTRY) })).toBeVisible();
  await box.getByRole('button', { name: 'Tạo mẫu từ bảng này' }).click();
  await expect(box.getByRole('textbox', { name: `Tên ngành ${OTHER_INDUSTRY}` })).toBeVisible();
  await expect(box.getByRole('button', { name: 'Lưu mẫu' })).toBeEnabled();
  await expect(box.getByRole('textbox', { name: 'Tên mẫu' })).toBeFocused();

  // An edit not saved: the first Escape says so and keeps the dialog, the second drops it.
  await box.getByRole('textbox', { name: 'Tốc độ tăng trưởng năm 2027 của Dịch vụ' }).fill('9');
  await box.getByRole('textbox', { name: 'Tên mẫu' }).click();
  await page.keyboard.press('Escape');
  await expect(box.getByRole('status')).toContainText('chưa được lưu');
  await expect(box).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(box).toBeHidden();
});
