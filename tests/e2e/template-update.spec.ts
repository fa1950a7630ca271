import { expect, test, type Page } from '@playwright/test';
import { cell, saved, typeInto } from './sheet-helpers';
import { createFromTemplate, GRDP_2030, openTemplates, saveAndClose } from './template-helpers';

const MFG_2027 = 'Tăng trưởng công nghiệp chế biến, chế tạo 2027';
const SERVICES_BASE = 'Giá trị tăng thêm năm 2025 của Dịch vụ';

const banner = (page: Page) => page.getByRole('region', { name: /có phiên bản mới/ });

test('a scenario keeps its template version until the planner moves it, after seeing the changes', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await saved(page);

  // A template of the planner's own, copied from the current one.
  let box = await openTemplates(page);
  await box.getByRole('button', { name: /Sao chép mẫu hiện tại/ }).click();
  const name = await box.getByRole('textbox', { name: 'Tên mẫu' }).inputValue();
  await saveAndClose(page);

  // A scenario made from it, with one growth rate of the planner's own.
  await createFromTemplate(page, name);
  await saved(page);
  await typeInto(page, MFG_2027, '31%');
  await expect(cell(page, MFG_2027)).toHaveText('31,0%');
  await saved(page);
  const grdpBefore = await cell(page, GRDP_2030).textContent();
  await expect(banner(page)).toHaveCount(0);

  // The template's services base value is revised: a new version.
  box = await openTemplates(page);
  await box.getByRole('button', { name: `Sửa mẫu ${name}` }).click();
  const base = box.getByRole('textbox', { name: SERVICES_BASE });
  const value = Number((await base.inputValue()).replace(/\./g, '').replace(',', '.'));
  await base.fill(String(Math.round(value * 1.2)));
  await base.press('Tab');
  await saveAndClose(page);

  // The scenario still shows its numbers, and says a newer version is there.
  await expect(banner(page)).toBeVisible();
  await expect(cell(page, GRDP_2030)).toHaveText(grdpBefore!);
  const see = banner(page).getByRole('button', { name: 'Xem thay đổi' });
  await see.click();
  const changes = page.getByRole('dialog', { name: /Phiên bản mới của mẫu/ });
  await expect(changes).toBeVisible();
  await expect(changes.getByRole('columnheader', { name: 'Phiên bản đang dùng' })).toBeVisible();
  const grdpRow = changes.getByRole('row', { name: /GRDP/ }).last();
  await expect(grdpRow.getByRole('cell').nth(2)).toContainText('+');
  // Escape keeps the version, and the focus goes back to the banner.
  await page.keyboard.press('Escape');
  await expect(changes).toBeHidden();
  await expect(see).toBeFocused();

  await see.click();
  await changes.getByRole('button', { name: 'Chuyển sang phiên bản mới' }).click();
  await expect(changes).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Đã chuyển sang phiên bản mới' })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  await expect(cell(page, MFG_2027)).toHaveText('31,0%');
  await expect(cell(page, GRDP_2030)).not.toHaveText(grdpBefore!);
  const grdpAfter = await cell(page, GRDP_2030).textContent();
  // Services start 20% higher in the base year: GRDP is higher too.
  const parsed = (text: string | null) => Number(text!.replace(/[^\d,]/g, '').replace(',', '.'));
  expect(parsed(grdpAfter)).toBeGreaterThan(parsed(grdpBefore));
  await saved(page);

  // Undo brings the earlier version back, banner and all; the banner's own button moves again.
  await page
    .getByRole('status')
    .filter({ hasText: 'Đã chuyển sang phiên bản mới' })
    .getByRole('button', { name: /Hoàn tác/ })
    .click();
  await expect(cell(page, GRDP_2030)).toHaveText(grdpBefore!);
  await expect(banner(page)).toBeVisible();
  await saved(page);
  await banner(page).getByRole('button', { name: 'Chuyển sang phiên bản mới' }).click();
  await expect(cell(page, GRDP_2030)).toHaveText(grdpAfter!);
  await expect(banner(page)).toHaveCount(0);
  await saved(page);

  // Reopened, it keeps the new version and its numbers.
  await page.reload();
  await expect(page.getByRole('grid')).toBeVisible();
  await expect(cell(page, GRDP_2030)).toHaveText(grdpAfter!);
  await expect(cell(page, MFG_2027)).toHaveText('31,0%');
  await expect(banner(page)).toHaveCount(0);
});
