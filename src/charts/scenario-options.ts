import uPlot from 'uplot';
import type { ChartSeries } from '../engine';
import type { MessageKey } from '../i18n';
import {
  fittedFontSize,
  font,
  FONT_SIZE,
  INK,
  legendOf,
  legendValue,
  type MeasureText,
  niceCeil,
  sectorColour,
  TARGET,
  targetLabelHook,
  targetSeries,
  valueAxis,
  withAlpha,
  yearAxis,
} from './kit';

/** Translated texts of the scenario chart. */
export interface ChartLabels {
  readonly share: string;
  readonly shareHistory: string;
  readonly target: string;
  readonly year: string;
  readonly value: string;
  /** The value axis title without the price basis, for a plot too short for the full one. */
  readonly valueShort?: string;
  readonly shareAxis: string;
  readonly title: string;
}

/** The chart's texts in the interface language, for the focus sector's name and the value unit. */
export function chartLabels(
  t: (key: MessageKey, args?: Record<string, string>) => string,
  name: string,
  unit: string,
): ChartLabels {
  return {
    share: t('chart.share', { name }),
    shareHistory: t('chart.shareHistory', { name }),
    target: t('chart.target'),
    year: t('chart.year'),
    value: t('chart.value', { unit }),
    valueShort: t('chart.valueShort', { unit }),
    shareAxis: t('chart.shareAxis'),
    title: t('chart.title', { name }),
  };
}

/** What the chart shows; the formatters and `data` are read lazily, so an object with getters stays current. */
export interface ChartInput {
  readonly data: ChartSeries;
  /** Same order as `data.sectors`, already translated. */
  readonly sectorLabels: readonly string[];
  readonly labels: ChartLabels;
  /** Formats a GRDP value (axis ticks and legend). */
  readonly formatValue: (v: number) => string;
  /** Formats a share (axis ticks, legend and target labels). */
  readonly formatPercent: (v: number, digits?: number) => string;
  /** Pinned data maxima for both y axes (GRDP, share), so the axes stay put while scenarios change. */
  readonly scales?: { readonly grdp: number; readonly share: number } | undefined;
  /** Text size of axes and target labels in CSS pixels (12 unless given, larger on a projector). */
  readonly fontSize?: number | undefined;
}

const AREA_ALPHA = 0.6;
// In years.
const X_MARGIN = 0.2;
// Head room over the data: the stack top may touch the frame, a target needs room for its label.
const GRDP_HEADROOM = 1.03;
const SHARE_HEADROOM = 1.1;
// uPlot's default height of an x axis.
const X_AXIS_SIZE = 50;

/** Index of each uPlot series for a chart with `sectorCount` sectors (0 is the year). */
export function seriesIndex(sectorCount: number): { share: number; history: number; targets: number } {
  return { share: sectorCount + 1, history: sectorCount + 2, targets: sectorCount + 3 };
}

/** uPlot's aligned data: years, the cumulative stacks, then projected share, recorded share and targets. */
export function toAlignedData(data: ChartSeries): uPlot.AlignedData {
  return [
    data.years.slice(),
    ...data.stacks.map((row) => row.slice()),
    data.share.slice(),
    data.shareHistory.slice(),
    data.shareTargets.slice(),
  ];
}

/** Tops of both y scales (both start at 0) with the same number of nice divisions, so one grid serves both. */
export function alignedScales(grdpMax: number, shareMax: number): { divisions: number; grdp: number; share: number } {
  const g = (grdpMax > 0 && Number.isFinite(grdpMax) ? grdpMax : 1) * GRDP_HEADROOM;
  const sh = (shareMax > 0 && Number.isFinite(shareMax) ? shareMax : 0.1) * SHARE_HEADROOM;
  let best = { divisions: 0, grdp: 0, share: 0 };
  let waste = Infinity;
  for (let n = 3; n <= 7; n++) {
    const grdp = niceCeil(g / n) * n;
    const share = niceCeil(sh / n) * n;
    // Ratio of axis to data, summed over both axes: the less empty space the better.
    const w = grdp / g + share / sh;
    if (w < waste - 1e-9) {
      waste = w;
      best = { divisions: n, grdp, share };
    }
  }
  return best;
}

function rowMax(row: ArrayLike<number | null | undefined> | undefined): number {
  let m = -Infinity;
  for (let i = 0; row && i < row.length; i++) {
    const v = row[i];
    if (v !== null && v !== undefined && v > m) m = v;
  }
  return m;
}

function chartScales(
  u: uPlot,
  sectorCount: number,
  pinned: ChartInput['scales'],
  upper: readonly (number | null)[],
): { divisions: number; grdp: number; share: number } {
  // Pinned maxima win over the data, so stepping through scenarios keeps one frame.
  if (pinned) return alignedScales(pinned.grdp, pinned.share);
  const { share, targets } = seriesIndex(sectorCount);
  let shareMax = rowMax(upper);
  for (let si = share; si <= targets; si++) shareMax = Math.max(shareMax, rowMax(u.data[si]));
  return alignedScales(rowMax(u.data[sectorCount]), shareMax);
}

