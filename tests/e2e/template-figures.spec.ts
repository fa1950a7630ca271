import { expect, test } from '@playwright/test';
import { cell, saved } from './sheet-helpers';
import { createFromTemplate, openTemplates, saveAndClose } from './template-helpers';

const SHARE_2022 = 'Tỷ trọng công nghiệp chế biến, chế tạo 2022';
const POPULATION_2027 = 'Dân số trung bình (nghìn người) 2027';

test('a recorded share and a population figure typed into a copied template show in a scenario made from it', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await saved(page);

  const box = await openTemplates(page);
  await box.getByRole('button', { name: /Sao chép mẫu hiện tại/ }).click();
  await box.getByRole('tab', { name: 'Số liệu đã thực hiện' }).click();
  const share = box.getByRole('textbox', {
    name: 'Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP (ngành trọng tâm) năm 2022',
  });
  await share.fill('11,8');
  await share.press('Tab');
  await expect(share).toHaveValue('11,8%');
  // A recorded figure is a number: a formula is refused and the field shows the figure again.
  const growth = box.getByRole('textbox', { name: 'Tốc độ tăng trưởng GRDP (giá so sánh năm 2025) năm 2021' });
  await growth.fill('=1+1');
  await growth.press('Tab');
  await expect(growth).toHaveValue('10,28%');

  await box.getByRole('tab', { name: 'Giá, dân số, tỷ giá' }).click();
  const population = box.getByRole('textbox', { name: 'Dân số trung bình (nghìn người) năm 2027' });
  await population.fill('1.500');
  await population.press('Tab');
  await expect(population).toHaveValue('1.500');

  await createFromTemplate(page, await saveAndClose(page));
  await expect(cell(page, SHARE_2022)).toHaveText('11,8%');
  await expect(cell(page, POPULATION_2027)).toHaveText('1.500');
  await saved(page);
});

test('a short name given in the template editor heads the share cards of a scenario made from it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await saved(page);
  const box = await openTemplates(page);
  await box.getByRole('button', { name: /Sao chép mẫu hiện tại/ }).click();
  const short = box.getByRole('textbox', { name: /^Tên ngắn của Công nghiệp chế biến, chế tạo/ });
  await expect(short).toHaveValue('CN CBCT');
  await short.fill('CBCT');
  await short.press('Tab');
  await createFromTemplate(page, await saveAndClose(page));
  await saved(page);
  await expect(page.getByText('Tỷ trọng CBCT năm 2030', { exact: true })).toBeVisible();
});
