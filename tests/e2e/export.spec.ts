import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';

// The chart image's CSS size (PNG_SIZE in src/export/png.ts) at twice the resolution.
const PNG_WIDTH = 2400;
const PNG_HEIGHT = 1400;

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByText('Đã lưu', { exact: true })).toBeVisible();
}

async function save(page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { download, bytes: await readFile((await download.path())!) };
}

// A grid cell's text as a number: "315.800" → 315800, "20,5%" → 0.205, and half a unit of its last digit.
function readGridText(text: string): { value: number; tolerance: number } {
  const percent = text.endsWith('%');
  const plain = text.replace('%', '').replace(/\./g, '').replace(',', '.').trim();
  const decimals = plain.includes('.') ? plain.split('.')[1]!.length : 0;
  const scale = percent ? 100 : 1;
  return { value: Number(plain) / scale, tolerance: (0.5 * 10 ** -decimals) / scale + 1e-9 };
}

test('CSV download starts with the UTF-8 BOM and keeps Vietnamese text', async ({ page }) => {
  await open(page);
  const { download, bytes } = await save(page, 'CSV');
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('Tăng trưởng công nghiệp chế biến, chế tạo');
  expect(text.split('\r\n')[0]).toMatch(/^\uFEFFChỉ tiêu;Mã;\d{4};/);
});

test('Excel download reads back with the same numbers as the grid, edits included', async ({ page }) => {
  await open(page);
  await page.getByRole('gridcell', { name: 'Tăng trưởng công nghiệp chế biến, chế tạo 2026', exact: true }).click();
  await page.keyboard.type('35');
  await page.keyboard.press('Enter');
  const { download, bytes } = await save(page, 'Excel (.xlsx)');
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const sheets = await readXlsxFile(bytes);
  expect(sheets.map((s) => s.sheet)).toEqual(['Kịch bản', 'Nguồn']);
  const [header, ...rows] = sheets[0]!.data;
  const years = header!.slice(2) as number[];
  let compared = 0;
  for (const id of ['manufacturing', 'manufacturing.growth', 'manufacturing.share', 'grdp']) {
    const row = rows.find((r) => r[1] === id)!;
    expect(row, id).toBeDefined();
    for (const year of [2025, 2026, 2030]) {
      const value = row[2 + years.indexOf(year)];
      const cell = page.getByRole('gridcell', { name: `${String(row[0])} ${year}`, exact: true });
      const shown = readGridText((await cell.textContent()) ?? '');
      expect(typeof value, `${id} ${year}`).toBe('number');
      expect(Math.abs((value as number) - shown.value), `${id} ${year}`).toBeLessThanOrEqual(shown.tolerance);
      compared++;
    }
  }
  expect(compared).toBe(12);
  expect(rows.find((r) => r[1] === 'manufacturing.growth')![2 + years.indexOf(2026)]).toBeCloseTo(0.35, 12);
  // The share target has no figure for 2027: the grid shows an empty cell, and so does the file (not 0).
  const target = rows.find((r) => r[1] === 'share_target')!;
  await expect(page.getByRole('gridcell', { name: `${String(target[0])} 2027`, exact: true })).toHaveText('');
  expect(target[2 + years.indexOf(2027)]).toBeNull();
  expect(target[2 + years.indexOf(2030)]).toBeCloseTo(0.3, 12);
  expect(sheets[1]!.data.length).toBeGreaterThan(1);
});

test('chart image is a PNG of exactly twice its 1200 × 700 CSS size', async ({ page }) => {
  await open(page);
  const { download, bytes } = await save(page, 'Ảnh biểu đồ (PNG)');
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(bytes.readUInt32BE(16)).toBe(PNG_WIDTH);
  expect(bytes.readUInt32BE(20)).toBe(PNG_HEIGHT);
  await writeFile(test.info().outputPath('chart.png'), bytes);
});

test('print summary button opens the print dialog', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', '1');
  });
  await page.getByRole('button', { name: 'In bản tóm tắt' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', '1');
});
