import { expect, test, type Page } from '@playwright/test';
import { cell, typeInto } from './sheet-helpers';

const MFG_GROWTH = 'Tăng trưởng công nghiệp chế biến, chế tạo';
const SERVICES_GROWTH = 'Tăng trưởng dịch vụ';

function shareCard(page: Page, year: number) {
  return page.getByRole('article', { name: `Tỷ trọng công nghiệp chế biến, chế tạo năm ${year}` });
}

async function chartPixels(page: Page): Promise<Buffer> {
  return page.locator('figure canvas').first().screenshot();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
});

test('opens on the Quảng Ninh projection from 2025 with targets, chart and sheet', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Quảng Ninh');
  // 2024 and 2025 are recorded: actual, not projected.
  await expect(cell(page, `${MFG_GROWTH} 2024`)).toHaveText('20,5%');
  await expect(cell(page, `${MFG_GROWTH} 2024`)).toHaveClass(/history/);
  await expect(cell(page, 'Tăng trưởng GRDP 2025')).toHaveText('11,9%');
  await expect(cell(page, 'Tỷ trọng công nghiệp chế biến, chế tạo 2025')).toHaveText('13,9%');
  await expect(cell(page, 'Tăng trưởng GRDP 2026')).toHaveText('10,0%');
  await expect(cell(page, 'GRDP (giá hiện hành) 2025')).toHaveText('368.445');
  await expect(cell(page, 'GRDP bình quân đầu người (USD) 2025')).toHaveText('10.402');
  await expect(page.getByRole('article', { name: 'GRDP bình quân đầu người năm 2030' })).toContainText('USD');
  await expect(page.getByRole('article', { name: 'Tăng trưởng bình quân theo giai đoạn' })).toContainText(
    '2021–2025 thực tế',
  );
  await expect(shareCard(page, 2025)).toContainText('Mục tiêu ≥ 15,0%');
  await expect(shareCard(page, 2030)).toContainText('Mục tiêu ≥ 30,0%');
  await expect(page.getByRole('figure')).toBeVisible();
});

test('editing a growth cell by keyboard updates the card and the chart, and undo restores them', async ({ page }) => {
  const before = await shareCard(page, 2030).locator('.figure').textContent();
  const chartBefore = await chartPixels(page);

  await cell(page, `${MFG_GROWTH} 2026`).click();
  await page.keyboard.type('35');
  await page.keyboard.press('Enter');

  await expect(cell(page, `${MFG_GROWTH} 2026`)).toHaveText('35,0%');
  await expect(cell(page, `${MFG_GROWTH} 2026`)).toHaveClass(/changed/);
  await expect(cell(page, `${MFG_GROWTH} 2026`)).toHaveAttribute('title', /Theo mẫu tỉnh: 20,0%/);
  await expect(shareCard(page, 2030).locator('.figure')).not.toHaveText(before!);
  expect((await chartPixels(page)).equals(chartBefore)).toBe(false);
  // Enter moved down one row, as in a spreadsheet.
  await expect(page.locator('td:focus')).toHaveAttribute('aria-label', 'Công nghiệp khác và xây dựng 2026');

  await page.keyboard.press('Control+z');
  await expect(cell(page, `${MFG_GROWTH} 2026`)).toHaveText('20,0%');
  await expect(cell(page, `${MFG_GROWTH} 2026`)).not.toHaveClass(/changed/);
  await expect(shareCard(page, 2030).locator('.figure')).toHaveText(before!);

  await page.keyboard.press('Control+y');
  await expect(cell(page, `${MFG_GROWTH} 2026`)).toHaveText('35,0%');
  await page.keyboard.press('Control+Shift+z');
  await expect(cell(page, `${MFG_GROWTH} 2026`)).toHaveText('35,0%');
  await page.getByRole('button', { name: /Hoàn tác/ }).click();
  await expect(cell(page, `${MFG_GROWTH} 2026`)).toHaveText('20,0%');
});

