import { expect, test, type Page } from '@playwright/test';
import { cell, typeInto } from './sheet-helpers';
import { formatValue, requiredFocusGrowth, withRange } from '../../src/engine';
import { MonteCarloRun } from '../../src/engine/monte-carlo';
import { encodeShare } from '../../src/share/codec';
import { quangNinh2025 as template } from '../../src/templates/quang-ninh-2025';

// The focus sector's name as phrases write it (lower-cased after their first word).
const MFG = 'công nghiệp chế biến, chế tạo';
const MFG_GROWTH = `Tăng trưởng ${MFG}`;
const percent = (v: number, digits = 1): string => formatValue(v, 'vi', 'percent', digits);

const shareCard = (page: Page, year: number) =>
  page.getByRole('article', { name: `Tỷ trọng ${MFG} năm ${year}` }).locator('.figure');
const status = (page: Page) => page.locator('p.status');

async function openTab(page: Page, name: string) {
  await page.getByRole('button', { name: /^Phân tích:/ }).click();
  await page.getByRole('tab', { name }).click();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
});

test('the targets panel answers what growth each target takes, and applies it as one undoable edit', async ({
  page,
}) => {
  // The template's growth to 2025 is recorded: the answers change 2026 on.
  const at2030 = requiredFocusGrowth(template.scenario, 2030, 0.3, 2026);
  if (at2030.status !== 'found') throw new Error('the template target should be reachable');
  await page.getByRole('button', { name: 'Cần tốc độ tăng trưởng bao nhiêu để đạt mục tiêu?' }).click();
  const answers = page.getByRole('region', { name: 'Cần gì để đạt mục tiêu?' });
  const line = answers.getByRole('listitem').filter({ hasText: 'năm 2030' });
  await expect(line).toContainText(`cần tăng trưởng ${percent(at2030.x)}/năm (2026–2030)`);
  await expect(line).toContainText(`GRDP tăng bình quân ${percent(at2030.grdpGrowth!)}/năm (2026–2030)`);

  await expect(shareCard(page, 2030)).toHaveText('21,1%');
  await line.getByRole('button', { name: /Áp dụng/ }).click();
  await expect(shareCard(page, 2030)).toHaveText('30,0%');
  await expect(cell(page, `${MFG_GROWTH} 2025`)).toHaveText('24,1%');
  await page.keyboard.press('Control+z');
  await expect(shareCard(page, 2030)).toHaveText('21,1%');
});

test('goal seek from the analysis panel finds the rate, reports iterations and applies it', async ({ page }) => {
  await openTab(page, 'Tìm mục tiêu');
  const panel = page.getByRole('tabpanel');
  await panel.getByLabel('Giá trị').fill('20%');
  await panel.getByRole('button', { name: 'Tìm', exact: true }).click();
  const answer = panel.getByRole('status');
  await expect(answer).toContainText(/= \d+,\d\d% thì tỷ trọng công nghiệp .* 2030 đạt 20,00% \(sau \d+ lần lặp\)/);
  await panel.getByRole('button', { name: /Áp dụng vào bảng/ }).click();
  await expect(shareCard(page, 2030)).toHaveText('20,0%');

  // A target no growth from −50% to 200% can reach is reported with the closest value.
  await panel.getByLabel('Giá trị').fill('99%');
  await panel.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(answer).toContainText('Không có giá trị nào từ -50,00% đến 200,00%');
  await expect(answer).toContainText('Gần nhất');

  await panel.getByLabel('Giá trị').fill('ba mươi');
  await panel.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(answer).toContainText('Nhập một số cho giá trị cần đạt');
});

test('the tornado ranks the growth rows with the numbers beside the bars', async ({ page }) => {
  await openTab(page, 'Độ nhạy');
  const table = page.getByRole('tabpanel').getByRole('table');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.first().getByRole('rowheader')).toHaveText(MFG_GROWTH);
  await expect(rows.first()).toContainText('%');
  await page.getByRole('tabpanel').getByLabel('Mức điều chỉnh tốc độ tăng trưởng ± (điểm phần trăm)').fill('2');
  await expect(table.getByRole('columnheader', { name: /Tăng 2 điểm/ })).toBeVisible();
  await page.getByRole('tabpanel').getByLabel('Chỉ tiêu theo dõi').selectOption('growth');
  await expect(table).toContainText('Tốc độ tăng trưởng GRDP bình quân');
});

