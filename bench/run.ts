import { cpus, loadavg } from 'node:os';
import { Model } from '../src/engine';
import { quangNinh } from '../src/templates/quang-ninh';
import { computePlain, plainOf, plainRows } from './default-scenario';
import { BASE_YEAR, editPlain, plainSheet, plainSheetRows, ROWS, sheetScenario, xAt, YEARS } from './sheet';
import { benchLinks } from './links';
import { benchMonteCarlo } from './monte-carlo';
import { benchStartup } from './startup';
import { benchStorage } from './storage';
import { assertSame, checksum, eachCall, perCallInBatches, quantile } from './timing';

const EDITS = 3000;
const BUILDS = 7;

function valuesOf(model: Model, id: string): Float64Array {
  const v = model.get(id);
  if (!v) throw new Error(`engine has no variable ${id}`);
  return v.values;
}

function compare(what: string, model: Model, rows: [string, Float64Array][]): string {
  const pairs = rows.map(([id, want]): [string, Float64Array, Float64Array] => [id, valuesOf(model, id), want]);
  const { maxAbs, maxRel } = assertSame(what, pairs);
  const cells = rows.length * (rows[0]?.[1].length ?? 0);
  return `${what}: ${cells} cells, max abs diff ${maxAbs.toExponential(2)}, max rel diff ${maxRel.toExponential(2)}`;
}

const ms = (ns: number): string => (ns / 1e6).toFixed(3);
const int = (ns: number): string => Math.round(ns).toLocaleString('en-US');
const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}×`;
const met = (ok: boolean): string => (ok ? 'yes' : '**no**');

const model = new Model(quangNinh.scenario);
const plain = plainOf(quangNinh.scenario);
computePlain(plain);
model.recalculate();
const checks = [compare('Default scenario', model, plainRows(plain))];
const investment = valuesOf(model, 'investment');
const recalc = perCallInBatches(() => {
  model.recalculate();
  return investment[investment.length - 1]!;
});
const recalcPlain = perCallInBatches(() => computePlain(plain));

const scenario = sheetScenario();
const start = process.hrtime.bigint();
const sheet = new Model(scenario);
const firstBuild = Number(process.hrtime.bigint() - start);
const builds = eachCall(() => valuesOf(new Model(scenario), `r${ROWS - 1}`)[YEARS - 1]!, BUILDS, 1);

const cells = plainSheet();
editPlain(cells, 0, xAt(0));
checks.push(compare('Sheet as built', sheet, plainSheetRows(cells)));
const last = valuesOf(sheet, `r${ROWS - 1}`);
// Alternating values so every edit changes all 6,000 cells.
let flip = 0;
const edits = eachCall(
  () => {
    flip ^= 1;
    sheet.setInput('x', BASE_YEAR, xAt(0) + flip);
    return last[YEARS - 1]!;
  },
  EDITS,
  300,
);
let flipPlain = 0;
const editsPlain = perCallInBatches(() => {
  flipPlain ^= 1;
  return editPlain(cells, 0, xAt(0) + flipPlain);
});
const lastYear = BASE_YEAR + YEARS - 1;
// An edit in the last year: only 200 cells read it, and only those are recomputed.
const lastYearEdits = eachCall(
  () => {
    flip ^= 1;
    sheet.setInput('x', lastYear, xAt(YEARS - 1) + flip);
    return last[YEARS - 1]!;
  },
  EDITS,
  300,
);
sheet.setInput('x', BASE_YEAR, 12345);
sheet.setInput('x', lastYear, xAt(YEARS - 1));
editPlain(cells, 0, 12345);
checks.push(compare('Sheet after timed edits', sheet, plainSheetRows(cells)));

const row = (...cols: string[]): string => `| ${cols.join(' | ')} |`;
const editMedian = quantile(edits, 0.5);
const editP95 = quantile(edits, 0.95);
const table = [
  row('Measure', 'Engine', 'Hand-written loop', 'Ratio', 'Aim', 'Met'),
  row('---', '---:', '---:', '---:', '---', '---'),
  row(
    'Default scenario `recalculate()`, ns (median of 40 batches; p10–p90)',
    `${int(recalc.median)} (${int(recalc.p10)}–${int(recalc.p90)})`,
    `${int(recalcPlain.median)} (${int(recalcPlain.p10)}–${int(recalcPlain.p90)})`,
    ratio(recalc.median, recalcPlain.median),
    'within 10×',
    met(recalc.median <= 10 * recalcPlain.median),
  ),
  row(
    `Sheet 200×30: \`setInput\` of x in ${BASE_YEAR} (6,000 cells depend on it), ms, median of ${EDITS}`,
    ms(editMedian),
    ms(editsPlain.median),
    ratio(editMedian, editsPlain.median),
    'under 2 ms',
    met(editMedian < 2e6),
  ),
  row(`Sheet 200×30: same \`setInput\`, ms, p95 of ${EDITS}`, ms(editP95), '', '', 'under 2 ms', met(editP95 < 2e6)),
  row(
    `Sheet 200×30: \`setInput\` of x in ${lastYear} (200 cells depend on it), ms, median of ${EDITS}`,
    ms(quantile(lastYearEdits, 0.5)),
    '',
    '',
    '',
    '',
  ),
  row('Sheet 200×30: `new Model` (6,000 formulas), ms, first build', ms(firstBuild), '', '', '', ''),
  row(`Sheet 200×30: \`new Model\`, ms, median of ${BUILDS} more`, ms(quantile(builds, 0.5)), '', '', '', ''),
  ...benchMonteCarlo(),
  ...(await benchStorage()),
  ...(await benchLinks()),
  ...(await benchStartup()),
];

const load = loadavg()[0]!.toFixed(1);
console.log(`Node ${process.version}, V8 ${process.versions.v8}, ${process.platform}/${process.arch}`);
console.log(`${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${load} at the end`);
console.log('');
for (const line of checks) console.log(`- ${line}`);
console.log('');
for (const line of table) console.log(line);
console.log('');
console.log(`checksum ${checksum()}`);
