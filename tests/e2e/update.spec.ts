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

/** Opens the app in a browser profile on disk: Chromium treats a throwaway profile as incognito (not installable). */
async function open(): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'grdp-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    locale: 'vi-VN',
    viewport: { width: 1400, height: 1000 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
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
  const prompt = page.getByRole('status').filter({ hasText: 'Có phiên bản mới' });
  await expect(prompt).toBeVisible();
  // Still the same page and the old worker: nothing was replaced under the user's hands.
  expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBe(true);
  expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(firstWorker);

  await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Tải lại' }).click()]);
  await expect(page.getByRole('grid')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBeUndefined();
  const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null);
  expect(waiting).toBeNull();
  await expect(page.getByRole('status').filter({ hasText: 'Có phiên bản mới' })).toHaveCount(0);
  await close();
});

test('"later" hides the announcement and the page carries on with the current version', async () => {
  const { page, close } = await open();
  await page.evaluate(() => ((window as unknown as { before: boolean }).before = true));
  await publishAndCheck(page);
  const prompt = page.getByRole('status').filter({ hasText: 'Có phiên bản mới' });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Để sau' }).click();
  await expect(prompt).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBe(true);
  await close();
});
