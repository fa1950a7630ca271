import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

// A second version has to be published while a page is open, so these tests serve their own copy
// of the build (vite preview reads dist/ once) and change it under the running page.
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

let site: string;
let server: Server;
let origin: string;

test.beforeEach(async () => {
  site = mkdtempSync(join(tmpdir(), 'grdp-site-'));
  cpSync('dist', site, { recursive: true });
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(site, path.endsWith('/') ? path + 'index.html' : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

test.afterEach(async () => {
  await new Promise((done) => server.close(done));
  rmSync(site, { recursive: true, force: true });
});

/**
 * Opens the app in a browser profile on disk: Chromium treats a throwaway profile as incognito (not installable).
 * `setup` prepares the page before the app loads (init scripts, a fake clock).
 */
async function open(
  setup?: (page: Page) => Promise<unknown>,
): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'grdp-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    locale: 'vi-VN',
    viewport: { width: 1400, height: 1000 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await setup?.(page);
  await page.goto(origin);
  await expect(page.getByRole('grid')).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Publishes a new version: any change to the service worker's bytes makes it a new worker. */
async function publishAndCheck(page: Page): Promise<void> {
  appendFileSync(join(site, 'sw.js'), '\n// next version\n');
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
}

const MFG_GROWTH_2027 = 'Tăng trưởng công nghiệp chế biến, chế tạo 2027';

const announcement = (page: Page) => page.getByRole('status').filter({ hasText: 'Đã có phiên bản mới' });
const installed = (page: Page) => page.getByRole('status').filter({ hasText: 'Đã cài phiên bản mới' });
const marked = (page: Page) => page.evaluate(() => (window as unknown as { before?: boolean }).before);

/** Sets a marker on the page that only a reload would wipe. */
async function mark(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { before: boolean }).before = true));
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
}

async function typeInto(page: Page, cell: string, text: string): Promise<void> {
  await page.getByRole('gridcell', { name: cell, exact: true }).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/**
 * Makes the page's scenario writes take 1.5 s to commit, and logs in sessionStorage (which outlives a reload)
 * when one is stored and when a new version is activated.
 */
async function slowSavesLogged(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log = (what: string) => sessionStorage.setItem('events', `${sessionStorage.getItem('events') ?? ''}${what} `);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = put.apply(this, args);
      if (this.transaction.db.name.endsWith('-records')) {
        const until = Date.now() + 1500;
        // More reads keep the transaction open, so the write commits only after the delay.
        const spin = () => {
          if (Date.now() < until) this.count().onsuccess = spin;
        };
        request.addEventListener('success', spin);
        this.transaction.addEventListener('complete', () => log('stored'));
      }
      return request;
    };
    const post = ServiceWorker.prototype.postMessage as (this: ServiceWorker, ...args: unknown[]) => void;
    ServiceWorker.prototype.postMessage = function (this: ServiceWorker, message: unknown, ...rest: unknown[]) {
      if ((message as { type?: string } | null)?.type === 'SKIP_WAITING') log('activated');
      post.call(this, message, ...rest);
    };
  });
}

/** Makes the page's scenario writes fail while `window.failWrites` is true (it starts true). */
async function failingSaves(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = window as unknown as { failWrites: boolean };
    state.failWrites = true;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (state.failWrites && this.transaction.db.name.endsWith('-records'))
        throw new DOMException('refused', 'UnknownError');
      return put.apply(this, args);
    };
  });
}

test('Chromium reports the app as installable', async () => {
  const { context, page, close } = await open();
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  await close();
});

test('a new version announces itself, keeps the page until asked, then reloads into it', async () => {
  const { page, close } = await open();
  // A marker that only a reload would wipe.
  await page.evaluate(() => ((window as unknown as { before: boolean }).before = true));
  const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);

  await publishAndCheck(page);
  const prompt = page.getByRole('status').filter({ hasText: 'Đã có phiên bản mới' });
  await expect(prompt).toBeVisible();
  // Still the same page and the old worker: nothing was replaced under the user's hands.
  expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBe(true);
  expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(firstWorker);

  await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Tải lại' }).click()]);
  await expect(page.getByRole('grid')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBeUndefined();
  const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null);
  expect(waiting).toBeNull();
  await expect(page.getByRole('status').filter({ hasText: 'Đã có phiên bản mới' })).toHaveCount(0);
  await close();
});

