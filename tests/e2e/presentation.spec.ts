import { expect, test, type Page } from '@playwright/test';
import { applyLevers, formatValue, MonteCarloRun } from '../../src/engine';
import { LIVE_SAMPLES } from '../../src/state/live-odds.svelte';
import { applyPreset } from '../../src/templates';
import { quangNinh2025 as template } from '../../src/templates/quang-ninh-2025';

const MFG = 'Công nghiệp chế biến, chế tạo';
// The same name inside a phrase (lower-cased after its first word).
const MFG_IN = 'công nghiệp chế biến, chế tạo';
const RATE_LEVER = `${MFG} — tốc độ tăng trưởng`;

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Trình chiếu' });
const share2030 = (page: Page) =>
  dialog(page)
    .getByRole('article', { name: `Tỷ trọng ${MFG_IN} năm 2030` })
    .locator('.figure');

async function openByButton(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Trình chiếu', exact: true }).click();
  await expect(dialog(page)).toBeVisible();
}

async function fontSize(page: Page, selector: string): Promise<number> {
  const sizes = await dialog(page)
    .locator(selector)
    .evaluateAll((els) => els.map((el) => Number.parseFloat(getComputedStyle(el).fontSize)));
  expect(sizes.length, selector).toBeGreaterThan(0);
  return Math.min(...sizes);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
});

test('P opens presentation mode from the page and Escape leaves it', async ({ page }) => {
  // The key works from the page itself, not from the grid or a text field.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('p');
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('heading', { level: 2 })).toHaveText('Kế hoạch');
  await expect(dialog(page)).toContainText('1 / 1');
  await expect(dialog(page)).toContainText('Nguồn:');
  await expect(dialog(page)).toContainText('Mục tiêu tỷ trọng');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('grid')).toBeVisible();
});

test('leaving full screen the way the browser does on Escape also leaves the presentation', async ({ page }) => {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('p');
  await expect(dialog(page)).toBeVisible();
  await page.waitForFunction(() => document.fullscreenElement !== null);
  // A browser in full screen keeps that Escape for itself and only exits full screen.
  await page.evaluate(() => document.exitFullscreen());
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole('grid')).toBeVisible();
});

test('moving a growth lever changes the 2030 figure live; back to the scenario restores it', async ({ page }) => {
  await openByButton(page);
  const before = await share2030(page).textContent();
  await dialog(page).getByRole('slider', { name: RATE_LEVER }).fill('0.3');
  await expect(share2030(page)).not.toHaveText(before!);
  const faster = await share2030(page).textContent();
  // The typed field follows the slider and types the same lever.
  const typed = dialog(page).getByRole('textbox', { name: `${RATE_LEVER}, nhập số hoặc khoảng giá trị (%)` });
  await expect(typed).toHaveValue('30');
  await typed.fill('10');
  await typed.press('Enter');
  await expect(share2030(page)).not.toHaveText(faster!);

  await dialog(page)
    .getByRole('button', { name: /Bỏ các thay đổi/ })
    .click();
  await expect(share2030(page)).toHaveText(before!);

  // Shift mode is labelled as such and starts at no change.
  await dialog(page).getByRole('radio', { name: 'Cộng thêm vào tốc độ hiện có' }).check();
  const shift = dialog(page).getByRole('slider', {
    name: `${MFG} — cộng thêm vào tốc độ hiện có (điểm phần trăm)`,
  });
  await expect(shift).toHaveValue('0');
  await shift.fill('0.05');
  await expect(share2030(page)).not.toHaveText(before!);
});

