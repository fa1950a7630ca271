import { cpus, loadavg } from 'node:os';
import { Model } from '../src/engine';
import { quangNinh } from '../src/templates/quang-ninh';
import { computePlain, plainOf, plainRows } from './default-scenario';
import { benchSheet, compare, type SheetFigures } from './scale';
import { BASE_YEAR, ROWS, YEARS } from './sheet';
import { benchLibraryList } from './library-list';
import { benchLinks } from './links';
import { benchLiveOdds } from './live-odds';
import { benchMonteCarlo } from './monte-carlo';
import { benchStartup } from './startup';
import { benchStorage } from './storage';
import { checksum, eachCall, perCallInBatches, quantile } from './timing';

const EDITS = 3000;
const BUILDS = 7;

const ms = (ns: number): string => (ns / 1e6).toFixed(3);
const int = (ns: number): string => Math.round(ns).toLocaleString('en-US');
const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}×`;
const met = (ok: boolean): string => (ok ? 'yes' : '**no**');
const mb = (bytes: number | undefined): string => (bytes === undefined ? 'n/a' : (bytes / 1e6).toFixed(1));

const model = new Model(quangNinh.scenario);
const plain = plainOf(quangNinh.scenario);
computePlain(plain);
model.recalculate();
const checks = [compare('Default scenario', model, plainRows(plain))];
const investment = model.get('investment')!.values;
const recalc = perCallInBatches(() => {
  model.recalculate();
  return investment[investment.length - 1]!;
});
const recalcPlain = perCallInBatches(() => computePlain(plain));
const defaultBuilds = eachCall(() => new Model(quangNinh.scenario).get('investment')!.values[0]!, 200, 50);

const small = benchSheet(ROWS, BUILDS, EDITS);
const large = benchSheet(ROWS * 10, 3, 300);
checks.push(...small.checks, ...large.checks);
const perCell = (ns: number, f: SheetFigures): string => `${(ns / f.cells).toFixed(1)} ns`;
const growth = `From ${small.cells.toLocaleString('en-US')} to ${large.cells.toLocaleString('en-US')} formula cells (10×): build ${ratio(large.build, small.build)} (${perCell(small.build, small)} → ${perCell(large.build, large)} a cell), the edit that reaches every cell ${ratio(large.edit, small.edit)} (${perCell(small.edit, small)} → ${perCell(large.edit, large)} a cell).`;

const row = (...cols: string[]): string => `| ${cols.join(' | ')} |`;

// The rows of one sheet size; the aims (the edit against the loop, its p95, the build) apply to the 200-row sheet.
function sheetRows(
  f: SheetFigures,
  p95Aim: string,
  p95Met: boolean | undefined,
  buildAim: string,
  buildMet: boolean | undefined,
): string[] {
  const aimed = buildMet !== undefined;
  const size = `Sheet ${f.rows.toLocaleString('en-US')}×${YEARS}`;
  const cells = f.cells.toLocaleString('en-US');
  const lastYear = BASE_YEAR + YEARS - 1;
  const optional = (ok: boolean | undefined): string => (ok === undefined ? '' : met(ok));
  return [
    row(
      `${size}: \`setInput\` of x in ${BASE_YEAR} (${cells} cells depend on it), ms, median`,
      ms(f.edit),
      ms(f.editPlain),
      ratio(f.edit, f.editPlain),
      aimed ? 'within 20×' : '',
      aimed ? met(f.edit <= 20 * f.editPlain) : '',
    ),
    row(`${size}: same \`setInput\`, ms, p95`, ms(f.editP95), '', '', p95Aim, optional(p95Met)),
    row(
      `${size}: \`setInput\` of x in ${lastYear} (${f.rows.toLocaleString('en-US')} cells depend on it), ms, median`,
      ms(f.lastYearEdit),
      '',
      '',
      '',
      '',
    ),
    row(
      `${size}: \`new Model\` (${cells} formula cells, ${f.compiled.toLocaleString('en-US')} distinct formulas), ms, first build`,
      ms(f.firstBuild),
      '',
      '',
      '',
      '',
    ),
    row(`${size}: \`new Model\`, ms, median of the builds after it`, ms(f.build), '', '', buildAim, optional(buildMet)),
    row(`${size}: heap the built model holds, MB`, mb(f.heap), '', '', '', ''),
  ];
}

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
    `Default scenario \`new Model\` (${quangNinh.scenario.rows.length} rows), ms, median of 200`,
    ms(quantile(defaultBuilds, 0.5)),
    '',
    '',
    '',
    '',
  ),
  ...sheetRows(small, `under 1 ms`, small.editP95 < 1e6, 'at most 20 ms', small.build <= 20e6),
  ...sheetRows(large, '', undefined, '', undefined),
  ...benchMonteCarlo(),
  ...(await benchStorage()),
  ...(await benchLibraryList()),
  ...(await benchLinks()),
  ...(await benchStartup()),
  ...(await benchLiveOdds()),
];

const load = loadavg()[0]!.toFixed(1);
console.log(`Node ${process.version}, V8 ${process.versions.v8}, ${process.platform}/${process.arch}`);
console.log(`${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${load} at the end`);
console.log('');
for (const line of checks) console.log(`- ${line}`);
console.log('');
for (const line of table) console.log(line);
console.log('');
console.log(growth);
console.log('');
console.log(`checksum ${checksum()}`);
