import type uPlot from 'uplot';
import type { Fan } from '../../engine';
import { axisBase, drawTargetLabels, fitAxis, legendValue, targetLabel, targetSeries } from './chart-options';

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

const MEDIAN = '#0072B2';
const INNER = 'rgba(0, 114, 178, 0.35)';
const OUTER = 'rgba(0, 114, 178, 0.15)';

/** uPlot's data for a fan: years, p10, p25, median, p75, p90, then targets when given. */
export function fanData(input: Pick<FanInput, 'years' | 'fan' | 'targets'>): uPlot.AlignedData {
  const { fan } = input;
  const rows: (number | null)[][] = [fan.p10, fan.p25, fan.p50, fan.p75, fan.p90].map((a) => Array.from(a));
  return [input.years.slice(), ...rows, ...(input.targets ? [input.targets.slice()] : [])];
}

/** uPlot options for a fan: 10–90% and 25–75% bands filled between their percentile lines, the median on top. */
export function fanOptions(input: FanInput, size: { width: number; height: number }): uPlot.Options {
  const legend =
    (format: (v: number) => string): uPlot.Series['value'] =>
    (u, _raw, si, i) =>
      legendValue(u.data[0], u.data[si] ?? [], i, format);
  const edge = (label: string): uPlot.Series => ({
    label,
    stroke: 'transparent',
    width: 0,
    points: { show: false },
    value: legend(input.format),
  });
  const series: uPlot.Series[] = [
    { label: input.labels.year, value: legend(String) },
    edge('10%'),
    edge('25%'),
    {
      label: input.labels.median,
      stroke: MEDIAN,
      width: 2.5,
      points: { show: true, size: 6 },
      value: legend(input.format),
    },
    edge('75%'),
    edge('90%'),
  ];
  if (input.targets) series.push(targetSeries(input.labels.target, legend(input.formatPercent)));
  return {
    ...size,
    series: series.map((s, k) => (k === 0 ? s : { ...s, scale: 'y' })),
    bands: [
      { series: [5, 1], fill: OUTER },
      { series: [4, 2], fill: INNER },
    ],
    scales: { x: { time: false }, y: { range: (_u, min, max) => [Math.min(0, min), max * 1.08] } },
    axes: [
      { ...axisBase, incrs: [1, 2, 5, 10], values: (_u, splits) => splits.map((v) => String(Math.round(v))) },
      {
        ...axisBase,
        scale: 'y',
        label: input.labels.axis,
        labelSize: 20,
        size: fitAxis,
        values: (_u, s) => s.map((v) => input.format(v)),
        grid: { stroke: '#e6e6e6', width: 1 },
      },
    ],
    cursor: { y: false, drag: { x: false, y: false } },
    legend: { show: true, live: true },
    hooks: input.targets
      ? {
          draw: [
            (u) =>
              drawTargetLabels(u, {
                targets: 6,
                share: 3,
                scale: 'y',
                fontSize: 12,
                text: (year, v) => targetLabel({ labels: input.labels, formatPercent: input.formatPercent }, year, v),
              }),
          ],
        }
      : {},
  };
}

/** Round tick values inside [lo, hi]: steps of 1, 2 or 5 × 10ⁿ, about `count` of them (none for an empty span). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span) || count < 1) return [];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  // The round step nearest the raw one, on a log scale.
  const step =
    [1, 2, 5, 10].reduce((best, m) =>
      Math.abs(Math.log(m / (raw / power))) < Math.abs(Math.log(best / (raw / power))) ? m : best,
    ) * power;
  const ticks: number[] = [];
  // Whole multiples of the step, rounded so that 0.1 + 0.2 shows as 0.3.
  for (let k = Math.ceil(lo / step); k * step <= hi + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}