test('a lever takes a range, the odds of the targets follow it live, and keeping it keeps the range', async ({
  page,
}) => {
  await openByButton(page);
  const card2030 = dialog(page).getByRole('article', { name: `Tỷ trọng ${MFG_IN} năm 2030` });
  const note = dialog(page).getByText(/Xác suất: ước tính từ/);
  // No range, no odds: a single number has no chance to speak of.
  await expect(card2030).not.toContainText('xác suất');
  const typed = dialog(page).getByRole('textbox', { name: `${RATE_LEVER}, nhập số hoặc khoảng giá trị (%)` });
  await typed.fill('20..34');
  await typed.press('Enter');
  await expect(typed).toHaveValue('20%..34%');
  // The slider sits at the range's centre.
  await expect(dialog(page).getByRole('slider', { name: RATE_LEVER })).toHaveValue('0.27');

  // The same estimate computed here by the engine: the first scenario (the default template as it is, named
  // Plan), manufacturing 20–34% every projection year.
  const plan = applyPreset(template, undefined, 'Kế hoạch');
  const levered = applyLevers(plan, {
    manufacturing: { mode: 'rate', value: 0.27, range: { kind: 'uniform', lo: 0.2, hi: 0.34 } },
  });
  const run = new MonteCarloRun(levered, { samples: LIVE_SAMPLES });
  run.step(LIVE_SAMPLES);
  const p2030 = run.result().targets.find((o) => o.of === 'manufacturing.share' && o.year === 2030)!.probability;
  expect(p2030).toBeGreaterThan(0);
  expect(p2030).toBeLessThan(1);
  const chance = formatValue(p2030, 'vi', 'percent', p2030 < 0.01 ? 1 : 0);
  await expect(card2030.locator('.verdict')).toContainText(`xác suất ${chance}`);
  await expect(note).toContainText('2.000 lần mô phỏng');
  // Large enough for the back of the room, like the verdict it sits in.
  expect(await fontSize(page, '.card .chance')).toBeGreaterThanOrEqual(24);

  // A wider range moves the odds.
  await typed.fill('10..40');
  await typed.press('Enter');
  await expect(card2030.locator('.verdict')).toContainText('xác suất');
  await expect(card2030.locator('.verdict')).not.toContainText(`xác suất ${chance}`);

  // A reversed range is refused with its reason; the lever keeps its range.
  await typed.fill('40..10');
  await typed.press('Enter');
  await expect(dialog(page)).toContainText('Khoảng phải viết từ số nhỏ đến số lớn');
  await expect(typed).toHaveAttribute('aria-invalid', 'true');
  await expect(note).toBeVisible();

  // Kept as a new scenario, the sheet holds the range in every projection year.
  await dialog(page).getByRole('button', { name: 'Lưu thành kịch bản mới' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await page.getByRole('gridcell', { name: 'Tăng trưởng công nghiệp chế biến, chế tạo 2030', exact: true }).click();
  await expect(page.locator('section.info')).toContainText('10%..40%');
});

test('a lever moved again and again gets its odds from one worker, which ends with the presentation', async ({
  page,
}) => {
  // Counts the page's Worker objects and their ends, from the start of the page.
  await page.addInitScript(() => {
    const counts = { made: 0, ended: 0 };
    Object.assign(window, { workerCounts: counts });
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        counts.made += 1;
      }
      override terminate(): void {
        counts.ended += 1;
        super.terminate();
      }
    };
  });
  await page.reload();
  await expect(page.getByRole('grid')).toBeVisible();
  const workers = () =>
    page.evaluate(() => (window as unknown as { workerCounts: { made: number; ended: number } }).workerCounts);

  await openByButton(page);
  // No range, no estimate, no worker.
  const services = dialog(page).getByRole('slider', { name: /^Dịch vụ — tốc độ tăng/ });
  await services.focus();
  await page.keyboard.press('ArrowRight');
  expect(await workers()).toEqual({ made: 0, ended: 0 });

  const typed = dialog(page).getByRole('textbox', { name: `${RATE_LEVER}, nhập số hoặc khoảng giá trị (%)` });
  await typed.fill('20..34');
  await typed.press('Enter');
  const note = dialog(page).locator('.odds-note');
  await expect(note).toHaveAttribute('aria-busy', 'false');
  const chances = () => dialog(page).locator('.card .chance').allTextContents();
  // Held arrow keys, as a planner sweeps the slider: each burst ends at a position whose odds are then shown.
  const sweep = async (key: string) => {
    await services.focus();
    for (let k = 0; k < 6; k++) await page.keyboard.press(key);
  };
  const before = await chances();
  await sweep('ArrowRight');
  await expect.poll(chances).not.toEqual(before);
  await expect(note).toHaveAttribute('aria-busy', 'false');
  const up = await chances();
  await sweep('ArrowLeft');
  await expect.poll(chances).not.toEqual(up);
  // Back at the same position, the same seed gives the same odds: what is shown is the last position's estimate.
  await sweep('ArrowRight');
  await expect.poll(chances).toEqual(up);
  await expect(note).toHaveAttribute('aria-busy', 'false');
  expect(await workers()).toEqual({ made: 1, ended: 0 });

  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  expect(await workers()).toEqual({ made: 1, ended: 1 });
});

test('the arrow keys step through the scenarios', async ({ page }) => {
  const library = page.getByRole('complementary', { name: 'Kịch bản của tôi' });
  const form = library.getByRole('form', { name: 'Kịch bản mới' });
  await form.getByLabel('Giả định').selectOption('cautious');
  await form.getByRole('button', { name: /Tạo kịch bản/ }).click();
  await expect(page.locator('header .doc strong')).toHaveText('Thận trọng');

  await openByButton(page);
  const name = dialog(page).getByRole('heading', { level: 2 });
  await expect(name).toHaveText('Thận trọng');
  await page.keyboard.press('ArrowRight');
  await expect(dialog(page)).toContainText('2 / 2');
  await expect(name).toHaveText('Kế hoạch');
  await page.keyboard.press('ArrowLeft');
  await expect(dialog(page)).toContainText('1 / 2');
  await expect(name).toHaveText('Thận trọng');
});

test('at 1920×1080 the headline figures and labels are large enough for a projector', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openByButton(page);
  expect(await fontSize(page, '.card .figure')).toBeGreaterThanOrEqual(48);
  expect(await fontSize(page, '.card h3')).toBeGreaterThanOrEqual(24);
  expect(await fontSize(page, '.lever label')).toBeGreaterThanOrEqual(24);
  expect(await fontSize(page, 'figcaption')).toBeGreaterThanOrEqual(24);
  // Everything fits on the screen, also with a range's odds and a refused lever's message: nothing scrolls.
  const overflow = () => dialog(page).evaluate((el) => el.scrollHeight - el.clientHeight);
  const leverOverflow = () =>
    dialog(page)
      .locator('section.levers')
      .evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(await overflow()).toBeLessThanOrEqual(0);
  const typed = dialog(page).getByRole('textbox', { name: `${RATE_LEVER}, nhập số hoặc khoảng giá trị (%)` });
  await typed.fill('20..34');
  await typed.press('Enter');
  await expect(dialog(page).getByText(/Xác suất: ước tính từ/)).toBeVisible();
  const other = dialog(page).getByRole('textbox', { name: /^Dịch vụ — tốc độ tăng/ });
  await other.fill('abc');
  await other.press('Enter');
  await expect(dialog(page)).toContainText('Không đọc được "abc" thành số.');
  expect(await overflow()).toBeLessThanOrEqual(0);
  expect(await leverOverflow()).toBeLessThanOrEqual(0);
});