// A target that is a range: a translucent bar from its lower end (the diamond) up to its upper end.
function drawTargetBands(u: uPlot, targets: number, upper: readonly (number | null)[]): void {
  const lower = u.data[targets];
  if (!lower || !u.series[targets]?.show) return;
  const px = uPlot.pxRatio;
  const { ctx } = u;
  ctx.save();
  ctx.fillStyle = withAlpha(TARGET, 0.25);
  ctx.strokeStyle = TARGET;
  ctx.lineWidth = px;
  upper.forEach((top, i) => {
    const bottom = lower[i];
    if (top === null || bottom === null || bottom === undefined) return;
    const x = u.valToPos(u.data[0][i]!, 'x', true);
    const y0 = u.valToPos(bottom, 'share', true);
    const y1 = u.valToPos(top, 'share', true);
    const half = 5 * px;
    ctx.fillRect(x - half, y1, 2 * half, y0 - y1);
    ctx.strokeRect(x - half, y1, 2 * half, y0 - y1);
  });
  ctx.restore();
}

function evenSplits(top: number, divisions: number): number[] {
  return Array.from({ length: divisions + 1 }, (_, k) => (top / divisions) * k);
}

/**
 * uPlot options for the scenario chart: stacked sector areas (GRDP, left axis) and the focus share (right axis).
 * With `measure`, each y axis title is made small enough to fit along the plot.
 */
export function buildChartOptions(
  input: ChartInput,
  size: { width: number; height: number },
  measure?: MeasureText,
): uPlot.Options {
  const sectorCount = input.data.sectors.length;
  // Read once: uPlot bakes fonts in at creation, and ScenarioChart rebuilds when the size changes.
  const fontSize = input.fontSize ?? FONT_SIZE;
  // The plot's height: the chart's less the year axis (uPlot's default size) and a small margin.
  const titleRoom = size.height - X_AXIS_SIZE - fontSize;
  const titleSize = (label: string) => (measure ? fittedFontSize(label, fontSize, titleRoom, measure) : fontSize);
  const fits = (label: string) => !measure || measure(label, font(titleSize(label))) <= titleRoom;
  const valueTitle =
    fits(input.labels.value) || input.labels.valueShort === undefined ? input.labels.value : input.labels.valueShort;
  const scales = (u: uPlot) => chartScales(u, sectorCount, input.scales, input.data.shareTargetsUpper);
  const splits: uPlot.Axis['splits'] = (u, _axis, _min, max) => evenSplits(max, scales(u).divisions);
  const { share, targets } = seriesIndex(sectorCount);

  const sectors: uPlot.Series[] = input.data.sectors.map((id, k) => ({
    label: input.sectorLabels[k] ?? id,
    scale: 'grdp',
    class: 'chart-sector',
    stroke: sectorColour(k),
    fill: withAlpha(sectorColour(k), AREA_ALPHA),
    width: 1,
    points: { show: false },
    value: (u, _raw, _si, i) => legendValue(u.data[0], input.data.values[k] ?? [], i, input.formatValue),
  }));
  // Through the input at each call: a getter-backed input's formatter may change.
  const percent = legendOf((v) => input.formatPercent(v));

  // Bands fill from each stack down to the one below it; the bottom stack fills down to zero on its own.
  const bands: uPlot.Band[] = input.data.sectors.slice(1).map((_, k): uPlot.Band => ({ series: [k + 2, k + 1] }));

  return {
    width: size.width,
    height: size.height,
    series: [
      { label: input.labels.year, value: legendOf(String) },
      ...sectors,
      {
        label: input.labels.share,
        scale: 'share',
        stroke: INK,
        width: 2.5,
        points: { show: false },
        value: percent,
      },
      {
        label: input.labels.shareHistory,
        scale: 'share',
        class: 'chart-history',
        stroke: INK,
        fill: INK,
        width: 2,
        paths: () => null,
        points: { show: true, size: 10, width: 1.5, stroke: '#ffffff', fill: INK },
        value: percent,
      },
      targetSeries(input.labels.target, percent),
    ],
    bands,
    scales: {
      // A little room at both ends, so the first and last years' markers clear the axes.
      x: { time: false, range: (_u, min, max) => [min - X_MARGIN, max + X_MARGIN] },
      grdp: { range: (u) => [0, scales(u).grdp] },
      share: { range: (u) => [0, scales(u).share] },
    },
    axes: [
      { ...yearAxis(fontSize, [1, 2, 5, 10, 20, 50]), space: Math.max(44, fontSize * 4), grid: { show: false } },
      {
        ...valueAxis('grdp', 3, valueTitle, (_u, ticks) => ticks.map((v) => input.formatValue(v)), {
          fontSize,
          labelFontSize: titleSize(valueTitle),
        }),
        splits,
      },
      {
        ...valueAxis(
          'share',
          1,
          input.labels.shareAxis,
          // Ticks usually fall on whole percentages: show decimals only when a tick needs them.
          (_u, ticks) => {
            const whole = ticks.every((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9);
            return ticks.map((v) => input.formatPercent(v, whole ? 0 : 1));
          },
          { fontSize, labelFontSize: titleSize(input.labels.shareAxis), grid: false },
        ),
        splits,
      },
    ],
    cursor: {
      y: false,
      drag: { x: false, y: false, setScale: false },
      points: { size: 8 },
      // The crosshair snaps to the year whose values the legend shows; a negative left means "outside the plot".
      move: (u, left, top) => (left < 0 ? [left, top] : [u.valToPos(u.data[0][u.posToIdx(left)] ?? 0, 'x'), top]),
    },
    legend: { show: true, live: true },
    hooks: {
      draw: [
        (u) => drawTargetBands(u, targets, input.data.shareTargetsUpper),
        targetLabelHook({ targets, share, fontSize }, input, (year) => {
          const top = input.data.shareTargetsUpper[input.data.years.indexOf(year)];
          return top === null || top === undefined ? undefined : top;
        }),
      ],
    },
  };
}
