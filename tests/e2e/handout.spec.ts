import { expect, test } from '@playwright/test';

test('prints an A4 landscape handout of one or two pages with the key rows and sources', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Đã lưu', { exact: true })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  // The editing controls give way to the handout's tables.
  await expect(page.getByRole('grid')).toBeHidden();
  await expect(page.locator('.handout')).toBeVisible();
  await expect(page.locator('.handout')).toContainText('Các chỉ tiêu chính');
  await expect(page.locator('.handout')).toContainText('Nguồn và giả định');
  await page.screenshot({ path: test.info().outputPath('handout.png'), fullPage: true });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});

test('?view=chart shows only the cards and the chart, also for a share link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page.getByRole('gridcell', { name: 'Tăng trưởng công nghiệp chế biến, chế tạo 2026', exact: true }).click();
  await page.keyboard.type('3');
  await page.keyboard.insertText('5');
  await page.keyboard.press('Enter');
  const figure = await page
    .getByRole('article', { name: 'Tỷ trọng công nghiệp chế biến, chế tạo năm 2030' })
    .locator('.figure')
    .textContent();
  await page.getByRole('button', { name: 'Chia sẻ liên kết' }).click();
  const link = await page.getByRole('dialog').getByRole('textbox').inputValue();
  const [origin, fragment] = link.split('#');

  await page.goto(`${origin}?view=chart#${fragment}`);
  await expect(page.getByRole('figure')).toBeVisible();
  await expect(
    page.getByRole('article', { name: 'Tỷ trọng công nghiệp chế biến, chế tạo năm 2030' }).locator('.figure'),
  ).toHaveText(figure!);
  await expect(page.getByRole('grid')).toHaveCount(0);
  await expect(page.getByRole('complementary')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Chia sẻ liên kết' })).toBeHidden();
});

test('printing before the sheet under the chart is rendered still prints the whole handout', async ({ page }) => {
  // No frame after the first: the grid and the handout, which the app renders once the chart is on screen, wait.
  await page.addInitScript(() => {
    window.requestAnimationFrame = () => 0;
  });
  await page.goto('/');
  await expect(page.getByRole('figure')).toBeVisible();
  await expect(page.locator('.handout')).toHaveCount(0);
  await expect(page.getByRole('grid')).toHaveCount(0);
  // What the page holds when the browser lays it out for print: read after the app's own listener has run.
  await page.evaluate(() => {
    addEventListener('beforeprint', () => {
      document.body.dataset.handout = document.querySelector('.handout')?.textContent ?? '';
    });
  });
  await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await expect(page.locator('body')).toHaveAttribute('data-handout', /Các chỉ tiêu chính.*Nguồn và giả định/s);
  await expect(page.getByRole('grid')).toBeVisible();
});
