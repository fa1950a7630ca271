import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium';
import { quantile } from './timing';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const BUDGET_JS = 150_000;
const LOADS = 5;

const row = (...cols: string[]): string => `| ${cols.join(' | ')} |`;
const kb = (bytes: number): string => (bytes / 1000).toFixed(1);
const met = (ok: boolean): string => (ok ? 'yes' : '**no**');

/** Builds the app if dist/ is missing (the bench measures what `npm run build` produces). */
export function ensureBuilt(): void {
  if (existsSync(join(DIST, 'index.html'))) return;
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  // Build output goes to stderr so stdout stays the table.
  // A production build whatever this process's NODE_ENV: Vite's dev server (bench/library-list.ts) sets it to
  // development, and a build that inherits that is another app (unminified, split differently).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: ROOT, env, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`vite build failed (${result.status ?? result.signal})`);
}

/** Attribute value of a tag, e.g. src="..." (quoted or not). */
function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((x) => x !== undefined);
}

// Static imports and re-exports of a minified ES module; `import("…")` (lazy) has "(" after import and is not matched.
const STATIC_IMPORT = /\bimport\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+)["']/g;
const RE_EXPORT = /\bexport\s*(?:\*|\{[^}]*\})\s*(?:as\s+[\w$]+\s*)?from\s*["']([^"']+)["']/g;

/** The JavaScript and CSS files index.html loads at start: its scripts, stylesheets and modulepreloads, plus static imports. */
export function startupFiles(dist = DIST): { js: string[]; css: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const js = new Set<string>();
  const css = new Set<string>();
  const local = (href: string | undefined): string | undefined =>
    href && !/^[a-z]+:|^\/\//i.test(href) ? join(dist, href.replace(/^\//, '')) : undefined;
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    if (/^<script/i.test(tag)) {
      const src = local(attr(tag, 'src'));
      if (src && attr(tag, 'type') === 'module') js.add(src);
    } else {
      const rel = attr(tag, 'rel');
      const href = local(attr(tag, 'href'));
      if (href && rel === 'stylesheet') css.add(href);
      if (href && rel === 'modulepreload') js.add(href);
    }
  }
  const queue = [...js];
  for (let file = queue.shift(); file; file = queue.shift()) {
    const code = readFileSync(file, 'utf8');
    for (const re of [STATIC_IMPORT, RE_EXPORT]) {
      for (const m of code.matchAll(re)) {
        const spec = m[1]!;
        if (!spec.startsWith('.')) continue;
        const dep = join(dirname(file), spec);
        if (dep.endsWith('.css')) css.add(dep);
        else if (!js.has(dep)) {
          js.add(dep);
          queue.push(dep);
        }
      }
    }
  }
  return { js: [...js], css: [...css] };
}

function sizes(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** A free local TCP port. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Starts `vite preview` of dist/ on the port and waits until it answers. */
export async function startPreview(port: number): Promise<ChildProcess> {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('vite preview did not start within 30 s');
}

declare global {
  interface Window {
    __chartDrawn?: number;
  }
}

// Runs before the app: the first drawing call on a canvas inside a <figure> (uPlot draws with stroke/fill),
// then the next animation frame, when that drawing is presented; recorded in ms since navigation start.
function watchFirstChart(): void {
  const proto = CanvasRenderingContext2D.prototype;
  let seen = false;
  for (const name of ['stroke', 'fill', 'fillRect', 'fillText'] as const) {
    const original = proto[name] as (...args: unknown[]) => void;
    (proto as unknown as Record<string, unknown>)[name] = function (
      this: CanvasRenderingContext2D,
      ...args: unknown[]
    ) {
      if (!seen && this.canvas instanceof HTMLCanvasElement && this.canvas.closest('figure')) {
        seen = true;
        requestAnimationFrame(() => (window.__chartDrawn = performance.now()));
      }
      return original.apply(this, args);
    };
  }
}

// CPU time counters of the whole machine (Linux), or undefined elsewhere.
function cpuTimes(): { idle: number; total: number } | undefined {
  try {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { idle: ticks[3]! + (ticks[4] ?? 0), total: ticks.reduce((a, b) => a + b, 0) };
  } catch {
    return undefined;
  }
}

// A load measured while another process holds a core says more about that process: wait (up to 10 s) until the
// machine was at most 15% busy for 400 ms.
async function quietCpu(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const before = cpuTimes();
    await new Promise((r) => setTimeout(r, 400));
    const after = cpuTimes();
    if (!before || !after) return;
    if (1 - (after.idle - before.idle) / (after.total - before.total) <= 0.15) return;
  }
}

/** Median ms from navigation to the first drawn chart: a first visit (empty browser) and the reload after it. */
async function timeToChart(url: string): Promise<{ first: number[]; repeat: number[] }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const first: number[] = [];
  const repeat: number[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
      try {
        await context.addInitScript(watchFirstChart);
        const page = await context.newPage();
        const drawn = async (): Promise<number> => {
          await page.waitForFunction(() => window.__chartDrawn !== undefined, null, { timeout: 30_000 });
          return page.evaluate(() => window.__chartDrawn!);
        };
        await quietCpu();
        await page.goto(url);
        first.push(await drawn());
        // The repeat visit: saved scenario in IndexedDB, files from the service worker once it controls the page.
        await page
          .waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 10_000 })
          .catch(() => {});
        await quietCpu();
        await page.reload();
        repeat.push(await drawn());
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return { first, repeat };
}

/** Table rows (bench/run.ts format): compressed size of the JS and CSS loaded at start, and time to the first chart. */
export async function benchStartup(): Promise<string[]> {
  ensureBuilt();
  const { js, css } = startupFiles();
  const jsSize = sizes(js);
  const cssSize = sizes(css);
  const port = await freePort();
  const server = await startPreview(port);
  let times: { first: number[]; repeat: number[] };
  try {
    times = await timeToChart(`http://127.0.0.1:${port}/`);
  } finally {
    server.kill();
  }
  const spread = (xs: number[]): string =>
    `${quantile(xs, 0.5).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  return [
    row(
      `JavaScript loaded at start (${js.length} file${js.length === 1 ? '' : 's'}, ${kb(jsSize.raw)} KB minified), KB gzip -9 (1 KB = 1,000 bytes)`,
      kb(jsSize.gzip),
      '—',
      '—',
      `≤ ${BUDGET_JS / 1000} KB`,
      met(jsSize.gzip <= BUDGET_JS),
    ),
    row(
      `CSS loaded at start (${css.length} file${css.length === 1 ? '' : 's'}, ${kb(cssSize.raw)} KB), KB gzip -9`,
      kb(cssSize.gzip),
      '—',
      '—',
      '—',
      '—',
    ),
    row(
      `Headless Chromium, first visit: navigation to first drawn chart, ms, median of ${LOADS} (min–max)`,
      spread(times.first),
      '—',
      '—',
      '≤ 300 ms',
      met(quantile(times.first, 0.5) <= 300),
    ),
    row(
      `Headless Chromium, reload (saved scenario, service worker): navigation to first drawn chart, ms, median of ${LOADS} (min–max)`,
      spread(times.repeat),
      '—',
      '—',
      '≤ 150 ms',
      met(quantile(times.repeat, 0.5) <= 150),
    ),
  ];
}