test('ranges typed in cells drive a seeded Monte Carlo run with odds, fan charts and a histogram', async ({ page }) => {
  await typeInto(page, `${MFG_GROWTH} 2026`, '16%..24%');
  await typeInto(page, `${MFG_GROWTH} 2027`, 'normal(20%; 3%)');
  await typeInto(page, `${MFG_GROWTH} 2028`, 'triangular(14%; 20%; 26%)');
  // The cell shows the range's centre; the formula bar the range.
  await expect(cell(page, `${MFG_GROWTH} 2028`)).toHaveText('20,0%');
  await cell(page, `${MFG_GROWTH} 2027`).click();
  await expect(page.locator('section.info')).toContainText('normal(20%; 3%)');

  // A mistyped range is refused with its reason and the cell keeps its number.
  await typeInto(page, `${MFG_GROWTH} 2029`, 'normal(20%)');
  await expect(status(page)).toContainText('Khoảng giá trị không hợp lệ');
  await expect(cell(page, `${MFG_GROWTH} 2029`)).toHaveText('20,0%');

  // The same run computed here by the engine: the page must show its numbers.
  let scenario = template.scenario;
  scenario = withRange(scenario, 'manufacturing.growth', 2026, { kind: 'uniform', lo: 0.16, hi: 0.24 });
  scenario = withRange(scenario, 'manufacturing.growth', 2027, { kind: 'normal', mean: 0.2, sd: 0.03 });
  scenario = withRange(scenario, 'manufacturing.growth', 2028, { kind: 'triangular', lo: 0.14, mode: 0.2, hi: 0.26 });
  const run = new MonteCarloRun(scenario, { samples: 2000, seed: 7 });
  run.step(2000);
  const expected = run.result();

  await openTab(page, 'Xác suất đạt mục tiêu');
  const panel = page.getByRole('tabpanel');
  await panel.getByLabel('Số lần mô phỏng').fill('2000');
  await panel.getByLabel('Mã khởi tạo ngẫu nhiên').fill('7');
  await panel.getByLabel('Mã khởi tạo ngẫu nhiên').press('Tab');
  await panel.getByRole('button', { name: 'Chạy mô phỏng' }).click();
  const results = panel.getByRole('region', { name: 'Kết quả mô phỏng' });
  await expect(results).toContainText('2.000 lần mô phỏng, mã khởi tạo 7, 3 ô có khoảng giá trị.');
  const odds = expected.targets.find((o) => o.of === 'manufacturing.share' && o.year === 2030)!;
  await expect(results.getByRole('listitem').filter({ hasText: 'năm 2030' })).toContainText(
    percent(odds.probability, odds.probability > 0 && odds.probability < 0.01 ? 1 : 0),
  );
  await expect(results.locator('figure canvas')).toHaveCount(2);
  const histogram = results.getByRole('img', { name: /Phân bố tỷ trọng .* năm 2030/ });
  await expect(histogram).toBeVisible();
  // Every sample falls short of 30%: the target is pointed to beyond the right edge, with round ticks below.
  const top = expected.histogram.edges.at(-1)!;
  expect(top).toBeLessThan(0.3);
  await expect(histogram).toContainText('Mục tiêu 30,0% →');
  await expect(histogram).toContainText(percent(Math.floor(top * 100) / 100));
  // The median of the 2030 share in the fan's legend matches the engine's.
  await expect(results.locator('figure').first().locator('.u-legend')).toContainText(
    percent(expected.share.p50[expected.years.indexOf(2030)]!),
  );
  const first = await results.innerText();

  // The same seed gives the same result again; a new seed is a new draw.
  await panel.getByRole('button', { name: 'Chạy mô phỏng' }).click();
  await expect(results).toContainText('mã khởi tạo 7');
  expect(await results.innerText()).toBe(first);

  // The cards carry each target's chance while the scenario stays as it ran; an edit hides them and marks the
  // result as of an earlier version.
  const card2030 = page.getByRole('article', { name: `Tỷ trọng ${MFG} năm 2030` });
  await expect(card2030).toContainText(
    `xác suất ${percent(odds.probability, odds.probability > 0 && odds.probability < 0.01 ? 1 : 0)}`,
  );
  await typeInto(page, `${MFG_GROWTH} 2030`, '21%');
  await expect(card2030).not.toContainText('xác suất');
  await expect(panel).toContainText('Kịch bản đã thay đổi sau lần chạy này');

  // The ranges and the seed are part of the scenario: they survive a reload.
  await page.reload();
  await expect(page.getByRole('grid')).toBeVisible();
  await cell(page, `${MFG_GROWTH} 2026`).click();
  await expect(page.locator('section.info')).toContainText('16%..24%');
  await openTab(page, 'Xác suất đạt mục tiêu');
  await expect(page.getByRole('tabpanel').getByLabel('Mã khởi tạo ngẫu nhiên')).toHaveValue('7');
});

