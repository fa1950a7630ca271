import { expect, test } from '@playwright/test';
import { cell, saved } from './sheet-helpers';
import { createFromTemplate, openTemplates, saveAndClose } from './template-helpers';

const TARGET = 'Mục tiêu tỷ trọng công nghiệp chế biến, chế tạo';
const RENAMED = 'Mục tiêu tỷ trọng CN CBCT theo nghị quyết mới';

test('a target set added in the template editor checks a new scenario made from the template', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await saved(page);

  const box = await openTemplates(page);
  await box.getByRole('button', { name: /Sao chép mẫu hiện tại/ }).click();
  await box.getByRole('tab', { name: 'Mục tiêu' }).click();
  await box.getByRole('textbox', { name: /^Tên bộ mục tiêu mới/ }).fill('Nghị quyết mới');
  await box.getByRole('button', { name: '+ Thêm bộ mục tiêu' }).click();
  await expect(box.getByRole('heading', { name: 'Nghị quyết mới' })).toBeVisible();

  // The new target is on the focus sector's share unless the planner picks another variable.
  const add = box.getByRole('form', { name: 'Thêm mục tiêu vào Nghị quyết mới' });
  await add.getByRole('button', { name: /Thêm mục tiêu/ }).click();
  const floor = box.getByRole('textbox', { name: `${TARGET} năm 2030 (mức sàn)` });
  await floor.fill('35');
  await floor.press('Tab');
  await expect(floor).toHaveValue('35,0%');
  await expect(box.getByRole('textbox', { name: `${TARGET} năm 2029 (mức sàn)` })).toHaveValue('');
  const targetName = box.getByRole('textbox', { name: `Tên mục tiêu ${TARGET}` });
  await targetName.fill(RENAMED);
  await targetName.press('Tab');
  await expect(box.getByRole('textbox', { name: `${RENAMED} năm 2030 (mức sàn)` })).toHaveValue('35,0%');

  await createFromTemplate(page, await saveAndClose(page));
  // A template with several target sets lets the sheet check against any of them; the new scenario starts with one.
  const picker = page.getByLabel('Đối chiếu với bộ mục tiêu');
  await expect(picker.or(cell(page, `${RENAMED} 2030`)).first()).toBeVisible();
  if (await picker.isVisible()) await picker.selectOption({ label: 'Nghị quyết mới' });
  await expect(cell(page, `${RENAMED} 2030`)).toHaveText('35,0%');
});
