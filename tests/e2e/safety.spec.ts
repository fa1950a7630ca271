import { expect, test, type Page } from '@playwright/test';
import { cell, saved, typeInto } from './sheet-helpers';

// Each test here reproduces a way a planner could lose work, in Chromium against the built app.
const MFG_GROWTH = 'Tăng trưởng công nghiệp chế biến, chế tạo';

const library = (page: Page) => page.getByRole('complementary', { name: 'Kịch bản của tôi' });

/** Reads a part of the app's IndexedDB as key → value, straight from the browser. */
function rawRecords(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('grdp-scenarios-records');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('keyval').objectStore('keyval');
          const out: Record<string, unknown> = {};
          const cursor = store.openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return (db.close(), resolve(out));
            out[String(c.key)] = c.value;
            c.continue();
          };
          cursor.onerror = () => reject(cursor.error);
        };
      }),
  );
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
  await saved(page);
});

test('an edit survives a reload made right after pressing Enter, every time', async ({ page }) => {
  // The app asks before leaving while a save is pending; the planner reloads anyway.
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  for (const value of ['31', '32', '33', '34']) {
    await typeInto(page, `${MFG_GROWTH} 2027`, value);
    await page.reload();
    await expect(page.getByRole('grid')).toBeVisible();
    await expect(cell(page, `${MFG_GROWTH} 2027`)).toHaveText(`${value},0%`);
  }
  await saved(page);
  // Stored in IndexedDB too, and the journal copy cleared once it was.
  const records = Object.values(await rawRecords(page)) as {
    scenario: { rows: { id: string; growth?: Record<string, number> }[] };
  }[];
  expect(records).toHaveLength(1);
  expect(records[0]!.scenario.rows.find((r) => r.id === 'manufacturing')!.growth!['2027']).toBeCloseTo(0.34, 12);
  const journal = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.unsaved.')));
  expect(journal).toEqual([]);
  expect(asked.every((type) => type === 'beforeunload')).toBe(true);
});

test('a record written by a newer version stays listed and untouched, and is never offered for discard', async ({
  page,
  context,
}) => {
  const future = {
    schema: 99,
    id: 'from-the-future',
    templateId: 'quang-ninh',
    scenario: { meta: { name: 'Kịch bản từ bản mới' }, shape: 'unknown to this version' },
    createdAt: 1,
    updatedAt: 2,
    revision: 5,
  };
  await page.evaluate(
    (record) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('grdp-scenarios-records');
        open.onsuccess = () => {
          const tx = open.result.transaction('keyval', 'readwrite');
          tx.objectStore('keyval').put(record, record.id);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    future,
  );
  await page.reload();
  const item = library(page).getByRole('listitem').filter({ hasText: 'Kịch bản từ bản mới' });
  await expect(item).toContainText('phiên bản mới hơn');
  await expect(item.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Bỏ hẳn các bản ghi hỏng' })).toHaveCount(0);

  // Saves in this tab and a second tab listening to them leave it as it was.
  const other = await context.newPage();
  await other.goto('/');
  await expect(library(other).getByRole('listitem').filter({ hasText: 'Kịch bản từ bản mới' })).toBeVisible();
  await typeInto(page, `${MFG_GROWTH} 2027`, '31');
  await saved(page);
  await other.reload();
  await expect(library(other).getByRole('listitem').filter({ hasText: 'Kịch bản từ bản mới' })).toBeVisible();
  expect((await rawRecords(page))['from-the-future']).toEqual(future);
});

test('an edited scenario from a link is replaced only after asking, and can be saved first', async ({ page }) => {
  await page.getByRole('button', { name: 'Chia sẻ liên kết' }).click();
  const link = await page.getByRole('dialog').getByRole('textbox').inputValue();
  await page.getByRole('dialog').getByRole('button', { name: 'Đóng', exact: true }).click();
  await page.goto(link);
  await expect(page.getByRole('region', { name: /chia sẻ qua liên kết/ })).toBeVisible();
  await typeInto(page, `${MFG_GROWTH} 2027`, '41');

  await library(page).getByRole('button', { name: 'Kế hoạch', exact: true }).click();
  const ask = page.getByRole('alertdialog', { name: 'Kịch bản đang mở chưa được lưu' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Tiếp tục với kịch bản này' }).click();
  await expect(ask).toHaveCount(0);
  await expect(cell(page, `${MFG_GROWTH} 2027`)).toHaveText('41,0%');

  await library(page).getByRole('button', { name: 'Kế hoạch', exact: true }).click();
  await ask.getByRole('button', { name: 'Lưu rồi mở kịch bản khác' }).click();
  await expect(page.getByRole('button', { name: /Kịch bản \(2\)/ })).toBeVisible();
  await expect(cell(page, `${MFG_GROWTH} 2027`)).toHaveText('20,0%');
  await library(page)
    .getByRole('listitem')
    .filter({ hasNotText: 'đang mở' })
    .getByRole('button')
    .filter({ hasText: 'Kế hoạch' })
    .first()
    .click();
  await expect(cell(page, `${MFG_GROWTH} 2027`)).toHaveText('41,0%');
});

test('with the disk full at start, the saved scenarios stay listed, open and exportable, read-only', async ({
  page,
  context,
}) => {
  await typeInto(page, `${MFG_GROWTH} 2027`, '36');
  await saved(page);
  // Every IndexedDB write now fails as on a full disk (Chromium's quota override does not refuse small writes).
  await context.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'Bộ nhớ trình duyệt đã đầy' }).first()).toBeVisible();
  await expect(library(page).getByRole('button', { name: 'Kế hoạch', exact: true })).toBeVisible();
  await expect(cell(page, `${MFG_GROWTH} 2027`)).toHaveText('36,0%');
  const download = page.waitForEvent('download');
  await library(page).getByRole('button', { name: 'Xuất tệp ngay' }).click();
  const file = await (await download).path();
  const text = (await import('node:fs')).readFileSync(file, 'utf8');
  expect(text).toContain('"Kế hoạch"');
  expect(text).toContain('0.36');
  // An edit cannot be stored and says so; it is kept in the journal for when space is back.
  await typeInto(page, `${MFG_GROWTH} 2028`, '37');
  await expect(page.getByRole('status').filter({ hasText: /^Không lưu được$/ })).toBeVisible();
  const journal = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.unsaved.')));
  expect(journal).toHaveLength(1);
});

test('a link that holds no scenario says so instead of silently opening the default', async ({ page }) => {
  await page.goto('about:blank');
  await page.goto('/#hello');
  await expect(page.getByRole('alert').filter({ hasText: 'Liên kết không chứa kịch bản.' })).toBeVisible();
  await expect(page.getByRole('grid')).toBeVisible();
  await expect(page).not.toHaveURL(/#hello/);
});