test('a long run shows progress and can be cancelled, leaving the page responsive', async ({ page }) => {
  await typeInto(page, `${MFG_GROWTH} 2026`, '16%..24%');
  await openTab(page, 'Xác suất đạt mục tiêu');
  const panel = page.getByRole('tabpanel');
  await panel.getByLabel('Số lần mô phỏng').fill('200000');
  await panel.getByRole('button', { name: 'Chạy mô phỏng' }).click();
  await expect(panel.getByRole('progressbar', { name: 'Tiến độ mô phỏng' })).toBeVisible();
  // The page still answers while the worker runs: an edit goes through.
  await typeInto(page, `${MFG_GROWTH} 2030`, '21%');
  await expect(cell(page, `${MFG_GROWTH} 2030`)).toHaveText('21,0%');
  // The run above may have finished meanwhile on a fast machine, or finish between seeing Dừng and clicking it: a new
  // one is started and stopped then, until a stop lands on a running run.
  const stop = panel.getByRole('button', { name: 'Dừng' });
  let finished = false;
  for (let attempt = 0; ; attempt++) {
    if (!(await stop.isVisible())) {
      finished = true;
      await panel.getByRole('button', { name: 'Chạy mô phỏng' }).click();
    }
    try {
      await stop.click({ timeout: 2000 });
      break;
    } catch (error) {
      if (attempt >= 4) throw error;
      finished = true;
    }
  }
  await expect(panel).toContainText('Đã dừng mô phỏng');
  await expect(panel.getByRole('progressbar')).toHaveCount(0);
  // A stopped run leaves no result of its own (a finished earlier one is kept, and says it is of an earlier version).
  if (!finished) await expect(panel.getByRole('region', { name: 'Kết quả mô phỏng' })).toHaveCount(0);
});

test('a link whose range sits on a formula cell runs without it and says so', async ({ page }) => {
  const scenario = {
    ...template.scenario,
    uncertainty: {
      investment: { draw: 'run' as const, cells: { 2026: { kind: 'uniform' as const, lo: 1, hi: 2 } } },
      'manufacturing.growth': {
        draw: 'run' as const,
        cells: { 2026: { kind: 'uniform' as const, lo: 0.16, hi: 0.24 } },
      },
    },
  };
  const fragment = await encodeShare(scenario, template.id);
  // Only the hash changes after beforeEach's visit: the page stays and opens the link in place, so the grid is
  // visible before the link's scenario replaces the saved one. Its banner says when it has.
  await page.goto(`/#${fragment}`);
  await expect(page.getByRole('region', { name: /chia sẻ qua liên kết/ })).toBeVisible();
  await openTab(page, 'Xác suất đạt mục tiêu');
  const panel = page.getByRole('tabpanel');
  await panel.getByLabel('Số lần mô phỏng').fill('500');
  await panel.getByRole('button', { name: 'Chạy mô phỏng' }).click();
  const results = panel.getByRole('region', { name: 'Kết quả mô phỏng' });
  await expect(results).toContainText('500 lần mô phỏng, mã khởi tạo 0, 1 ô có khoảng giá trị.');
  await expect(results).toContainText(
    'Không dùng 1 khoảng giá trị vì ô chứa khoảng không còn là số nhập tay (investment 2026',
  );
});
