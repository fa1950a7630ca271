import { expect, test } from '@playwright/test';
import { cell, saved } from './sheet-helpers';
import { library, openTemplates } from './template-helpers';

const TARGET = 'Chỉ tiêu tỷ trọng công nghiệp chế biến, chế tạo';

test('a target set added in the template editor checks a new scenario made from the template', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await saved(page);

  const box = await openTemplates(page);
  await box.getByRole('button', { name: /Sao chép mẫu hiện tại/ }).click();
  await box.getByRole('tab', { name: 'Chỉ tiêu' }).click();
  await box.getByRole('textbox', { name: /^Tên bộ chỉ tiêu mới/ }).fill('Nghị quyết mới');
  await box.getByRole('button', { name: '+ Thêm bộ chỉ tiêu' }).click();
  await expect(box.getByRole('heading', { name: 'Nghị quyết mới' })).toBeVisible();

  // The new target is on the focus sector's share unless the planner picks another variable.
  const add = box.getByRole('form', { name: 'Thêm chỉ tiêu vào Nghị quyết mới' });
  await add.getByRole('button', { name: /Thêm chỉ tiêu/ }).click();
  const floor = box.getByRole('textbox', { name: `${TARGET} năm 2030 (mức sàn)` });
  await floor.fill('35');
  await floor.press('Tab');
  await expect(floor).toHaveValue('35,0%');
  await expect(box.getByRole('textbox', { name: `${TARGET} năm 2029 (mức sàn)` })).toHaveValue('');

  const name = await box.getByRole('textbox', { name: 'Tên mẫu' }).inputValue();
  await box.getByRole('button', { name: 'Lưu mẫu' }).click();
  await expect(box.getByRole('status')).toContainText('Đã lưu mẫu');
  await page.keyboard.press('Escape');
  await expect(box).toBeHidden();

  const form = library(page).getByRole('form', { name: 'Kịch bản mới' });
  await form.getByRole('combobox').first().selectOption({ label: name });
  await form.getByRole('button', { name: /Tạo kịch bản/ }).click();
  // A template with several target sets lets the sheet check against any of them; the new scenario starts with one.
  const picker = page.getByLabel('Đối chiếu với bộ mục tiêu');
  await expect(picker.or(cell(page, `${TARGET} 2030`)).first()).toBeVisible();
  if (await picker.isVisible()) await picker.selectOption({ label: 'Nghị quyết mới' });
  await expect(cell(page, `${TARGET} 2030`)).toHaveText('35,0%');
});
