import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium';
import { freePort } from './startup';
import { quantile } from './timing';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LISTED = 1000;
const LISTS = 15;

const row = (...cols: string[]): string => `| ${cols.join(' | ')} |`;

/**
 * Table rows (bench/run.ts format): listing 1,000 saved scenarios through the storage layer on headless Chromium's
 * own IndexedDB (a Vite dev server serves bench/list-page), beside the Node figure.
 */
export async function benchLibraryList(): Promise<string[]> {
  const port = await freePort();
  // createServer sets NODE_ENV to development for the whole process; what runs after it expects it as it was.
  const nodeEnv = process.env.NODE_ENV;
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    server: { port, strictPort: true, host: '127.0.0.1' },
  });
  await server.listen();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  let times: { listings: number[]; full: number[] };
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/bench/list-page/index.html`);
    await page.waitForFunction(() => typeof window.benchList === 'function', null, { timeout: 60_000 });
    times = await page.evaluate(([count, runs]) => window.benchList!(count!, runs!), [LISTED, LISTS]);
  } finally {
    await browser.close();
    await server.close();
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const spread = (xs: number[]): string =>
    `${quantile(xs, 0.5).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
  const where = 'Storage (headless Chromium’s IndexedDB)';
  const count = LISTED.toLocaleString('en-US');
  return [
    row(
      `${where}: the library’s first list of ${count} saved scenarios from their listings, ms, median of ${LISTS} (min–max)`,
      spread(times.listings),
      '',
      '',
      '≤ 30 ms',
      quantile(times.listings, 0.5) <= 30 ? 'yes' : '**no**',
    ),
    row(
      `${where}: \`list\` of ${count} saved scenarios (each read, validated, with its list summary), ms, median of ${LISTS} (min–max)`,
      spread(times.full),
      '',
      '',
      '',
      '',
    ),
  ];
}