test('moves with arrows and Tab, edits with F2, cancels with Escape and resets with Delete', async ({ page }) => {
  await cell(page, `${MFG_GROWTH} 2026`).click();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('td:focus')).toHaveAttribute('aria-label', `${MFG_GROWTH} 2025`);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('td:focus')).toHaveAttribute('aria-label', `${MFG_GROWTH} 2026`);
  await page.keyboard.press('Tab');
  await expect(page.locator('td:focus')).toHaveAttribute('aria-label', `${MFG_GROWTH} 2027`);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('td:focus')).toHaveAttribute('aria-label', `${MFG_GROWTH} 2026`);

  await page.keyboard.press('F2');
  const editor = page.getByRole('textbox', { name: `${MFG_GROWTH} 2026` });
  await expect(editor).toHaveValue('20%');
  await editor.fill('99');
  await page.keyboard.press('Escape');
  await expect(cell(page, `${MFG_GROWTH} 2026`)).toHaveText('20,0%');

  await page.keyboard.type('1,5');
  await page.keyboard.press('Tab');
  await expect(cell(page, `${MFG_GROWTH} 2026`)).toHaveText('1,5%');
  await expect(page.locator('td:focus')).toHaveAttribute('aria-label', `${MFG_GROWTH} 2027`);

  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Delete');
  await expect(cell(page, `${MFG_GROWTH} 2026`)).toHaveText('20,0%');
  await expect(cell(page, `${MFG_GROWTH} 2026`)).not.toHaveClass(/changed/);
});

test('computed cells are read-only', async ({ page }) => {
  const grdp = cell(page, 'GRDP (giá so sánh năm 2025) 2026');
  const text = await grdp.textContent();
  await grdp.click();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(grdp).toHaveText(text!);
  await expect(grdp).toHaveAttribute('aria-readonly', 'true');
  await expect(page.getByRole('main').getByRole('status')).toContainText('không sửa được');
});

test('fill right copies a growth rate across the remaining years, by key and by button', async ({ page }) => {
  await typeInto(page, `${MFG_GROWTH} 2026`, '25');
  await cell(page, `${MFG_GROWTH} 2026`).click();
  await page.keyboard.press('Control+r');
  for (const year of [2027, 2028, 2029, 2030]) await expect(cell(page, `${MFG_GROWTH} ${year}`)).toHaveText('25,0%');
  // The recorded 2025 figure is not an input: fill right starts after it.
  await expect(cell(page, `${MFG_GROWTH} 2025`)).toHaveText('24,1%');

  await typeInto(page, `${SERVICES_GROWTH} 2028`, '7,5');
  await cell(page, `${SERVICES_GROWTH} 2028`).click();
  await page.getByRole('button', { name: /Điền sang phải/ }).click();
  for (const year of [2029, 2030]) await expect(cell(page, `${SERVICES_GROWTH} ${year}`)).toHaveText('7,5%');
  await expect(cell(page, `${SERVICES_GROWTH} 2027`)).toHaveText('12,0%');
  // One fill is one undo step.
  await cell(page, `${SERVICES_GROWTH} 2028`).click();
  await page.keyboard.press('Control+z');
  for (const year of [2029, 2030]) await expect(cell(page, `${SERVICES_GROWTH} ${year}`)).toHaveText('12,0%');
});

test('pastes a tab-separated block from Excel and copies one back', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await cell(page, `${MFG_GROWTH} 2027`).click();
  await page.evaluate(() => navigator.clipboard.writeText('18%\t19,5%\r\n30000\t25.5%\r\n'));
  await page.keyboard.press('Control+v');
  await expect(cell(page, `${MFG_GROWTH} 2027`)).toHaveText('18,0%');
  await expect(cell(page, `${MFG_GROWTH} 2028`)).toHaveText('19,5%');
  // The second line lands on a computed row: skipped, and said so.
  await expect(page.getByRole('main').getByRole('status')).toContainText('bỏ qua 2');
  await page.keyboard.press('Control+z');
  await expect(cell(page, `${MFG_GROWTH} 2027`)).toHaveText('20,0%');
  await expect(cell(page, `${MFG_GROWTH} 2028`)).toHaveText('20,0%');

  await cell(page, `${SERVICES_GROWTH} 2026`).click();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Control+c');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('12%\t12%');

  await cell(page, `${SERVICES_GROWTH} 2026`).click();
  await page.evaluate(() => navigator.clipboard.writeText('11\t12,5\n'));
  await page.keyboard.press('Control+v');
  await expect(cell(page, `${SERVICES_GROWTH} 2026`)).toHaveText('11,0%');
  await expect(cell(page, `${SERVICES_GROWTH} 2027`)).toHaveText('12,5%');
});

