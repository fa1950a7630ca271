import type uPlot from 'uplot';
import type { Fan } from '../engine';
import { FONT_SIZE, legendOf, OKABE_ITO, targetLabelHook, targetSeries, valueAxis, withAlpha, yearAxis } from './kit';

/** Texts and formatters of a fan chart. */
export interface FanInput {
  readonly years: readonly number[];
  readonly fan: Fan;
  /** Targets by year (null where none); only the share chart has them. */
  readonly targets?: readonly (number | null)[] | undefined;
  readonly labels: {
    readonly year: string;
    readonly median: string;
    readonly inner: string;
    readonly outer: string;
    readonly axis: string;
    readonly target: string;
  };
  readonly format: (v: number) => string;
  readonly formatPercent: (v: number) => string;
}

const MEDIAN = OKABE_ITO.blue;
const INNER = withAlpha(MEDIAN, 0.35);
const OUTER = withAlpha(MEDIAN, 0.15);

/** uPlot's data for a fan: years, p10, p25, median, p75, p90, then targets when given. */
export function fanData(input: Pick<FanInput, 'years' | 'fan' | 'targets'>): uPlot.AlignedData {
  const { fan } = input;
  const rows: (number | null)[][] = [fan.p10, fan.p25, fan.p50, fan.p75, fan.p90].map((a) => Array.from(a));
  return [input.years.slice(), ...rows, ...(input.targets ? [input.targets.slice()] : [])];
}

/** uPlot options for a fan: 10–90% and 25–75% bands filled between their percentile lines, the median on top. */
export function fanOptions(input: FanInput, size: { width: number; height: number }): uPlot.Options {
  const edge = (label: string): uPlot.Series => ({
    label,
    stroke: 'transparent',
    width: 0,
    points: { show: false },
    value: legendOf(input.format),
  });
  const series: uPlot.Series[] = [
    { label: input.labels.year, value: legendOf(String) },
    edge('10%'),
    edge('25%'),
    {
      label: input.labels.median,
      stroke: MEDIAN,
      width: 2.5,
      points: { show: true, size: 6 },
      value: legendOf(input.format),
    },
    edge('75%'),
    edge('90%'),
  ];
  if (input.targets) series.push(targetSeries(input.labels.target, legendOf(input.formatPercent)));
  return {
    ...size,
    series: series.map((s, k) => (k === 0 ? s : { ...s, scale: 'y' })),
    bands: [
      { series: [5, 1], fill: OUTER },
      { series: [4, 2], fill: INNER },
    ],
    scales: { x: { time: false }, y: { range: (_u, min, max) => [Math.min(0, min), max * 1.08] } },
    axes: [yearAxis(), valueAxis('y', 3, input.labels.axis, (_u, s) => s.map((v) => input.format(v)))],
    cursor: { y: false, drag: { x: false, y: false } },
    legend: { show: true, live: true },
    hooks: input.targets
      ? {
          draw: [
            targetLabelHook(
              { targets: 6, share: 3, scale: 'y', fontSize: FONT_SIZE },
              { labels: input.labels, formatPercent: input.formatPercent },
            ),
          ],
        }
      : {},
  };
}
