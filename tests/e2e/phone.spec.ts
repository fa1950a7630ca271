import { expect, test, type Locator, type Page } from '@playwright/test';

// A phone held upright (an iPhone 12–15's CSS size), used by touch.
const PHONE = { width: 390, height: 844 };
// Apple's and Google's smallest comfortable target for a fingertip.
const TOUCH = 44;

test.use({ viewport: PHONE, hasTouch: true });

const header = (page: Page) => page.getByRole('banner');
const more = (page: Page, name = 'Thêm') => header(page).getByRole('button', { name, exact: true });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, 'the element is laid out').not.toBeNull();
  return b!;
}

/** The page is no wider than the screen: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scrollWidth).toBe(width);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
});

test('the page never scrolls sideways: on the sheet, in each analysis tool and with the library open', async ({
  page,
}) => {
  await expectNoSidewaysScroll(page);
  await page.getByRole('button', { name: /^Phân tích:/ }).click();
  for (const name of ['Tìm mục tiêu', 'Độ nhạy', 'Xác suất đạt mục tiêu']) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
  await header(page)
    .getByRole('button', { name: /Kịch bản \(/ })
    .click();
  await expect(page.getByRole('complementary', { name: 'Kịch bản của tôi' })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test('the header fits in two rows inside the screen, its controls sized for a fingertip', async ({ page }) => {
  const visible: Locator[] = [];
  for (const control of await header(page).getByRole('button').all())
    if (await control.isVisible()) visible.push(control);
  // The primary actions stay in view; presenting and the language wait in the menu.
  expect(await Promise.all(visible.map((control) => control.innerText()))).toHaveLength(3);
  await expect(header(page).getByRole('button', { name: /Kịch bản \(/ })).toBeVisible();
  await expect(header(page).getByRole('button', { name: 'Chia sẻ liên kết' })).toBeVisible();
  await expect(more(page)).toBeVisible();
  await expect(header(page).getByRole('button', { name: 'Trình chiếu' })).toBeHidden();
  for (const control of visible) {
    const b = await box(control);
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(PHONE.width);
    expect(b.height).toBeGreaterThanOrEqual(TOUCH);
  }
  // Two rows of touch-sized controls, with up to 32 px for the gap between them and the header's padding; a third
  // row would add at least another 44 px.
  expect((await box(header(page))).height).toBeLessThanOrEqual(2 * TOUCH + 32);
});

test('every control of the page is at least 44 px tall', async ({ page }) => {
  const small = await page.evaluate((touch) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, select, input:not([type="checkbox"], [type="radio"])',
    );
    return [...controls]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().height < touch)
      .map((el) => el.outerHTML.slice(0, 80));
  }, TOUCH);
  expect(small).toEqual([]);
});

test('the menu holds presenting and the language, and works with the keyboard', async ({ page }) => {
  const button = more(page);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const present = header(page).getByRole('button', { name: 'Trình chiếu' });
  await expect(present).toBeVisible();
  await expect(header(page).getByRole('group', { name: 'Ngôn ngữ' })).toBeVisible();
  // The panel opens inside the screen, below the button.
  const panel = await box(present);
  expect(panel.x).toBeGreaterThanOrEqual(0);
  expect(panel.x + panel.width).toBeLessThanOrEqual(PHONE.width);

  await page.keyboard.press('Tab');
  await expect(present).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(present).toBeHidden();
  await expect(button).toBeFocused();

  // Choosing an action closes the menu and leaves the focus on its button.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(header(page).getByRole('button', { name: 'English' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('GRDP growth scenarios');
  await expect(more(page, 'More')).toHaveAttribute('aria-expanded', 'false');
  await expect(more(page, 'More')).toBeFocused();

  // Tabbing past the last action closes it too.
  await page.keyboard.press('Enter');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await expect(more(page, 'More')).toHaveAttribute('aria-expanded', 'false');
});

test('the menu opens and closes by touch: a tap outside closes it, Present opens the presentation', async ({
  page,
}) => {
  await more(page).tap();
  await expect(more(page)).toHaveAttribute('aria-expanded', 'true');
  const heading = await box(page.getByRole('heading', { level: 1 }));
  await page.touchscreen.tap(heading.x + 10, heading.y + 10);
  await expect(more(page)).toHaveAttribute('aria-expanded', 'false');

  await more(page).tap();
  await header(page).getByRole('button', { name: 'Trình chiếu' }).tap();
  await expect(page.getByRole('dialog', { name: 'Trình chiếu' })).toBeVisible();
  await expect(more(page)).toHaveAttribute('aria-expanded', 'false');
});

test('a share link on a phone shows the name, the cards and the chart before the sheet, which scrolls in its own box', async ({
  page,
  browser,
}) => {
  await header(page).getByRole('button', { name: 'Chia sẻ liên kết' }).click();
  const link = await page.getByRole('dialog', { name: 'Chia sẻ kịch bản' }).getByRole('textbox').inputValue();

  const fresh = await browser.newContext({ viewport: PHONE, hasTouch: true, locale: 'vi-VN' });
  const phone = await fresh.newPage();
  await phone.goto(link);
  const grid = phone.getByRole('grid');
  await expect(grid).toBeVisible();
  await expect(phone.getByRole('region', { name: /chia sẻ qua liên kết/ })).toBeVisible();
  await expectNoSidewaysScroll(phone);

  const name = await box(header(phone).getByText('Kế hoạch', { exact: true }));
  const cards = await box(phone.getByRole('region', { name: 'Kết quả so với mục tiêu' }));
  const chart = await box(phone.getByRole('figure'));
  const sheet = await box(grid);
  expect(name.y + name.height).toBeLessThanOrEqual(PHONE.height);
  expect(cards.y).toBeLessThan(PHONE.height);
  expect(name.y).toBeLessThan(cards.y);
  expect(cards.y).toBeLessThan(chart.y);
  expect(chart.y).toBeLessThan(sheet.y);
  // The chart fits the screen.
  expect(chart.x).toBeGreaterThanOrEqual(0);
  expect(chart.x + chart.width).toBeLessThanOrEqual(PHONE.width);

  // The years scroll inside the sheet's box; the row labels and the corner stay at its left edge, on top.
  const scroller = grid.locator('xpath=..');
  await scroller.scrollIntoViewIfNeeded();
  const frame = await box(scroller);
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await scroller.evaluate((el) => el.scrollBy({ left: el.scrollWidth }));
  expect(await scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await expectNoSidewaysScroll(phone);
  const last = await box(phone.getByRole('gridcell', { name: 'Tăng trưởng dịch vụ 2030', exact: true }));
  expect(last.x + last.width).toBeLessThanOrEqual(frame.x + frame.width);
  for (const label of [
    phone.getByRole('rowheader', { name: 'Tăng trưởng dịch vụ' }),
    phone.getByRole('columnheader', { name: 'Chỉ tiêu' }),
  ]) {
    const b = await box(label);
    expect(Math.abs(b.x - frame.x)).toBeLessThanOrEqual(2);
    // Drawn over the cells scrolled under it: the label itself is what the eye (and a tap) meets there.
    const onTop = await label.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
    });
    expect(onTop).toBe(true);
    const background = await label.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toMatch(/^rgb\(/);
  }
  await fresh.close();
});

test('a scenario made from the library on a phone is shown at once: the library steps aside', async ({ page }) => {
  await header(page)
    .getByRole('button', { name: /Kịch bản \(/ })
    .click();
  const library = page.getByRole('complementary', { name: 'Kịch bản của tôi' });
  await library
    .getByRole('form', { name: 'Kịch bản mới' })
    .getByRole('button', { name: /Tạo kịch bản/ })
    .click();
  await expect(library).toBeHidden();
  await expect(page.getByRole('article').first()).toBeInViewport();
});
