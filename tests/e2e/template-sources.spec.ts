import { expect, test } from '@playwright/test';
import { cell, saved } from './sheet-helpers';
import { createFromTemplate, openTemplates, saveAndClose } from './template-helpers';

const MFG_GROWTH = 'Tăng trưởng công nghiệp chế biến, chế tạo';
const NOTE = 'Nghị quyết của Tỉnh ủy về công nghiệp chế biến';

test('a growth figure marked as an assumption in the template editor shows its source and mark in a new scenario', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await saved(page);
  const box = await openTemplates(page);
  await box.getByRole('button', { name: /Sao chép mẫu hiện tại/ }).click();
  await box.getByRole('tab', { name: 'Nguồn số liệu' }).click();

  // The row is an assumption as shipped: cleared, so only the year marked below is one.
  await box.getByRole('checkbox', { name: `${MFG_GROWTH} (cả dòng) là giả định` }).uncheck();
  await box.getByRole('button', { name: `Nguồn từng năm của ${MFG_GROWTH}` }).click();
  const source = box.getByRole('textbox', { name: `Nguồn của ${MFG_GROWTH} năm 2027` });
  await source.fill(NOTE);
  await source.press('Tab');
  await box.getByRole('checkbox', { name: `${MFG_GROWTH} năm 2027 là giả định` }).check();
  await expect(box.getByRole('checkbox', { name: `${MFG_GROWTH} năm 2027 là giả định` })).toBeChecked();

  await createFromTemplate(page, await saveAndClose(page));
  await saved(page);

  const info = page.getByRole('region', { name: 'Nguồn' });
  // "Đã lưu" may still be the previous scenario's status: wait for the new one's sheet, the only one whose 2028
  // manufacturing growth is not an assumption (the shipped template marks the whole row).
  await expect(cell(page, `${MFG_GROWTH} 2028`)).not.toHaveClass(/assumption/);
  await cell(page, `${MFG_GROWTH} 2027`).click();
  await expect(info).toContainText(`Giả định: ${NOTE}`);
  await expect(cell(page, `${MFG_GROWTH} 2027`)).toHaveClass(/assumption/);
  await cell(page, `${MFG_GROWTH} 2028`).click();
  await expect(info).toContainText('Nguồn: mục tiêu tăng trưởng CBCT 20%');
  await expect(cell(page, `${MFG_GROWTH} 2028`)).not.toHaveClass(/assumption/);
});