test('"later" hides the announcement and the page carries on with the current version', async () => {
  const { page, close } = await open();
  await page.evaluate(() => ((window as unknown as { before: boolean }).before = true));
  await publishAndCheck(page);
  const prompt = page.getByRole('status').filter({ hasText: 'Đã có phiên bản mới' });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Để sau' }).click();
  await expect(prompt).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBe(true);
  await close();
});

test('Reload saves an edit made just before it, and activates the new version only once the edit is stored', async () => {
  const { page, close } = await open(slowSavesLogged);
  await saved(page);
  await publishAndCheck(page);
  await expect(announcement(page)).toBeVisible();
  await page.evaluate(() => sessionStorage.removeItem('events'));

  await typeInto(page, MFG_GROWTH_2027, '31');
  await Promise.all([page.waitForEvent('load'), announcement(page).getByRole('button', { name: 'Tải lại' }).click()]);
  await expect(page.getByRole('gridcell', { name: MFG_GROWTH_2027, exact: true })).toHaveText('31,0%');
  expect(await page.evaluate(() => sessionStorage.getItem('events'))).toMatch(/^stored activated /);
  await close();
});

test('another open tab moves to the new version by itself when it has nothing unsaved', async () => {
  const { context, page, close } = await open();
  const other = await context.newPage();
  await other.goto(origin);
  await saved(other);
  await mark(other);

  await publishAndCheck(page);
  await expect(announcement(page)).toBeVisible();
  await Promise.all([
    other.waitForEvent('load'),
    page.waitForEvent('load'),
    announcement(page).getByRole('button', { name: 'Tải lại' }).click(),
  ]);
  await expect(other.getByRole('grid')).toBeVisible();
  expect(await marked(other)).toBeUndefined();
  await expect(announcement(other)).toHaveCount(0);
  await expect(installed(other)).toHaveCount(0);
  await close();
});

test('another open tab with unsaved edits asks, and reloads into the new version only once they are saved', async () => {
  const { context, page, close } = await open();
  const other = await context.newPage();
  await failingSaves(other);
  await other.goto(origin);
  await expect(other.getByRole('grid')).toBeVisible();
  await typeInto(other, MFG_GROWTH_2027, '31');
  await expect(other.getByRole('status').filter({ hasText: /^Không lưu được$/ })).toBeVisible();
  await mark(other);

  await publishAndCheck(page);
  await Promise.all([page.waitForEvent('load'), announcement(page).getByRole('button', { name: 'Tải lại' }).click()]);
  const prompt = installed(other);
  await expect(prompt).toBeVisible();
  expect(await marked(other)).toBe(true);

  // Saving still fails: the page stays, says why, and lets the user try again.
  await prompt.getByRole('button', { name: 'Tải lại' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Không lưu được các thay đổi' })).toBeVisible();
  await expect(other.getByRole('status').getByRole('button', { name: 'Tải lại' })).toBeEnabled();
  expect(await marked(other)).toBe(true);

  await other.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = false));
  await Promise.all([
    other.waitForEvent('load'),
    other.getByRole('status').getByRole('button', { name: 'Tải lại' }).click(),
  ]);
  await expect(other.getByRole('gridcell', { name: MFG_GROWTH_2027, exact: true })).toHaveText('31,0%');
  expect(await marked(other)).toBeUndefined();
  await close();
});

test('a dismissed announcement comes back with the hourly check while the new version still waits', async () => {
  const { page, close } = await open((page) => page.clock.install());
  await publishAndCheck(page);
  await expect(announcement(page)).toBeVisible();
  // Lets the registration finish announcing this version, so only the check can bring the announcement back.
  await page.clock.runFor(1000);
  await announcement(page).getByRole('button', { name: 'Để sau' }).click();
  await expect(announcement(page)).toHaveCount(0);

  await page.clock.fastForward('01:00:00');
  await expect(announcement(page)).toBeVisible();
  await close();
});

test('a reload kept by the "leave the page?" dialog leaves the button usable', async () => {
  // Storage blocked: the app keeps its scenarios in memory, so the browser asks before the page goes.
  const { page, close } = await open((page) =>
    page.addInitScript(() =>
      Object.defineProperty(window, 'indexedDB', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      }),
    ),
  );
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await mark(page);
  await publishAndCheck(page);
  await announcement(page).getByRole('button', { name: 'Tải lại' }).click();
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  await expect(installed(page).getByRole('button', { name: 'Tải lại' })).toBeEnabled();
  expect(await marked(page)).toBe(true);
  await close();
});
