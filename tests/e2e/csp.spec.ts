import { expect, test, type Page } from '@playwright/test';
import { typeInto } from './sheet-helpers';

const MFG_GROWTH = 'Tăng trưởng công nghiệp chế biến, chế tạo';

async function download(page: Page, button: string): Promise<void> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  expect(await file.failure(), button).toBeNull();
}

// Everything the browser refused under the policy, and every uncaught error (a refused chunk or worker surfaces
// as one), from before the page's first script.
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportViolation: (text: string) => Promise<void> }).reportViolation;
      void report(`${e.effectiveDirective} refused ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  // Chromium reports a refused worker, and refusals inside one, to the console, not to the document's event.
  const fromConsole = (text: string) => {
    if (/Content Security Policy/i.test(text)) violations.push(text);
  };
  page.on('console', (message) => fromConsole(message.text()));
  page.on('worker', (worker) => worker.on('console', (message) => fromConsole(message.text())));
  page.on('pageerror', (error) => violations.push(`uncaught: ${error.message}`));
  return violations;
}

test('the built page carries a strict Content-Security-Policy and no inline script', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  expect(meta, 'the policy meta tag').not.toBeNull();
  const directives = Object.fromEntries(
    meta![1]!
      .replaceAll('&#39;', "'")
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources.join(' ')]),
  );
  expect(directives).toMatchObject({
    'default-src': "'self'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self'",
    'worker-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
  });
  // The policy must come before anything it governs.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style|\sstyle=/);
});

test.describe('under the policy', () => {
  let violations: string[] = [];

  test.beforeEach(async ({ page }) => {
    violations = await watchViolations(page);
  });

  // After the test, failed or not, so a refusal that stalls a step is still named.
  test.afterEach(() => {
    expect(violations, 'policy violations and uncaught errors').toEqual([]);
  });

  test('load, analysis with the worker, share, exports, presentation, comparison and the embed run without a violation', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('grid')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
    // The service worker registers and takes control under the page's policy.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // A range makes the Monte Carlo run meaningful; its result shows the Web Worker ran.
    await typeInto(page, `${MFG_GROWTH} 2026`, '16%..24%');
    await page.getByRole('button', { name: /^Phân tích:/ }).click();
    await page.getByRole('tab', { name: 'Độ nhạy' }).click();
    await expect(page.getByRole('tabpanel').getByRole('table')).toBeVisible();
    await page.getByRole('tab', { name: 'Xác suất đạt mục tiêu' }).click();
    const odds = page.getByRole('tabpanel');
    await odds.getByLabel('Số lần mô phỏng').fill('2000');
    await odds.getByRole('button', { name: 'Chạy mô phỏng' }).click();
    const results = odds.getByRole('region', { name: 'Kết quả mô phỏng' });
    await expect(results).toContainText('2.000 lần mô phỏng');
    await expect(results.getByRole('img', { name: /Phân bố tỷ trọng/ })).toBeVisible();

    await page.getByRole('button', { name: 'Chia sẻ liên kết' }).click();
    const share = page.getByRole('dialog', { name: 'Chia sẻ kịch bản' });
    await expect(share.getByRole('img', { name: /Mã QR/ })).toBeVisible();
    const link = await share.getByRole('textbox').inputValue();
    await share.getByRole('button', { name: 'Đóng', exact: true }).click();

    await download(page, 'CSV');
    await download(page, 'Excel (.xlsx)');
    await download(page, 'Ảnh biểu đồ (PNG)');

    await page.getByRole('banner').getByRole('button', { name: 'Trình chiếu', exact: true }).click();
    const presentation = page.getByRole('dialog', { name: 'Trình chiếu' });
    await expect(presentation.locator('canvas').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(presentation).toBeHidden();

    const library = page.getByRole('complementary', { name: 'Kịch bản của tôi' });
    await library.getByLabel('Giả định').selectOption('cautious');
    await library.getByRole('button', { name: /Tạo kịch bản/ }).click();
    await library.getByRole('checkbox', { name: 'So sánh "Kế hoạch"' }).check();
    await library.getByRole('checkbox', { name: 'So sánh "Thận trọng"' }).check();
    await library.getByRole('button', { name: 'So sánh 2 kịch bản' }).click();
    const compare = page.getByRole('region', { name: 'So sánh kịch bản' });
    await expect(compare.locator('canvas').first()).toBeVisible();

    // The embed for slides, opened from the share link, served this time by the service worker.
    await page.goto(link.replace('#', '?view=chart#'));
    await expect(page.locator('canvas').first()).toBeVisible();
  });
});
