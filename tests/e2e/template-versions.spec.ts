import { expect, test, type Page } from '@playwright/test';
import { cell, saved } from './sheet-helpers';
import { library, openTemplates } from './template-helpers';

/** Copies the current template under the name “Mẫu thử xoá”, saves it and goes back to the dialog's start. */
async function saveCopy(page: Page) {
  const box = await openTemplates(page);
  await box.getByRole('button', { name: /Sao chép mẫu hiện tại/ }).click();
  await box.getByRole('textbox', { name: 'Tên mẫu' }).fill('Mẫu thử xoá');
  await box.getByRole('textbox', { name: 'Tên mẫu' }).press('Tab');
  await box.getByRole('button', { name: 'Lưu mẫu' }).click();
  await expect(box.getByRole('status')).toContainText('Đã lưu mẫu');
  await box.getByRole('button', { name: 'Quay lại' }).click();
  return box;
}

test('a template no scenario uses is deleted, also for the next visit', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await saved(page);
  const box = await saveCopy(page);
  await box.getByRole('button', { name: 'Các phiên bản của mẫu Mẫu thử xoá' }).click();
  const versions = box.getByRole('list', { name: 'Các phiên bản của mẫu Mẫu thử xoá' });
  await expect(versions.getByRole('listitem')).toHaveText([
    /Phiên bản 1 \(dùng cho kịch bản mới\)\s*chưa kịch bản nào dùng/,
  ]);
  await box.getByRole('button', { name: 'Xóa mẫu Mẫu thử xoá' }).click();
  await box
    .getByRole('group', { name: 'Xóa mẫu Mẫu thử xoá' })
    .getByRole('button', { name: 'Xóa', exact: true })
    .click();
  await expect(box.getByRole('status')).toContainText('Đã xóa 1 phiên bản');
  await expect(box.getByRole('region', { name: 'Mẫu đã lưu' })).toContainText('Chưa có mẫu nào được lưu.');

  await page.reload();
  await expect(page.getByRole('grid')).toBeVisible();
  const form = library(page).getByRole('form', { name: 'Kịch bản mới' });
  await expect(form.getByRole('combobox').first().getByRole('option', { name: 'Mẫu thử xoá' })).toHaveCount(0);
});

test('deleting a template keeps the version a saved scenario uses, and the scenario still opens', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await saved(page);
  await saveCopy(page);
  await page.keyboard.press('Escape');
  const form = library(page).getByRole('form', { name: 'Kịch bản mới' });
  await form.getByRole('combobox').first().selectOption({ label: 'Mẫu thử xoá' });
  await form.getByRole('button', { name: /Tạo kịch bản/ }).click();
  await saved(page);
  const grdp = await cell(page, 'GRDP (giá so sánh năm 2025) 2030').textContent();

  const box = await openTemplates(page);
  await box.getByRole('button', { name: 'Xóa mẫu Mẫu thử xoá' }).click();
  const confirm = box.getByRole('group', { name: 'Xóa mẫu Mẫu thử xoá' });
  await expect(confirm).toContainText('đang được các kịch bản đã lưu dùng');
  await confirm.getByRole('button', { name: 'Xóa', exact: true }).click();
  await expect(box.getByRole('status')).toContainText('giữ lại 1 phiên bản');

  await page.reload();
  await expect(page.getByRole('grid')).toBeVisible();
  await expect(cell(page, 'GRDP (giá so sánh năm 2025) 2030')).toHaveText(grdp!);
});
