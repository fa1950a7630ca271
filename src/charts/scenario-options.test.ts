import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { chartSeries, Model } from '../engine';
import { quangNinh } from '../templates/quang-ninh';
import { font as kitFont, sectorColour, targetLabel } from './kit';
import { alignedScales, buildChartOptions, seriesIndex, toAlignedData, type ChartInput } from './scenario-options';

const scenario = quangNinh.scenario;
const data = chartSeries(new Model(scenario), scenario);
const input: ChartInput = {
  data,
  sectorLabels: data.sectors.map((s) => `label ${s}`),
  labels: {
    share: 'Share',
    shareHistory: 'Share (actual)',
    target: 'Target',
    year: 'Year',
    value: 'GRDP (bn VND)',
    shareAxis: 'Share',
    title: 'Chart',
  },
  formatValue: (v) => v.toFixed(0),
  formatPercent: (v) => `${(v * 100).toFixed(1)}%`,
};
const size = { width: 900, height: 320 };
// Only `data` is read by the formatters under test.
const fakePlot = { data: toAlignedData(data) } as unknown as uPlot;

describe('toAlignedData', () => {
  it('lays out years, stacks bottom first, then projected share, history and targets', () => {
    const aligned = toAlignedData(data);
    const n = data.sectors.length;
    expect(aligned).toHaveLength(n + 4);
    expect(aligned[0]).toEqual(data.years);
    expect(aligned[1]).toEqual(data.stacks[0]);
    expect(aligned[n]).toEqual(data.stacks[n - 1]);
    const { share, history, targets } = seriesIndex(n);
    expect(aligned[share]).toEqual(data.share);
    expect(aligned[history]).toEqual(data.shareHistory);
    expect(aligned[targets]).toEqual(data.shareTargets);
    expect(aligned[1]).not.toBe(data.stacks[0]);
  });
});

describe('buildChartOptions', () => {
  const opts = buildChartOptions(input, size);
  const n = data.sectors.length;

  it('has one series per sector plus the year and the three share series', () => {
    expect(opts.series).toHaveLength(n + 4);
    expect(opts.series.slice(1, n + 1).map((s) => s.label)).toEqual(input.sectorLabels);
    expect(opts.series.slice(n + 1).map((s) => s.scale)).toEqual(['share', 'share', 'share']);
    expect(opts.series[n + 1]!.label).toBe('Share');
  });

  it('fills each stack down to the one below with a distinct colour', () => {
    expect(opts.bands).toEqual(Array.from({ length: n - 1 }, (_, k) => ({ series: [k + 2, k + 1] })));
    const colours = data.sectors.map((_, k) => sectorColour(k));
    expect(new Set(colours).size).toBe(n);
  });

  it('uses a numeric year axis with whole-year labels', () => {
    expect(opts.scales?.x?.time).toBe(false);
    const values = opts.axes?.[0]?.values;
    expect(typeof values).toBe('function');
    if (typeof values !== 'function') return;
    expect(values(fakePlot, [2020, 2022, 2024], 0, 40, 2)).toEqual(['2020', '2022', '2024']);
  });

  it('puts the share on a right-hand axis', () => {
    expect(opts.axes?.[2]).toMatchObject({ scale: 'share', side: 1, label: 'Share' });
    expect(opts.axes?.[1]).toMatchObject({ scale: 'grdp', side: 3, label: 'GRDP (bn VND)' });
  });

  it("shows a sector's own value in the legend, not the cumulative one", () => {
    const value = opts.series[2]!.value;
    if (typeof value !== 'function') throw new Error('expected a formatter');
    const i = data.years.indexOf(2030);
    expect(value(fakePlot, 0, 2, i)).toBe(data.values[1]![i]!.toFixed(0));
    expect(value(fakePlot, 0, 2, i)).not.toBe(data.stacks[1]![i]!.toFixed(0));
  });

  it('reads data lazily, so a getter-backed input stays current', () => {
    let current = data;
    const live = buildChartOptions(
      {
        ...input,
        get data() {
          return current;
        },
      },
      size,
    );
    const value = live.series[1]!.value;
    if (typeof value !== 'function') throw new Error('expected a formatter');
    current = { ...data, values: data.values.map((row) => row.map((v) => (v === null ? null : v * 2))) };
    const i = data.years.length - 1;
    expect(value(fakePlot, 0, 1, i)).toBe((data.values[0]![i]! * 2).toFixed(0));
  });
});

describe('alignedScales', () => {
  it('gives both axes the same number of nice divisions with room above the data', () => {
    const s = alignedScales(577_000, 0.3);
    expect(s.grdp).toBeGreaterThanOrEqual(577_000 * 1.03);
    expect(s.share).toBeGreaterThanOrEqual(0.3 * 1.1);
    const nice = (step: number): boolean => {
      const m = step / Math.pow(10, Math.floor(Math.log10(step)));
      return [1, 2, 2.5, 5, 10].some((x) => Math.abs(x - m) < 1e-9);
    };
    expect(nice(s.grdp / s.divisions)).toBe(true);
    expect(nice(s.share / s.divisions)).toBe(true);
  });

  it('falls back to a usable range without data', () => {
    const s = alignedScales(-Infinity, -Infinity);
    expect(s.divisions).toBeGreaterThan(0);
    expect(s.grdp).toBeGreaterThan(0);
    expect(s.share).toBeGreaterThan(0);
  });
});

describe('targetLabel', () => {
  it('names the target, its value and its year', () => {
    expect(targetLabel(input, 2025, 0.15)).toBe('Target 15.0% (2025)');
  });
});

describe('axis titles that fit the plot', () => {
  // A font's width: half its size per character, as a stand-in for the canvas.
  const measure = (text: string, font: string) => (text.length * Number.parseFloat(font)) / 2;
  const titles = (options: uPlot.Options) =>
    options.axes!.slice(1).map((a) => ({ label: String(a.label), font: String(a.labelFont) }));
  const large = { ...input, fontSize: 20, labels: { ...input.labels, valueShort: 'GRDP' } };

  it('keep their size where they fit, as without a measure', () => {
    expect(titles(buildChartOptions(large, { width: 900, height: 400 }, measure))).toEqual(
      titles(buildChartOptions(large, { width: 900, height: 400 })),
    );
  });

  it('shrink to fit along the plot', () => {
    // 'GRDP (bn VND)' is 13 characters: 130 px at 20 px, with 180 − 50 (years) − 20 = 110 px along the plot.
    const { label, font } = titles(buildChartOptions(large, { width: 900, height: 180 }, measure))[0]!;
    expect(label).toBe('GRDP (bn VND)');
    expect(font).toBe(kitFont(16));
    expect(measure(label, font)).toBeLessThanOrEqual(110);
  });

  it('fall back to the short value title where even the smallest size is too long', () => {
    // 78 px at 12 px, the smallest, with 70 px along the plot.
    expect(titles(buildChartOptions(large, { width: 900, height: 140 }, measure))[0]!.label).toBe('GRDP');
  });
});