test('a bad formula shows an error in its own cell and leaves independent cells alone', async ({ page }) => {
  const agri = await cell(page, 'Nông, lâm nghiệp và thủy sản 2027').textContent();
  await typeInto(page, `${SERVICES_GROWTH} 2026`, '=nope * (1 + ');
  await expect(cell(page, `${SERVICES_GROWTH} 2026`)).toHaveText('#SYNTAX');
  await typeInto(page, `${SERVICES_GROWTH} 2026`, '=nope * 2');
  await expect(cell(page, `${SERVICES_GROWTH} 2026`)).toHaveText('#NAME?');
  await expect(cell(page, `${SERVICES_GROWTH} 2026`)).toHaveAttribute('aria-invalid', 'true');
  await expect(cell(page, `${SERVICES_GROWTH} 2025`)).toHaveText('16,4%');
  await expect(cell(page, 'Nông, lâm nghiệp và thủy sản 2027')).toHaveText(agri!);
  await cell(page, `${SERVICES_GROWTH} 2026`).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('nope');

  await typeInto(page, `${SERVICES_GROWTH} 2027`, '<script>alert(1)</script>');
  await expect(cell(page, `${SERVICES_GROWTH} 2027`)).toHaveText('#VALUE');
  await typeInto(page, `${SERVICES_GROWTH} 2028`, '=import("fs")');
  await expect(cell(page, `${SERVICES_GROWTH} 2028`)).toHaveText(/#/);
  await typeInto(page, `${SERVICES_GROWTH} 2029`, '=' + '('.repeat(500) + '1' + ')'.repeat(500));
  await expect(cell(page, `${SERVICES_GROWTH} 2029`)).toHaveText('#SYNTAX');
  // A cell reading an error cell shows that error too.
  await typeInto(page, `${SERVICES_GROWTH} 2030`, '=services.growth[t-1] + 1%');
  await expect(cell(page, `${SERVICES_GROWTH} 2030`)).toHaveText('#SYNTAX');
  await typeInto(page, `${SERVICES_GROWTH} 2029`, '9%');
  await expect(cell(page, `${SERVICES_GROWTH} 2030`)).toHaveText('10,0%');
  await expect(page.getByRole('grid')).toBeVisible();
});

test('a formula can reference other rows and earlier years', async ({ page }) => {
  await typeInto(page, `${MFG_GROWTH} 2027`, '=manufacturing.growth[t-1] + 1%');
  await expect(cell(page, `${MFG_GROWTH} 2027`)).toHaveText('21,0%');
  await typeInto(page, `${SERVICES_GROWTH} 2027`, '=manufacturing.growth * 0.5');
  await expect(cell(page, `${SERVICES_GROWTH} 2027`)).toHaveText('10,5%');
  await cell(page, `${MFG_GROWTH} 2027`).click();
  await expect(page.getByRole('region', { name: 'Nguồn' })).toContainText('=manufacturing.growth[t-1] + 1%');
});

test('shows each input cell’s source, or that it is an assumption', async ({ page }) => {
  const info = page.getByRole('region', { name: 'Nguồn' });
  await cell(page, `${MFG_GROWTH} 2024`).click();
  await expect(info).toContainText('vnbiznews.com');
  await cell(page, `${MFG_GROWTH} 2027`).click();
  await expect(info).toContainText('Giả định');
  await expect(cell(page, `${MFG_GROWTH} 2027`)).toHaveClass(/assumption/);
  await expect(cell(page, `${MFG_GROWTH} 2027`)).toHaveAttribute('title', /mục tiêu tăng trưởng CBCT 20%/);
  // An edited cell is no longer the template's assumption.
  await typeInto(page, `${MFG_GROWTH} 2027`, '21');
  await expect(cell(page, `${MFG_GROWTH} 2027`)).not.toHaveClass(/assumption/);
  await cell(page, `${MFG_GROWTH} 2027`).click();
  await expect(info).toContainText('Giả định trong mẫu tỉnh');
});

test('switches language, remembers it, and follows ?lang=', async ({ page }) => {
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('GRDP growth scenarios');
  await expect(cell(page, 'Manufacturing growth 2026')).toHaveText('20.0%');
  await expect(cell(page, 'Manufacturing 2025')).toHaveText('51,352');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(cell(page, 'Manufacturing growth 2026')).toHaveText('20.0%');
  await page.goto('/?lang=vi');
  await expect(cell(page, `${MFG_GROWTH} 2026`)).toHaveText('20,0%');
  await expect(cell(page, 'Công nghiệp chế biến, chế tạo 2025')).toHaveText('51.352');
  await page.goto('/?lang=en');
  await expect(cell(page, 'Manufacturing growth 2026')).toBeVisible();
  // English reads numbers the English way.
  await typeInto(page, 'Manufacturing growth 2026', '12.5%');
  await expect(cell(page, 'Manufacturing growth 2026')).toHaveText('12.5%');
});

test('adds, renames and deletes a custom formula row', async ({ page }) => {
  const addRow = async (fill: (form: ReturnType<Page['getByRole']>) => Promise<void>) => {
    await page.getByRole('button', { name: /Thêm dòng/ }).click();
    const form = page.getByRole('form', { name: 'Thêm dòng' });
    await fill(form);
    await form.getByRole('button', { name: 'Thêm' }).click();
  };
  await page.getByRole('button', { name: /Thêm dòng/ }).click();
  const form = page.getByRole('form', { name: 'Thêm dòng' });
  await form.getByLabel('Mã').fill('icor');
  await expect(form.getByRole('alert')).toContainText('Đã có dòng');
  await form.getByRole('button', { name: 'Hủy' }).click();

  await addRow(async (f) => {
    await f.getByLabel('Loại dòng').selectOption('param');
    await f.getByLabel('Mã').fill('k');
    await f.getByRole('textbox', { name: 'Giá trị' }).fill('2');
  });
  await addRow(async (f) => {
    await f.getByLabel('Loại dòng').selectOption('formula');
    await f.getByLabel('Mã').fill('capital');
    await f.getByLabel('Tên hiển thị').fill('Vốn nhân k');
    await f.getByRole('textbox', { name: /Công thức/ }).fill('=investment * k');
  });
  const investment = Number(
    (await cell(page, 'Vốn đầu tư cần thiết (giá hiện hành) 2026').textContent())!.replace(/\D/g, ''),
  );
  const capital = () => cell(page, 'Vốn nhân k 2026');
  const read = async () => Number((await capital().textContent())!.replace(/\D/g, ''));
  expect(Math.abs((await read()) - investment * 2)).toBeLessThanOrEqual(2);

  await cell(page, 'k 2025').click();
  await page.getByLabel('Mã mới').fill('factor');
  await page.getByRole('button', { name: 'Đổi mã' }).click();
  expect(Math.abs((await read()) - investment * 2)).toBeLessThanOrEqual(2);
  await capital().click();
  await expect(page.getByRole('region', { name: 'Nguồn' })).toContainText('=investment * factor');

  await page.getByRole('button', { name: 'Xóa dòng capital' }).click();
  await expect(capital()).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(capital()).toBeVisible();
});

test('Tab leaves the grid at its last column so the controls after it are reachable', async ({ page }) => {
  await cell(page, `${MFG_GROWTH} 2030`).click();
  await page.keyboard.press('Tab');
  await expect(page.locator('td:focus')).toHaveCount(0);
  const focused = await page.evaluate(() => document.activeElement?.closest('[role="grid"]') === null);
  expect(focused).toBe(true);
});

test('the template’s own rows cannot be renamed or deleted', async ({ page }) => {
  await cell(page, 'Hệ số ICOR (giá hiện hành) 2025').click();
  await expect(page.getByRole('button', { name: /Xóa dòng/ })).toHaveCount(0);
});
